// Opening an organization against moto: the tree, each member account's IAM read through the audit role
// (moto keeps each account's IAM apart: the users made there are the ones read back), a refused account
// named with its reason, and `accounts` / `person` as the built binary runs them.
import {CreateRoleCommand, IAMClient} from '@aws-sdk/client-iam';
import {AssumeRoleCommand} from '@aws-sdk/client-sts';
import {afterAll, afterEach, beforeAll, expect, it, vi} from 'vitest';
import {createOrgClients} from '../../source/aws/org-clients.js';
import {openOrganization} from '../../source/aws/org-loader.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {AUDIT_ROLE, roleCredentials, seedOrganization, type SeededOrg} from '../helpers/org-seed.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

interface AccountJson {
	Id: string;
	Name: string;
	Status?: string;
	ManagementAccount: boolean;
	ScpExempt: boolean;
	OrganizationalUnitPath: Array<{Id: string; Name: string; Type: string}>;
	ServiceControlPolicies: Array<{Name: string; Target: {Name: string; Type: string}}>;
	ResourceControlPolicies: Array<{Name: string; Target: {Name: string; Type: string}}>;
	Load: {State: string; Via?: string; RoleArn?: string; Step?: string; Users?: number; Reason?: string; Hint?: string};
}

const SSO_ADMIN_ROLE = 'AWSReservedSSO_AdminAccess_0123456789abcdef';

