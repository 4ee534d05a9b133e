// Least privilege, checked by moto's own IAM authorization: principals with no access, with access
// to GetAccountAuthorizationDetails only, and with templates/iamtui-read-only.json.
import {readFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {execFileSync} from 'node:child_process';
import {CreateAccessKeyCommand, CreateGroupCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, expect, it, vi} from 'vitest';
import {createGateway} from '../../source/aws/gateway.js';
import type {IamError} from '../../source/model/errors.js';
import {executePlan, iamAction, type JournalEntry} from '../../source/model/plans/execute.js';
import type {Plan, StepOperation} from '../../source/model/plans/types.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const template = JSON.parse(readFileSync(new URL('../../templates/iamtui-read-only.json', import.meta.url), 'utf8')) as {
	title: string;
	description: string;
	source: string;
	parameters: unknown[];
	document: {Version: string; Statement: unknown[]};
};

/** May read and create users and keys, but not put anyone in a group: W1 stops at its last step. */
const onboarder = {
	Version: '2012-10-17',
	Statement: [
		...template.document.Statement,
		{Effect: 'Allow', Action: ['iam:CreateUser', 'iam:CreateAccessKey', 'iam:TagUser'], Resource: '*'},
	],
};

const everything = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]};

const gaadOnly = {
	Version: '2012-10-17',
	Statement: [{Effect: 'Allow', Action: ['iam:GetAccountAuthorizationDetails', 'sts:GetCallerIdentity'], Resource: '*'}],
};

