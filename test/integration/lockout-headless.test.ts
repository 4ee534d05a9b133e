// The self-lockout guard on the headless path, through the built binary against moto with authorization
// on: a non-root admin whose only IAM access comes from its group. Removing itself from that group is
// refused even with --yes (exit 64, what would be lost named, nothing sent); --dry-run names the flag;
// the same removal for someone else needs no flag; with --i-know-this-locks-me-out it runs. Offboarding
// yourself goes through the same guard.
import {existsSync, mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {AddUserToGroupCommand, CreateAccessKeyCommand, CreateGroupCommand, CreateUserCommand, GetGroupCommand, IAMClient, ListAccessKeysCommand, PutGroupPolicyCommand} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, expect, it, vi} from 'vitest';
import {createGateway} from '../../source/aws/gateway.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const everything = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]});
const RUN_TIMEOUT = 120_000;

describeWithMoto('self-lockout guard, headless, against moto with authorization on', () => {
	let moto: Moto;
	let root: IAMClient;
	let env: Record<string, string>;
	const cli = (...args: string[]) => runCli([...args, '--endpoint-url', moto.endpoint], env);
	const members = async () => ((await root.send(new GetGroupCommand({GroupName: 'Admins'}))).Users ?? []).map(u => u.UserName).sort();

	beforeAll(async () => {
		moto = await startMoto();
		root = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		await root.send(new CreateGroupCommand({GroupName: 'Admins'}));
		await root.send(new PutGroupPolicyCommand({GroupName: 'Admins', PolicyName: 'everything', PolicyDocument: everything}));
		for (const user of ['operator', 'ana']) {
			await root.send(new CreateUserCommand({UserName: user}));
			await root.send(new AddUserToGroupCommand({GroupName: 'Admins', UserName: user}));
		}
		const {AccessKey: key} = await root.send(new CreateAccessKeyCommand({UserName: 'operator'}));
		env = {...motoEnvironment(mkdtempSync(path.join(os.tmpdir(), 'iamtui-lockout-'))), AWS_ACCESS_KEY_ID: key!.AccessKeyId!, AWS_SECRET_ACCESS_KEY: key!.SecretAccessKey!};
		await moto.setAuthorization(true);
	});

	afterAll(async () => {
		await moto?.stop();
	});

	it('remove-from-group of your own admin group with --yes: refused, exit 64, what is lost named, nothing sent', async () => {
		const result = await cli('remove-from-group', 'operator', 'Admins', '--yes');
		expect(result.code, result.stderr).toBe(64);
		expect(result.stderr).toMatch(
			/^iamtui: refused: remove-from-group would lock you out — you \(operator\) lose iam:AddUserToGroup, iam:AttachUserPolicy, iam:PutUserPolicy, iam:CreateAccessKey: you could not undo this yourself\. Nothing was sent; to run it anyway add --i-know-this-locks-me-out/,
		);
		expect(result.stdout).toBe('');
		await moto.setAuthorization(false);
		expect(await members()).toEqual(['ana', 'operator']);
		await moto.setAuthorization(true);
	}, RUN_TIMEOUT);

	it('--dry-run shows the warning first and names the flag', async () => {
		const result = await cli('remove-from-group', 'operator', 'Admins', '--dry-run');
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout.split('\n')[1]).toBe('Warning: you (operator) lose iam:AddUserToGroup, iam:AttachUserPolicy, iam:PutUserPolicy, iam:CreateAccessKey: you could not undo this yourself');
		expect(result.stdout).toContain('This plan locks you out: running it is refused without --i-know-this-locks-me-out.');
	}, RUN_TIMEOUT);

	it('the gateway names the access key the session signs with (STS does not): the guard\'s key case', async () => {
		try {
			for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN']) vi.stubEnv(name, undefined);
			vi.stubEnv('AWS_ACCESS_KEY_ID', env.AWS_ACCESS_KEY_ID);
			vi.stubEnv('AWS_SECRET_ACCESS_KEY', env.AWS_SECRET_ACCESS_KEY);
			const identity = await createGateway({endpoint: moto.endpoint, maxAttempts: 2}).callerIdentity();
			expect(identity.arn).toMatch(/:user\/operator$/);
			expect(identity.accessKeyId).toBe(env.AWS_ACCESS_KEY_ID);
		} finally {
			vi.unstubAllEnvs();
		}
	}, RUN_TIMEOUT);

	it('--dry-run --json carries the lockout in the plan', async () => {
		const result = await cli('remove-from-group', 'operator', 'Admins', '--dry-run', '--json');
		expect(result.code, result.stderr).toBe(0);
		const out = JSON.parse(result.stdout) as {dryRun: boolean; plan: {lockout?: string; dangerous: boolean}};
		expect(out.plan.lockout).toMatch(/^you \(operator\) lose iam:AddUserToGroup/);
		expect(out.plan.dangerous).toBe(true);
	}, RUN_TIMEOUT);

	it('the same removal for another user needs no flag', async () => {
		const result = await cli('remove-from-group', 'ana', 'Admins', '--yes');
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/done +Remove ana from group Admins/);
	}, RUN_TIMEOUT);

	// Offboarding asks the same guard (it had a check of its own): yourself is refused, the key you sign with named.
	it('offboard yourself with --yes: refused, exit 64, your signing key and user named, nothing sent or recorded', async () => {
		const result = await cli('offboard', 'operator', '--yes');
		expect(result.code, result.stderr).toBe(64);
		expect(result.stderr).toBe(
			`iamtui: refused: offboard operator would lock you out — you (operator) deactivate the access key this session signs with (${env.AWS_ACCESS_KEY_ID}): these credentials stop working at once; ` +
				'you (operator) delete your own user: these credentials stop working: you could not undo this yourself. Nothing was sent; to run it anyway add --i-know-this-locks-me-out (--dry-run shows the plan)\n',
		);
		await moto.setAuthorization(false);
		const keys = (await root.send(new ListAccessKeysCommand({UserName: 'operator'}))).AccessKeyMetadata ?? [];
		expect(keys.map(k => k.Status)).toEqual(['Active']);
		expect(await members()).toContain('operator');
		await moto.setAuthorization(true);
		expect(existsSync(path.join(env.IAMTUI_CONFIG_DIR!, 'records'))).toBe(false);
	}, RUN_TIMEOUT);

	it('offboard yourself --dry-run: the warning and the flag are named', async () => {
		const result = await cli('offboard', 'operator', '--keep-user', '--dry-run');
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain(`Warning: you (operator) deactivate the access key this session signs with (${env.AWS_ACCESS_KEY_ID})`);
		expect(result.stdout).toContain('This plan locks you out: running it is refused without --i-know-this-locks-me-out.');
	}, RUN_TIMEOUT);

	it('offboard someone else needs no flag', async () => {
		const result = await cli('offboard', 'ana', '--yes');
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/ana is offboarded/);
	}, RUN_TIMEOUT);

	it('with --i-know-this-locks-me-out (and --yes) it runs', async () => {
		const result = await cli('remove-from-group', 'operator', 'Admins', '--yes', '--i-know-this-locks-me-out');
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/done +Remove operator from group Admins/);
		await moto.setAuthorization(false);
		expect(await members()).toEqual([]);
	}, RUN_TIMEOUT);
});
