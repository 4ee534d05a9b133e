// Roles through the real gateway and the built binary: the demo seed creates them with the SDK
// (CreateRole with trust policies, AttachRolePolicy, PutRolePolicy, an instance profile, a service-linked
// role, one role assumed once); the snapshot reads them back from GAAD's RoleDetailList.
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {
	ADMIN_ROLE,
	ALL_ROLES,
	DEMO_ACCOUNT_ID as ACCOUNT,
	DEPLOY_ROLE,
	EC2_SERVICE_ROLE,
	PARTNER_ROLE,
	READ_ONLY_AUDIT_ROLE,
	READ_ONLY_ACCESS_ARN as READ_ONLY,
	SERVICE_LINKED_ROLE,
} from '../../scripts/seed.js';
import {openFileGateway} from '../../source/aws/file-gateway.js';
import {createGateway} from '../../source/aws/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import type {SnapshotProgress} from '../../source/model/snapshot.js';
import {parseTrustPolicy, trustedShort} from '../../source/model/trust-principals.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {describeWithMoto, useSeededDemoMoto} from '../helpers/with-moto.js';

const inline = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/100%/*'}]};

describeWithMoto('roles of the seeded demo account (moto)', () => {
	const {moto} = useSeededDemoMoto();

	it('the snapshot reads each role: trust, attached and inline policies, instance profiles, last use; progress counts them', async () => {
		const progress: SnapshotProgress[] = [];
		const snapshot = await createGateway({endpoint: moto().endpoint, maxAttempts: 3}).loadSnapshot({onProgress: p => progress.push(p)});
		expect(snapshot.roles.map(r => r.name).sort()).toEqual([...ALL_ROLES].sort());
		expect(progress.at(-1)).toMatchObject({phase: 'done', roles: ALL_ROLES.length});
		const index = buildIndex(snapshot);
		const short = (name: string) => trustedShort(parseTrustPolicy(index.roleByName.get(name)!.trustPolicy), ACCOUNT);

		const admin = index.roleByName.get(ADMIN_ROLE.role)!;
		expect(admin).toMatchObject({arn: ADMIN_ROLE.arn, attachedPolicies: [{name: 'AdministratorAccess', arn: ADMIN_ROLE.policyArn}]});
		expect(admin.id).toMatch(/^AROA/);
		// The seed assumed Admin once and made a call with its credentials.
		expect(admin.lastUsed?.date).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(short(ADMIN_ROLE.role)).toEqual(['account']);

		const deploy = index.roleByName.get(DEPLOY_ROLE.role)!;
		expect(JSON.parse(deploy.inlinePolicies[0]!.document)).toEqual(DEPLOY_ROLE.document);
		expect(parseTrustPolicy(deploy.trustPolicy).statements[0]!.conditions).toEqual([{operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true']}]);
		expect(short(DEPLOY_ROLE.role)).toEqual([`user ${DEPLOY_ROLE.user}`]);

		expect(index.roleByName.get(EC2_SERVICE_ROLE.role)!.instanceProfiles).toEqual([
			{name: EC2_SERVICE_ROLE.instanceProfile, arn: `arn:aws:iam::${ACCOUNT}:instance-profile/${EC2_SERVICE_ROLE.instanceProfile}`},
		]);
		expect(short(EC2_SERVICE_ROLE.role)).toEqual(['ec2.amazonaws.com']);
		expect(index.roleByName.get(SERVICE_LINKED_ROLE.role)!.path).toBe(`/aws-service-role/${SERVICE_LINKED_ROLE.service}/`);
		expect(short(PARTNER_ROLE.role)).toEqual([`other account ${PARTNER_ROLE.account}`]);
		// The AWS managed policy the roles use is among the policies.
		expect(snapshot.policies.map(p => p.arn)).toContain(READ_ONLY);
	});

	it('roles --json and role NAME --json through the binary, in the IAM API\'s names', async () => {
		const env = motoEnvironment();
		const run = (...args: string[]) => runCli([...args, '--endpoint-url', moto().endpoint], env);
		const list = await run('roles', '--json');
		expect(list.stderr).toBe('');
		expect(list.code).toBe(0);
		const roles = JSON.parse(list.stdout) as Array<{RoleName: string; AssumeRolePolicyDocument: {Statement: unknown[]}}>;
		expect(roles.map(r => r.RoleName).sort()).toEqual([...ALL_ROLES].sort());
		expect(roles.find(r => r.RoleName === ADMIN_ROLE.role)!.AssumeRolePolicyDocument).toEqual(ADMIN_ROLE.trust);
		// iamtui's own fields beside IAM's: the admin badge (AdministratorAccess), the hygiene findings.
		const extra = (name: string) => roles.find(r => r.RoleName === name) as unknown as {AdminEquivalent: boolean; Findings: string[]; TrustPolicyProblems: string[]};
		expect(extra(ADMIN_ROLE.role)).toMatchObject({AdminEquivalent: true, Findings: [], TrustPolicyProblems: []});
		expect(extra(DEPLOY_ROLE.role).AdminEquivalent).toBe(false);
		expect(extra(PARTNER_ROLE.role).Findings).toContain(`trusted by unknown account ${PARTNER_ROLE.account}`);
		expect(extra(SERVICE_LINKED_ROLE.role).Findings).toEqual([]);

		const one = await run('role', DEPLOY_ROLE.role, '--json');
		expect(one.code).toBe(0);
		const deploy = JSON.parse(one.stdout) as Record<string, unknown>;
		expect(Object.keys(deploy)).toEqual(expect.arrayContaining([
			'RoleName', 'RoleId', 'Arn', 'Path', 'CreateDate', 'AssumeRolePolicyDocument', 'AttachedManagedPolicies', 'RolePolicyList', 'Tags', 'InstanceProfileList', 'RoleLastUsed',
		]));
		expect(deploy).toMatchObject({
			RoleName: DEPLOY_ROLE.role,
			Arn: DEPLOY_ROLE.arn,
			AssumeRolePolicyDocument: DEPLOY_ROLE.trust,
			RolePolicyList: [{PolicyName: DEPLOY_ROLE.inlinePolicy, PolicyDocument: DEPLOY_ROLE.document}],
			AttachedManagedPolicies: [],
			RoleLastUsed: {},
		});
		const web = JSON.parse((await run('role', EC2_SERVICE_ROLE.role, '--json')).stdout) as {InstanceProfileList: unknown[]};
		expect(web.InstanceProfileList).toEqual([{InstanceProfileName: EC2_SERVICE_ROLE.instanceProfile, Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/${EC2_SERVICE_ROLE.instanceProfile}`}]);

		const text = await run('roles');
		expect(text.stdout).toMatch(/ROLE +KIND +ADMIN +TRUSTED +LAST USED +FINDINGS +PATH/);
		expect(text.stdout).toMatch(new RegExp(`${SERVICE_LINKED_ROLE.role} +service-linked +- +${SERVICE_LINKED_ROLE.service.replace(/\./g, '\\.')}`));
		expect(text.stdout).toMatch(/PartnerAudit +- +- +other account 111122223333 +never +other account +\//);
		expect(text.stdout).toMatch(/Admin +- +admin +account/);
		const detail = await run('role', DEPLOY_ROLE.arn);
		expect(detail.stdout).toContain('principal user ana.silva');
		expect(detail.stdout).toContain('condition Bool aws:MultiFactorAuthPresent = true');
		// Who may assume it, by AWS's rules: Deploy names ana.silva (MFA), Admin trusts the account (the
		// users whose groups allow sts:AssumeRole on it), ReadOnlyAudit names the Deploy role; PartnerAudit nobody here.
		expect(detail.stdout).toContain('may assume it (users and roles of this account): 1');
		expect(detail.stdout).toContain('  user ana.silva  Conditional  assume role Deploy (trust statement #1: names user ana.silva)');
		expect(detail.stdout).toContain('    if aws:MultiFactorAuthPresent Bool true (trust policy)');
		const admin = await run('role', ADMIN_ROLE.role);
		expect(admin.stdout).toContain('  user kwame.mensah  Allowed  group Ops → inline policy AssumeAdminRole → statement #1 → assume role Admin (trust statement #1: the account)');
		expect((await run('role', PARTNER_ROLE.role)).stdout).toContain('may assume it (users and roles of this account): nobody');
		const mayAssume = (JSON.parse((await run('role', READ_ONLY_AUDIT_ROLE.role, '--json')).stdout) as {MayAssume: unknown[]}).MayAssume;
		expect(mayAssume).toEqual([
			expect.objectContaining({FromRoleName: DEPLOY_ROLE.role, AssumeRoleName: READ_ONLY_AUDIT_ROLE.role, Decision: 'Allowed', Trust: expect.objectContaining({Principal: 'direct'})}),
		]);
		const missing = await run('role', 'NoSuchRole');
		expect(missing.code).toBe(3);
		expect(missing.stderr).toContain('no role named NoSuchRole');
		expect(missing.stderr).toContain('iamtui roles');
	});
});

describe('roles from an aws CLI export (--from-file)', () => {
	const exportFile = (content: unknown) => {
		const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-roles-')), 'export.json');
		writeFileSync(file, JSON.stringify(content));
		return file;
	};

	it('reads a RoleDetailList-only export (trust parsed by the CLI, dates as text)', async () => {
		const file = exportFile({
			RoleDetailList: [{
				Path: '/', RoleName: 'Audit', RoleId: 'AROAAUDIT', Arn: `arn:aws:iam::${ACCOUNT}:role/Audit`, CreateDate: '2026-01-01T00:00:00+00:00',
				AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'sts:AssumeRole', Condition: {StringEquals: {'sts:ExternalId': 'x-1'}}}]},
				InstanceProfileList: [], RolePolicyList: [{PolicyName: 'p', PolicyDocument: inline}],
				AttachedManagedPolicies: [{PolicyName: 'ReadOnlyAccess', PolicyArn: READ_ONLY}],
				Tags: [], RoleLastUsed: {LastUsedDate: '2026-11-01T08:00:00+00:00', Region: 'us-east-2'},
			}],
		});
		const gateway = openFileGateway([file]);
		const snapshot = await gateway.loadSnapshot();
		const [audit] = snapshot.roles;
		expect(audit).toMatchObject({name: 'Audit', lastUsed: {date: '2026-11-01T08:00:00.000Z', region: 'us-east-2'}});
		expect(trustedShort(parseTrustPolicy(audit!.trustPolicy), ACCOUNT)).toEqual(['other account 111122223333']);
		expect(JSON.parse(audit!.inlinePolicies[0]!.document)).toEqual(inline);
		expect((await gateway.callerIdentity()).account).toBe(ACCOUNT);
	});

	it('names the field when a role in the export has the wrong shape', async () => {
		const file = exportFile({RoleDetailList: [{RoleName: 'x', InstanceProfileList: 'web'}]});
		await expect(openFileGateway([file]).loadSnapshot()).rejects.toThrow(/RoleDetailList\[0\]\.InstanceProfileList must be a list/);
	});
});
