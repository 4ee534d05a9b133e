// A policy iamtui cannot evaluate may allow or deny what it may speak of (anything, when it is not JSON), so
// nobody it reaches is answered for with certainty: the built binary lists them Conditional on it (a row of
// their own when nothing else grants), `can` answers Conditional (exit 2), and the notes under who-can's table
// name whom each reaches — with --json (whose stdout is the list) on stderr. A policy read but refused by the
// simulator speaks only of the actions its Action names: the answer for others stays certain.
// The account is an export in GetAccountAuthorizationDetails' shape (--from-file): IAM refuses a malformed
// policy document, so no emulator can hold one; an export edited by hand or by another tool can.
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
const noResource = encodeURIComponent(JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject'}]}));
const members = Array.from({length: 12}, (_, n) => `member${String(n).padStart(2, '0')}`);
const exportDocument = {
	UserDetailList: [
		user('amy', [{PolicyName: 'Ec2', PolicyDocument: ec2}]),
		// Cut short: not JSON. Whether zed may terminate instances cannot be known.
		user('zed', [{PolicyName: 'Broken', PolicyDocument: ec2.slice(0, -10)}]),
		// Read, but refused (no Resource): it speaks of s3:GetObject only.
		user('sam', [{PolicyName: 'NoResource', PolicyDocument: noResource}]),
		// Denied ec2 by a known statement: the broken policy cannot change that.
		user('vic', [{PolicyName: 'Shaky', PolicyDocument: ec2.slice(0, -10)}, {PolicyName: 'NoEc2', PolicyDocument: encodeURIComponent(JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: 'ec2:*', Resource: '*'}]}))}]),
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

	it('lists whom it reaches Conditional on it, and names them under the table: a group with its first ten members and how many more', async () => {
		const text = await runCli(['who-can', 'ec2:TerminateInstances', '--from-file', file], env);
		expect(text.code).toBe(0);
		expect(text.stdout).toMatch(/^user +amy +Allowed/m);
		for (const name of ['zed', ...members]) expect(text.stdout).toMatch(new RegExp(`^user +${name} +Conditional`, 'm'));
		// With no path, the row says what it hangs on.
		expect(text.stdout).toMatch(/^user +zed +Conditional +the policy Broken could not be evaluated: it may allow or deny$/m);
		expect(text.stdout).toMatch(/^user +member00 +Conditional +the policy OpsBroken \(group Ops\) could not be evaluated: it may allow or deny$/m);
		expect(text.stdout).toMatch(/^group +Ops +Conditional/m);
		// sam's refused policy speaks of s3 only; vic is denied ec2 by a statement that was read.
		expect(text.stdout).not.toMatch(/^user +sam/m);
		expect(text.stdout).not.toMatch(/^user +vic/m);
		expect(text.stdout).toMatch(/^could not evaluate Broken: invalid JSON.* — reaches zed$/m);
		expect(text.stdout).toContain(`could not evaluate OpsBroken: invalid JSON`);
		expect(text.stdout).toContain(` — reaches ${members.slice(0, 10).join(', ')}, 2 more users, group Ops`);
		const s3 = await runCli(['who-can', 's3:GetObject', '--from-file', file], env);
		expect(s3.stdout).toMatch(/^user +sam +Conditional/m);
	});

	it('--json: the rows Conditional with the policy as their condition, the notes on stderr', async () => {
		const json = await runCli(['who-can', 'ec2:TerminateInstances', '--json', '--from-file', file], env);
		expect(json.code).toBe(0);
		const rows = JSON.parse(json.stdout) as Array<{UserName?: string; Decision: string; Conditions?: Array<{Key: string; Operator: string}>}>;
		expect(rows.find(r => r.UserName === 'amy')?.Decision).toBe('Allowed');
		expect(rows.find(r => r.UserName === 'zed')).toMatchObject({Decision: 'Conditional', Conditions: [{Key: 'the policy Broken', Operator: 'could not be evaluated: it may allow or deny'}]});
		expect(json.stderr).toMatch(/^could not evaluate Broken: invalid JSON.* — reaches zed$/m);
		expect(json.stderr).toContain('could not evaluate OpsBroken: invalid JSON');
	});

	it('can: Conditional (exit 2) naming the policy where it may speak of the action, certain where it cannot', async () => {
		const zed = await runCli(['can', 'zed', 'ec2:TerminateInstances', '--from-file', file], env);
		expect(zed.code).toBe(2);
		expect(zed.stdout).toContain('zed ec2:TerminateInstances on *: Conditional');
		expect(zed.stdout).toContain('note: the policy Broken could not be evaluated: it may allow or deny ec2:TerminateInstances');
		expect((await runCli(['can', 'member03', 'ec2:TerminateInstances', '--from-file', file], env)).stdout).toContain('the policy OpsBroken (group Ops) could not be evaluated');
		expect((await runCli(['can', 'sam', 's3:GetObject', '--from-file', file], env)).code).toBe(2);
		const certain = await runCli(['can', 'sam', 'ec2:TerminateInstances', '--from-file', file], env);
		expect(certain.code).toBe(1);
		expect(certain.stdout).toContain('sam ec2:TerminateInstances on *: ImplicitDeny');
		const denied = await runCli(['can', 'vic', 'ec2:TerminateInstances', '--from-file', file], env);
		expect(denied.code).toBe(1);
		expect(denied.stdout).toContain('vic ec2:TerminateInstances on *: ExplicitDeny');
	});
});
