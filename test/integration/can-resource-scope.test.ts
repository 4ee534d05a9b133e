// `can` and `who-can` on a wildcard resource (the default, *) say what an Allowed does not cover: the
// resources the grant is limited to, and the denies that cut into it — as the TUI's Explain and Who-can
// do — in text and JSON, for users, groups and roles. An Allowed on * that holds on one bucket only must
// not read as allowed everywhere. The built binary on an export in GetAccountAuthorizationDetails' shape
// (--from-file): nothing here needs an account.
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {motoEnvironment, runCli} from '../helpers/cli.js';

const ACCT = '123456789012';
const DATE = '2026-01-01T00:00:00Z';
const user = (name: string, ...Statement: Array<Record<string, unknown>>) => ({
	Path: '/', UserName: name, UserId: `AIDA${name.toUpperCase()}`, Arn: `arn:aws:iam::${ACCT}:user/${name}`, CreateDate: DATE,
	UserPolicyList: [{PolicyName: 'Reads', PolicyDocument: {Version: '2012-10-17', Statement}}], GroupList: [], AttachedManagedPolicies: [], Tags: [],
});
/** A role the account trusts (an identity allow of sts:AssumeRole on it lets a user in), with one inline policy. */
const accountRole = (name: string, ...Statement: Array<Record<string, unknown>>) => ({
	Path: '/', RoleName: name, RoleId: `AROA${name.toUpperCase()}`, Arn: `arn:aws:iam::${ACCT}:role/${name}`, CreateDate: DATE,
	AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${ACCT}:root`}, Action: 'sts:AssumeRole'}]},
	InstanceProfileList: [], AttachedManagedPolicies: [], Tags: [], RoleLastUsed: {},
	RolePolicyList: [{PolicyName: 'Grant', PolicyDocument: {Version: '2012-10-17', Statement}}],
});
const exportDocument = {
	UserDetailList: [
		user('one-bucket', {Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::reports/*', 'arn:aws:s3:::logs/*']}),
		user('cut-by-deny', {Effect: 'Allow', Action: 's3:*', Resource: '*'}, {Sid: 'OnlyReports', Effect: 'Deny', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::reports/*'}),
		user('everywhere', {Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}),
		// A deny on * that holds without MFA: a condition on every resource, not a partial deny.
		user('mfa-guarded', {Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}, {Effect: 'Deny', Action: '*', Resource: '*', Condition: {BoolIfExists: {'aws:MultiFactorAuthPresent': 'false'}}}),
		// Through roles: only a role whose grant is on one bucket; a grant on one bucket plus a role that has every bucket.
		user('reader-via-role', {Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCT}:role/BucketReader`}),
		user('narrow-plus-role', {Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*'}, {Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCT}:role/AllBuckets`}),
		// Allowed on one bucket for certain; every bucket only with MFA (the role's trust asks for it).
		user('narrow-plus-mfa-role', {Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*'}, {Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCT}:role/AllBucketsWithMfa`}),
	],
	GroupDetailList: [],
	RoleDetailList: [{
		Path: '/', RoleName: 'Reporter', RoleId: 'AROAREPORTER', Arn: `arn:aws:iam::${ACCT}:role/Reporter`, CreateDate: DATE,
		AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}]},
		InstanceProfileList: [], AttachedManagedPolicies: [], Tags: [], RoleLastUsed: {},
		RolePolicyList: [{PolicyName: 'Reports', PolicyDocument: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*'}]}}],
	}, accountRole('BucketReader', {Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*'}), accountRole('AllBuckets', {Effect: 'Allow', Action: 's3:*', Resource: '*'}), {
		...accountRole('AllBucketsWithMfa', {Effect: 'Allow', Action: 's3:*', Resource: '*'}),
		AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${ACCT}:root`}, Action: 'sts:AssumeRole', Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}}]},
	}],
	Policies: [],
};

describe('can and who-can on a wildcard resource say what the grant does not cover', () => {
	const env = motoEnvironment();
	let file = '';
	const can = async (...args: string[]) => runCli(['can', ...args, '--from-file', file], env);
	beforeAll(() => {
		file = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-scope-')), 'export.json');
		writeFileSync(file, JSON.stringify(exportDocument, null, 2));
	});

	it('a grant on some resources: Allowed on those only, in text and JSON', async () => {
		const text = await can('one-bucket', 's3:GetObject');
		expect(text.code).toBe(0);
		expect(text.stdout.trimEnd().split('\n')).toEqual(['one-bucket s3:GetObject on *: Allowed', '  granted by direct → Reads → #1', '  on arn:aws:s3:::reports/*, arn:aws:s3:::logs/* only']);
		const json = JSON.parse((await can('one-bucket', 's3:GetObject', '--json')).stdout) as Record<string, unknown>;
		expect(json).toMatchObject({Decision: 'Allowed', ResourcePatterns: ['arn:aws:s3:::reports/*', 'arn:aws:s3:::logs/*'], PartialDenies: []});
	});

	it('a deny that cuts into the grant is named', async () => {
		const text = await can('cut-by-deny', 's3:GetObject');
		expect(text.stdout).toContain('cut-by-deny s3:GetObject on *: Allowed');
		expect(text.stdout).toContain('  partly denied (some resources) by direct → Reads → #2 (OnlyReports)');
		const json = JSON.parse((await can('cut-by-deny', 's3:GetObject', '--json')).stdout) as Record<string, unknown>;
		expect(json['PartialDenies']).toEqual([expect.objectContaining({PolicyName: 'Reads', StatementIndex: 2, Effect: 'Deny'})]);
	});

	it('on one resource the answer is whole: nothing to qualify', async () => {
		const inside = await can('cut-by-deny', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q3.csv');
		expect(inside.stdout.trimEnd()).toMatch(/: Allowed\n {2}granted by direct → Reads → #1$/);
		const outside = await can('cut-by-deny', 's3:GetObject', '--resource', 'arn:aws:s3:::logs/today');
		expect(outside.code).toBe(1);
		expect(outside.stdout).toContain('on arn:aws:s3:::logs/today: ExplicitDeny');
		const anywhere = await can('everywhere', 's3:GetObject', '--json');
		expect(JSON.parse(anywhere.stdout)).toMatchObject({Decision: 'Allowed', ResourcePatterns: ['*'], PartialDenies: []});
	});

	it('who-can says it per principal, in the DECISION column and the JSON', async () => {
		const text = await runCli(['who-can', 's3:GetObject', '--from-file', file], env);
		const row = (name: string) => text.stdout.split('\n').find(line => line.includes(` ${name} `)) ?? '';
		expect(row('one-bucket')).toMatch(/ Allowed on arn:aws:s3:::reports\/\*, arn:aws:s3:::logs\/\* only +direct → Reads → #1/);
		expect(row('cut-by-deny')).toMatch(/ Allowed partly denied \(some resources\) +direct/);
		expect(row('everywhere')).toMatch(/ Allowed +direct/);
		expect(row('mfa-guarded')).toMatch(/ Conditional +direct/);
		expect(row('Reporter')).toMatch(/^role +Reporter +Allowed on arn:aws:s3:::reports\/\* only /);
		const rows = JSON.parse((await runCli(['who-can', 's3:GetObject', '--json', '--from-file', file], env)).stdout) as Array<Record<string, unknown>>;
		const json = (name: string) => rows.find(r => r['UserName'] === name);
		expect(json('one-bucket')).toMatchObject({Decision: 'Allowed', ResourcePatterns: ['arn:aws:s3:::reports/*', 'arn:aws:s3:::logs/*']});
		expect(json('cut-by-deny')).toMatchObject({Decision: 'Allowed', PartlyDenied: true});
		expect(rows.find(r => r['RoleName'] === 'Reporter')).toMatchObject({Decision: 'Allowed', ResourcePatterns: ['arn:aws:s3:::reports/*']});
		for (const name of ['everywhere', 'mfa-guarded', 'cut-by-deny']) expect(json(name)).not.toHaveProperty('ResourcePatterns');
		for (const name of ['everywhere', 'mfa-guarded', 'one-bucket']) expect(json(name)).not.toHaveProperty('PartlyDenied');
	});

	it('who-can on one resource: nothing to qualify', async () => {
		const text = await runCli(['who-can', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q3.csv', '--from-file', file], env);
		expect(text.stdout).not.toMatch(/ only|partly denied/);
		expect(text.stdout).toMatch(/cut-by-deny +Allowed +direct/);
	});

	it('a policy variable in the asked resource is answered as written, and said to be so', async () => {
		const asked = 'arn:aws:s3:::reports/${aws:username}/*';
		const note = 'the resource is taken as written: ${aws:username} in it is those characters, not a variable';
		const whoCan = await runCli(['who-can', 's3:GetObject', '--resource', asked, '--from-file', file], env);
		expect(whoCan.code).toBe(0);
		expect(whoCan.stdout).toContain(note);
		expect(whoCan.stdout).toContain('e.g. arn:aws:s3:::reports/ana.silva/*');
		const text = await can('one-bucket', 's3:GetObject', '--resource', asked);
		expect(text.stdout).toContain(`note: ${note}`);
		const json = JSON.parse((await can('one-bucket', 's3:GetObject', '--resource', asked, '--json')).stdout) as {Notes: string[]};
		expect(json.Notes.some(n => n.startsWith(note))).toBe(true);
		const plain = await runCli(['who-can', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/ana/x', '--from-file', file], env);
		expect(plain.stdout).not.toContain('taken as written');
	});

	it('through roles: a user reaching the action only through a role with a grant on one bucket is Allowed on it only; a role with every bucket widens a narrow grant', async () => {
		const text = await runCli(['who-can', 's3:GetObject', '--from-file', file], env);
		const row = (name: string) => text.stdout.split('\n').find(line => line.split(/\s+/)[1] === name) ?? '';
		expect(row('reader-via-role')).toMatch(/^user +reader-via-role +Allowed on arn:aws:s3:::reports\/\* only +through role BucketReader: /);
		expect(row('narrow-plus-role')).toMatch(/^user +narrow-plus-role +Allowed +direct → Reads → #1; through role AllBuckets/);
		const rows = JSON.parse((await runCli(['who-can', 's3:GetObject', '--json', '--from-file', file], env)).stdout) as Array<Record<string, unknown>>;
		expect(rows.find(r => r['UserName'] === 'reader-via-role')).toMatchObject({Decision: 'Allowed', ResourcePatterns: ['arn:aws:s3:::reports/*']});
		expect(rows.find(r => r['UserName'] === 'narrow-plus-role')).not.toHaveProperty('ResourcePatterns');
		// Only Conditional through the role: the certain grant's scope stands.
		expect(row('narrow-plus-mfa-role')).toMatch(/^user +narrow-plus-mfa-role +Allowed on arn:aws:s3:::logs\/\* only +direct → Reads → #1; through role AllBucketsWithMfa/);

		const can = await runCli(['can', 'reader-via-role', 's3:GetObject', '--from-file', file], env);
		expect(can.stdout).toContain('  through role BucketReader: Allowed on arn:aws:s3:::reports/* only: inline policy Reads → statement #1 → assume role BucketReader');
		const canJson = JSON.parse((await runCli(['can', 'reader-via-role', 's3:GetObject', '--json', '--from-file', file], env)).stdout) as {ThroughRoles: Array<Record<string, unknown>>};
		expect(canJson.ThroughRoles[0]).toMatchObject({RoleName: 'BucketReader', Decision: 'Allowed', ResourcePatterns: ['arn:aws:s3:::reports/*']});
	});
});
