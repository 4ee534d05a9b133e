// The `:` jump targets come from one list (source/ui/jump-targets.ts): every one routes to a screen of its own scope,
// and the command line, its help text, the help overlay and the unknown-command hint all name every one.
import {describe, expect, it} from 'vitest';
import {commandLineEntries, isJumpTarget, jumpTargets} from '../../source/ui/jump-targets.js';
import {commands} from '../../source/ui/keymap.js';
import {jumpRoute, scopeOf} from '../../source/ui/hooks/routes.js';
import {appHarness} from '../helpers/app.js';
import {keys, type Rendered} from '../helpers/render.js';

const harness = appHarness();

/** `:text` enter, typed one key at a time as an operator would. */
const runCommandLine = async (tui: Rendered, text: string) => {
	tui.write(':');
	await tui.waitFor(':users :groups');
	await tui.type(text);
	tui.write(keys.enter);
};

describe('the : jump targets', () => {
	it('route each target to its own screen, whose keymap scope is the target', () => {
		for (const target of jumpTargets) expect(scopeOf(jumpRoute(target))).toBe(target);
	});

	it('are what the command line offers and its help names, and nothing else jumps', () => {
		const names = commandLineEntries.map(entry => entry.name);
		expect(names.filter(isJumpTarget)).toEqual([...jumpTargets]);
		expect(names.filter(name => !isJumpTarget(name))).toEqual(['help', 'quit']);
		const commandLine = commands.find(cmd => cmd.id === 'command-line');
		for (const target of jumpTargets) expect(commandLine?.description).toContain(`:${target}`);
	});

	it('each open their screen in the App: the help it then shows is that screen\'s', async () => {
		const {tui} = harness.start({rows: 60});
		await tui.waitFor('Users (12)');
		for (const target of jumpTargets) {
			await runCommandLine(tui, target);
			// Who-can opens with its query field taking the keys: esc leaves the field.
			if (target === 'whocan') {
				await tui.waitFor('esc cancels');
				tui.write(keys.escape);
				await tui.waitForFrame(frame => !frame.includes('esc cancels'));
			}
			await runCommandLine(tui, 'help');
			await tui.waitFor(`Keys — ${target}`);
			tui.write(keys.escape);
			await tui.waitForFrame(frame => !frame.includes('Keys — '));
		}
	});

	it('a mistyped command names the one meant', async () => {
		const {tui} = harness.start({columns: 200});
		await tui.waitFor('Users (12)');
		await runCommandLine(tui, 'usrs');
		const frame = await tui.waitFor('Unknown command :usrs');
		expect(frame).toContain('Unknown command :usrs — did you mean :users?');
		expect(frame).not.toContain(':hygiene');
	});

	it('an unknown command names every target, :hygiene and :journal too', async () => {
		const {tui} = harness.start({columns: 200});
		await tui.waitFor('Users (12)');
		await runCommandLine(tui, 'nowhere');
		const frame = await tui.waitFor('Unknown command :nowhere');
		for (const target of jumpTargets) expect(frame).toContain(`:${target}`);
	});
});
