// --save-csv paths that pass a naive pre-check but cannot take the secret once the key exists, run as
// the built binary against moto behind a counting proxy: a dangling link, a link with --overwrite and a
// FIFO are refused before anything is sent (and promptly: a FIFO never blocks); a file that appears
// between the check and the write never leaves a key whose secret nobody has — it is deleted again,
// or printed once when the operator chose --if-save-fails show.
import {execFileSync} from 'node:child_process';
import {existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {CreateUserCommand, IAMClient, ListAccessKeysCommand} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {startFaultProxy, type FaultProxy} from '../helpers/fault-proxy.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const WRITE_ACTION = /^(Create|Delete|Put|Attach|Detach|Add|Remove|Upload|Update|Tag|Untag|Enable|Deactivate)/;

describeWithMoto('--save-csv paths that fail after the pre-check', () => {
	let moto: Moto;
	let proxy: FaultProxy;
	let iam: IAMClient;
	let env: Record<string, string>;
	let work: string;
	/** Run when CreateAccessKey reaches the proxy, before moto answers: the file system changes under iamtui. */
	let onCreateKey: (() => void) | undefined;

	beforeAll(async () => {
		moto = await startMoto();
		proxy = await startFaultProxy({
			target: moto.endpoint,
			seed: 1,
			faultWhen: request => {
				if (request.action === 'CreateAccessKey') onCreateKey?.();
				return false;
			},
		});
		iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		env = motoEnvironment();
		work = mkdtempSync(path.join(os.tmpdir(), 'iamtui-csv-'));
		for (const user of ['dan', 'fay', 'gus', 'hal', 'ivy']) await iam.send(new CreateUserCommand({UserName: user}));
	});
	afterAll(async () => {
		await proxy?.stop();
		await moto?.stop();
	});

	const run = (...args: string[]) => runCli([...args, '--endpoint-url', proxy.endpoint], env, 30_000);
	const writesSent = () => Object.entries(proxy.stats().byAction).reduce((n, [action, count]) => n + (WRITE_ACTION.test(action) ? count : 0), 0);
	const keysOf = async (user: string) => ((await iam.send(new ListAccessKeysCommand({UserName: user}))).AccessKeyMetadata ?? []).map(k => k.AccessKeyId);

	it('a dangling symbolic link: refused before the key is made, nothing created through it', async () => {
		const link = path.join(work, 'dan.csv');
		symlinkSync(path.join(work, 'elsewhere.csv'), link);
		const writes = writesSent();
		const result = await run('create-key', 'dan', '--save-csv', link);
		expect(result.code, result.stderr).toBe(64);
		expect(result.stderr).toMatch(/dan\.csv is a symbolic link; iamtui never writes a secret through one/);
		expect(writesSent()).toBe(writes);
		expect(await keysOf('dan')).toEqual([]);
		expect(existsSync(path.join(work, 'elsewhere.csv'))).toBe(false);
	});

	it('a symbolic link with --overwrite: refused before the key is made, the file it points to untouched', async () => {
		const victim = path.join(work, 'victim.txt');
		writeFileSync(victim, 'precious');
		const link = path.join(work, 'fay.csv');
		symlinkSync(victim, link);
		const writes = writesSent();
		const result = await run('create-key', 'fay', '--save-csv', link, '--overwrite');
		expect(result.code, result.stderr).toBe(64);
		expect(result.stderr).toContain('is a symbolic link');
		expect(writesSent()).toBe(writes);
		expect(await keysOf('fay')).toEqual([]);
		expect(readFileSync(victim, 'utf8')).toBe('precious');
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
	});

	it('a FIFO with --overwrite: refused at once (no key made, no hang)', async () => {
		const fifo = path.join(work, 'gus.csv');
		execFileSync('mkfifo', [fifo]);
		const writes = writesSent();
		const started = Date.now();
		const result = await run('create-key', 'gus', '--save-csv', fifo, '--overwrite');
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(result.code, result.stderr).toBe(64);
		expect(result.stderr).toContain('is not a regular file (a pipe, device or socket)');
		expect(writesSent()).toBe(writes);
		expect(await keysOf('gus')).toEqual([]);
	});

	it('a file that appears after the check: the new key is deleted again (default) and the operator is told', async () => {
		const csv = path.join(work, 'hal.csv');
		onCreateKey = () => writeFileSync(csv, 'someone else');
		try {
			const result = await run('create-key', 'hal', '--save-csv', csv);
			expect(result.code, result.stdout).toBe(3);
			expect(result.stdout).toMatch(/COULD NOT SAVE the credentials: .*hal\.csv already exists/);
			expect(result.stdout).toMatch(/iamtui took it back: access key AKIA\w+ of hal deleted again/);
			expect(result.stderr).toContain('could not be saved, so iamtui deleted them again');
		} finally {
			onCreateKey = undefined;
		}
		expect(readFileSync(csv, 'utf8')).toBe('someone else');
		expect(await keysOf('hal')).toEqual([]);
		expect(proxy.stats().byAction.DeleteAccessKey).toBe(1);
		// The take-back is journaled like any write.
		const journal = await runCli(['journal', '--json'], env);
		expect(journal.stdout).toMatch(/"operation": "iam:DeleteAccessKey"[\s\S]*"user": "hal"|"user": "hal"[\s\S]*"operation": "iam:DeleteAccessKey"/);
	});

	it('a file that appears after the check, with --if-save-fails show: the secret is printed once, the key stays', async () => {
		const csv = path.join(work, 'ivy.csv');
		onCreateKey = () => writeFileSync(csv, 'someone else');
		try {
			const result = await run('create-key', 'ivy', '--save-csv', csv, '--if-save-fails', 'show');
			expect(result.code).toBe(3);
			expect(result.stderr).toContain('printed on stdout instead (--if-save-fails show)');
			const keys = await keysOf('ivy');
			expect(keys).toHaveLength(1);
			expect(result.stdout).toMatch(new RegExp(`access key for ivy: ${keys[0]} \\S{20,}`));
		} finally {
			onCreateKey = undefined;
		}
		const refused = await run('create-key', 'ivy', '--save-csv', path.join(work, 'x.csv'), '--if-save-fails', 'maybe');
		expect(refused.code).toBe(64);
		expect(refused.stderr).toContain('--if-save-fails takes delete or show');
	});

	it('a CSV saved inside a git work tree: saved 0600, with a warning naming the tree (stdout and --json)', async () => {
		await iam.send(new CreateUserCommand({UserName: 'kim'}));
		const repo = path.join(work, 'repo');
		mkdirSync(path.join(repo, '.git'), {recursive: true});
		const csv = path.join(repo, 'kim.csv');
		const result = await run('create-key', 'kim', '--save-csv', csv);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain(`warning: ${csv} is inside the git work tree ${repo}`);
		expect(statSync(csv).mode & 0o777).toBe(0o600);
		const json = await run('create-key', 'kim', '--save-csv', path.join(repo, 'kim2.csv'), '--json');
		expect(JSON.parse(json.stdout).credentials.warning).toContain(`inside the git work tree ${repo}`);
	});
});
