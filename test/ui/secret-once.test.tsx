// SecretOnce rendered for real: it shows the issued credentials once, saves them as a 0600 CSV in a
// real temporary folder, copies through the given clipboard function, asks before an unsaved dismiss,
// and wipes every Secret when it goes.
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {IssuedSecret} from '../../source/model/plans/execute.js';
import {Secret} from '../../source/model/secret.js';
import {credentialRows, saveCredentialsCsv} from '../../source/store/credentials-csv.js';
import {KeyboardProvider} from '../../source/ui/hooks/keyboard.js';
import {SecretOnce, type CopyOutcome} from '../../source/ui/screens/SecretOnce.js';
import {compact, keys, renderTui, tick, type Rendered} from '../helpers/render.js';

const URL = 'https://123456789012.signin.aws.amazon.com/console';
const KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PASSWORD = 'Xq7!mR2#vK9@pL4$wN6%';
const CTRL_U = '\u0015';

let dir: string;
let ui: Rendered | undefined;
beforeEach(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-secret-once-'));
});
afterEach(() => {
	ui?.unmount();
	ui = undefined;
	rmSync(dir, {recursive: true, force: true});
});

const issued = (): IssuedSecret[] => [
	{kind: 'password', user: 'ana.silva', password: new Secret(PASSWORD), passwordResetRequired: true},
	{kind: 'access-key', user: 'ana.silva', accessKeyId: 'AKIAANAEXAMPLE000009', secretAccessKey: new Secret(KEY), createDate: '2024-06-01T00:00:00Z'},
];
const everySecret = (secrets: IssuedSecret[]) => secrets.map(s => (s.kind === 'password' ? s.password : s.secretAccessKey));

const start = (options: {copy?: (secret: Secret) => Promise<CopyOutcome>} = {}) => {
	const secrets = issued();
	const onDismiss = vi.fn();
	const clear = vi.fn(async () => 'cleared' as const);
	const copy = vi.fn(options.copy ?? (async (): Promise<CopyOutcome> => ({ok: true, handle: {seconds: 30, clear, cancel: () => {}}})));
	const saveCsv = vi.fn(async (file: string, overwrite: boolean) => saveCredentialsCsv(file, credentialRows(secrets, URL), {overwrite}));
	ui = renderTui(
		<KeyboardProvider readOnly={false}>
			<SecretOnce secrets={secrets} signInUrl={URL} saveCsv={saveCsv} copy={copy} onDismiss={onDismiss} focused width={120} height={30} />
		</KeyboardProvider>,
		{columns: 120, rows: 30},
	);
	return {tui: ui, secrets, onDismiss, copy, clear, saveCsv};
};

const expectGone = (tui: Rendered, secrets: IssuedSecret[]) => {
	for (const secret of everySecret(secrets)) expect(secret.wiped).toBe(true);
	expect(tui.lastFrame()).not.toContain(KEY);
	expect(tui.lastFrame()).not.toContain(PASSWORD);
};

