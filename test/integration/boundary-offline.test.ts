// Permissions boundaries through the built binary. moto's IAM does not apply or export a permissions boundary, so
// the account is an export in GetAccountAuthorizationDetails' real shape (what `aws iam
// get-account-authorization-details` prints), opened with --from-file.
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {motoEnvironment, runCli} from '../helpers/cli.js';

const ACCT = '123456789012';
const BOUNDARY = `arn:aws:iam::${ACCT}:policy/DevBoundary`;
const DATE = '2026-01-01T00:00:00Z';
const doc = (...Statement: Array<Record<string, unknown>>) => ({Version: '2012-10-17', Statement});
const boundary = {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: BOUNDARY};
const everything = {PolicyName: 'Everything', PolicyDocument: doc({Effect: 'Allow', Action: ['s3:*', 'ec2:*'], Resource: '*'})};

const exportDocument = {
	UserDetailList: [{
		Path: '/', UserName: 'ana', UserId: 'AIDAANA0', Arn: `arn:aws:iam::${ACCT}:user/ana`, CreateDate: DATE,
		UserPolicyList: [everything], GroupList: [], AttachedManagedPolicies: [], Tags: [], PermissionsBoundary: boundary,
	}],
	GroupDetailList: [],
	RoleDetailList: [{
		Path: '/', RoleName: 'Ops', RoleId: 'AROAOPS0', Arn: `arn:aws:iam::${ACCT}:role/Ops`, CreateDate: DATE,
		AssumeRolePolicyDocument: doc({Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${ACCT}:root`}, Action: 'sts:AssumeRole'}),
		InstanceProfileList: [], RolePolicyList: [everything], AttachedManagedPolicies: [], Tags: [], RoleLastUsed: {}, PermissionsBoundary: boundary,
	}],
	Policies: [{
		PolicyName: 'DevBoundary', PolicyId: 'ANPADEVB0', Arn: BOUNDARY, Path: '/', DefaultVersionId: 'v1', AttachmentCount: 0,
		PermissionsBoundaryUsageCount: 2, IsAttachable: true, CreateDate: DATE, UpdateDate: DATE,
		PolicyVersionList: [{Document: doc({Effect: 'Allow', Action: 'ec2:*', Resource: '*'}), VersionId: 'v1', IsDefaultVersion: true, CreateDate: DATE}],
	}],
};

describe('can with a permissions boundary (--from-file export)', () => {
	const env = motoEnvironment();
	let file = '';
	beforeAll(() => {
		file = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-boundary-')), 'export.json');
		writeFileSync(file, JSON.stringify(exportDocument, null, 2));
	});

	it('a boundary the export does not hold (e.g. a filtered export): Conditional (exit 2), the boundary named, never Allowed', async () => {
		const partial = path.join(path.dirname(file), 'no-boundary.json');
		writeFileSync(partial, JSON.stringify({...exportDocument, Policies: []}));
		const text = await runCli(['can', 'ana', 's3:ListAllMyBuckets', '--direct', '--from-file', partial], env);
		expect(text.code).toBe(2);
		expect(text.stdout).toContain('s3:ListAllMyBuckets on *: Conditional');
		expect(text.stdout).toContain(`note: the permissions boundary DevBoundary (${BOUNDARY}) could not be read: allowed only if it allows s3:ListAllMyBuckets`);
		expect(text.stdout).toContain('could not evaluate DevBoundary: the policy is not in the snapshot');
	});

	it('who-can with a boundary the export does not hold: the user and the role are Conditional, and the JSON and text say why', async () => {
		const partial = path.join(path.dirname(file), 'no-boundary-who-can.json');
		writeFileSync(partial, JSON.stringify({...exportDocument, Policies: []}));
		const why = `the permissions boundary DevBoundary (${BOUNDARY}) could not be read: allowed only if it allows s3:ListAllMyBuckets`;
		const json = await runCli(['who-can', 's3:ListAllMyBuckets', '--json', '--from-file', partial], env);
		// What the text says under its table reaches a script too, on stderr.
		expect(json.stderr).toContain('could not evaluate DevBoundary: the policy is not in the snapshot');
		const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
		for (const name of [{UserName: 'ana'}, {RoleName: 'Ops'}]) {
			const row = rows.find(r => Object.entries(name).every(([k, v]) => r[k] === v))!;
			expect(row.Decision).toBe('Conditional');
			const conditions = row.Conditions as Array<{Key: string; Operator: string; Values: string[]}>;
			// Key, Operator and Values read as can's note.
			expect(conditions.map(c => `${c.Key} ${c.Operator} ${c.Values.join(', ')}`)).toEqual([why]);
		}
		const text = await runCli(['who-can', 's3:ListAllMyBuckets', '--from-file', partial], env);
		expect(text.stdout).toMatch(/user\s+ana\s+Conditional/);
		expect(text.stdout).toMatch(/role\s+Ops\s+Conditional/);
		expect(text.stdout).toContain(why);
		expect(text.stdout).toContain('could not evaluate DevBoundary: the policy is not in the snapshot');
	});

	it('who-can with the boundary in the export: an allow outside it is not listed, one inside it is Allowed', async () => {
		const outside = JSON.parse((await runCli(['who-can', 's3:ListAllMyBuckets', '--json', '--from-file', file], env)).stdout) as Array<Record<string, unknown>>;
		expect(outside.filter(r => r.UserName === 'ana' || r.RoleName === 'Ops')).toEqual([]);
		const inside = JSON.parse((await runCli(['who-can', 'ec2:StopInstances', '--json', '--from-file', file], env)).stdout) as Array<Record<string, unknown>>;
		expect(inside.filter(r => r.UserName === 'ana' || r.RoleName === 'Ops').map(r => [r.UserName ?? r.RoleName, r.Decision, r.Conditions])).toEqual([
			['ana', 'Allowed', undefined],
			['Ops', 'Allowed', undefined],
		]);
	});

	for (const who of ['ana', 'Ops']) {
		it(`${who}: an identity allow outside the boundary is ImplicitDeny naming the boundary (text and --json)`, async () => {
			const text = await runCli(['can', who, 's3:ListAllMyBuckets', '--direct', '--from-file', file], env);
			expect(text.stderr).toBe('');
			expect(text.code).toBe(1);
			expect(text.stdout).toContain('s3:ListAllMyBuckets on *: ImplicitDeny');
			expect(text.stdout).toContain(`the permissions boundary DevBoundary (${BOUNDARY}) does not allow it`);
			const json = await runCli(['can', who, 's3:ListAllMyBuckets', '--direct', '--json', '--from-file', file], env);
			const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
			expect([parsed.Decision, parsed.BlockedByBoundary, parsed.PermissionsBoundary])
				.toEqual(['ImplicitDeny', true, {PolicyName: 'DevBoundary', PolicyArn: BOUNDARY}]);
		});

		it(`${who}: inside the boundary: Allowed, the boundary named in --json, not blamed`, async () => {
			const json = await runCli(['can', who, 'ec2:StopInstances', '--direct', '--json', '--from-file', file], env);
			expect(json.code).toBe(0);
			const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
			expect([parsed.Decision, parsed.BlockedByBoundary, parsed.PermissionsBoundary])
				.toEqual(['Allowed', false, {PolicyName: 'DevBoundary', PolicyArn: BOUNDARY}]);
		});
	}
});
