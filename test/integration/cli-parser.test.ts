// The command line of the built binary (issue 16, item 4): help per command, the version, usage errors
// (exit 64, one line naming the help to read), global flags before or after the command, and exit codes
// listed in --help as the code defines them. No account is needed: the bundled demo export serves reads.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {COMMANDS} from '../../source/cli/command-specs.js';
import {EXIT_CODES, EXIT_USAGE} from '../../source/cli/exit-codes.js';
import {FLAGS, GLOBAL_FLAGS} from '../../source/cli/flags.js';
import {motoEnvironment, root, runCli} from '../helpers/cli.js';

const demoExport = path.join(root, 'demo', 'demo-account.json');
const {version, description} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string; description: string};

describe('iamtui command line', () => {
	const env = motoEnvironment();
	const run = (...args: string[]) => runCli(args, env);

	it('--help lists every command in one line each, the global flags and the exit codes the code defines', async () => {
		const help = await run('--help');
		expect(help.code).toBe(0);
		expect(help.stderr).toBe('');
		expect(help.stdout.split('\n')[0]).toBe(`iamtui ${version} — ${description}`);
		for (const spec of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${spec.name}\\b.*  ${spec.summary.slice(0, 20).replace(/[()/.*+?[\]]/g, '\\$&')}`, 'm'));
		for (const key of GLOBAL_FLAGS) expect(help.stdout).toContain(`--${FLAGS[key].name}`);
		const codes = help.stdout.slice(help.stdout.indexOf('Exit codes'));
		for (const {code, meaning} of EXIT_CODES) expect(codes).toMatch(new RegExp(`^  ${code} +${meaning.slice(0, 15).replace(/[()]/g, '\\$&')}`, 'm'));
		expect((await run('-h')).stdout).toBe(help.stdout);
	});

	it('COMMAND --help, -h and help COMMAND print that command: usage, arguments, its flags, an example', async () => {
		const help = await run('offboard', '--help');
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/^Usage: iamtui offboard USER/);
		expect(help.stdout).toMatch(/^ {2}USER +a user name$/m);
		expect(help.stdout).toMatch(/^ {2}--keep-user +revoke every access but keep the user/m);
		expect(help.stdout).toMatch(/^ {2}--dry-run /m);
		expect(help.stdout).toMatch(/^Example\n {2}iamtui offboard wendy --yes$/m);
		expect(help.stdout).toContain('Exit codes');
		// users takes no --keep-user: its help does not offer it.
		expect((await run('users', '--help')).stdout).not.toContain('--keep-user');
		expect((await run('offboard', '-h')).stdout).toBe(help.stdout);
		expect((await run('help', 'offboard')).stdout).toBe(help.stdout);
		// --help wins over missing arguments and names the command's own flags.
		const can = await run('can', '-h');
		expect(can.code).toBe(0);
		expect(can.stdout).toMatch(/^ {2}--direct /m);
	});

	it('--version and -v print the package version', async () => {
		for (const flag of ['--version', '-v']) {
			const result = await run(flag);
			expect(result.code).toBe(0);
			expect(result.stdout.trim()).toBe(version);
		}
	});

	it.each([
		['an unknown flag', ['users', '--frobnicate'], /^iamtui: unknown flag --frobnicate for users — see iamtui users --help$/],
		['a flag of another command', ['users', '--keep-user'], /^iamtui: --keep-user is not a flag of users \(it is a flag of offboard\) — see iamtui users --help$/],
		['a misspelt flag', ['user', 'ana', '--jsn'], /unknown flag --jsn for user \(did you mean --json\?\) — see iamtui user --help$/],
		['an extra argument', ['users', 'extra'], /^iamtui: too many arguments: users takes no arguments — see iamtui users --help$/],
		['two users where one is taken', ['user', 'ana', 'bob'], /^iamtui: too many arguments: user takes USER — see iamtui user --help$/],
		['a flag without its value', ['users', '--from-file'], /--from-file needs a value — see iamtui users --help$/],
		['an unknown command', ['frobnicate'], /^iamtui: unknown command "frobnicate" — commands: users, user, /],
		['help for an unknown command', ['help', 'frobnicate'], /^iamtui: unknown command "frobnicate" — commands: users/],
		['a mistyped command', ['who-cna', 's3:GetObject'], /^iamtui: unknown command "who-cna" — did you mean who-can\? \(iamtui --help\)$/],
		['a command without its dash', ['whocan', 's3:GetObject'], /^iamtui: unknown command "whocan" — did you mean who-can\?/],
		['help for a mistyped command', ['help', 'offbord'], /^iamtui: unknown command "offbord" — did you mean offboard\?$/],
		['a short name like none', ['xyz'], /^iamtui: unknown command "xyz" — commands: users, user, /],
		['an unknown flag without a command', ['--frob'], /^iamtui: unknown flag --frob — see iamtui --help$/],
	])('%s: exit 64, one line saying which help to read', async (_, args, message) => {
		const result = await run(...args);
		expect(result.code).toBe(EXIT_USAGE);
		expect(result.stdout).toBe('');
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(result.stderr.trimEnd()).toMatch(message);
	});

	it('global flags work before or after the command', async () => {
		const after = await run('users', '--json', '--from-file', demoExport);
		const before = await run('--from-file', demoExport, '--json', 'users');
		const mixed = await run('--json', 'users', '--from-file', demoExport);
		expect(after.code, after.stderr).toBe(0);
		expect(JSON.parse(after.stdout)).not.toHaveLength(0);
		expect(before.stdout).toBe(after.stdout);
		expect(mixed.stdout).toBe(after.stdout);
	});
});
