import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import type {KeyScope} from '../../source/ui/key-scopes.js';
import {commands, commandsFor, commandsIn, matchCommand, type Command} from '../../source/ui/keymap.js';
import {keymapMarkdown} from '../../source/ui/keymap-markdown.js';

const screens: KeyScope[] = ['users', 'user', 'groups', 'group', 'policies', 'policy', 'profiles', 'whocan', 'access'];
const noKey = (): Key =>
	({upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
		return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
		super: false, hyper: false, capsLock: false, numLock: false}) as Key;

const bindingId = (cmd: Command) => cmd.bindings.map(b => ('key' in b ? `key:${b.key}` : `input:${b.input}`));

describe('keymap', () => {
	it('never binds one key to two commands on the same screen', () => {
		for (const screen of screens) {
			const seen = new Map<string, string>();
			for (const cmd of commandsFor(screen)) {
				for (const id of bindingId(cmd)) {
					expect(seen.get(id), `${id} on ${screen}`).toBeUndefined();
					seen.set(id, cmd.id);
				}
			}
		}
	});

	it('resolves keys per scope', () => {
		expect(matchCommand('users', 'j', noKey())).toBe('down');
		expect(matchCommand('users', '', {...noKey(), downArrow: true})).toBe('down');
		expect(matchCommand('profiles', '', {...noKey(), return: true})).toBe('switch-profile');
		expect(matchCommand('users', '', {...noKey(), return: true})).toBe('open');
		expect(matchCommand('user', 's', noKey())).toBeUndefined();
		expect(matchCommand('global', 'q', noKey())).toBe('quit');
		expect(matchCommand('global', 'q', {...noKey(), ctrl: true})).toBeUndefined();
	});

	it('leaves dangerous commands out in read-only mode', () => {
		const all = commandsIn('users');
		expect(commandsIn('users', {readOnly: true})).toEqual(all.filter(cmd => !cmd.dangerous));
		for (const cmd of commands) if (cmd.dangerous) expect(keymapMarkdown({readOnly: true})).not.toContain(cmd.description);
	});

	it('renders the keymap as a markdown table with every command and jump', () => {
		const table = keymapMarkdown();
		expect(table.split('\n')[0]).toBe('| keys | what it does | where |');
		for (const cmd of commands) expect(table).toContain(cmd.description);
		for (const jump of [':users', ':groups', ':policies', ':profiles']) expect(table).toContain(`\`${jump}\``);
	});
});
