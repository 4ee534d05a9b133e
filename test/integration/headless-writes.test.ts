// The headless write commands, run as the built binary against moto through a loopback proxy that
// counts every request: what they change, where secrets go (never stdout without --show-secret), and
// that refusals (no place for the secret, --dry-run, --read-only, no --yes) send nothing.
import {mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	AddUserToGroupCommand,
	AttachGroupPolicyCommand,
	CreateAccessKeyCommand,
	CreateGroupCommand,
	CreatePolicyCommand,
	CreateUserCommand,
	GetLoginProfileCommand,
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetUserCommand,
	IAMClient,
	ListAccessKeysCommand,
	ListAttachedGroupPoliciesCommand,
	ListAttachedUserPoliciesCommand,
	ListGroupsForUserCommand,
	ListPoliciesCommand,
	ListUserTagsCommand,
} from '@aws-sdk/client-iam';
import selfsigned from 'selfsigned';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {startFaultProxy, type FaultProxy} from '../helpers/fault-proxy.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const CSV_HEADER = 'User name,Password,Access key ID,Secret access key,Console login link';
const READ_ONLY_ACCESS = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const AUDIT_POLICY = 'AuditTrailRead';
const AUDIT_POLICY_ARN = `arn:aws:iam::123456789012:policy/${AUDIT_POLICY}`;
/** Query-protocol actions that change an account. */
const WRITE_ACTION = /^(Create|Delete|Put|Attach|Detach|Add|Remove|Upload|Update|Tag|Untag|Enable|Deactivate)/;

