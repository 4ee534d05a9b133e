// Issue 14, item 3, for real: the built binary runs create-user --console-password --access-key --group G
// through a proxy that holds AddUserToGroup, and is killed with SIGKILL once CreateAccessKey has landed.
// The journal shows the unfinished plan (the write that landed included), a rerun refuses and says how to
// resolve it, and `journal resolve … --take-back` deletes the orphan key (whose secret nobody has), the
// password nobody knows and the user — checked in moto — after which create-user runs again.
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {CreateGroupCommand, GetUserCommand, IAMClient, ListAccessKeysCommand} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {cliPath, motoEnvironment, runCli} from '../helpers/cli.js';
import {holdAction} from '../helpers/hold-proxy.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const journalLines = (env: Record<string, string>): Array<{operation: string; outcome: string}> => {
	try {
		return readFileSync(path.join(env.IAMTUI_CONFIG_DIR!, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
	} catch {
		return [];
	}
};

describeWithMoto('e2e: an interrupted create-user is found and taken back', () => {
	let moto: Moto;
	let iam: IAMClient;
	beforeAll(async () => {
		moto = await startMoto({loadManagedPolicies: true});
		iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
		await iam.send(new CreateGroupCommand({GroupName: 'G'}));
	});
	afterAll(async () => {
		iam?.destroy();
		await moto?.stop();
	});

	it('SIGKILL between CreateAccessKey and AddUserToGroup: journal --unfinished shows it, a rerun refuses, the take-back deletes the orphan key', async () => {
		const env = motoEnvironment();
		const csv = (name: string) => path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-csv-')), name);
		const args = ['create-user', 'ana', '--console-password', '--access-key', '--group', 'G'];
		const proxy = await holdAction(moto.endpoint, 'AddUserToGroup');
		try {
			const child = spawn(process.execPath, [cliPath, ...args, '--save-csv', csv('ana.csv'), '--endpoint-url', proxy.endpoint], {env, stdio: 'ignore'});
			const exited = new Promise<NodeJS.Signals | null>(resolve => child.on('exit', (_code, signal) => resolve(signal)));
			const deadline = Date.now() + 60_000;
			while (proxy.held() === 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
			expect(proxy.held()).toBe(1);
			child.kill('SIGKILL');
			expect(await exited).toBe('SIGKILL');
		} finally {
			await proxy.stop();
		}
		// In IAM: the key whose secret nobody got.
		const keys = (await iam.send(new ListAccessKeysCommand({UserName: 'ana'}))).AccessKeyMetadata ?? [];
		expect(keys).toHaveLength(1);
		const orphan = keys[0]!.AccessKeyId!;
		// The journal has the write that landed, and the intent of the one in flight.
		expect(journalLines(env).map(l => `${l.operation}:${l.outcome}`)).toEqual([
			'iam:CreateUser:intent',
			'iam:CreateUser:ok',
			'iam:CreateLoginProfile:intent',
			'iam:CreateLoginProfile:ok',
			'iam:AttachUserPolicy:intent',
			'iam:AttachUserPolicy:ok',
			'iam:CreateAccessKey:intent',
			'iam:CreateAccessKey:ok',
			'iam:AddUserToGroup:intent',
		]);
		const cli = (more: string[]) => runCli([...more, '--endpoint-url', moto.endpoint], env);

		const listed = await cli(['journal', '--unfinished', '--json']);
		const [plan, ...more] = JSON.parse(listed.stdout) as Array<{planId: string; steps: Array<{operation: string; state: string; target: Record<string, string>}>}>;
		expect(more).toEqual([]);
		expect(plan!.steps.map(s => [s.operation, s.state])).toEqual([
			['iam:CreateUser', 'done'],
			['iam:CreateLoginProfile', 'done'],
			['iam:AttachUserPolicy', 'done'],
			['iam:CreateAccessKey', 'done'],
			['iam:AddUserToGroup', 'unknown'],
		]);
		expect(plan!.steps[3]!.target.accessKeyId).toBe(orphan);
		expect((await cli(['journal', '--unfinished'])).stdout).toContain(`iamtui journal resolve ${plan!.planId} --take-back`);

		const rerun = await cli([...args, '--save-csv', csv('again.csv')]);
		expect(rerun.code).toBe(3);
		expect(rerun.stderr).toContain(`did not finish (plan ${plan!.planId}`);
		expect(rerun.stderr).toContain(`iamtui journal resolve ${plan!.planId} --take-back`);

		const dry = await cli(['journal', 'resolve', plan!.planId, '--take-back', '--dry-run']);
		expect(dry.code, dry.stderr).toBe(0);
		expect(dry.stdout).toContain(`aws iam delete-access-key --user-name ana --access-key-id ${orphan}`);
		expect(dry.stdout).toContain('aws iam delete-login-profile --user-name ana');
		expect(dry.stdout).toContain('dry run');
		expect((await iam.send(new ListAccessKeysCommand({UserName: 'ana'}))).AccessKeyMetadata).toHaveLength(1);

		const taken = await cli(['journal', 'resolve', plan!.planId, '--take-back', '--yes']);
		expect(taken.code, taken.stderr).toBe(0);
		expect(taken.stdout.indexOf('aws iam delete-access-key')).toBeLessThan(taken.stdout.indexOf('done'));
		// The orphan key went with the user (which the plan had made).
		await expect(iam.send(new GetUserCommand({UserName: 'ana'}))).rejects.toMatchObject({name: 'NoSuchEntityException'});
		expect(journalLines(env).filter(l => l.operation === 'iam:DeleteAccessKey').map(l => l.outcome)).toEqual(['intent', 'ok']);
		expect((await cli(['journal', '--unfinished'])).stdout).toContain('No unfinished plans');

		const again = await cli([...args, '--save-csv', csv('again.csv')]);
		expect(again.code, again.stderr).toBe(0);
	}, 180_000);
});
