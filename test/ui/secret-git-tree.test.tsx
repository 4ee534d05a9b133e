// SecretOnce beside a git work tree: the CSV is offered in the home folder (saying why), and a file the
// operator saves inside a work tree anyway is saved, with a warning that it could be committed.
import {mkdirSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, expect, it} from 'vitest';
import type {IssuedSecret} from '../../source/model/plans/execute.js';
import {Secret} from '../../source/model/secret.js';
import {defaultSecretFolder, gitTreeWarning} from '../../source/store/secret-location.js';
import {credentialRows, saveCredentialsCsv} from '../../source/store/credentials-csv.js';
import {KeyboardProvider} from '../../source/ui/hooks/keyboard.js';
import {SecretOnce} from '../../source/ui/screens/SecretOnce.js';
import {renderTui, tick, type Rendered} from '../helpers/render.js';

const URL = 'https://123456789012.signin.aws.amazon.com/console';
const CTRL_U = '\u0015';
let base: string;
let repo: string;
let ui: Rendered | undefined;
beforeEach(() => {
	base = mkdtempSync(path.join(os.tmpdir(), 'iamtui-secret-git-'));
	repo = path.join(base, 'repo');
	mkdirSync(path.join(repo, '.git'), {recursive: true});
	mkdirSync(path.join(base, 'home'));
});
afterEach(() => {
	ui?.unmount();
	ui = undefined;
	rmSync(base, {recursive: true, force: true});
});

const show = () => {
	const secrets: IssuedSecret[] = [
		{kind: 'access-key', user: 'ana.silva', accessKeyId: 'AKIAANAEXAMPLE000009', secretAccessKey: new Secret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), createDate: '2024-06-01T00:00:00Z'},
	];
	ui = renderTui(
		<KeyboardProvider readOnly={false}>
			<SecretOnce
				secrets={secrets}
				signInUrl={URL}
				saveCsv={async (file, overwrite) => saveCredentialsCsv(file, credentialRows(secrets, URL), {overwrite})}
				copy={async () => ({ok: false, message: 'no clipboard'})}
				defaultFolder={defaultSecretFolder(repo, path.join(base, 'home'))}
				fileWarning={gitTreeWarning}
				onDismiss={() => {}}
				focused
				width={160}
				height={30}
			/>
		</KeyboardProvider>,
		{columns: 160, rows: 30},
	);
	return ui;
};

it('offers the CSV in the home folder when the current folder is in a git work tree, and says why', async () => {
	const tui = show();
	tui.write('s');
	const frame = await tui.waitFor('Save as CSV to: ~/ana.silva_credentials.csv');
	expect(frame).toContain(`the current folder is in the git work tree ${repo}`);
});

it('a CSV saved inside a work tree anyway is written 0600, with a warning naming the tree', async () => {
	const tui = show();
	tui.write('s');
	await tui.waitFor('Save as CSV to:');
	tui.write(CTRL_U);
	await tick();
	const file = path.join(repo, 'ana.csv');
	tui.write(file);
	await tui.waitFor(file);
	tui.write('\r');
	const frame = await tui.waitFor('(mode 0600) —');
	// The status wraps at the screen's width: compare without the line breaks and the spaces they took.
	expect(frame.replace(/\s+/g, '')).toContain(`insidethegitworktree${repo}`);
	expect(statSync(file).mode & 0o777).toBe(0o600);
});
