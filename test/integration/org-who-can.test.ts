// `who-can ACTION --org` as the built binary runs it against a W10-shaped organization in moto: each
// account read through the audit role and answered by its own policies, the Prod OU's SCP denying
// ec2:TerminateInstances there, Identity Center people reaching accounts through the AdminAccess set.
// moto does not create the AWSReservedSSO_* role when a permission set is provisioned (AWS does), so the
// test makes it in each assigned account as AWS would: same name pattern, path and policy.
import {CreateRoleCommand, IAMClient, PutRolePolicyCommand, PutUserPolicyCommand} from '@aws-sdk/client-iam';
import {AttachPolicyCommand, CreatePolicyCommand, OrganizationsClient} from '@aws-sdk/client-organizations';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {roleCredentials, seedOrganization, type SeededOrg} from '../helpers/org-seed.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const SSO_ADMIN_ROLE = 'AWSReservedSSO_AdminAccess_0123456789abcdef';
const everything = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]});
const stopWithMfa = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}}]});
const ec2 = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'ec2:*', Resource: '*'}]});

interface OrgWhoCanJson {
	Action: string;
	IdentityCenter: {Read: boolean};
	Accounts: Array<{
		Id: string;
		Name: string;
		Scp: {Verdict: string; PolicyName?: string; Target?: string};
		Rcp: {Verdict: string; PolicyName?: string; Target?: string};
		Principals: Array<{UserName?: string; RoleName?: string; Decision: string}>;
		People: Array<{UserName: string; PermissionSet: string; Via: Array<{Type: string; GroupName?: string}>; RoleName: string; Decision: string}>;
		BlockedByScp: number;
		BlockedByRcp: number;
		Error?: string;
	}>;
}

