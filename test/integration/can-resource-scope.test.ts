// `can` on a wildcard resource (the default, *) says what its Allowed does not cover: the resources the
// grant is limited to, and the denies that cut into it — as the TUI's Explain does — in text and JSON. An
// Allowed on * that holds on one bucket only must not read as allowed everywhere. The built binary on an
// export in GetAccountAuthorizationDetails' shape (--from-file): nothing here needs an account.
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
const exportDocument = {
	UserDetailList: [
		user('one-bucket', {Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::reports/*', 'arn:aws:s3:::logs/*']}),
		user('cut-by-deny', {Effect: 'Allow', Action: 's3:*', Resource: '*'}, {Sid: 'OnlyReports', Effect: 'Deny', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::reports/*'}),
		user('everywhere', {Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}),
	],
	GroupDetailList: [],
	RoleDetailList: [],
	Policies: [],
};

describe('can on a wildcard resource says what the grant does not cover', () => {
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
});