describeWithMoto('least privilege against moto with authorization on', () => {
	let moto: Moto;
	let dir: string;
	const connect = (profile: string) => createGateway({profile, endpoint: moto.endpoint, maxAttempts: 2});

	beforeAll(async () => {
		moto = await startMoto();
		const iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		const principals: [string, object | undefined][] = [
			['nobody', undefined],
			['gaad-only', gaadOnly],
			['templated', template.document],
			['onboarder', onboarder],
			['admin', everything],
		];
		await iam.send(new CreateGroupCommand({GroupName: 'Lightsail'}));
		let credentials = '';
		for (const [user, policy] of principals) {
			await iam.send(new CreateUserCommand({UserName: user}));
			if (policy) await iam.send(new PutUserPolicyCommand({UserName: user, PolicyName: 'access', PolicyDocument: JSON.stringify(policy)}));
			const {AccessKey: key} = await iam.send(new CreateAccessKeyCommand({UserName: user}));
			credentials += `[${user}]\naws_access_key_id = ${key!.AccessKeyId}\naws_secret_access_key = ${key!.SecretAccessKey}\n`;
		}
		dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-aws-'));
		writeFileSync(path.join(dir, 'credentials'), credentials, {mode: 0o600});
		writeFileSync(path.join(dir, 'config'), '');
		for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) vi.stubEnv(name, undefined);
		vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(dir, 'credentials'));
		vi.stubEnv('AWS_CONFIG_FILE', path.join(dir, 'config'));
		vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
		await moto.setAuthorization(true);
	});

	afterAll(async () => {
		await moto?.stop();
		vi.unstubAllEnvs();
		if (dir) rmSync(dir, {recursive: true, force: true});
	});

	it('the template has the shared metadata shape', () => {
		expect(template.title).toBeTruthy();
		expect(template.description).toBeTruthy();
		expect(template.source).toBeTruthy();
		expect(template.parameters).toEqual([]);
		expect(template.document.Version).toBe('2012-10-17');
	});

	it('no access at all: AccessDenied naming GetAccountAuthorizationDetails and the read-only policy', async () => {
		const error = (await connect('nobody').loadSnapshot().catch((e: unknown) => e)) as IamError;
		expect(error).toMatchObject({kind: 'AccessDenied'});
		expect(error.message).toContain('iam:GetAccountAuthorizationDetails');
		expect(error.hint).toContain('templates/iamtui-read-only.json');
	});

	it('without the credential report actions, the snapshot loads and says why the report is missing', async () => {
		const snapshot = await connect('gaad-only').loadSnapshot();
		expect(snapshot.users.map(u => u.name).sort()).toEqual(['admin', 'gaad-only', 'nobody', 'onboarder', 'templated']);
		expect(snapshot.credentialReport.status).toBe('unavailable');
		if (snapshot.credentialReport.status === 'unavailable') {
			expect(snapshot.credentialReport.reason).toContain('iam:GenerateCredentialReport');
			expect(snapshot.credentialReport.reason).toContain('iam:GetCredentialReport');
		}
		const details = (await connect('gaad-only').userDetails('nobody').catch((e: unknown) => e)) as IamError;
		expect(details).toMatchObject({kind: 'AccessDenied'});
		expect(details.message).toMatch(/iam:(ListAccessKeys|ListMFADevices|ListUserTags)/);
	});

	it('templates/iamtui-read-only.json is enough for everything iamtui reads', async () => {
		const gateway = connect('templated');
		expect((await gateway.callerIdentity()).arn).toMatch(/:user\/templated$/);
		const snapshot = await gateway.loadSnapshot();
		expect(snapshot.users).toHaveLength(5);
		expect(snapshot.credentialReport).toMatchObject({status: 'ok'});
		const details = await gateway.userDetails('templated');
		expect(details.accessKeys).toHaveLength(1);
		expect(details.accessKeys[0]!.lastUsedDate).not.toBeNull();
	});

	it('with only the read-only template every write is AccessDenied naming the missing action, and nothing changes', async () => {
		const gateway = connect('templated');
		const journal = {entries: [] as JournalEntry[], append(entry: JournalEntry) {
			this.entries.push(entry);
		}};
		const actor = {profile: 'templated', account: '123456789012', callerArn: null};
		const writes: StepOperation[] = [
			{operation: 'createUser', user: 'intruder'},
			{operation: 'createGroup', group: 'Intruders'},
			{operation: 'addUserToGroup', user: 'nobody', group: 'Intruders'},
			{operation: 'createAccessKey', user: 'nobody'},
			{operation: 'attachUserPolicy', user: 'nobody', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess'},
			{operation: 'putUserPolicy', user: 'nobody', policyName: 'x', document: JSON.stringify(gaadOnly)},
			{operation: 'deleteUser', user: 'nobody'},
		];
		const before = await gateway.loadSnapshot();
		for (const run of writes) {
			const plan: Plan = {title: run.operation, dangerous: false, targets: [], previews: [], steps: [{description: run.operation, awsCli: '', run}]};
			const report = await executePlan(plan, {gateway, journal, actor});
			expect(report.outcomes[0], run.operation).toMatchObject({status: 'failed', errorKind: 'AccessDenied'});
			expect(report.outcomes[0]!.message).toContain(iamAction(run));
		}
		// Each write's intent is journaled before it is sent, then its outcome.
		expect(journal.entries.map(e => e.outcome)).toEqual(writes.flatMap(() => ['intent', 'failed']));
		const after = await gateway.loadSnapshot();
		expect(after.users.map(u => u.name).sort()).toEqual(before.users.map(u => u.name).sort());
		expect(after.groups).toEqual(before.groups);
	});

	it('invalid credentials: a clear Credentials or AccessDenied message, never a stack trace', async () => {
		writeFileSync(path.join(dir, 'credentials'), `${readFileSync(path.join(dir, 'credentials'), 'utf8')}[forged]\naws_access_key_id = AKIAFORGED0000000000\naws_secret_access_key = not-a-real-secret\n`);
		const error = (await connect('forged').loadSnapshot().catch((e: unknown) => e)) as IamError;
		expect(['Credentials', 'AccessDenied']).toContain(error.kind);
		expect(error.message).not.toMatch(/\n\s+at /);
		expect(error.hint.length).toBeGreaterThan(10);
	});

	it('headless W1 denied at the group: exit 3, the report, and the aws iam lines that take back what went through — which do', async () => {
		const env: Record<string, string> = {...motoEnvironment(dir), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), AWS_CONFIG_FILE: path.join(dir, 'config')};
		delete env.AWS_ACCESS_KEY_ID;
		delete env.AWS_SECRET_ACCESS_KEY;
		const csv = path.join(dir, 'dana.csv');
		const run = await runCli(['create-user', 'dana', '--access-key', '--group', 'Lightsail', '--save-csv', csv, '--profile', 'onboarder', '--endpoint-url', moto.endpoint], env);
		expect(run.code, run.stderr).toBe(3);
		expect(run.stderr).toContain('iam:AddUserToGroup');
		expect(run.stdout).toMatch(/done\s+Create user dana/);
		expect(run.stdout).toMatch(/FAILED\s+Add dana to group Lightsail/);
		const keyId = /AKIA\w{16}/.exec(readFileSync(csv, 'utf8'))?.[0];
		expect(keyId).toBeDefined();
		const undo = run.stdout.split('To take back what went through (newest first), review and run:\n')[1]?.split('\n').map(line => line.trim()).filter(Boolean);
		expect(undo).toEqual([`aws iam delete-access-key --user-name dana --access-key-id ${keyId}`, 'aws iam delete-user --user-name dana']);

		// The lines are real commands: run as an administrator, they leave the account as it was.
		const admin = connect('admin');
		expect((await admin.loadSnapshot()).users.map(u => u.name)).toContain('dana');
		for (const line of undo!) {
			const [, , ...args] = line.split(' ');
			execFileSync('aws', ['iam', ...args, '--endpoint-url', moto.endpoint, '--profile', 'admin', '--region', 'us-east-1'], {env});
		}
		expect((await admin.loadSnapshot()).users.map(u => u.name)).not.toContain('dana');
	});
});