describeWithMoto('who-can --org (moto, built binary)', () => {
	let moto: Moto;
	let seeded: SeededOrg;
	let env: Record<string, string>;
	const run = (...args: string[]) => runCli([...args, '--endpoint-url', moto.endpoint], env);

	beforeAll(async () => {
		moto = await startMoto();
		seeded = await seedOrganization(moto.endpoint);
		for (const account of [seeded.accounts.prod, seeded.accounts.dev]) {
			const iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: await roleCredentials(moto.endpoint, account), maxAttempts: 1});
			const trust = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Federated: `arn:aws:iam::${account}:saml-provider/AWSSSO_0123_DO_NOT_DELETE`}, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession']}]});
			await iam.send(new CreateRoleCommand({RoleName: SSO_ADMIN_ROLE, Path: '/aws-reserved/sso.amazonaws.com/', AssumeRolePolicyDocument: trust}));
			await iam.send(new PutRolePolicyCommand({RoleName: SSO_ADMIN_ROLE, PolicyName: 'AwsSSOInlinePolicy', PolicyDocument: everything}));
		}
		// prod's deployer may terminate by its own policy: the SCP is what stops it.
		const prodIam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: await roleCredentials(moto.endpoint, seeded.accounts.prod), maxAttempts: 1});
		await prodIam.send(new PutUserPolicyCommand({UserName: 'deployer', PolicyName: 'Ec2', PolicyDocument: ec2}));
		// dev's dev-ana may stop instances only with MFA: Conditional without a request context, settled by one.
		const devIam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: await roleCredentials(moto.endpoint, seeded.accounts.dev), maxAttempts: 1});
		await devIam.send(new PutUserPolicyCommand({UserName: 'dev-ana', PolicyName: 'StopWithMfa', PolicyDocument: stopWithMfa}));
		// A resource control policy on the dev OU: nobody deletes objects in dev's buckets, whatever their own policies say.
		const organizations = new OrganizationsClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
		const rcp = await organizations.send(new CreatePolicyCommand({
			Type: 'RESOURCE_CONTROL_POLICY', Name: 'NoDeletesInDev', Description: 'no object deletions in dev',
			Content: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: '*'}]}),
		}));
		await organizations.send(new AttachPolicyCommand({PolicyId: rcp.Policy?.PolicySummary?.Id, TargetId: seeded.ous.dev}));
		// An SCP on the dev OU that only a request context settles: object writes in dev only in eu-west-1.
		const region = await organizations.send(new CreatePolicyCommand({
			Type: 'SERVICE_CONTROL_POLICY', Name: 'DevWritesInEurope', Description: 'object writes in dev only in eu-west-1',
			Content: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: {StringNotEquals: {'aws:RequestedRegion': 'eu-west-1'}}}]}),
		}));
		await organizations.send(new AttachPolicyCommand({PolicyId: region.Policy?.PolicySummary?.Id, TargetId: seeded.ous.dev}));
		await moto.setAuthorization(true);
		env = {...motoEnvironment(), AWS_ACCESS_KEY_ID: seeded.auditor.accessKeyId, AWS_SECRET_ACCESS_KEY: seeded.auditor.secretAccessKey, AWS_MAX_ATTEMPTS: '1'};
	}, 120_000);
	afterAll(async () => {
		await moto?.setAuthorization(false).catch(() => undefined);
		await moto?.stop();
	});

	it('W10: the IC admins reach ec2:TerminateInstances in dev through the permission set, nobody in the prod OU the SCP covers', async () => {
		const result = await run('who-can', 'ec2:TerminateInstances', '--org', '--json');
		// sandbox's audit role is refused to the auditor: named, and the exit code says the answer is incomplete.
		expect(result.code).toBe(3);
		expect(result.stderr).toMatch(/could not be read.*sandbox/);
		// The closed account is skipped, as \`accounts\` skips it: not a gap in the answer.
		expect(result.stderr).not.toContain('retired');
		const body = JSON.parse(result.stdout) as OrgWhoCanJson;
		expect(body.IdentityCenter.Read).toBe(true);
		const account = (id: string) => body.Accounts.find(a => a.Id === id)!;

		const dev = account(seeded.accounts.dev);
		expect(dev.Scp.Verdict).toBe('PERMITTED');
		expect(dev.People.map(p => `${p.UserName} ${p.Via.map(v => v.GroupName ?? v.Type).sort().join('+')}`).sort()).toEqual(['alice Admins+USER', 'carol Admins']);
		expect(dev.People.every(p => p.RoleName === SSO_ADMIN_ROLE && p.Decision === 'Allowed')).toBe(true);
		// Principals in who-can's own JSON shape: the SSO role itself is one.
		expect(dev.Principals).toContainEqual(expect.objectContaining({RoleName: SSO_ADMIN_ROLE, Decision: 'Allowed'}));
		// bob holds only ReadOnly in dev, and no role for it: not listed.
		expect(dev.People.some(p => p.UserName === 'bob')).toBe(false);

		const prod = account(seeded.accounts.prod);
		expect(prod.Scp).toMatchObject({Verdict: 'DENIED', PolicyName: 'DenyTerminate', Target: 'prod'});
		expect(prod.People).toEqual([]);
		expect(prod.Principals).toEqual([]);
		// deployer, the SSO role and the audit role are allowed by prod's own policies and blocked by the SCP.
		expect(prod.BlockedByScp).toBeGreaterThanOrEqual(2);

		expect(account(seeded.accounts.sandbox).Error).toMatch(/access denied/i);
		// The management account is exempt from SCPs: its own answer stands.
		expect(account(seeded.managementId).Scp.Verdict).toBe('EXEMPT');
	});

	it('the text: one section per account, the SCP named in prod, the people with their path', async () => {
		const result = await run('who-can', 'ec2:TerminateInstances', '--org');
		expect(result.stdout).toMatch(/^who can ec2:TerminateInstances on \*, across \d+ accounts/);
		expect(result.stdout).toContain('note: denied here by SCP DenyTerminate on OU prod');
		expect(result.stdout).toMatch(/retired \(\d+\): skipped/);
		expect(result.stdout).toMatch(/person\s+carol\s+Allowed\s+group Admins → permission set AdminAccess → role AWSReservedSSO_AdminAccess_0123456789abcdef/);
	});

	it('an action the SCP does not touch reaches prod too; an unknown action is refused once; a mistyped context key is refused before anything is read', async () => {
		const s3 = JSON.parse((await run('who-can', 's3:GetObject', '--org', '--json')).stdout) as OrgWhoCanJson;
		const prod = s3.Accounts.find(a => a.Id === seeded.accounts.prod)!;
		expect(prod.People.map(p => p.UserName).sort()).toEqual(['alice', 'carol']);

		const unknown = await run('who-can', 'ec2:TerminateInstancez', '--org');
		expect(unknown.code).toBe(64);
		expect(unknown.stderr).toContain('ec2:TerminateInstances');

		const typo = await run('who-can', 's3:PutObject', '--org', '--context', 'aws:RequestedRegon=eu-west-1');
		expect(typo.code).not.toBe(0);
		expect(typo.stdout).toBe('');
		expect(typo.stderr).toContain('unknown context key "aws:RequestedRegon"');
		expect(typo.stderr).toContain('aws:RequestedRegion');
	});

	it('a question no account could answer is refused before the organization is read: nothing listens at the endpoint, the refusal is the same', async () => {
		const closed = 'http://127.0.0.1:9';
		const refusals: Array<[string[], string]> = [
			[['who-can', '*', '--org'], 'name a service, e.g. s3:*'],
			[['who-can', 'ec2:TerminateInstancez', '--org'], 'unknown action "ec2:TerminateInstancez"'],
			[['who-can', 's3:*', '--org', '--resource', 'not-an-arn'], '"not-an-arn" is not an ARN'],
			[['can', 'bob', 's3:*', '--org', '--account', 'workload-dev'], '"s3:*" matches 180 actions; name one'],
		];
		for (const [args, said] of refusals) {
			const result = await runCli([...args, '--endpoint-url', closed], env);
			expect(result.code, args.join(' ')).toBe(64);
			expect(result.stderr).toContain(said);
		}
	});

	it('--context with --org: every account and its SCPs assume it — an SCP Conditional on the region is settled either way', async () => {
		const devOf = async (...context: string[]) => {
			const result = await run('who-can', 's3:PutObject', '--org', ...context, '--json');
			const body = JSON.parse(result.stdout) as OrgWhoCanJson & {Context?: Record<string, string>};
			return {body, dev: body.Accounts.find(a => a.Id === seeded.accounts.dev)!};
		};
		// Without a context, dev's answers hang on the region the request names.
		const open = await devOf();
		expect(open.body.Context).toBeUndefined();
		expect(open.dev.Scp).toMatchObject({Verdict: 'CONDITIONAL', Conditions: [{Operator: 'StringNotEquals', Key: 'aws:RequestedRegion', Values: ['eu-west-1'], Effect: 'Deny'}]});
		expect(open.dev.Principals).toContainEqual(expect.objectContaining({RoleName: SSO_ADMIN_ROLE, Decision: 'Conditional'}));
		// Asked in us-east-1: denied by the SCP, nobody in dev; prod is untouched.
		const us = await devOf('--context', 'aws:RequestedRegion=us-east-1');
		expect(us.body.Context).toEqual({'aws:RequestedRegion': 'us-east-1'});
		expect(us.dev.Scp).toMatchObject({
			Verdict: 'DENIED', How: 'EXPLICIT_DENY', PolicyName: 'DevWritesInEurope', Target: 'dev',
			DecidedBy: ['decided by aws:RequestedRegion=us-east-1: StringNotEquals aws:RequestedRegion eu-west-1 holds (SCP DevWritesInEurope on OU dev)'],
		});
		expect(us.dev.Principals).toEqual([]);
		expect(us.dev.BlockedByScp).toBeGreaterThanOrEqual(1);
		const prod = us.body.Accounts.find(a => a.Id === seeded.accounts.prod)!;
		expect(prod.Principals).toContainEqual(expect.objectContaining({RoleName: SSO_ADMIN_ROLE, Decision: 'Allowed'}));
		// Asked in eu-west-1: the SCP lets it through, the SSO admin role is plainly Allowed in dev.
		const eu = await devOf('--context', 'aws:RequestedRegion=eu-west-1');
		expect(eu.dev.Scp).toEqual({Verdict: 'PERMITTED', DecidedBy: ['decided by aws:RequestedRegion=eu-west-1: StringNotEquals aws:RequestedRegion eu-west-1 does not hold (SCP DevWritesInEurope on OU dev)']});
		expect(eu.dev.Principals).toContainEqual(expect.objectContaining({RoleName: SSO_ADMIN_ROLE, Decision: 'Allowed'}));
		expect(eu.dev.People.map(p => p.Decision)).not.toContain('Conditional');

		// The text names the SCP and the condition the request would have to meet.
		const openText = await run('who-can', 's3:PutObject', '--org');
		expect(openText.stdout).toContain('note: SCPs allow it only under conditions (DevWritesInEurope on OU dev) — unless aws:RequestedRegion StringNotEquals eu-west-1: every answer here is Conditional');
		const text = await run('who-can', 's3:PutObject', '--org', '--context', 'aws:RequestedRegion=us-east-1');
		expect(text.stdout).toContain('assuming the request context given: aws:RequestedRegion=us-east-1 (in every account, and for its SCPs and RCPs)');
		expect(text.stdout).toContain('note: denied here by SCP DevWritesInEurope on OU dev — decided by aws:RequestedRegion=us-east-1: StringNotEquals aws:RequestedRegion eu-west-1 holds (SCP DevWritesInEurope on OU dev)');

		// can --org --account with the same context: the SCP's deny, said as such (exit 1).
		const can = await run('can', SSO_ADMIN_ROLE, 's3:PutObject', '--org', '--account', 'workload-dev', '--context', 'aws:RequestedRegion=us-east-1', '--json');
		expect(can.code).toBe(1);
		expect(JSON.parse(can.stdout)).toMatchObject({EffectiveDecision: 'ExplicitDeny', Scp: {Verdict: 'DENIED', PolicyName: 'DevWritesInEurope'}});
		const canEu = await run('can', SSO_ADMIN_ROLE, 's3:PutObject', '--org', '--account', 'workload-dev', '--context', 'aws:RequestedRegion=eu-west-1', '--json');
		expect(canEu.code).toBe(0);
		expect(JSON.parse(canEu.stdout)).toMatchObject({EffectiveDecision: 'Allowed', Scp: {Verdict: 'PERMITTED'}});
	});

	it('--context with --org says, per account, whom it changed among those Conditional without it, and what decided', async () => {
		const devOf = async (...context: string[]) => {
			const result = await run('who-can', 'ec2:StopInstances', '--org', ...context, '--json');
			return (JSON.parse(result.stdout) as {Accounts: Array<OrgWhoCanJson['Accounts'][number] & {ContextChanged?: unknown[]}>}).Accounts.find(a => a.Id === seeded.accounts.dev)!;
		};
		const open = await devOf();
		expect(open.Principals).toContainEqual(expect.objectContaining({UserName: 'dev-ana', Decision: 'Conditional'}));
		expect(open.ContextChanged).toBeUndefined();

		const decided = 'decided by aws:MultiFactorAuthPresent=true: Bool aws:MultiFactorAuthPresent true holds (inline policy StopWithMfa → statement #1)';
		const mfa = await devOf('--mfa');
		expect(mfa.Principals).toContainEqual(expect.objectContaining({UserName: 'dev-ana', Decision: 'Allowed', WithoutContext: 'Conditional', DecidedBy: [decided]}));
		expect(mfa.ContextChanged).toEqual([{Kind: 'user', Name: 'dev-ana', Decision: 'Allowed', DecidedBy: [decided]}]);
		// Nothing was Conditional in prod: nothing changed there.
		const prod = JSON.parse((await run('who-can', 'ec2:StopInstances', '--org', '--mfa', '--json')).stdout).Accounts.find((a: {Id: string}) => a.Id === seeded.accounts.prod);
		expect(prod.ContextChanged).toEqual([]);

		const without = await devOf('--context', 'aws:MultiFactorAuthPresent=false');
		expect(without.Principals.map(p => p.UserName)).not.toContain('dev-ana');
		expect(without.ContextChanged).toEqual([{Kind: 'user', Name: 'dev-ana', Decision: 'NotAllowed', DecidedBy: ['decided by aws:MultiFactorAuthPresent=false: Bool aws:MultiFactorAuthPresent true does not hold (inline policy StopWithMfa → statement #1)']}]);

		// The text says it under dev's table.
		const text = (await run('who-can', 'ec2:StopInstances', '--org', '--mfa')).stdout;
		const devSection = text.slice(text.indexOf(`workload-dev (${seeded.accounts.dev})`));
		expect(devSection).toContain('with the context given (aws:MultiFactorAuthPresent=true), of those Conditional without it:');
		expect(devSection).toContain('user dev-ana: Allowed');
		expect(devSection).toContain(decided);
	}, 60_000);

	it('can --org --account: the answer in one member account, capped by the SCPs on its path; the management account exempt', async () => {
		interface CanJson {WidestDecision: string; EffectiveDecision: string; Account: {Id: string; Name: string}; Scp: {Verdict: string; How?: string; PolicyName?: string; Target?: string}}
		// deployer's own policy allows it; the prod OU's SCP denies it: an explicit deny, exit 1.
		const prod = await run('can', 'deployer', 'ec2:TerminateInstances', '--org', '--account', 'workload-prod', '--json');
		expect(prod.code).toBe(1);
		const prodBody = JSON.parse(prod.stdout) as CanJson;
		expect(prodBody).toMatchObject({WidestDecision: 'Allowed', EffectiveDecision: 'ExplicitDeny', Account: {Id: seeded.accounts.prod, Name: 'workload-prod'}});
		expect(prodBody.Scp).toMatchObject({Verdict: 'DENIED', How: 'EXPLICIT_DENY', PolicyName: 'DenyTerminate', Target: 'prod'});
		const text = await run('can', 'deployer', 'ec2:TerminateInstances', '--org', '--account', seeded.accounts.prod);
		expect(text.stdout).toContain(`in account workload-prod (${seeded.accounts.prod}): ExplicitDeny after SCPs and RCPs (denied here by SCP DenyTerminate on OU prod)`);

		// The same set's role in dev (by account id): no SCP in the way, exit 0.
		const dev = await run('can', SSO_ADMIN_ROLE, 'ec2:TerminateInstances', '--org', '--account', seeded.accounts.dev, '--json');
		expect(dev.code).toBe(0);
		expect(JSON.parse(dev.stdout)).toMatchObject({EffectiveDecision: 'Allowed', Scp: {Verdict: 'PERMITTED'}, Rcp: {Verdict: 'PERMITTED'}});

		// What the SCP does not touch stays as the account's policies say.
		const s3 = JSON.parse((await run('can', 'deployer', 's3:GetObject', '--org', '--account', 'workload-prod', '--json')).stdout) as CanJson;
		expect(s3.Scp.Verdict).toBe('PERMITTED');
		expect(s3.EffectiveDecision).toBe(s3.WidestDecision);

		const management = JSON.parse((await run('can', 'auditor', 'iam:GetAccountAuthorizationDetails', '--org', '--account', seeded.managementId, '--json')).stdout) as CanJson;
		expect(management).toMatchObject({EffectiveDecision: 'Allowed', Scp: {Verdict: 'EXEMPT'}});
	});

	it('can --org refuses what it cannot answer: an unknown account (with close names), no or two --account, an account it cannot read', async () => {
		const typo = await run('can', 'deployer', 'ec2:TerminateInstances', '--org', '--account', 'workload-prd');
		expect(typo.code).toBe(64);
		expect(typo.stderr).toContain('no account "workload-prd"');
		expect(typo.stderr).toContain('workload-prod');

		const none = await run('can', 'deployer', 'ec2:TerminateInstances', '--org');
		expect(none.code).toBe(64);
		expect(none.stderr).toContain('give --account ACCOUNT once');
		const two = await run('can', 'deployer', 'ec2:TerminateInstances', '--org', '--account', 'workload-prod', '--account', 'workload-dev');
		expect(two.code).toBe(64);

		// A name the member account does not hold: said of that account, with its own names (`iamtui users` lists the profile's).
		const alice = await run('can', 'alice', 'ec2:TerminateInstances', '--org', '--account', 'workload-prod');
		expect(alice.code).toBe(3);
		expect(alice.stderr).toContain(`no user or role named alice in workload-prod (${seeded.accounts.prod}) — its users and roles: `);
		expect(alice.stderr).toContain('deployer');
		expect(alice.stderr).not.toContain('iamtui users');
		const near = await run('can', 'deployr', 'ec2:TerminateInstances', '--org', '--account', 'workload-prod');
		expect(near.stderr).toContain('did you mean deployer?');

		// sandbox's audit role is refused to the auditor: said with the role and what to fix, no answer given.
		const sandbox = await run('can', 'tinkerer', 'ec2:TerminateInstances', '--org', '--account', 'sandbox');
		expect([0, 1, 2]).not.toContain(sandbox.code);
		expect(sandbox.stdout).toBe('');
		expect(sandbox.stderr).toMatch(/cannot assume .*OrganizationAccountAccessRole.* in sandbox/);
	});

	it('RCPs: the dev OU\'s RCP stops object deletions in dev whatever the policies allow; prod is untouched; can --org says it', async () => {
		const body = JSON.parse((await run('who-can', 's3:DeleteObject', '--org', '--json')).stdout) as OrgWhoCanJson;
		const dev = body.Accounts.find(a => a.Id === seeded.accounts.dev)!;
		expect(dev.Rcp).toMatchObject({Verdict: 'DENIED', PolicyName: 'NoDeletesInDev', Target: 'dev'});
		expect(dev.Principals).toEqual([]);
		expect(dev.People).toEqual([]);
		// The SSO admin role and the audit role may, by dev's own policies: blocked by the RCP, not the SCPs.
		expect(dev.BlockedByRcp).toBeGreaterThanOrEqual(1);
		expect(dev.BlockedByScp).toBe(0);
		const prod = body.Accounts.find(a => a.Id === seeded.accounts.prod)!;
		expect(prod.Rcp.Verdict).toBe('PERMITTED');
		expect(prod.Principals).toContainEqual(expect.objectContaining({RoleName: SSO_ADMIN_ROLE}));

		const can = await run('can', SSO_ADMIN_ROLE, 's3:DeleteObject', '--org', '--account', 'workload-dev', '--json');
		expect(can.code).toBe(1);
		expect(JSON.parse(can.stdout)).toMatchObject({WidestDecision: 'Allowed', EffectiveDecision: 'ExplicitDeny', Scp: {Verdict: 'PERMITTED'}, Rcp: {Verdict: 'DENIED', PolicyName: 'NoDeletesInDev'}});
		const text = await run('who-can', 's3:DeleteObject', '--org');
		expect(text.stdout).toContain('note: denied here by RCP NoDeletesInDev on OU dev');
		expect(text.stdout).toMatch(/workload-dev \(\d+\): 0 can, \d+ blocked by RCP/);
	});

	it('a wildcard: each of its actions by its own SCP and RCP verdict — the one they deny leaves the answers (Partly), a condition makes them Conditional', async () => {
		type Verdict = {Verdict: string; PolicyName?: string; ByAction?: Array<{Actions: string[]; Verdict: string; PolicyName?: string}>};
		type Principal = {UserName?: string; RoleName?: string; Decision: string; Actions: string[]; Partly?: boolean};
		const byAction = (verdict: Verdict) => (verdict.ByAction ?? []).filter(group => group.Verdict !== 'PERMITTED').map(group => [group.Verdict, group.Actions, group.PolicyName]);

		const ec2 = JSON.parse((await run('who-can', 'ec2:*', '--org', '--json')).stdout) as OrgWhoCanJson;
		const prod = ec2.Accounts.find(a => a.Id === seeded.accounts.prod)!;
		// Before, the wildcard itself went to the simulator: "the SCPs could not be evaluated (DenyTerminate: unknown action ec2:*)".
		expect(prod.Scp.Verdict).toBe('PARTLY');
		expect(byAction(prod.Scp as Verdict)).toEqual([['DENIED', ['ec2:TerminateInstances'], 'DenyTerminate']]);
		const deployer = (prod.Principals as Principal[]).find(p => p.UserName === 'deployer')!;
		expect(deployer).toMatchObject({Decision: 'Allowed', Partly: true});
		expect(deployer.Actions).not.toContain('ec2:TerminateInstances');
		expect(deployer.Actions).toContain('ec2:RunInstances');
		expect(prod.People.map(p => p.UserName).sort()).toEqual(['alice', 'carol']);

		const s3 = JSON.parse((await run('who-can', 's3:*', '--org', '--json')).stdout) as OrgWhoCanJson;
		const dev = s3.Accounts.find(a => a.Id === seeded.accounts.dev)!;
		expect(byAction(dev.Scp as Verdict)).toEqual([['CONDITIONAL', ['s3:PutObject'], undefined]]);
		expect(byAction(dev.Rcp as Verdict)).toEqual([['DENIED', ['s3:DeleteObject'], 'NoDeletesInDev']]);
		const admin = (dev.Principals as Principal[]).find(p => p.RoleName === SSO_ADMIN_ROLE)!;
		expect(admin.Decision).toBe('Conditional');
		expect(admin.Actions).not.toContain('s3:DeleteObject');
		expect(admin.Actions).toContain('s3:PutObject');

		const text = (await run('who-can', 's3:*', '--org')).stdout;
		expect(text).not.toContain('could not be evaluated');
		expect(text).toContain('for s3:DeleteObject: denied here by RCP NoDeletesInDev on OU dev');
		expect(text).toMatch(/for s3:PutObject: SCPs allow it only under conditions \(DevWritesInEurope on OU dev\)/);
		expect(text).toMatch(/person\s+alice\s+Conditional/);

		// On an object, the actions that do not act on objects are skipped, not "could not be evaluated" by the SCPs.
		const object = await run('who-can', 's3:*', '--org', '--resource', 'arn:aws:s3:::acme-data/report.csv');
		expect(object.stdout).not.toContain('could not be evaluated');
		expect(object.stdout).toContain('for s3:DeleteObject: denied here by RCP NoDeletesInDev on OU dev');
	});
});
