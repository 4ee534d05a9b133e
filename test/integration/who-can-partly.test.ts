// who-can for a wildcard query (lightsail:*) through the built binary: a user allowed only some of the
// actions is "Partly" with how many, never "Allowed"; the account is an export in
// GetAccountAuthorizationDetails' real shape (--from-file), so no emulator is needed.
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {motoEnvironment, runCli} from '../helpers/cli.js';

const ACCT = '123456789012';
const DATE = '2026-01-01T00:00:00Z';
const user = (name: string, Action: string) => ({
	Path: '/', UserName: name, UserId: `AIDA${name.toUpperCase()}0`, Arn: `arn:aws:iam::${ACCT}:user/${name}`, CreateDate: DATE,
	UserPolicyList: [{PolicyName: 'Lightsail', PolicyDocument: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action, Resource: '*'}]}}],
	GroupList: [], AttachedManagedPolicies: [], Tags: [],
});

describe('who-can with a wildcard action: Partly for a partial grant', () => {
	const env = motoEnvironment();
	let file = '';
	beforeAll(() => {
		file = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-partly-')), 'export.json');
		writeFileSync(file, JSON.stringify({UserDetailList: [user('ana', 'lightsail:Get*'), user('bob', 'lightsail:*')], GroupDetailList: [], RoleDetailList: [], Policies: []}));
	});

	it('text: ana (lightsail:Get*) is Partly, with how many of the actions; bob (lightsail:*) is Allowed for all', async () => {
		const run = await runCli(['who-can', 'lightsail:*', '--from-file', file], env);
		expect(run.stderr).toBe('');
		const ana = run.stdout.split('\n').find(line => /\bana\b/.test(line)) ?? '';
		const bob = run.stdout.split('\n').find(line => /\bbob\b/.test(line)) ?? '';
		const [, got, total] = /Partly (\d+) of (\d+) actions/.exec(ana) ?? [];
		expect(Number(got)).toBeGreaterThan(0);
		expect(Number(got)).toBeLessThan(Number(total));
		expect(ana).not.toMatch(/Allowed/);
		expect(bob).toContain(`Allowed all ${total} actions`);
	});

	it('--json keeps Decision as the API spells it and marks the partial row Partly', async () => {
		const run = await runCli(['who-can', 'lightsail:*', '--json', '--from-file', file], env);
		const rows = JSON.parse(run.stdout) as Array<{UserName?: string; Decision: string; Partly?: boolean; Actions: string[]}>;
		const ana = rows.find(r => r.UserName === 'ana')!;
		const bob = rows.find(r => r.UserName === 'bob')!;
		expect(ana).toMatchObject({Decision: 'Allowed', Partly: true});
		expect(bob.Partly).toBeUndefined();
		expect(ana.Actions.length).toBeLessThan(bob.Actions.length);
		expect(ana.Actions.every(a => a.startsWith('lightsail:Get'))).toBe(true);
	});
});
