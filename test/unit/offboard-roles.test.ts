// Roles in offboarding, from snapshot fixtures: the inventory (roles the user can assume, trusts naming
// the user) and the plan's trust steps (before DeleteUser, previewed as a diff, a sole principal left
// with a reason), on a fresh run and on a resume.
import {describe, expect, it} from 'vitest';
import type {OffboardRecord} from '../../source/model/offboard/record.js';
import {resumeRecord} from '../../source/model/offboard/resume.js';
import {roleLines} from '../../source/model/offboard/role-lines.js';
import {roleInventory} from '../../source/model/offboard/roles.js';
import {planText} from '../../source/model/plans/describe.js';
import {planOffboard} from '../../source/model/plans/offboard.js';
import {stepKey} from '../../source/model/plans/step-key.js';
import {offboardRecord, recordUser} from '../fixtures/offboard-record.js';
import {accountWithRoles, allow, policy, ROOT, roleArn, trustPolicy, trusts, userArn} from '../fixtures/roles.js';

const ANA = userArn('ana');
const MFA = {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}};

const account = (extraRoles: Record<string, {trust: string}> = {}) =>
	accountWithRoles({
		users: {ana: {groups: ['Ops']}, bob: {}},
		groups: {Ops: {inline: {AssumeAdmin: policy(allow('sts:AssumeRole', roleArn('Admin')))}}},
		roles: {
			Admin: {trust: trustPolicy(trusts(ROOT)), inline: {Everything: policy(allow('*'))}},
			Deploy: {trust: trustPolicy(trusts(ANA, MFA))},
			Shared: {trust: trustPolicy(trusts({AWS: [ANA, userArn('bob')]}))},
			Mixed: {trust: trustPolicy({Sid: 'Ana', ...trusts(ANA)}, {Sid: 'Bob', ...trusts(userArn('bob'))})},
			BobOnly: {trust: trustPolicy(trusts(userArn('bob')))},
			...extraRoles,
		},
	});

const recordOf = async (index = account(), extra: Partial<OffboardRecord> = {}): Promise<OffboardRecord> => {
	const inventory = await roleInventory(index, {name: 'ana', arn: ANA});
	return offboardRecord({
		...recordUser('ana', '/'),
		finishedAt: null,
		groups: ['Ops'],
		assumableRoles: inventory.assumableRoles,
		trustPolicies: inventory.trustPolicies,
		...extra,
	});
};

const trustDoc = (plan: ReturnType<typeof planOffboard>, role: string) => {
	const step = plan.steps.find(s => s.run.operation === 'updateAssumeRolePolicy' && s.run.role === role);
	return step && step.run.operation === 'updateAssumeRolePolicy' ? (JSON.parse(step.run.document) as {Statement: Array<Record<string, unknown>>}) : undefined;
};

describe('offboarding inventory: roles', () => {
	it('lists the roles the user can assume (through a group, and by a trust naming them, Conditional with MFA) and the trusts naming the user', async () => {
		const record = await recordOf();
		const byRole = Object.fromEntries((record.assumableRoles ?? []).map(r => [r.role, r]));
		expect(Object.keys(byRole).sort()).toEqual(['Admin', 'Deploy', 'Mixed', 'Shared']);
		expect(byRole['Admin']).toMatchObject({direct: false, decision: 'Allowed'});
		expect(byRole['Admin']!.path).toContain('group Ops');
		expect(byRole['Deploy']).toMatchObject({direct: true, decision: 'Conditional'});
		expect(byRole['Deploy']!.conditions.join(' ')).toContain('aws:MultiFactorAuthPresent');
		expect((record.trustPolicies ?? []).map(t => t.role).sort()).toEqual(['Deploy', 'Mixed', 'Shared']);
		expect(record.trustPolicies!.every(t => t.principal === ANA)).toBe(true);
		const text = roleLines(record).map(l => l.text).join('\n');
		expect(text).toMatch(/Admin — yes; reach ends with groups\/policies removed/);
		expect(text).toMatch(/Deploy — Conditional; trust names ana directly, left as it is \(see the notes\): ends when ana is deleted/);
		expect(text).toMatch(/Shared — yes; trust names ana directly: taken out by the trust step/);
		expect(text).toMatch(/Trust policies naming ana directly \(3\): .*dangling unique id/);
	});
});

describe('offboarding inventory: many roles', () => {
	it('roles reached through an sts:AssumeRole on * are one line of names; a chained role is not followed (its first hop ends it)', async () => {
		const many = Object.fromEntries(Array.from({length: 12}, (_, n) => [`Team${n}`, {trust: trustPolicy(trusts(ROOT))}]));
		const index = accountWithRoles({
			users: {ana: {inline: {AssumeAny: policy(allow('sts:AssumeRole'))}}},
			roles: {...many, Chained: {trust: trustPolicy(trusts(roleArn('Team0')))}},
		});
		const inventory = await roleInventory(index, {name: 'ana', arn: ANA});
		expect(inventory.assumableRoles.map(r => r.role).sort()).toEqual(Object.keys(many).sort());
		const lines = roleLines(offboardRecord({...recordUser('ana', '/'), assumableRoles: inventory.assumableRoles, trustPolicies: []}));
		expect(lines).toHaveLength(3);
		expect(lines[1]!.text).toMatch(/^through groups or policies \(reach ends with groups\/policies removed\): Team0, Team1, .*Team11$/);
	});
});