describeWithMoto('organization opened through the audit role (moto)', () => {
	let moto: Moto;
	let seeded: SeededOrg;
	let env: Record<string, string>;
	const run = (...args: string[]) => runCli([...args, '--endpoint-url', moto.endpoint], env);

	beforeAll(async () => {
		moto = await startMoto();
		seeded = await seedOrganization(moto.endpoint);
		// From here on moto checks every request against the caller's policies, as AWS does.
		await moto.setAuthorization(true);
		env = {...motoEnvironment(), AWS_ACCESS_KEY_ID: seeded.auditor.accessKeyId, AWS_SECRET_ACCESS_KEY: seeded.auditor.secretAccessKey};
	}, 120_000);
	afterEach(() => {
		vi.unstubAllEnvs();
	});
	afterAll(async () => {
		await moto?.setAuthorization(false).catch(() => undefined);
		await moto?.stop();
	});

	const asAuditor = () => {
		vi.stubEnv('AWS_ACCESS_KEY_ID', seeded.auditor.accessKeyId);
		vi.stubEnv('AWS_SECRET_ACCESS_KEY', seeded.auditor.secretAccessKey);
		vi.stubEnv('AWS_SESSION_TOKEN', undefined);
		vi.stubEnv('AWS_PROFILE', undefined);
	};

	it('reads each account with its own IAM, a few at a time; the refused one is named and the rest still load', async () => {
		asAuditor();
		const clients = await createOrgClients({endpoint: moto.endpoint, maxAttempts: 1});
		// A member account's load runs from its AssumeRole until its IAM client is closed (or the AssumeRole fails).
		let inFlight = 0;
		let most = 0;
		const sts = clients.sts;
		const send = sts.send.bind(sts) as (command: unknown) => Promise<unknown>;
		sts.send = (async (command: unknown) => {
			if (!(command instanceof AssumeRoleCommand)) return send(command);
			most = Math.max(most, ++inFlight);
			return send(command).catch((error: unknown) => {
				inFlight--;
				throw error;
			});
		}) as typeof sts.send;
		const iamWith = clients.iamWith;
		clients.iamWith = credentials => {
			const iam = iamWith(credentials);
			const destroy = iam.destroy.bind(iam);
			iam.destroy = () => {
				inFlight--;
				destroy();
			};
			return iam;
		};
		const seen: string[] = [];
		const opened = await openOrganization(clients, {
			concurrency: 2,
			onAccount: outcome => seen.push(`${outcome.account.name}:${outcome.load.kind}`),
		});
		// Three member accounts to assume in (prod, dev, sandbox) beside the caller's own: two at a time, never three.
		expect(most).toBe(2);
		expect(seen.filter(s => s.endsWith(':loading'))).toHaveLength(5);
		// Each account is said loading before its outcome.
		for (const name of ['master', 'workload-prod', 'workload-dev', 'sandbox', 'retired']) {
			expect(seen.indexOf(`${name}:loading`)).toBeGreaterThanOrEqual(0);
			expect(seen.findIndex(s => s.startsWith(`${name}:`) && !s.endsWith(':loading'))).toBeGreaterThan(seen.indexOf(`${name}:loading`));
		}

		expect(opened.callerAccountId).toBe(seeded.managementId);
		const byId = new Map(opened.accounts.map(a => [a.account.id, a]));
		const usersIn = (id: string) => {
			const load = byId.get(id)?.load;
			return load?.kind === 'loaded' ? load.snapshot.users.map(u => u.name).sort() : load;
		};
		// Each account's own users: moto keeps IAM per account, and the role's credentials reach that account.
		expect(usersIn(seeded.managementId)).toEqual(seeded.iamUsers.management);
		expect(usersIn(seeded.accounts.prod)).toEqual(seeded.iamUsers.prod);
		expect(usersIn(seeded.accounts.dev)).toEqual([...seeded.iamUsers.dev].sort());
		const prod = byId.get(seeded.accounts.prod)!;
		expect(prod.load).toMatchObject({kind: 'loaded', roleArn: `arn:aws:iam::${seeded.accounts.prod}:role/${AUDIT_ROLE}`});
		expect(prod.load.kind === 'loaded' && prod.load.snapshot.users[0]?.arn).toBe(`arn:aws:iam::${seeded.accounts.prod}:user/deployer`);
		// The management account is read as the caller, not through a role.
		expect(byId.get(seeded.managementId)!.load).not.toHaveProperty('roleArn');

		const sandbox = byId.get(seeded.accounts.sandbox)!;
		expect(sandbox.load).toMatchObject({kind: 'failed', step: 'assume-role'});
		if (sandbox.load.kind !== 'failed') throw new Error('sandbox should have failed');
		expect(sandbox.load.message).toBe(`cannot assume arn:aws:iam::${seeded.accounts.sandbox}:role/${AUDIT_ROLE} in sandbox (${seeded.accounts.sandbox}): access denied`);
		expect(sandbox.load.hint).toContain(`trust arn:aws:iam::${seeded.managementId}:user/auditor`);
		expect(sandbox.load.hint).toContain('--audit-role NAME');
		expect(byId.get(seeded.accounts.retired)!.load).toEqual({kind: 'skipped', reason: 'the account is suspended: no role can be assumed in it'});
	}, 120_000);

	it('accounts --json: OU path, status, SCPs on the path, loaded or failed with the reason; exit 3 naming the failed account', async () => {
		const result = await run('accounts', '--json');
		expect(result.code).toBe(3);
		expect(result.stderr).toBe(`iamtui: 1 of 5 accounts could not be read: sandbox (${seeded.accounts.sandbox})\n`);
		const body = JSON.parse(result.stdout) as {ManagementAccountId: string; CallerAccountId: string; AuditRole: string; Accounts: AccountJson[]};
		expect(body).toMatchObject({ManagementAccountId: seeded.managementId, CallerAccountId: seeded.managementId, AuditRole: AUDIT_ROLE});
		const byName = new Map(body.Accounts.map(a => [a.Name, a]));
		expect([...byName.keys()].sort()).toEqual(['master', 'retired', 'sandbox', 'workload-dev', 'workload-prod']);

		const prod = byName.get('workload-prod')!;
		expect(prod).toMatchObject({Id: seeded.accounts.prod, Status: 'ACTIVE', ManagementAccount: false, ScpExempt: false});
		expect(prod.OrganizationalUnitPath.map(t => `${t.Type}:${t.Name}`)).toEqual(['ROOT:Root', 'ORGANIZATIONAL_UNIT:prod']);
		expect(prod.ServiceControlPolicies.map(p => `${p.Name}@${p.Target.Name}`)).toContain('DenyTerminate@prod');
		// moto attaches RCPFullAWSAccess to the root when the organization is made, as AWS does when RCPs are enabled.
		expect(prod.ResourceControlPolicies.map(p => `${p.Name}@${p.Target.Type}`)).toContain('RCPFullAWSAccess@ROOT');
		expect(prod.Load).toMatchObject({State: 'LOADED', Via: 'AUDIT_ROLE', RoleArn: `arn:aws:iam::${seeded.accounts.prod}:role/${AUDIT_ROLE}`, Users: 1});
		const dev = byName.get('workload-dev')!;
		expect(dev.ServiceControlPolicies.map(p => p.Name)).not.toContain('DenyTerminate');
		expect(dev.Load).toMatchObject({State: 'LOADED', Users: 2});

		expect(byName.get('master')).toMatchObject({Id: seeded.managementId, ManagementAccount: true, ScpExempt: true, Load: {State: 'LOADED', Via: 'CALLER', Users: 1}});
		expect(byName.get('sandbox')!.Load).toMatchObject({State: 'FAILED', Step: 'ASSUME_ROLE', RoleArn: `arn:aws:iam::${seeded.accounts.sandbox}:role/${AUDIT_ROLE}`});
		expect(byName.get('sandbox')!.Load.Reason).toContain('access denied');
		// Closed, not failed: it does not make the exit code a failure.
		expect(byName.get('retired')).toMatchObject({Status: 'SUSPENDED', Load: {State: 'SKIPPED'}});
	}, 120_000);

	it('accounts --audit-role NAME assumes that role: where the caller may not, each account says which role', async () => {
		const result = await run('accounts', '--audit-role', 'AuditReader');
		expect(result.code).toBe(3);
		expect(result.stderr).toContain('3 of 5 accounts could not be read');
		expect(result.stdout.split('\n')[0]).toMatch(/^ACCOUNT\s+ID\s+OU PATH\s+STATUS\s+IAM\s+SCPS ON PATH$/);
		expect(result.stdout).toContain('1 of 5 accounts loaded through AuditReader, 3 failed, 1 skipped');
		expect(result.stdout).toContain(`retired (${seeded.accounts.retired}): not read, the account is suspended`);
		for (const id of [seeded.accounts.prod, seeded.accounts.dev, seeded.accounts.sandbox]) expect(result.stdout).toContain(`cannot assume arn:aws:iam::${id}:role/AuditReader`);
		expect(result.stdout).toMatch(/master\s+\d{12}\s+Root\s+ACTIVE\s+loaded \(1 user, \d+ roles?, as you\)\s+exempt \(management account\)/);
	}, 120_000);

	it('person NAME --json: the accounts and permission sets reached, directly and through which group, and the role each set became there', async () => {
		// moto provisions no AWSReservedSSO_* role (AWS does): made in dev as AWS would, not in prod.
		await moto.setAuthorization(false);
		try {
			const iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: await roleCredentials(moto.endpoint, seeded.accounts.dev), maxAttempts: 1});
			const trust = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Federated: `arn:aws:iam::${seeded.accounts.dev}:saml-provider/AWSSSO_0123_DO_NOT_DELETE`}, Action: 'sts:AssumeRoleWithSAML'}]});
			await iam.send(new CreateRoleCommand({RoleName: SSO_ADMIN_ROLE, Path: '/aws-reserved/sso.amazonaws.com/', AssumeRolePolicyDocument: trust}));
		} finally {
			await moto.setAuthorization(true);
		}
		const result = await run('person', 'alice', '--json');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const body = JSON.parse(result.stdout) as {
			UserId: string;
			UserName: string;
			Groups: Array<{DisplayName: string}>;
			AccountAssignments: Array<{AccountId: string; AccountName?: string; PermissionSet: {Name: string; InlinePolicy: unknown}; Via: Array<{PrincipalType: string; DisplayName?: string}>; RoleNamePattern: string; RoleName?: string; Provisioned?: boolean}>;
		};
		expect(body).toMatchObject({UserId: seeded.people.alice, UserName: 'alice', Groups: [{DisplayName: 'Admins'}]});
		const rows = body.AccountAssignments.map(a => `${a.AccountName} ${a.PermissionSet.Name} via ${a.Via.map(v => v.DisplayName ?? v.PrincipalType).sort().join('+')} as ${a.RoleNamePattern}`);
		expect(rows.sort()).toEqual([
			'workload-dev AdminAccess via Admins+USER as AWSReservedSSO_AdminAccess_*',
			'workload-prod AdminAccess via Admins as AWSReservedSSO_AdminAccess_*',
		]);
		expect(body.AccountAssignments[0]!.PermissionSet.InlinePolicy).toEqual({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]});
		// Read through the audit role in each account: the role's real name in dev, none in prod.
		const role = (name: string) => body.AccountAssignments.find(a => a.AccountName === name)!;
		expect(role('workload-dev')).toMatchObject({RoleName: SSO_ADMIN_ROLE, Provisioned: true});
		expect(role('workload-prod').Provisioned).toBe(false);
		expect(role('workload-prod').RoleName).toBeUndefined();
		const text = await run('person', 'alice');
		expect(text.stdout).toMatch(new RegExp(`workload-dev\\s+${seeded.accounts.dev}\\s+AdminAccess\\s+assigned directly \\+ group Admins\\s+${SSO_ADMIN_ROLE}`));
		expect(text.stdout).toMatch(/workload-prod\s+\d+\s+AdminAccess\s+group Admins\s+not provisioned \(AWSReservedSSO_AdminAccess_\*\)/);
	}, 120_000);

	it('person: a table by display name; no match exits 3, an ambiguous one and a missing name 64', async () => {
		const bob = await run('person', 'Bob Builder');
		expect(bob.code).toBe(0);
		expect(bob.stdout).toContain('Identity Center groups: -');
		expect(bob.stdout).toMatch(new RegExp(`workload-dev\\s+${seeded.accounts.dev}\\s+ReadOnly\\s+assigned directly\\s+not provisioned \\(AWSReservedSSO_ReadOnly_\\*\\)`));
		const nobody = await run('person', 'zed');
		expect(nobody.code).toBe(3);
		expect(nobody.stderr).toContain('no Identity Center person matches "zed"');
		const ambiguous = await run('person', 'example.com');
		expect(ambiguous.code).toBe(64);
		expect(ambiguous.stderr).toContain('"example.com" matches 3 people: alice, bob, carol');
		const missing = await run('person');
		expect(missing.code).toBe(64);
		expect(missing.stderr).toContain('person needs a name');
	}, 120_000);

	it('an export holds no organization: accounts --from-file is a usage error before anything is read', async () => {
		const result = await run('accounts', '--from-file', 'nothing.json');
		expect(result.code).toBe(64);
		expect(result.stderr).toContain('an export (--from-file) holds one account');
	});
});
