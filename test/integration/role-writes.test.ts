// Role writes (issue 18, item 5) as the built binary runs them against moto, through a loopback proxy that
// counts every request: attach/detach-policy --role, put-role-policy / delete-role-policy, remove-trust-principal
// (dry run, the diff, the rule that a trust keeps a statement), the journal naming the role, and --read-only
// sending no mutating request at all.
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	AttachRolePolicyCommand,
	CreatePolicyCommand,
	CreateRoleCommand,
	CreateUserCommand,
	GetRoleCommand,
	IAMClient,
	ListAttachedRolePoliciesCommand,
	ListRolePoliciesCommand,
	PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, expect, it, vi} from 'vitest';
import {createGateway} from '../../source/aws/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import {executePlan, type JournalEntry} from '../../source/model/plans/execute.js';
import {planRemoveTrustPrincipal} from '../../source/model/plans/role-trust.js';
import {planDeleteRolePolicy, planDetachRolePolicy} from '../../source/model/plans/roles.js';
import type {Plan} from '../../source/model/plans/types.js';
import {inverseOf} from '../../source/model/plans/undo.js';
import {Journal} from '../../source/store/journal.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {startFaultProxy, type FaultProxy} from '../helpers/fault-proxy.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const ACCOUNT = '123456789012';
const ANA = `arn:aws:iam::${ACCOUNT}:user/ana`;
const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
const AUDIT = 'AuditRead';
const AUDIT_ARN = `arn:aws:iam::${ACCOUNT}:policy/${AUDIT}`;
const WRITE_ACTION = /^(Create|Delete|Put|Attach|Detach|Add|Remove|Update|Upload|Tag|Untag|Enable|Deactivate)/;
const trust = (...Statement: unknown[]) => JSON.stringify({Version: '2012-10-17', Statement});
const allowAssume = (AWS: string | string[]) => ({Effect: 'Allow', Principal: {AWS}, Action: 'sts:AssumeRole'});
/** The in-process gateway uses the SDK's credential chain: dummy environment keys, no profile. */
const dummyKeys = () => {
	for (const [key, value] of Object.entries({AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'}))
		vi.stubEnv(key, value);
};

describeWithMoto('role writes through the built binary against moto', () => {
	let moto: Moto;
	let proxy: FaultProxy;
	let iam: IAMClient;
	let env: Record<string, string>;
	let configDir: string;
	const run = (...args: string[]) => runCli([...args, '--endpoint-url', proxy.endpoint], env);
	const writesSent = () => Object.entries(proxy.stats().byAction).reduce((n, [action, count]) => n + (WRITE_ACTION.test(action) ? count : 0), 0);
	const attached = async (role: string) => (await iam.send(new ListAttachedRolePoliciesCommand({RoleName: role}))).AttachedPolicies!.map(p => p.PolicyArn);
	const inline = async (role: string) => (await iam.send(new ListRolePoliciesCommand({RoleName: role}))).PolicyNames;
	const trustOf = async (role: string) => {
		const document = (await iam.send(new GetRoleCommand({RoleName: role}))).Role!.AssumeRolePolicyDocument!;
		return JSON.parse(document.startsWith('%') ? decodeURIComponent(document) : document) as {Statement: Array<{Principal: {AWS: unknown}}>};
	};

	beforeAll(async () => {
		dummyKeys();
		moto = await startMoto({loadManagedPolicies: false});
		proxy = await startFaultProxy({target: moto.endpoint, seed: 1, faultWhen: () => false});
		iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		configDir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-role-writes-'));
		env = motoEnvironment(configDir);
		for (const user of ['ana', 'bob']) await iam.send(new CreateUserCommand({UserName: user}));
		await iam.send(new CreatePolicyCommand({PolicyName: AUDIT, PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*'}]})}));
		await iam.send(new CreateRoleCommand({RoleName: 'Deploy', AssumeRolePolicyDocument: trust(allowAssume([ANA, BOB]))}));
		await iam.send(new CreateRoleCommand({RoleName: 'Solo', AssumeRolePolicyDocument: trust(allowAssume(ANA))}));
		await iam.send(new CreateRoleCommand({RoleName: 'Frozen', AssumeRolePolicyDocument: trust(allowAssume([ANA, BOB]))}));
		await iam.send(new AttachRolePolicyCommand({RoleName: 'Frozen', PolicyArn: AUDIT_ARN}));
		await iam.send(new PutRolePolicyCommand({RoleName: 'Frozen', PolicyName: 'keep', PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:ListBucket', Resource: '*'}]})}));
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await proxy?.stop();
		await moto?.stop();
	});

	it('attach-policy --role attaches and journals the role; detach-policy --role needs --yes', async () => {
		const attach = await run('attach-policy', '--role', 'Deploy', AUDIT);
		expect(attach.code, attach.stderr).toBe(0);
		expect(await attached('Deploy')).toEqual([AUDIT_ARN]);
		const lines = new Journal(configDir).read().filter(l => l.operation === 'iam:AttachRolePolicy');
		expect(lines.map(l => [l.outcome, l.target])).toEqual([['ok', {role: 'Deploy', policyArn: AUDIT_ARN}]]);

		const writes = writesSent();
		const refused = await run('detach-policy', '--role', 'Deploy', AUDIT);
		expect(refused.code).toBe(64);
		expect(refused.stderr).toContain('--yes');
		const both = await run('attach-policy', '--role', 'Deploy', '--user', 'ana', AUDIT);
		expect(both.code).toBe(64);
		expect(writesSent()).toBe(writes);

		const detached = await run('detach-policy', '--role', 'Deploy', AUDIT, '--yes', '--json');
		expect(detached.code, detached.stderr).toBe(0);
		expect(JSON.parse(detached.stdout)).toMatchObject({ok: true, steps: [{awsCli: `aws iam detach-role-policy --role-name Deploy --policy-arn ${AUDIT_ARN}`, status: 'done'}]});
		expect(await attached('Deploy')).toEqual([]);
	}, 180_000);

	it('put-role-policy from a template, then delete-role-policy --yes', async () => {
		const put = await run('put-role-policy', 'Deploy', '--template', 'lightsail-full-access', '--name', 'Lightsail');
		expect(put.code, put.stderr).toBe(0);
		expect(await inline('Deploy')).toEqual(['Lightsail']);
		// Without --name, the name comes from the template.
		const named = await run('put-role-policy', 'Deploy', '--template', 'ec2-managers', '--dry-run');
		expect(named.stdout).toContain('aws iam put-role-policy --role-name Deploy --policy-name Ec2Managers --policy-document file://Ec2Managers.json');
		const deleted = await run('delete-role-policy', 'Deploy', 'Lightsail', '--yes');
		expect(deleted.code, deleted.stderr).toBe(0);
		expect(await inline('Deploy')).toEqual([]);
		const missing = await run('delete-role-policy', 'Deploy', 'Lightsail', '--yes');
		expect(missing.code).toBe(3);
		expect(missing.stderr).toContain('has no inline policy named Lightsail');
	}, 180_000);

	it('remove-trust-principal: the dry run shows the diff, --yes replaces the trust; the last statement is refused', async () => {
		const writes = writesSent();
		const dry = await run('remove-trust-principal', 'Deploy', BOB, '--dry-run');
		expect(dry.code, dry.stderr).toBe(0);
		expect(dry.stdout).toContain('aws iam update-assume-role-policy --role-name Deploy --policy-document file://Deploy-trust.json');
		expect(dry.stdout).toContain('Trust policy of role Deploy (- before, + after)');
		expect(dry.stdout).toContain(`-           "${BOB}"`);
		const last = await run('remove-trust-principal', 'Solo', ANA, '--yes');
		expect(last.code).toBe(64);
		expect(last.stderr).toContain('would leave the trust policy of role Solo with no statement');
		expect(writesSent()).toBe(writes);

		const done = await run('remove-trust-principal', 'Deploy', BOB, '--yes');
		expect(done.code, done.stderr).toBe(0);
		expect((await trustOf('Deploy')).Statement.map(s => s.Principal.AWS)).toEqual([[ANA]]);
		expect((await trustOf('Solo')).Statement.map(s => s.Principal.AWS)).toEqual([ANA]);
	}, 180_000);

	it('--read-only: every role write is refused and no mutating request is sent', async () => {
		const writes = writesSent();
		const commands = [
			['attach-policy', '--role', 'Solo', AUDIT],
			['detach-policy', '--role', 'Frozen', AUDIT, '--yes'],
			['put-role-policy', 'Frozen', '--template', 'full-control', '--name', 'ro'],
			['delete-role-policy', 'Frozen', 'keep', '--yes'],
			['remove-trust-principal', 'Frozen', BOB, '--yes'],
		];
		for (const args of commands) {
			const result = await run(...args, '--read-only');
			expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(3);
			expect(result.stderr, args.join(' ')).toContain('read-only mode');
		}
		expect(writesSent()).toBe(writes);
		expect(await attached('Solo')).toEqual([]);
		expect(await attached('Frozen')).toEqual([AUDIT_ARN]);
		expect(await inline('Frozen')).toEqual(['keep']);
		expect((await trustOf('Frozen')).Statement.map(s => s.Principal.AWS)).toEqual([[ANA, BOB]]);
	}, 240_000);
});

describeWithMoto('role writes undone through the real gateway', () => {
	let moto: Moto;
	let iam: IAMClient;
	beforeAll(async () => {
		dummyKeys();
		moto = await startMoto({loadManagedPolicies: false});
		iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		await iam.send(new CreatePolicyCommand({PolicyName: AUDIT, PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*'}]})}));
		await iam.send(new CreateRoleCommand({RoleName: 'Ops', AssumeRolePolicyDocument: trust(allowAssume([ANA, BOB]), {Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'})}));
		await iam.send(new AttachRolePolicyCommand({RoleName: 'Ops', PolicyArn: AUDIT_ARN}));
		await iam.send(new PutRolePolicyCommand({RoleName: 'Ops', PolicyName: 'keep', PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:ListBucket', Resource: '*'}]})}));
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await moto?.stop();
	});

	it('detach, delete inline and a trust edit each come back with their inverse', async () => {
		const gateway = createGateway({endpoint: moto.endpoint, maxAttempts: 2});
		const journal = {entries: [] as JournalEntry[], append(entry: JournalEntry) {
			this.entries.push(entry);
		}};
		const actor = {profile: null, account: ACCOUNT, callerArn: null};
		const run = async (plan: Plan) => {
			const report = await executePlan(plan, {gateway, journal, actor});
			expect(report.ok, JSON.stringify(report.outcomes.map(o => o.message))).toBe(true);
			return report;
		};
		const before = buildIndex(await gateway.loadSnapshot());
		const trustBefore = JSON.parse(before.roleByName.get('Ops')!.trustPolicy) as unknown;
		// The three writes as one plan, so its patch holds each change in order.
		const report = await run({
			...planDetachRolePolicy(before, {role: 'Ops', policyArn: AUDIT_ARN}),
			steps: [
				...planDetachRolePolicy(before, {role: 'Ops', policyArn: AUDIT_ARN}).steps,
				...planDeleteRolePolicy(before, 'Ops', 'keep').steps,
				...planRemoveTrustPrincipal(before, 'Ops', ANA).steps,
			],
		});
		expect((await iam.send(new ListAttachedRolePoliciesCommand({RoleName: 'Ops'}))).AttachedPolicies).toEqual([]);
		expect((await iam.send(new ListRolePoliciesCommand({RoleName: 'Ops'}))).PolicyNames).toEqual([]);
		const edited = (await iam.send(new GetRoleCommand({RoleName: 'Ops'}))).Role!.AssumeRolePolicyDocument!;
		expect(JSON.stringify(JSON.parse(edited.startsWith('%') ? decodeURIComponent(edited) : edited))).not.toContain(ANA);

		const inverses = report.patch.changes.map(change => inverseOf(change, before)).reverse();
		const steps = inverses.map(inverse => {
			if ('cannot' in inverse) throw new Error(inverse.cannot);
			return inverse;
		});
		await run({title: 'undo', dangerous: false, targets: [], steps, previews: []});
		expect((await iam.send(new ListAttachedRolePoliciesCommand({RoleName: 'Ops'}))).AttachedPolicies!.map(p => p.PolicyArn)).toEqual([AUDIT_ARN]);
		expect((await iam.send(new ListRolePoliciesCommand({RoleName: 'Ops'}))).PolicyNames).toEqual(['keep']);
		const restored = (await iam.send(new GetRoleCommand({RoleName: 'Ops'}))).Role!.AssumeRolePolicyDocument!;
		expect(JSON.parse(restored.startsWith('%') ? decodeURIComponent(restored) : restored)).toEqual(trustBefore);
		// The journal names the role on every line, never a document.
		expect(journal.entries.filter(e => e.outcome === 'ok').every(e => e.target.role === 'Ops')).toBe(true);
		expect(JSON.stringify(journal.entries)).not.toContain('s3:ListBucket');
	}, 120_000);
});