/** A moto_server behind a counting proxy, the binary's environment, and direct IAM calls for the checks. */
const backend = (options: {loadManagedPolicies: boolean; groups: string[]}) => {
	const bodies: string[] = [];
	const self = {
		moto: undefined as unknown as Moto,
		proxy: undefined as unknown as FaultProxy,
		iam: undefined as unknown as IAMClient,
		env: {} as Record<string, string>,
		configDir: '',
		work: '',
		bodies,
	};
	beforeAll(async () => {
		self.moto = await startMoto({loadManagedPolicies: options.loadManagedPolicies});
		// No faults: the proxy only counts, and keeps the request bodies for the checks moto cannot answer.
		self.proxy = await startFaultProxy({target: self.moto.endpoint, seed: 1, faultWhen: request => (bodies.push(request.body), false)});
		self.iam = new IAMClient({region: 'us-east-1', endpoint: self.moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		self.configDir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-writes-cfg-'));
		self.env = motoEnvironment(self.configDir);
		self.work = mkdtempSync(path.join(os.tmpdir(), 'iamtui-writes-'));
		for (const group of options.groups) await self.iam.send(new CreateGroupCommand({GroupName: group}));
	});
	afterAll(async () => {
		await self.proxy?.stop();
		await self.moto?.stop();
	});
	const iam = () => self.iam;
	return {
		self,
		run: (...args: string[]) => runCli([...args, '--endpoint-url', self.proxy.endpoint], self.env),
		/** Mutating requests that reached the proxy in front of moto so far. */
		writesSent: () => Object.entries(self.proxy.stats().byAction).reduce((n, [action, count]) => n + (WRITE_ACTION.test(action) ? count : 0), 0),
		userExists: async (user: string) =>
			iam().send(new GetUserCommand({UserName: user})).then(
				() => true,
				(error: {name?: string}) => (error.name === 'NoSuchEntityException' || error.name === 'NoSuchEntity' ? false : Promise.reject(error)),
			),
		groupPolicies: async (group: string) => (await iam().send(new ListAttachedGroupPoliciesCommand({GroupName: group}))).AttachedPolicies!.map(p => p.PolicyArn),
		localPolicies: async () => (await iam().send(new ListPoliciesCommand({Scope: 'Local'}))).Policies!.map(p => p.PolicyName),
	};
};

// Two accounts, one after the other (one moto at a time): AWS managed policies make every snapshot
// seconds slower on moto, so only the tests that need them (IAMUserChangePassword, ReadOnlyAccess) pay.
describeWithMoto('headless write commands against moto, with AWS managed policies', () => {
	const {self, run, writesSent, groupPolicies} = backend({loadManagedPolicies: true, groups: ['Lightsail', 'Ops', 'Auditors']});
	let iam: IAMClient;
	let configDir: string;
	let work: string;
	let bodies: string[];
	beforeAll(() => {
		({iam, configDir, work, bodies} = self);
	});

	it('create-user with groups, a console password and a key writes them to a 0600 CSV only', async () => {
		const csv = path.join(work, 'ana.csv');
		const result = await run('create-user', 'ana', '--group', 'Lightsail', '--group', 'Ops', '--tag', 'team=lightsail', '--console-password', '--access-key', '--save-csv', csv);
		expect(result.code, result.stderr).toBe(0);
		expect(statSync(csv).mode & 0o777).toBe(0o600);
		const lines = readFileSync(csv, 'utf8').split('\r\n').filter(Boolean);
		expect(lines[0]).toBe(CSV_HEADER);
		expect(lines).toHaveLength(2);
		const [user, password, keyId, secret, link] = lines[1]!.split(',');
		expect(user).toBe('ana');
		expect(password!.length).toBeGreaterThanOrEqual(20);
		expect(keyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
		expect(secret!.length).toBeGreaterThanOrEqual(40);
		expect(link).toBe('https://123456789012.signin.aws.amazon.com/console');

		// The account as the plan says.
		const groups = (await iam.send(new ListGroupsForUserCommand({UserName: 'ana'}))).Groups!.map(g => g.GroupName).sort();
		expect(groups).toEqual(['Lightsail', 'Ops']);
		expect((await iam.send(new GetLoginProfileCommand({UserName: 'ana'}))).LoginProfile?.UserName).toBe('ana');
		// moto ignores PasswordResetRequired (it answers false): check what was sent, and that the CSV holds the password set.
		const sentProfile = new URLSearchParams(bodies.find(b => b.includes('Action=CreateLoginProfile'))!);
		expect(sentProfile.get('PasswordResetRequired')).toBe('true');
		expect(sentProfile.get('Password')).toBe(password);
		const keys = (await iam.send(new ListAccessKeysCommand({UserName: 'ana'}))).AccessKeyMetadata!;
		expect(keys.map(k => k.AccessKeyId)).toEqual([keyId]);
		expect((await iam.send(new ListUserTagsCommand({UserName: 'ana'}))).Tags).toEqual([{Key: 'team', Value: 'lightsail'}]);
		const attached = (await iam.send(new ListAttachedUserPoliciesCommand({UserName: 'ana'}))).AttachedPolicies!.map(p => p.PolicyName);
		expect(attached).toEqual(['IAMUserChangePassword']);

		// The secrets went to the CSV and nowhere else: not stdout, not stderr, not iamtui's own files.
		for (const text of [result.stdout, result.stderr, ...readdirSync(configDir).map(f => readFileSync(path.join(configDir, f), 'utf8'))]) {
			expect(text).not.toContain(password);
			expect(text).not.toContain(secret);
		}
		expect(result.stdout).toContain(`credentials saved to ${csv} (mode 0600)`);
	});

	it('attach-policy by an AWS managed name; detach-policy refuses without --yes and a terminal', async () => {
		const dry = await run('attach-policy', '--group', 'Auditors', 'ReadOnlyAccess', '--dry-run');
		expect(dry.code, dry.stderr).toBe(0);
		expect(dry.stdout).toContain(`aws iam attach-group-policy --group-name Auditors --policy-arn ${READ_ONLY_ACCESS}`);
		expect(await groupPolicies('Auditors')).toEqual([]);

		const attached = await run('attach-policy', '--group', 'Auditors', 'ReadOnlyAccess');
		expect(attached.code, attached.stderr).toBe(0);
		expect(await groupPolicies('Auditors')).toEqual([READ_ONLY_ACCESS]);

		const writes = writesSent();
		const refused = await run('detach-policy', '--group', 'Auditors', 'ReadOnlyAccess');
		expect(refused.code).toBe(64);
		expect(refused.stderr).toContain('--yes');
		expect(writesSent()).toBe(writes);
		expect(await groupPolicies('Auditors')).toEqual([READ_ONLY_ACCESS]);

		const unknown = await run('attach-policy', '--group', 'Auditors', 'NoSuchPolicyAnywhere');
		expect(unknown.code).toBe(3);
		expect(unknown.stderr).toContain('no policy named NoSuchPolicyAnywhere');
		expect(writesSent()).toBe(writes);

		const detached = await run('detach-policy', '--group', 'Auditors', 'ReadOnlyAccess', '--yes');
		expect(detached.code, detached.stderr).toBe(0);
		expect(await groupPolicies('Auditors')).toEqual([]);
	}, 180_000);
});

describeWithMoto('headless write commands against moto, plain account', () => {
	const {self, run, writesSent, userExists, groupPolicies, localPolicies} = backend({loadManagedPolicies: false, groups: ['Lightsail', 'Ops', 'Auditors', 'Locked']});
	let iam: IAMClient;
	let proxy: FaultProxy;
	let work: string;
	beforeAll(async () => {
		({iam, proxy, work} = self);
		await iam.send(new CreateUserCommand({UserName: 'ana'}));
		for (const group of ['Lightsail', 'Ops']) await iam.send(new AddUserToGroupCommand({UserName: 'ana', GroupName: group}));
		const document = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*'}]});
		await iam.send(new CreatePolicyCommand({PolicyName: AUDIT_POLICY, PolicyDocument: document}));
		await iam.send(new AttachGroupPolicyCommand({GroupName: 'Locked', PolicyArn: AUDIT_POLICY_ARN}));
	});

	it('refuses a secret with nowhere to go (or an unusable CSV path) with exit 64, before any request', async () => {
		const before = proxy.stats().requests;
		const nowhere = await run('create-user', 'bea', '--group', 'Ops', '--access-key');
		expect(nowhere.code).toBe(64);
		expect(nowhere.stderr).toContain('--save-csv FILE');
		expect(nowhere.stdout).toBe('');
		const badFolder = await run('create-key', 'ana', '--save-csv', path.join(work, 'no-such-folder', 'k.csv'));
		expect(badFolder.code).toBe(64);
		expect(badFolder.stderr).toContain('no-such-folder');
		const keyNowhere = await run('create-key', 'ana');
		expect(keyNowhere.code).toBe(64);
		expect(proxy.stats().requests).toBe(before);
		expect(await userExists('bea')).toBe(false);
	}, 120_000);

	it('--dry-run prints the plan with its aws equivalents and sends nothing', async () => {
		const writes = writesSent();
		const user = await run('create-user', 'cai', '--group', 'Ops', '--console-password', '--access-key', '--dry-run');
		expect(user.code, user.stderr).toBe(0);
		expect(user.stdout).toContain('aws iam create-user --user-name cai');
		expect(user.stdout).toContain('aws iam add-user-to-group --user-name cai --group-name Ops');
		expect(user.stdout).toContain('(dry run: nothing was sent)');
		const policy = await run('create-policy', 'DryPolicy', '--template', 'lightsail-full-access', '--group', 'Ops', '--dry-run');
		expect(policy.code, policy.stderr).toBe(0);
		expect(policy.stdout).toContain('aws iam create-policy --policy-name DryPolicy');
		const attach = await run('attach-policy', '--group', 'Ops', AUDIT_POLICY, '--dry-run');
		expect(attach.code, attach.stderr).toBe(0);
		expect(attach.stdout).toContain(`aws iam attach-group-policy --group-name Ops --policy-arn ${AUDIT_POLICY_ARN}`);
		expect(writesSent()).toBe(writes);
		expect(await userExists('cai')).toBe(false);
		expect(await localPolicies()).not.toContain('DryPolicy');
		expect(await groupPolicies('Ops')).toEqual([]);
	}, 120_000);

	describe('--read-only', () => {
		it('refuses every write command and nothing changes', async () => {
			const pem = (await selfsigned.generate([{name: 'commonName', value: 'ana'}], {keySize: 2048, algorithm: 'sha256'})).cert;
			const certificate = path.join(work, 'ana-cert.pem');
			writeFileSync(certificate, pem);
			const csv = path.join(work, 'read-only.csv');
			const writes = writesSent();
			const commands = [
				['create-user', 'dee', '--access-key', '--save-csv', csv],
				['create-key', 'ana', '--save-csv', csv],
				['create-policy', 'RoPolicy', '--template', 'lightsail-full-access'],
				['attach-policy', '--group', 'Auditors', AUDIT_POLICY],
				['detach-policy', '--group', 'Locked', AUDIT_POLICY, '--yes'],
				['create-group', 'RoGroup'],
				['put-group-policy', 'Ops', 'RoInline', '--template', 'full-control'],
				['upload-certificate', 'ana', certificate],
				['add-to-group', 'ana', 'Auditors'],
			];
			for (const args of commands) {
				const result = await run(...args, '--read-only');
				expect(result.code, args.join(' ')).toBe(3);
				expect(result.stderr, args.join(' ')).toContain('read-only mode');
			}
			expect(writesSent()).toBe(writes);
			expect(existsSync(csv)).toBe(false);
			expect(await userExists('dee')).toBe(false);
			expect((await iam.send(new ListAccessKeysCommand({UserName: 'ana'}))).AccessKeyMetadata).toEqual([]);
			expect(await localPolicies()).not.toContain('RoPolicy');
			expect(await groupPolicies('Auditors')).toEqual([]);
			expect(await groupPolicies('Locked')).toEqual([AUDIT_POLICY_ARN]);
			expect((await iam.send(new ListGroupsForUserCommand({UserName: 'ana'}))).Groups!.map(g => g.GroupName).sort()).toEqual(['Lightsail', 'Ops']);
		}, 240_000);
	});

	it('create-key issues a key to the CSV, and at the 2-key limit names the oldest key and sends nothing', async () => {
		await iam.send(new CreateUserCommand({UserName: 'eve'}));
		const first = (await iam.send(new CreateAccessKeyCommand({UserName: 'eve'}))).AccessKey!.AccessKeyId!;
		const csv = path.join(work, 'eve.csv');
		const created = await run('create-key', 'eve', '--save-csv', csv);
		expect(created.code, created.stderr).toBe(0);
		const row = readFileSync(csv, 'utf8').split('\r\n')[1]!.split(',');
		expect(row[0]).toBe('eve');
		expect((await iam.send(new ListAccessKeysCommand({UserName: 'eve'}))).AccessKeyMetadata!.map(k => k.AccessKeyId).sort()).toEqual([first, row[2]].sort());

		const writes = writesSent();
		const third = path.join(work, 'eve-third.csv');
		const refused = await run('create-key', 'eve', '--save-csv', third);
		expect(refused.code).toBe(3);
		expect(refused.stderr).toContain('eve already has 2 access keys');
		expect(refused.stderr).toContain(`deactivate or delete the oldest key (${first}`);
		expect(writesSent()).toBe(writes);
		expect(existsSync(third)).toBe(false);
		expect((await iam.send(new ListAccessKeysCommand({UserName: 'eve'}))).AccessKeyMetadata).toHaveLength(2);
	}, 120_000);

	it('create-policy from lightsail-full-access, attached to a group in the same plan', async () => {
		const result = await run('create-policy', 'LightsailFullAccessPolicy', '--template', 'lightsail-full-access', '--group', 'Lightsail', '--description', 'Lightsail for the team');
		expect(result.code, result.stderr).toBe(0);
		const arn = 'arn:aws:iam::123456789012:policy/LightsailFullAccessPolicy';
		expect(await groupPolicies('Lightsail')).toEqual([arn]);
		const policy = (await iam.send(new GetPolicyCommand({PolicyArn: arn}))).Policy!;
		expect(policy.Description).toBe('Lightsail for the team');
		const version = await iam.send(new GetPolicyVersionCommand({PolicyArn: arn, VersionId: policy.DefaultVersionId!}));
		const document = JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!)) as {Statement: Array<{Effect: string; Action: string; Resource: string}>};
		expect(document.Statement).toEqual([expect.objectContaining({Effect: 'Allow', Action: 'lightsail:*', Resource: '*'})]);
	});

	it('a template parameter missing or invalid is a usage error that names it, its description and example', async () => {
		const writes = writesSent();
		const missing = await run('create-policy', 'ReportsBucket', '--template', 's3-single-bucket');
		expect(missing.code).toBe(64);
		expect(missing.stderr).toContain('Parameter "bucket" is missing');
		expect(missing.stderr).toContain("the bucket's name");
		expect(missing.stderr).toContain('e.g. "example-reports"');
		const invalid = await run('create-policy', 'ReportsBucket', '--template', 's3-single-bucket', '--param', 'bucket=Not_A_Bucket');
		expect(invalid.code).toBe(64);
		expect(invalid.stderr).toContain('"Not_A_Bucket" is not valid');
		const unknown = await run('create-policy', 'ReportsBucket', '--template', 'no-such-template');
		expect(unknown.code).toBe(64);
		expect(unknown.stderr).toContain('s3-single-bucket');
		expect(writesSent()).toBe(writes);
		expect(await localPolicies()).not.toContain('ReportsBucket');

		const filled = await run('create-policy', 'ReportsBucket', '--template', 's3-single-bucket', '--param', 'bucket=acme-reports');
		expect(filled.code, filled.stderr).toBe(0);
		expect(await localPolicies()).toContain('ReportsBucket');
	}, 120_000);

});
