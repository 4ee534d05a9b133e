// The ways a secret leaves memory, on a real file system: the credentials CSV (0600, the console's
// columns, never over an existing file unless asked), signing certificates and their private key,
// and the clipboard that clears itself — with a fake clipboard at the OS boundary and fake timers.
import {execFileSync} from 'node:child_process';
import {chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {generate} from 'selfsigned';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {IssuedSecret} from '../../source/model/plans/execute.js';
import {Secret} from '../../source/model/secret.js';
import {generateSelfSigned, readCertificatePem} from '../../source/store/certificates.js';
import type {Clipboard} from '../../source/store/clipboard.js';
import {checkPrivateFile, writePrivateFile} from '../../source/store/private-file.js';
import {copyWithAutoClear} from '../../source/store/clipboard-auto-clear.js';
import {credentialRows, CSV_HEADER, saveCredentialsCsv} from '../../source/store/credentials-csv.js';

const URL = 'https://123456789012.signin.aws.amazon.com/console';
const KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-secrets-'));
});
afterEach(() => {
	chmodSync(dir, 0o700);
	rmSync(dir, {recursive: true, force: true});
});

const issued = (): IssuedSecret[] => [
	{kind: 'password', user: 'ana.silva', password: new Secret('Pa,ss"word1'), passwordResetRequired: true},
	{kind: 'access-key', user: 'ana.silva', accessKeyId: 'AKIAANA', secretAccessKey: new Secret(KEY), createDate: '2024-06-01T00:00:00Z'},
	{kind: 'access-key', user: 'rsdash', accessKeyId: 'AKIARSDASH', secretAccessKey: new Secret('rs-secret'), createDate: '2024-06-01T00:00:00Z'},
];
const mode = (file: string) => statSync(file).mode & 0o777;

