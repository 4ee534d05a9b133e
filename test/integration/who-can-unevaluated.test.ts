// A policy who-can cannot evaluate may grant someone the answer leaves out: the built binary names whom it
// reaches under the table, and with --json (whose stdout is only the list of who can) says the same on stderr.
// The account is an export in GetAccountAuthorizationDetails' shape (--from-file): IAM refuses a malformed
// policy document, so no emulator can hold one; an export edited by hand or another tool can.
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {motoEnvironment, runCli} from '../helpers/cli.js';

const ACCT = '123456789012';
const DATE = '2026-01-01T00:00:00Z';
const ec2 = encodeURIComponent(JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'ec2:*', Resource: '*'}]}));
const user = (name: string, policies: Array<{PolicyName: string; PolicyDocument: string}>, groups: string[] = []) => ({
	Path: '/', UserName: name, UserId: `AIDA${name.toUpperCase()}0`, Arn: `arn:aws:iam::${ACCT}:user/${name}`, CreateDate: DATE,
	UserPolicyList: policies, GroupList: groups, AttachedManagedPolicies: [], Tags: [],
});
const members = Array.from({length: 12}, (_, n) => `member${String(n).padStart(2, '0')}`);
const exportDocument = {
	UserDetailList: [
		user('amy', [{PolicyName: 'Ec2', PolicyDocument: ec2}]),
		// Cut short: not JSON. Whether zed may terminate instances cannot be known.
		user('zed', [{PolicyName: 'Broken', PolicyDocument: ec2.slice(0, -10)}]),
		...members.map(name => user(name, [], ['Ops'])),
	],
	GroupDetailList: [{
		Path: '/', GroupName: 'Ops', GroupId: 'AGPAOPS0', Arn: `arn:aws:iam::${ACCT}:group/Ops`, CreateDate: DATE,
		GroupPolicyList: [{PolicyName: 'OpsBroken', PolicyDocument: '%7B'}], AttachedManagedPolicies: [],
	}],
	RoleDetailList: [],
	Policies: [],
};

describe('who-can with a policy it could not evaluate (--from-file export)', () => {
	const env = motoEnvironment();
	let file = '';
	beforeAll(() => {
		file = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-unevaluated-')), 'export.json');
		writeFileSync(file, JSON.stringify(exportDocument));
	});

	it('names whom the policy reaches: the user, and a group with the first ten of its members and how many more', async () => {
		const text = await runCli(['who-can', 'ec2:TerminateInstances', '--from-file', file], env);
		expect(text.code).toBe(0);
		expect(text.stdout).toMatch(/^user +amy +Allowed/m);
		expect(text.stdout).toMatch(/^could not evaluate Broken: invalid JSON.* — reaches zed$/m);
		expect(text.stdout).toContain(`could not evaluate OpsBroken: invalid JSON`);
		expect(text.stdout).toContain(` — reaches ${members.slice(0, 10).join(', ')}, 2 more users, group Ops`);
	});

	it('--json: stdout is the list of who can, the same notes on stderr', async () => {
		const json = await runCli(['who-can', 'ec2:TerminateInstances', '--json', '--from-file', file], env);
		expect(json.code).toBe(0);
		expect((JSON.parse(json.stdout) as Array<{UserName?: string}>).map(r => r.UserName)).toEqual(['amy']);
		expect(json.stderr).toMatch(/^could not evaluate Broken: invalid JSON.* — reaches zed$/m);
		expect(json.stderr).toContain('could not evaluate OpsBroken: invalid JSON');
	});
});
