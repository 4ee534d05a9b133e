// Issue 14, item 3: taking back an interrupted plan deletes only what the evidence proves it made.
import {expect, it} from 'vitest';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {unfinishedPlans} from '../../source/model/plans/journal-plans.js';
import {planTakeBack, type UserEvidence} from '../../source/model/plans/take-back.js';

const SENT = '2026-12-04T15:00:00.000Z';
const base = {time: SENT, profile: 'dev', account: '123456789012', callerArn: null, errorCode: null, planId: 'p1'};
const intent = (step: number, operation: string, target: JournalEntry['target']): JournalEntry => ({...base, step, operation, target, outcome: 'intent'});
const ok = (step: number, operation: string, target: JournalEntry['target']): JournalEntry => ({...base, step, operation, target, outcome: 'ok'});

/** create-user ana --console-password --access-key --group G, killed while the key's answer was on its way. */
const killedAtKey = unfinishedPlans([
	intent(0, 'iam:CreateUser', {user: 'ana'}),
	ok(0, 'iam:CreateUser', {user: 'ana'}),
	intent(1, 'iam:CreateLoginProfile', {user: 'ana'}),
	ok(1, 'iam:CreateLoginProfile', {user: 'ana'}),
	intent(2, 'iam:CreateAccessKey', {user: 'ana'}),
])[0]!;

const ana = (keys: UserEvidence['accessKeys']): Map<string, UserEvidence> =>
	new Map([['ana', {createDate: '2026-12-04T15:00:00Z', groups: [], loginProfile: {createDate: '2026-12-04T15:00:01Z'}, accessKeys: keys}]]);

it('the one key made after the intent is deleted, then the password and the user, newest first', () => {
	const {plan, cannot} = planTakeBack(killedAtKey, ana([{accessKeyId: 'AKIALOST', createDate: '2026-12-04T15:00:02Z'}]));
	expect(cannot).toEqual([]);
	expect(plan!.steps.map(s => s.awsCli)).toEqual([
		'aws iam delete-access-key --user-name ana --access-key-id AKIALOST',
		'aws iam delete-login-profile --user-name ana',
		'aws iam delete-user --user-name ana',
	]);
	expect(plan!.confirmName).toBe('ana');
	expect(plan!.dangerous).toBe(true);
});

it('two keys made after the intent: neither is deleted, both are named', () => {
	const {plan, cannot} = planTakeBack(
		killedAtKey,
		ana([
			{accessKeyId: 'AKIALOST', createDate: '2026-12-04T15:00:02Z'},
			{accessKeyId: 'AKIATHEIRS', createDate: '2026-12-04T15:00:03Z'},
		]),
	);
	expect(plan!.steps.map(s => s.run.operation)).toEqual(['deleteLoginProfile', 'deleteUser']);
	expect(cannot).toEqual([expect.stringContaining('AKIALOST, AKIATHEIRS')]);
});

