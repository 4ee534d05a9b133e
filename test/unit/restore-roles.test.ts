// Restore and roles: the trusts an offboarding edited are put back (merged into the trust as it is now),
// a role gone since is refused or skipped (--skip-missing), an edited record cannot widen a trust; and a
// new password that must be reset comes with IAMUserChangePassword, as create-user does (issue 16 item 9).
import {describe, expect, it} from 'vitest';
import type {OffboardRecord} from '../../source/model/offboard/record.js';
import {CHANGE_PASSWORD_POLICY_ARN} from '../../source/model/plans/change-password.js';
import {withoutPrincipal} from '../../source/model/plans/role-trust.js';
import {planRestore} from '../../source/model/plans/restore.js';
import {withPrincipalRestored} from '../../source/model/plans/trust-restore.js';
import {Secret} from '../../source/model/secret.js';
import {offboardRecord, recordUser} from '../fixtures/offboard-record.js';
import {accountWithRoles, trustPolicy, trusts, userArn} from '../fixtures/roles.js';

const ANA = userArn('ana');
const BOB = userArn('bob');
const MFA = {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}};
const SHARED = trustPolicy({Sid: 'People', ...trusts({AWS: [ANA, BOB]}, MFA)});
const MIXED = trustPolicy({Sid: 'Ana', ...trusts(ANA)}, {Sid: 'Bob', ...trusts(BOB)});

const statements = (doc: string | undefined) => (JSON.parse(doc!) as {Statement: unknown[]}).Statement;

describe('withPrincipalRestored', () => {
	it('puts an edited statement back as it was, when the trust is as the offboarding left it', () => {
		const after = withoutPrincipal('Shared', SHARED, ANA).document;
		expect(statements(withPrincipalRestored('Shared', after, SHARED, ANA))).toEqual(statements(SHARED));
	});

	it('adds back a statement that named only the user', () => {
		const after = withoutPrincipal('Mixed', MIXED, ANA).document;
		expect(statements(withPrincipalRestored('Mixed', after, MIXED, ANA))).toEqual([{Sid: 'Bob', ...trusts(BOB)}, {Sid: 'Ana', ...trusts(ANA)}]);
	});

	it('merges into a trust changed since: the user part only, same conditions, a Sid in use dropped', () => {
		const changed = trustPolicy({Sid: 'People', ...trusts({AWS: [BOB, userArn('carol')]}, MFA)});
		expect(statements(withPrincipalRestored('Shared', changed, SHARED, ANA))).toEqual([
			{Sid: 'People', ...trusts({AWS: [BOB, userArn('carol')]}, MFA)},
			{Effect: 'Allow', Principal: {AWS: ANA}, Action: 'sts:AssumeRole', ...MFA},
		]);
	});

	it('changes nothing when the trust names the user already', () => {
		expect(withPrincipalRestored('Shared', SHARED, SHARED, ANA)).toBeUndefined();
	});
});

/** The account after ana's offboarding: ana gone, Shared without ana, Mixed without the Ana statement. */
const afterOffboarding = (roles = ['Shared', 'Mixed']) =>
	accountWithRoles({
		users: {bob: {}},
		roles: Object.fromEntries(
			roles.map(role => [role, {trust: withoutPrincipal(role, role === 'Shared' ? SHARED : MIXED, ANA).document}]),
		),
	});

const anaRecord = (extra: Partial<OffboardRecord> = {}) =>
	offboardRecord({
		...recordUser('ana', '/'),
		groups: [],
		attachedPolicies: [],
		inlinePolicies: [],
		accessKeys: [],
		loginProfile: null,
		trustPolicies: [
			{role: 'Shared', roleArn: 'arn:aws:iam::123456789012:role/Shared', principal: ANA, document: SHARED},
			{role: 'Mixed', roleArn: 'arn:aws:iam::123456789012:role/Mixed', principal: ANA, document: MIXED},
		],
		...extra,
	});