describe('SecretOnce', () => {
	it('shows every credential once with the banner; c copies the secret key; dismissing after a copy wipes everything', async () => {
		const {tui, secrets, onDismiss, copy, clear} = start();
		const frame = await tui.waitFor(KEY);
		expect(frame).toContain('shown once — save or copy now; after you leave this screen it cannot be shown again');
		expect(frame).toMatch(/ana\.silva — console password/);
		expect(frame).toMatch(new RegExp(`Password +${PASSWORD.replace(/[$^*()|[\]{}+?.\\]/g, '\\$&')}  must be changed at next sign-in`));
		expect(frame).toMatch(/› ana\.silva — access key/);
		expect(frame).toMatch(/Access key ID +AKIAANAEXAMPLE000009/);
		expect(frame).toMatch(/Secret access key +wJalrXUtnFEMI/);
		expect(frame).toContain(URL);

		tui.write('c');
		await tui.waitFor('copied — clipboard clears in 30 s');
		expect(copy).toHaveBeenCalledTimes(1);
		expect(copy.mock.calls[0]![0].reveal()).toBe(KEY);

		tui.write('d');
		await vi.waitFor(() => expect(onDismiss).toHaveBeenCalledTimes(1));
		await tui.waitFor('gone from memory');
		expect(clear).toHaveBeenCalled();
		expectGone(tui, secrets);
	});

	it('↑ selects the password, and c copies it', async () => {
		const {tui, copy} = start();
		await tui.waitFor('› ana.silva — access key');
		tui.write(keys.up);
		await tui.waitFor('› ana.silva — console password');
		tui.write('c');
		await tui.waitFor('password of ana.silva copied');
		expect(copy.mock.calls[0]![0].reveal()).toBe(PASSWORD);
	});

	it('s saves a 0600 CSV to the path typed; an existing file asks before overwriting', async () => {
		const {tui, secrets, onDismiss, saveCsv} = start();
		await tui.waitFor(KEY);
		tui.write('s');
		await tui.waitFor('Save as CSV to: ./ana.silva_credentials.csv');
		const file = path.join(dir, 'ana.csv');
		tui.write(CTRL_U);
		await tui.waitForFrame(f => !f.includes('ana.silva_credentials.csv'));
		await tick();
		tui.write(file);
		await tui.waitFor(file);
		tui.write(keys.enter);
		await tui.waitFor(`saved to ${file} (mode 0600)`);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const text = readFileSync(file, 'utf8');
		expect(text).toContain(`ana.silva,${PASSWORD},AKIAANAEXAMPLE000009,${KEY},${URL}`);

		// Again to the same file: it exists, so the screen asks; y overwrites.
		tui.write('s');
		await tui.waitFor(`Save as CSV to: ${file}`);
		tui.write(keys.enter);
		await tui.waitFor(`${file} exists — overwrite? y/n`);
		expect(saveCsv).toHaveBeenLastCalledWith(file, false);
		tui.write('y');
		await vi.waitFor(() => expect(saveCsv).toHaveBeenLastCalledWith(file, true));
		await tui.waitFor(`saved to ${file}`);

		// Saved: enter dismisses without asking.
		tui.write(keys.enter);
		await vi.waitFor(() => expect(onDismiss).toHaveBeenCalledTimes(1));
		await tui.waitFor('gone from memory');
		expectGone(tui, secrets);
		expect(readFileSync(file, 'utf8')).toBe(text);
	});

	it('a save that fails (missing folder) says why and keeps the path for editing', async () => {
		const {tui} = start();
		await tui.waitFor(KEY);
		tui.write('s');
		await tui.waitFor('Save as CSV to:');
		tui.write(CTRL_U);
		await tui.waitForFrame(f => !f.includes('ana.silva_credentials.csv'));
		await tick();
		tui.write(path.join(dir, 'missing', 'x.csv'));
		await tui.waitFor('x.csv');
		tui.write(keys.enter);
		// Spaces dropped: the message wraps where the temporary folder's length puts it.
		const missing = compact(`The folder ${path.join(dir, 'missing')} does not exist; create it or choose another path`);
		await tui.waitForFrame(frame => compact(frame).includes(missing));
		expect(tui.lastFrame()).toContain('Save as CSV to:');
		tui.write(keys.escape);
		await tui.waitFor('s save as CSV');
		expect(tui.lastFrame()).toContain(KEY);
	});

	it('dismissing unsaved asks first: n stays, y wipes and leaves', async () => {
		const {tui, secrets, onDismiss} = start();
		await tui.waitFor(KEY);
		tui.write('d');
		await tui.waitFor('you have not saved it: dismiss anyway? y/n');
		tui.write('n');
		await tui.waitFor('s save as CSV');
		expect(onDismiss).not.toHaveBeenCalled();
		expect(tui.lastFrame()).toContain(KEY);

		tui.write(keys.escape);
		await tui.waitFor('dismiss anyway? y/n');
		tui.write('y');
		await vi.waitFor(() => expect(onDismiss).toHaveBeenCalledTimes(1));
		await tui.waitFor('gone from memory');
		expectGone(tui, secrets);
	});

	it('q asks like dismiss, instead of leaving with the secret unsaved', async () => {
		const {tui, onDismiss} = start();
		await tui.waitFor(KEY);
		tui.write('q');
		await tui.waitFor('dismiss anyway? y/n');
		expect(onDismiss).not.toHaveBeenCalled();
	});

	it('a failed copy says so, points to saving, and does not count as kept', async () => {
		const {tui, onDismiss} = start({copy: async () => ({ok: false, message: 'Could not copy to the clipboard: no display'})});
		await tui.waitFor(KEY);
		tui.write('c');
		await tui.waitFor('Could not copy to the clipboard: no display — press s to save as CSV instead');
		tui.write('d');
		await tui.waitFor('dismiss anyway? y/n');
		expect(onDismiss).not.toHaveBeenCalled();
	});

	it('leaving the screen any other way (unmount) still wipes every secret and clears the clipboard', async () => {
		const {tui, secrets, clear} = start();
		await tui.waitFor(KEY);
		tui.write('c');
		await tui.waitFor('copied');
		tui.unmount();
		ui = undefined;
		for (const secret of everySecret(secrets)) expect(secret.wiped).toBe(true);
		expect(clear).toHaveBeenCalled();
	});
});