describe('saveCredentialsCsv', () => {
	it("writes the console's header, one row per user with RFC 4180 quoting, mode 0600", () => {
		const file = path.join(dir, 'ana_credentials.csv');
		const result = saveCredentialsCsv(file, credentialRows(issued(), URL), {overwrite: false});
		expect(result).toEqual({ok: true, path: file});
		expect(mode(file)).toBe(0o600);
		expect(readFileSync(file, 'utf8')).toBe(
			[
				'User name,Password,Access key ID,Secret access key,Console login link',
				`ana.silva,"Pa,ss""word1",AKIAANA,${KEY},${URL}`,
				'rsdash,,AKIARSDASH,rs-secret,',
				'',
			].join('\r\n'),
		);
		expect(CSV_HEADER.join(',')).toBe('User name,Password,Access key ID,Secret access key,Console login link');
	});

	it('gives a second key of the same user its own row', () => {
		const secrets: IssuedSecret[] = [
			{kind: 'access-key', user: 'svc', accessKeyId: 'AKIA1', secretAccessKey: new Secret('one'), createDate: ''},
			{kind: 'access-key', user: 'svc', accessKeyId: 'AKIA2', secretAccessKey: new Secret('two'), createDate: ''},
		];
		expect(credentialRows(secrets, URL).map(r => r.accessKeyId)).toEqual(['AKIA1', 'AKIA2']);
	});

	it('refuses to overwrite an existing file, and leaves it as it was', () => {
		const file = path.join(dir, 'creds.csv');
		writeFileSync(file, 'precious');
		const result = saveCredentialsCsv(file, credentialRows(issued(), URL), {overwrite: false});
		expect(result).toMatchObject({ok: false, reason: 'exists'});
		expect(readFileSync(file, 'utf8')).toBe('precious');
	});

	it('overwrites when asked, and the file ends up 0600 even if it was 0644', () => {
		const file = path.join(dir, 'creds.csv');
		writeFileSync(file, 'old content that is longer than nothing', {mode: 0o644});
		chmodSync(file, 0o644);
		expect(saveCredentialsCsv(file, credentialRows(issued(), URL), {overwrite: true})).toEqual({ok: true, path: file});
		expect(mode(file)).toBe(0o600);
		expect(readFileSync(file, 'utf8')).toMatch(/^User name,Password/);
		expect(readFileSync(file, 'utf8')).not.toContain('old content');
	});

	it('never writes through a symbolic link, even when overwriting', () => {
		const victim = path.join(dir, 'victim.txt');
		writeFileSync(victim, 'untouched');
		const link = path.join(dir, 'creds.csv');
		symlinkSync(victim, link);
		// Not 'exists': that would offer to overwrite, and a link is refused even then.
		expect(saveCredentialsCsv(link, credentialRows(issued(), URL), {overwrite: false})).toMatchObject({ok: false, reason: 'not-a-file', message: expect.stringMatching(/symbolic link/)});
		expect(saveCredentialsCsv(link, credentialRows(issued(), URL), {overwrite: true})).toMatchObject({ok: false, message: expect.stringMatching(/symbolic link/)});
		expect(readFileSync(victim, 'utf8')).toBe('untouched');
	});

	it('a dangling symbolic link or a FIFO is refused by the pre-check (before any key is made), with or without overwrite', () => {
		const dangling = path.join(dir, 'dangling.csv');
		symlinkSync(path.join(dir, 'not-yet.txt'), dangling);
		const fifo = path.join(dir, 'pipe.csv');
		execFileSync('mkfifo', [fifo]);
		for (const [file, pattern] of [
			[dangling, /symbolic link/],
			[fifo, /not a regular file/],
		] as const) {
			for (const overwrite of [false, true]) {
				expect(checkPrivateFile(file, {overwrite}), `${file} ${overwrite}`).toMatchObject({reason: 'not-a-file', message: expect.stringMatching(pattern)});
				expect(saveCredentialsCsv(file, credentialRows(issued(), URL), {overwrite})).toMatchObject({ok: false, reason: 'not-a-file'});
			}
		}
		expect(existsSync(path.join(dir, 'not-yet.txt'))).toBe(false);
		expect(readdirSync(dir).sort()).toEqual(['dangling.csv', 'pipe.csv']);
	});

	it('a file that appears between the check and the write is left alone, and no temporary file lingers', () => {
		const file = path.join(dir, 'raced.csv');
		const result = writePrivateFile(
			file,
			() => {
				writeFileSync(file, 'someone else'); // appears while ours is being written
				return 'secret,row\r\n';
			},
			{overwrite: false},
		);
		expect(result).toMatchObject({ok: false, reason: 'exists'});
		expect(readFileSync(file, 'utf8')).toBe('someone else');
		expect(readdirSync(dir)).toEqual(['raced.csv']);
	});

	it('overwriting replaces the file (a new inode), so a hard link elsewhere is not written through', () => {
		const file = path.join(dir, 'creds.csv');
		writeFileSync(file, 'old');
		const other = path.join(dir, 'hard-link.txt');
		linkSync(file, other);
		expect(saveCredentialsCsv(file, credentialRows(issued(), URL), {overwrite: true})).toEqual({ok: true, path: file});
		expect(readFileSync(other, 'utf8')).toBe('old');
		expect(readFileSync(file, 'utf8')).toMatch(/^User name/);
	});

	it('a missing folder: says so, creates nothing', () => {
		const file = path.join(dir, 'nope', 'creds.csv');
		const result = saveCredentialsCsv(file, credentialRows(issued(), URL), {overwrite: false});
		expect(result).toEqual({
			ok: false,
			reason: 'missing-folder',
			message: `The folder ${path.join(dir, 'nope')} does not exist; create it or choose another path`,
		});
		expect(existsSync(path.join(dir, 'nope'))).toBe(false);
	});

	it('a folder given as the path: says to add a file name', () => {
		mkdirSync(path.join(dir, 'sub'));
		const result = saveCredentialsCsv(path.join(dir, 'sub'), credentialRows(issued(), URL), {overwrite: true});
		expect(result).toMatchObject({ok: false, reason: 'is-directory', message: expect.stringMatching(/is a folder; add a file name/)});
	});

	it.skipIf(process.getuid?.() === 0)('an unwritable folder (0500): not-writable, no file left behind', () => {
		const folder = path.join(dir, 'locked');
		mkdirSync(folder);
		chmodSync(folder, 0o500);
		try {
			const result = saveCredentialsCsv(path.join(folder, 'creds.csv'), credentialRows(issued(), URL), {overwrite: false});
			expect(result).toMatchObject({ok: false, reason: 'not-writable', message: expect.stringMatching(/not writable/)});
			expect(existsSync(path.join(folder, 'creds.csv'))).toBe(false);
		} finally {
			chmodSync(folder, 0o700);
		}
	});

	it('expands ~/ to the home folder', () => {
		const home = vi.spyOn(os, 'homedir').mockReturnValue(dir);
		try {
			const result = saveCredentialsCsv('~/home.csv', credentialRows(issued(), URL), {overwrite: false});
			expect(result).toEqual({ok: true, path: path.join(dir, 'home.csv')});
		} finally {
			home.mockRestore();
		}
	});

	it('a wiped secret cannot be saved (the screen was dismissed)', () => {
		const secrets = issued();
		for (const s of secrets) (s.kind === 'password' ? s.password : s.secretAccessKey).wipe();
		const file = path.join(dir, 'late.csv');
		expect(saveCredentialsCsv(file, credentialRows(secrets, URL), {overwrite: false})).toMatchObject({ok: false, reason: 'other'});
		expect(existsSync(file)).toBe(false);
	});
});

