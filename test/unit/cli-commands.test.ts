// The command table (source/cli/command-specs.ts) is the one list of commands: the dispatcher answers
// exactly its commands, every flag a command lists exists, and the readme documents every command.
import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {COMMANDS} from '../../source/cli/command-specs.js';
import {FLAGS, GLOBAL_FLAGS} from '../../source/cli/flags.js';
import {headlessCommands} from '../../source/commands/run.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

it('runHeadless dispatches exactly the commands of the table (completion is the CLI\'s own)', () => {
	const cases = [...read('source/commands/run.ts').matchAll(/^\t\tcase '([a-z-]+)':/gm)].map(match => match[1]);
	expect([...new Set(cases)].sort()).toEqual([...headlessCommands].sort());
	expect(headlessCommands).not.toContain('completion');
	expect(COMMANDS.map(spec => spec.name).filter(name => name !== 'completion').sort()).toEqual([...headlessCommands].sort());
});

it('each command lists each of its flags once, none of them global, each one known', () => {
	for (const spec of COMMANDS) {
		expect(new Set(spec.flags).size, spec.name).toBe(spec.flags.length);
		for (const key of spec.flags) {
			expect(FLAGS[key], `${spec.name} --${String(key)}`).toBeDefined();
			expect(GLOBAL_FLAGS, `${spec.name} --${FLAGS[key].name}`).not.toContain(key);
		}
		expect(spec.example.startsWith(`iamtui ${spec.name}`), spec.example).toBe(true);
	}
});

it('the readme documents every command, with an example', () => {
	const readme = read('readme.md');
	for (const spec of COMMANDS) expect(readme, spec.name).toMatch(new RegExp(`^(iamtui|source <\\(iamtui) ${spec.name}\\b`, 'm'));
});