describe('offboarding plan: trust steps', () => {
	it('takes the user out of each trust naming them, before DeleteUser, with the aws line and a JSON diff', async () => {
		const plan = planOffboard(await recordOf(), {keepUser: false});
		const ops = plan.steps.map(s => `${s.run.operation}${s.run.operation === 'updateAssumeRolePolicy' ? ` ${s.run.role}` : ''}`);
		expect(ops.filter(o => o.startsWith('updateAssumeRolePolicy')).sort()).toEqual(['updateAssumeRolePolicy Mixed', 'updateAssumeRolePolicy Shared']);
		const last = ops.indexOf('deleteUser');
		expect(last).toBe(ops.length - 1);
		expect(ops.findIndex(o => o.startsWith('updateAssumeRolePolicy'))).toBeLessThan(ops.indexOf('removeUserFromGroup'));
		const shared = plan.steps.find(s => s.run.operation === 'updateAssumeRolePolicy' && s.run.role === 'Shared')!;
		expect(shared.description).toBe('Take ana out of the trust policy of role Shared');
		expect(shared.awsCli).toBe('aws iam update-assume-role-policy --role-name Shared --policy-document file://Shared-trust.json');
		// Another principal in the same statement stays; a statement naming only ana goes whole.
		expect(trustDoc(plan, 'Shared')!.Statement).toEqual([{Effect: 'Allow', Principal: {AWS: [userArn('bob')]}, Action: 'sts:AssumeRole'}]);
		expect(trustDoc(plan, 'Mixed')!.Statement.map(s => s['Sid'])).toEqual(['Bob']);
		expect(plan.diff?.title).toBe('Trust policies naming ana (- before, + after)');
		expect(plan.diff!.lines).toContainEqual({change: '-', text: expect.stringContaining(ANA)});
		expect(plan.diff!.lines).toContainEqual({change: ' ', text: 'role Shared:'});
		const text = planText(plan);
		expect(text).toMatch(/role Deploy: trust NOT changed — ana is its only principal, and IAM refuses a trust policy with no statement/);
		expect(text).toMatch(/unique id \(AIDA…\)/);
		expect(text).toMatch(/reach ends with groups\/policies removed, no trust change\): Admin/);
	});

	it('keeps the trust steps when the user is kept (a legal hold still ends every access)', async () => {
		const plan = planOffboard(await recordOf(), {keepUser: true});
		expect(plan.steps.filter(s => s.run.operation === 'updateAssumeRolePolicy')).toHaveLength(2);
		expect(planText(plan)).toMatch(/ana is kept without any credential, so nobody can use it/);
	});

	it('a resume plans from the trust as it is now: an edit done earlier is not sent again, a new one is', async () => {
		const original = await recordOf();
		const sharedKey = stepKey(planOffboard(original, {keepUser: false}).steps.find(s => s.run.operation === 'updateAssumeRolePolicy' && s.run.role === 'Shared')!.run);
		const interrupted = {...original, completed: [sharedKey]};
		// Since: Shared was edited (no longer names ana), and role Late now trusts ana.
		const after = account({Shared: {trust: trustPolicy(trusts(userArn('bob')))}, Late: {trust: trustPolicy(trusts({AWS: [ANA, ROOT]}))}});
		const now = await recordOf(after);
		const {record, found} = resumeRecord(interrupted, now, new Date('2026-12-04T00:00:00Z'));
		expect(found).toContain('trust policy of role Late');
		// The record keeps Shared's original document (for restore).
		expect(record.trustPolicies!.find(t => t.role === 'Shared')!.document).toContain(ANA);
		const plan = planOffboard(record, {keepUser: false, now});
		const trust = plan.steps.filter(s => s.run.operation === 'updateAssumeRolePolicy');
		expect(trust.map(s => [s.run.operation === 'updateAssumeRolePolicy' && s.run.role, s.noop ?? 'send'])).toEqual(
			expect.arrayContaining([
				['Mixed', 'send'],
				['Late', 'send'],
				['Shared', expect.stringMatching(/done in an earlier run|no longer names ana/)],
			]),
		);
	});

	it('a record from before roles (no role fields) plans as before', () => {
		const plan = planOffboard(offboardRecord({finishedAt: null}), {keepUser: false});
		expect(plan.steps.some(s => s.run.operation === 'updateAssumeRolePolicy')).toBe(false);
		expect(plan.diff).toBeUndefined();
	});
});