describe('planRestore: trust policies', () => {
	it('puts the user back into each trust after creating the user (IAM refuses a trust naming no one)', () => {
		const plan = planRestore(anaRecord(), afterOffboarding(), {accessKey: false, skipMissing: false});
		expect(plan.steps.map(s => s.run.operation)).toEqual(['createUser', 'updateAssumeRolePolicy', 'updateAssumeRolePolicy']);
		const shared = plan.steps[1]!;
		expect(shared.description).toBe('Put ana back into the trust policy of role Shared');
		expect(shared.awsCli).toBe('aws iam update-assume-role-policy --role-name Shared --policy-document file://Shared-trust.json');
		expect(shared.run.operation === 'updateAssumeRolePolicy' && statements(shared.run.document)).toEqual(statements(SHARED));
		// Previewed: the trust as it is now against the trust after the restore.
		expect(plan.diff?.title).toBe('Trust policies ana is put back into (- now, + after the restore)');
		expect(plan.diff!.lines).toContainEqual({change: ' ', text: 'role Mixed:'});
		expect(plan.diff!.lines.filter(l => l.change === '+' && l.text.includes(ANA))).toHaveLength(2);
	});

	it('refuses when a role of the record is gone; --skip-missing restores without it', () => {
		expect(() => planRestore(anaRecord(), afterOffboarding(['Shared']), {accessKey: false, skipMissing: false})).toThrow(/role Mixed, which no longer exists/);
		const plan = planRestore(anaRecord(), afterOffboarding(['Shared']), {accessKey: false, skipMissing: true});
		expect(plan.steps.filter(s => s.run.operation === 'updateAssumeRolePolicy').map(s => s.run.operation === 'updateAssumeRolePolicy' && s.run.role)).toEqual(['Shared']);
		expect(plan.notes?.join('\n')).toContain('role Mixed');
	});

	it('refuses a hand-edited record whose trust entry names anyone but the user', () => {
		const widened = anaRecord({trustPolicies: [{role: 'Shared', roleArn: 'arn:aws:iam::123456789012:role/Shared', principal: '*', document: SHARED}]});
		expect(() => planRestore(widened, afterOffboarding(), {accessKey: false, skipMissing: false})).toThrow(/trustPolicies\[0\]\.principal: restore puts back only the user it recreates/);
	});
});

describe('planRestore: a new password to reset comes with IAMUserChangePassword (issue 16 item 9)', () => {
	const password = new Secret('N3w-Pa55word!xyz');
	const attaches = (record: OffboardRecord, withPassword = true) =>
		planRestore(record, afterOffboarding(), {...(withPassword ? {password} : {}), accessKey: false, skipMissing: false}).steps.filter(
			s => s.run.operation === 'attachUserPolicy' && s.run.policyArn === CHANGE_PASSWORD_POLICY_ARN,
		);

	it('attaches it right after the login profile, and says why', () => {
		const plan = planRestore(anaRecord({loginProfile: {createDate: '2020-01-01T00:00:00.000Z', passwordResetRequired: true}}), afterOffboarding(), {
			password,
			accessKey: false,
			skipMissing: false,
		});
		const ops = plan.steps.map(s => s.run.operation);
		expect(ops.slice(ops.indexOf('createLoginProfile'))).toEqual(['createLoginProfile', 'attachUserPolicy']);
		expect(plan.steps.at(-1)!.awsCli).toBe(`aws iam attach-user-policy --user-name ana --policy-arn ${CHANGE_PASSWORD_POLICY_ARN}`);
		expect(plan.notes?.join('\n')).toMatch(/IAMUserChangePassword is attached so that ana can set the new password/);
	});

	it('once: not twice when the record attaches it, and not without a password', () => {
		expect(attaches(anaRecord())).toHaveLength(1);
		expect(attaches(anaRecord({attachedPolicies: [{name: 'IAMUserChangePassword', arn: CHANGE_PASSWORD_POLICY_ARN}]}))).toHaveLength(1);
		expect(attaches(anaRecord(), false)).toHaveLength(0);
	});
});
