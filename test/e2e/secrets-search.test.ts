// Issues 5 and 9: every path that creates a secret, then a search for each secret everywhere iamtui
// leaves text. In the TUI (tmux, no display, so the clipboard cannot work): the create-user wizard
// (password + key; a copy fails with a clear message; saved as CSV), a second key (K), a password reset
// (p), a rotation's new key (R). Headless: create-user and create-key with --save-csv, and restore of an
// offboarded user with --save-csv. Every secret and password is read back from the CSVs (0600), then
// searched for in every file under the config folder (store, journal, records, rotations), in any file
// that appeared in the working folder, in the stdout/stderr of every headless run (none has
// --show-secret), on the screen after each dismissal and in the tmux scrollback after the TUI quit.
import {mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, it} from 'vitest';
import {DEPARTED, EMPTY_GROUP, READ_ONLY_USER} from '../../scripts/seed.js';
import {readCredentialsCsv, secretsIn} from '../helpers/credentials-csv.js';
import {cliPath, root, type CliRun} from '../helpers/cli.js';
import {e2eAccount} from '../helpers/e2e.js';
import {createUserStepOne, openUserSafely, saveSecretsCsv, showsSecret} from '../helpers/e2e-steps.js';
import {TmuxSession} from '../helpers/tmux.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const TUI_USER = 'secret.search';
const HEADLESS_USER = 'headless.secret';

/** Every file under a folder, recursively. */
const filesUnder = (folder: string): string[] =>
	readdirSync(folder, {withFileTypes: true}).flatMap(entry => {
		const full = path.join(folder, entry.name);
		return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
	});

/** The forms a secret could take in a file: as is, JSON-escaped, or half of it (cut or wrapped). */
const leaks = (text: string, secret: string): boolean => showsSecret(text, secret) || text.includes(JSON.stringify(secret).slice(1, -1));