describe('certificates', () => {
	const write = (name: string, text: string) => {
		const file = path.join(dir, name);
		writeFileSync(file, text);
		return file;
	};

	it('generateSelfSigned writes a 0600 private key and returns a certificate that readCertificatePem accepts', async () => {
		const keyFile = path.join(dir, 'rsdash.key');
		const result = await generateSelfSigned({commonName: 'rsdash', days: 365, keyFile, overwrite: false});
		if (!result.ok) throw new Error(result.message);
		expect(mode(keyFile)).toBe(0o600);
		expect(readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN (RSA )?PRIVATE KEY-----/);
		expect(result.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----/);
		expect(result.certificatePem).not.toContain('PRIVATE KEY');
		const read = readCertificatePem(write('rsdash.pem', result.certificatePem));
		expect(read).toMatchObject({ok: true, subject: 'CN=rsdash', warnings: []});

		// The key file is never replaced unless asked.
		const again = await generateSelfSigned({commonName: 'rsdash', days: 365, keyFile, overwrite: false});
		expect(again).toMatchObject({ok: false, reason: 'exists'});
	});

	it('refuses garbage, a private key, two certificates and a missing file with a clear sentence', async () => {
		const pems = await generate([{name: 'commonName', value: 'x'}], {keySize: 2048, algorithm: 'sha256'});
		expect(readCertificatePem(write('garbage.pem', 'hello'))).toEqual({ok: false, message: expect.stringMatching(/is not a PEM certificate/)});
		expect(readCertificatePem(write('key.pem', pems.private))).toEqual({ok: false, message: expect.stringMatching(/holds a private key, not a certificate/)});
		expect(readCertificatePem(write('two.pem', pems.cert + pems.cert))).toEqual({ok: false, message: expect.stringMatching(/holds 2 certificates/)});
		expect(readCertificatePem(path.join(dir, 'absent.pem'))).toEqual({ok: false, message: `No file at ${path.join(dir, 'absent.pem')}`});
		const lines = pems.cert.trim().split(/\r?\n/);
		const broken = [...lines.slice(0, 4), lines[lines.length - 1]].join('\n');
		expect(readCertificatePem(write('broken.pem', broken))).toEqual({ok: false, message: expect.stringMatching(/does not parse/)});
	});

	it('an expired certificate is accepted with a warning; a key in the same file too', async () => {
		const pems = await generate([{name: 'commonName', value: 'old'}], {
			keySize: 2048,
			algorithm: 'sha256',
			notBeforeDate: new Date('2020-01-01T00:00:00Z'),
			notAfterDate: new Date('2021-01-01T00:00:00Z'),
		});
		const result = readCertificatePem(write('old.pem', pems.private + pems.cert));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.pem).toBe(`${pems.cert.trim()}\n`);
		expect(result.warnings).toEqual([expect.stringMatching(/expired on 2021-01-01/), expect.stringMatching(/also holds a private key/)]);
	});
});

describe('copyWithAutoClear', () => {
	const fakeClipboard = () => {
		const clipboard = {value: 'before', writes: [] as string[]} as Clipboard & {value: string; writes: string[]};
		clipboard.write = async (text: string) => {
			clipboard.writes.push(text);
			clipboard.value = text;
		};
		clipboard.read = async () => clipboard.value;
		return clipboard;
	};
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('copies, then clears the clipboard after 30 s', async () => {
		const clipboard = fakeClipboard();
		const result = await copyWithAutoClear(new Secret(KEY), {clipboard});
		if (!result.ok) throw new Error(result.message);
		expect(clipboard.value).toBe(KEY);
		await vi.advanceTimersByTimeAsync(29_999);
		expect(clipboard.value).toBe(KEY);
		await vi.advanceTimersByTimeAsync(1);
		expect(await result.handle.done).toBe('cleared');
		expect(clipboard.value).toBe('');
	});

	it('leaves the clipboard alone when it changed meanwhile', async () => {
		const clipboard = fakeClipboard();
		const result = await copyWithAutoClear(new Secret(KEY), {clipboard});
		if (!result.ok) throw new Error(result.message);
		clipboard.value = 'something the operator copied later';
		await vi.advanceTimersByTimeAsync(30_000);
		expect(await result.handle.done).toBe('changed');
		expect(clipboard.value).toBe('something the operator copied later');
		expect(clipboard.writes).toEqual([KEY]);
	});

	it('clear() on dismiss clears now (after the Secret is wiped) and stops the timer', async () => {
		const clipboard = fakeClipboard();
		const secret = new Secret(KEY);
		const result = await copyWithAutoClear(secret, {clipboard, seconds: 30});
		if (!result.ok) throw new Error(result.message);
		secret.wipe();
		expect(await result.handle.clear()).toBe('cleared');
		expect(clipboard.value).toBe('');
		clipboard.value = 'next thing';
		await vi.advanceTimersByTimeAsync(60_000);
		expect(clipboard.value).toBe('next thing');
		expect(clipboard.writes).toEqual([KEY, '']);
	});

	it('a clipboard that fails (no display) gives a clear error and no timer', async () => {
		const clipboard = fakeClipboard();
		clipboard.write = async () => {
			throw new Error('Clipboard access requires a display server (X11 or Wayland).');
		};
		const result = await copyWithAutoClear(new Secret(KEY), {clipboard});
		expect(result).toEqual({ok: false, message: 'Could not copy to the clipboard: Clipboard access requires a display server (X11 or Wayland).'});
		expect(vi.getTimerCount()).toBe(0);
	});
});
