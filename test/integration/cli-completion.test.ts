// Shell completion (issue 16, item 4): the script `iamtui completion bash` prints is loaded into a real
// bash, which is asked to complete command lines as it would at a TAB; zsh and fish scripts are parsed
// by their shells when installed, else checked for what they must register.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {COMMANDS} from '../../source/cli/command-specs.js';
import {EXIT_USAGE} from '../../source/cli/exit-codes.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';

const onPath = (shell: string) => spawnSync(shell, ['--version'], {stdio: 'ignore'}).status === 0;
const dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-completion-'));

/** What bash offers at TAB after `line` (a trailing space: a new, empty word). */
const bashCompletes = (script: string, line: string): string[] => {
	const file = path.join(dir, 'iamtui.bash');
	writeFileSync(file, script);
	const driver = [
		`source ${JSON.stringify(file)}`,
		'complete -p iamtui',
		`read -ra COMP_WORDS <<< ${JSON.stringify(line)}`,
		line.endsWith(' ') ? 'COMP_WORDS+=("")' : ':',
		'COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))',
		'COMPREPLY=()',
		'"$(complete -p iamtui | sed -E "s/.* -F ([^ ]+) .*/\\1/")"',
		'printf "%s\\n" "${COMPREPLY[@]}"',
	].join('\n');
	const output = execFileSync('bash', ['--norc', '--noprofile', '-c', driver], {cwd: dir, encoding: 'utf8'});
	const [registration, ...words] = output.trimEnd().split('\n');
	expect(registration).toMatch(/^complete .*-F \S+ iamtui$/);
	return words.filter(Boolean);
};

describe('iamtui completion', () => {
	const env = motoEnvironment();
	const scripts: Record<string, string> = {};

	beforeAll(async () => {
		for (const shell of ['bash', 'zsh', 'fish']) {
			const result = await runCli(['completion', shell], env);
			expect(result.code, result.stderr).toBe(0);
			scripts[shell] = result.stdout;
		}
	});

	it('bash completes commands, and after a command only that command\'s flags', () => {
		expect(bashCompletes(scripts.bash!, 'iamtui who')).toEqual(['who-can']);
		expect(bashCompletes(scripts.bash!, 'iamtui create-')).toEqual(['create-user', 'create-key', 'create-policy', 'create-group']);
		expect(bashCompletes(scripts.bash!, 'iamtui offboard ana --ke')).toEqual(['--keep-user']);
		expect(bashCompletes(scripts.bash!, 'iamtui users --ke')).toEqual([]);
		// A global flag's value is skipped on the way to the command.
		expect(bashCompletes(scripts.bash!, 'iamtui --profile prod can ana s3:GetObject --di')).toEqual(['--direct']);
		expect(bashCompletes(scripts.bash!, 'iamtui users --con')).toEqual(['--config-dir']);
		expect(bashCompletes(scripts.bash!, 'iamtui completion ')).toEqual(['bash', 'zsh', 'fish']);
		expect(bashCompletes(scripts.bash!, 'iamtui create-key ana --if-save-fails ')).toEqual(['delete', 'show']);
		expect(bashCompletes(scripts.bash!, 'iamtui ').sort()).toEqual([...COMMANDS.map(c => c.name), 'help'].sort());
	});

	it('zsh and fish scripts parse, and name every command and its flags', () => {
		for (const shell of ['zsh', 'fish'] as const) {
			const script = scripts[shell]!;
			if (onPath(shell)) {
				const file = path.join(dir, `iamtui.${shell}`);
				writeFileSync(file, script);
				expect(spawnSync(shell, ['-n', file], {encoding: 'utf8'}).status, `${shell} -n`).toBe(0);
			}
			for (const spec of COMMANDS) expect(script).toContain(spec.name);
		}
		if (onPath('fish')) {
			// fish completes as at a TAB: `complete -C LINE` prints each candidate and its description.
			const file = path.join(dir, 'iamtui.fish');
			const fishCompletes = (line: string) =>
				execFileSync('fish', ['--no-config', '-c', `source ${JSON.stringify(file)}; complete -C ${JSON.stringify(line)}`], {encoding: 'utf8'})
					.split('\n')
					.filter(Boolean)
					.map(candidate => candidate.split('\t')[0]);
			expect(fishCompletes('iamtui who')).toEqual(['who-can']);
			expect(fishCompletes('iamtui offboard ana --ke')).toEqual(['--keep-user']);
			expect(fishCompletes('iamtui users --ke')).toEqual([]);
		}
		expect(scripts.zsh).toMatch(/^#compdef iamtui$/m);
		expect(scripts.zsh).toMatch(/^\s*\(offboard\) flags=\(.*--keep-user.*\) ;;$/m);
		expect(scripts.fish).toContain("complete -c iamtui -n '__fish_seen_subcommand_from offboard' -l keep-user");
		expect(scripts.fish).not.toContain("'__fish_seen_subcommand_from users' -l keep-user");
	});

	it('an unknown or missing shell is a usage error naming the shells', async () => {
		for (const args of [['completion', 'tcsh'], ['completion']]) {
			const result = await runCli(args, env);
			expect(result.code).toBe(EXIT_USAGE);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/— use iamtui completion bash, zsh or fish/);
		}
	});
});