describeWithMoto('e2e: secrets are shown once and written nowhere else', () => {
	const account = e2eAccount();

	it('wizard, copy, K, p, rotation, headless create-user/create-key/restore: zero hits outside the CSVs', async () => {
		const csvFolder = mkdtempSync(path.join(os.tmpdir(), 'iamtui-secrets-'));
		const csvs: string[] = [];
		const csv = (name: string) => {
			const file = path.join(csvFolder, name);
			csvs.push(file);
			return file;
		};
		const rootBefore = new Set(readdirSync(root));
		const screens: Array<{where: string; text: string}> = [];

		// The TUI without a display: DISPLAY and WAYLAND_DISPLAY unset, so the clipboard has nowhere to go.
		const env = {...account.env()};
		delete env.DISPLAY;
		delete env.WAYLAND_DISPLAY;
		const tui = TmuxSession.start({command: [process.execPath, cliPath, '--endpoint-url', account.moto().endpoint], env, width: 140, height: 50, cwd: root});
		/** SecretOnce → s → the path → saved → d; returns the screen after the dismissal. */
		const saveAndDismiss = async (file: string, after: string | RegExp): Promise<string> => {
			await saveSecretsCsv(tui, file);
			tui.keys('d');
			const screen = await tui.waitFor(after);
			screens.push({where: `the screen after dismissing ${path.basename(file)}`, text: screen});
			return screen;
		};
		try {
			await tui.waitFor(/Users \(\d+\)/, 60_000);

			// 1. The create-user wizard: generated password and a key; copying fails clearly; saved; dismissed.
			await createUserStepOne(tui, TUI_USER);
			tui.keys('Space');
			await tui.waitFor(/^› Console access\s+generated password/m);
			// The plan is built only once the account's password policy is read (moto has none).
			await tui.waitFor('The account has no password policy');
			tui.keys('Tab');
			await tui.waitFor(/^› Reset at next sign-in/m);
			tui.keys('Tab');
			await tui.waitFor(/^› Access key\s+no/m);
			tui.keys('Space');
			await tui.waitFor(/^› Access key\s+yes/m);
			tui.keys('Enter');
			await tui.waitFor('step 3 of 3');
			tui.keys('Enter');
			await tui.waitFor('y/enter runs 4 steps');
			tui.keys('y');
			await tui.waitFor(/shown once[\s\S]*Secret access key/);
			tui.keys('c');
			const copyFailed = await tui.waitFor(/Could not copy to the clipboard: [\s\S]*press s to save as CSV instead/);
			expect(copyFailed).toContain('Secret access key');
			await saveAndDismiss(csv('wizard.csv'), /Users \(\d+\)/);

			// 2. A second key from the User screen (K).
			await openUserSafely(tui, TUI_USER);
			await tui.waitFor(/Access keys\n\s+AKIA\w+\s+Active/);
			tui.keys('K');
			await tui.waitFor('y/enter runs 1 step');
			tui.keys('y');
			await tui.waitFor(/shown once[\s\S]*Secret access key/);
			await saveAndDismiss(csv('second-key.csv'), `User ${TUI_USER}`);

			// 3. A password reset (p): generated, reset at next sign-in.
			await tui.waitFor(/Access keys\n\s+AKIA\w+\s+Active[^\n]*\n\s+AKIA\w+\s+Active/);
			tui.keys('p');
			await tui.waitFor(`Reset the console password of ${TUI_USER}`);
			await tui.waitFor(/^› Password\s+generated/m);
			await tui.waitFor('The account has no password policy');
			tui.keys('Enter');
			await tui.waitFor(/^› Reset at next sign-in\s+yes/m);
			tui.keys('Enter');
			const reset = await tui.waitFor('y/enter runs 1 step');
			expect(reset).toContain(`aws iam update-login-profile --user-name ${TUI_USER}`);
			tui.keys('y');
			await tui.waitFor(/shown once[\s\S]*Password/);
			await saveAndDismiss(csv('password-reset.csv'), `User ${TUI_USER}`);

			// 4. A rotation's new key (R on a one-key user); the rotation is left at "switch" (stored).
			tui.keys('q');
			await tui.waitFor(/Users \(1\/\d+\)/);
			tui.keys('Escape');
			await tui.waitFor(/Users \(\d+\)/);
			await openUserSafely(tui, READ_ONLY_USER);
			await tui.waitFor(/Access keys\n\s+AKIA\w+\s+Active/);
			tui.keys('R');
			await tui.waitFor('enter: create a second key beside');
			tui.keys('Enter');
			await tui.waitFor('y/enter runs 1 step');
			tui.keys('y');
			await tui.waitFor(/shown once[\s\S]*Secret access key/);
			await saveAndDismiss(csv('rotation.csv'), /› 2\. Switch the tool to the new key/);
			tui.keys('Escape');
			await tui.waitFor(`User ${READ_ONLY_USER}`);
			tui.keys('q');
			await tui.waitFor(/Users \(1\/\d+\)/);
			tui.keys('q');
			expect(await tui.waitForExit()).toBe(0);
			const scrollback = tui.scrollback();
			expect(scrollback).toContain('[iamtui-e2e exit 0');
			screens.push({where: 'the tmux scrollback after the TUI quit', text: scrollback});
		} finally {
			tui.kill();
		}

		// 5. Headless: create-user and create-key with --save-csv; offboard, then restore with --save-csv.
		const runs: Array<{args: string[]; run: CliRun}> = [];
		const cli = async (args: string[], expectedCode = 0) => {
			const run = await account.cli(args);
			expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(expectedCode);
			expect(args).not.toContain('--show-secret');
			runs.push({args, run});
			return run;
		};
		await cli(['create-user', HEADLESS_USER, '--console-password', '--access-key', '--group', EMPTY_GROUP, '--save-csv', csv('headless-user.csv')]);
		await cli(['create-key', HEADLESS_USER, '--save-csv', csv('headless-key.csv')]);
		// Without a place for the secret, create-key refuses before anything is sent.
		await cli(['create-key', 'amara.okafor'], 64);
		await cli(['offboard', DEPARTED.user, '--yes']);
		const records = JSON.parse((await cli(['records', '--json'])).stdout) as Array<{path: string; user: string}>;
		const record = records.find(r => r.user === DEPARTED.user)!;
		await cli(['restore', record.path, '--save-csv', csv('restore.csv')]);
		for (const args of [['journal', '--json'], ['journal'], ['users', '--json'], ['user', TUI_USER, '--json'], ['user', HEADLESS_USER, '--json'], ['user', DEPARTED.user, '--json'], ['records', '--json']])
			await cli(args);

		// The secrets, from the CSVs: each file 0600 with the console's header.
		const secrets: string[] = [];
		for (const file of csvs) {
			const saved = readCredentialsCsv(file);
			expect(saved.mode, file).toBe(0o600);
			expect(saved.header, file).toEqual(['User name', 'Password', 'Access key ID', 'Secret access key', 'Console login link']);
			expect(secretsIn(saved).length, file).toBeGreaterThan(0);
			// The search finds a secret where it is: the CSV itself is the control.
			for (const secret of secretsIn(saved)) expect(leaks(saved.text, secret)).toBe(true);
			secrets.push(...secretsIn(saved));
		}
		// wizard: password + key; K: key; p: password; rotation: key; headless user: password + key;
		// headless key: key; restore: password + key.
		expect(secrets).toHaveLength(10);
		expect(new Set(secrets).size).toBe(10);

		// Where to look: every file under the config folder (also HOME), new files in the working folder.
		const configFiles = filesUnder(env.IAMTUI_CONFIG_DIR!);
		const names = configFiles.map(file => path.relative(env.IAMTUI_CONFIG_DIR!, file));
		expect(names).toEqual(expect.arrayContaining(['config.json', 'journal.jsonl', 'rotations.json']));
		expect(names.some(name => name.startsWith(`records${path.sep}`))).toBe(true);
		const newInRoot = readdirSync(root)
			.filter(name => !rootBefore.has(name))
			.map(name => path.join(root, name))
			.filter(file => statSync(file).isFile());
		const texts = [
			...[...configFiles, ...newInRoot].map(file => ({where: file, text: readFileSync(file, 'latin1') + readFileSync(file, 'utf8')})),
			...runs.flatMap(({args, run}) => [
				{where: `stdout of iamtui ${args.join(' ')}`, text: run.stdout},
				{where: `stderr of iamtui ${args.join(' ')}`, text: run.stderr},
			]),
			...screens,
		];
		const hits = texts.flatMap(({where, text}) => secrets.flatMap((secret, n) => (leaks(text, secret) ? [`secret #${n + 1} in ${where}`] : [])));
		expect(hits).toEqual([]);
		console.info(
			`secrets search: ${secrets.length} secrets and passwords, ${configFiles.length + newInRoot.length} files, ${runs.length * 2} headless outputs (${runs.length} runs), ${screens.length} screens/scrollback — ${hits.length} hits`,
		);
	}, 300_000);
});