it('a key older than the intent (minus the clock margin) is not the plan\'s; an unknown step on something else is named, never guessed', () => {
	const unknownAttach = unfinishedPlans([
		intent(0, 'iam:AttachUserPolicy', {user: 'bo', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'}),
	])[0]!;
	expect(planTakeBack(unknownAttach, new Map()).plan).toBeUndefined();
	expect(planTakeBack(unknownAttach, new Map()).cannot).toEqual([expect.stringContaining('does not say whether it landed')]);
	const {plan} = planTakeBack(killedAtKey, ana([{accessKeyId: 'AKIAOLD', createDate: '2026-12-04T14:59:50Z'}]));
	expect(plan!.steps.map(s => s.run.operation)).toEqual(['deleteLoginProfile', 'deleteUser']);
});

it('a group step whose outcome is unknown: removed only if the user is in the group now', () => {
	const killedAtGroup = unfinishedPlans([
		intent(0, 'iam:CreateUser', {user: 'ana'}),
		ok(0, 'iam:CreateUser', {user: 'ana'}),
		intent(1, 'iam:CreateAccessKey', {user: 'ana'}),
		ok(1, 'iam:CreateAccessKey', {user: 'ana', accessKeyId: 'AKIANEW'}),
		intent(2, 'iam:AddUserToGroup', {user: 'ana', group: 'G'}),
	])[0]!;
	const evidence = (groups: string[]) => new Map([['ana', {createDate: SENT, groups, loginProfile: null, accessKeys: [{accessKeyId: 'AKIANEW', createDate: SENT}]}]]);
	expect(planTakeBack(killedAtGroup, evidence(['G'])).plan!.steps.map(s => s.awsCli)).toEqual([
		'aws iam remove-user-from-group --user-name ana --group-name G',
		'aws iam delete-access-key --user-name ana --access-key-id AKIANEW',
		'aws iam delete-user --user-name ana',
	]);
	expect(planTakeBack(killedAtGroup, evidence([])).plan!.steps.map(s => s.run.operation)).toEqual(['deleteAccessKey', 'deleteUser']);
});

it('a removal is never reversed: an interrupted offboarding gives nobody access back', () => {
	const offboarding = unfinishedPlans([
		intent(0, 'iam:RemoveUserFromGroup', {user: 'bo', group: 'Admins'}),
		ok(0, 'iam:RemoveUserFromGroup', {user: 'bo', group: 'Admins'}),
		intent(1, 'iam:DetachUserPolicy', {user: 'bo', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess'}),
	])[0]!;
	const {plan, cannot} = planTakeBack(offboarding, new Map([['bo', {createDate: '2020-01-01T00:00:00Z', groups: [], loginProfile: null, accessKeys: []}]]));
	expect(plan).toBeUndefined();
	expect(cannot).toEqual([expect.stringContaining('iamtui offboard USER'), expect.stringContaining('iamtui offboard USER')]);
});

it('done creates of a policy and a certificate are taken back by the ids their outcome lines carry; an attachment is detached', () => {
	const plan = unfinishedPlans([
		intent(0, 'iam:CreatePolicy', {policyName: 'Reports'}),
		ok(0, 'iam:CreatePolicy', {policyName: 'Reports', policyArn: 'arn:aws:iam::123456789012:policy/Reports'}),
		intent(1, 'iam:AttachGroupPolicy', {group: 'Analysts', policyArn: 'arn:aws:iam::123456789012:policy/Reports'}),
		ok(1, 'iam:AttachGroupPolicy', {group: 'Analysts', policyArn: 'arn:aws:iam::123456789012:policy/Reports'}),
		intent(2, 'iam:UploadSigningCertificate', {user: 'rs'}),
		ok(2, 'iam:UploadSigningCertificate', {user: 'rs', certificateId: 'CERT1'}),
		intent(3, 'iam:AddUserToGroup', {user: 'rs', group: 'Analysts'}),
	])[0]!;
	const {plan: takeBack} = planTakeBack(plan, new Map([['rs', {createDate: '2020-01-01T00:00:00Z', groups: [], loginProfile: null, accessKeys: []}]]));
	expect(takeBack!.steps.map(s => s.awsCli)).toEqual([
		'aws iam delete-signing-certificate --user-name rs --certificate-id CERT1',
		'aws iam detach-group-policy --group-name Analysts --policy-arn arn:aws:iam::123456789012:policy/Reports',
		'aws iam delete-policy --policy-arn arn:aws:iam::123456789012:policy/Reports',
	]);
});

/** offboard-everywhere's journal lines (ids only): alice's membership removed, then killed while her assignment's deletion was on its way. */
const everywhere = unfinishedPlans([
	intent(0, 'identitystore:DeleteGroupMembership', {membershipId: 'm-1', groupId: 'g-admins', principalId: 'u-alice'}),
	ok(0, 'identitystore:DeleteGroupMembership', {membershipId: 'm-1', groupId: 'g-admins', principalId: 'u-alice'}),
	intent(1, 'sso:DeleteAccountAssignment', {accountId: '210987654321', permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin', principalId: 'u-alice'}),
])[0]!;

it('Identity Center removals are not given back: one line per person says to finish with offboard-everywhere, naming them from the records', () => {
	const {plan, cannot} = planTakeBack(everywhere, new Map(), new Map([['u-alice', 'alice']]));
	expect(plan).toBeUndefined();
	expect(cannot).toHaveLength(1);
	const [line] = cannot;
	expect(line).toMatch(/^Identity Center removals of offboarding alice everywhere: iamtui gives no access back; finish with iamtui offboard-everywhere alice \(X on the person in the TUI\)/);
	// Both steps named, oldest first, with what the journal knows of each.
	expect(line).toMatch(/identitystore:DeleteGroupMembership membershipId m-1, groupId g-admins, principalId u-alice \(made\); sso:DeleteAccountAssignment accountId 210987654321,.* \(the journal does not say whether it landed\)/);
});

it('an Identity Center step whose person no record names: the id is given, PERSON left for the operator', () => {
	const {cannot} = planTakeBack(everywhere, new Map());
	expect(cannot).toEqual([expect.stringContaining('finish with iamtui offboard-everywhere PERSON (Identity Center user id u-alice; iamtui records names the person)')]);
});

it('a failed Identity Center step changed nothing: nothing is said of it', () => {
	const failed = unfinishedPlans([
		intent(0, 'sso:DeleteAccountAssignment', {accountId: '210987654321', principalId: 'u-bob'}),
		{...base, step: 0, operation: 'sso:DeleteAccountAssignment', target: {accountId: '210987654321', principalId: 'u-bob'}, outcome: 'failed', errorCode: 'AccessDenied'},
		intent(1, 'identitystore:DeleteGroupMembership', {membershipId: 'm-2', principalId: 'u-bob'}),
	])[0]!;
	const {cannot} = planTakeBack(failed, new Map(), new Map([['u-bob', 'bob']]));
	expect(cannot).toHaveLength(1);
	expect(cannot[0]).toContain('membershipId m-2');
	expect(cannot[0]).not.toContain('DeleteAccountAssignment');
});
