// The self-lockout guard: a plan that takes the caller's own IAM writes away (or deletes the caller)
// is flagged, with the actions lost; plans that leave the caller's access alone are not.
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {planText} from '../../source/model/plans/describe.js';
import {planMembership} from '../../source/model/plans/group-membership.js';
import {planDeleteGroup} from '../../source/model/plans/groups.js';
import {planPutInlinePolicy} from '../../source/model/plans/inline-policies.js';
import {guardLockout, lockoutOf} from '../../source/model/plans/lockout.js';
import {planDeletePolicy, planDetachPolicy} from '../../source/model/plans/policies.js';
import {deleteUserStep} from '../../source/model/plans/steps.js';
import type {Plan} from '../../source/model/plans/types.js';
import type {Group, ManagedPolicy, User} from '../../source/model/snapshot.js';
import {ACCOUNT, fixtureSnapshot, groups, policies, users} from '../fixtures/account.js';

const doc = (...Statement: object[]) => JSON.stringify({Version: '2012-10-17', Statement});
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const IAM_ADMIN = `arn:aws:iam::${ACCOUNT}:policy/IamAdmin`;

const iamAdmin: ManagedPolicy = {...policies[3]!, name: 'IamAdmin', arn: IAM_ADMIN, document: doc({Effect: 'Allow', Action: 'iam:*', Resource: '*'}), attachmentCount: 1};
const admins: Group = {...groups[4]!, name: 'Admins', arn: `arn:aws:iam::${ACCOUNT}:group/Admins`, attachedPolicies: [{name: 'IamAdmin', arn: IAM_ADMIN}]};
const noAttach: Group = {
	...groups[4]!,
	name: 'NoAttach',
	arn: `arn:aws:iam::${ACCOUNT}:group/NoAttach`,
	inlinePolicies: [{name: 'DenyAttach', document: doc({Effect: 'Deny', Action: 'iam:AttachUserPolicy', Resource: '*'})}],
};
const alice = (extra: Partial<User> = {}): User => ({...users[9]!, name: 'alice', id: 'AIDAALICE', arn: ALICE, groups: ['Admins'], ...extra});

const account = (caller: User = alice()) => buildIndex(fixtureSnapshot({users: [...users, caller], groups: [...groups, admins, noAttach], policies: [...policies, iamAdmin]}));

describe('lockoutOf', () => {
	it('removing yourself from the group that grants your IAM writes is a lockout', async () => {
		const index = account();
		const plan = planMembership(index, {change: 'remove', group: 'Admins', users: ['alice']});
		expect(await lockoutOf(index, plan, ALICE)).toBe(
			'you (alice) lose iam:AddUserToGroup, iam:AttachUserPolicy, iam:PutUserPolicy, iam:CreateAccessKey: you could not undo this yourself',
		);
		// The same change for another user, or by another caller, is not.
		expect(await lockoutOf(index, plan, `arn:aws:iam::${ACCOUNT}:user/ana.silva`)).toBeUndefined();
	});

	it('not a lockout when another path keeps the access', async () => {
		const index = account(alice({inlinePolicies: [{name: 'Mine', document: doc({Effect: 'Allow', Action: 'iam:*', Resource: '*'})}]}));
		const plan = planMembership(index, {change: 'remove', group: 'Admins', users: ['alice']});
		expect(await lockoutOf(index, plan, ALICE)).toBeUndefined();
	});

	it('joining a group that denies one of the writes loses just that one', async () => {
		const index = account();
		const plan = planMembership(index, {change: 'add', group: 'NoAttach', users: ['alice']});
		expect(await lockoutOf(index, plan, ALICE)).toBe('you (alice) lose iam:AttachUserPolicy: you could not undo this yourself');
	});

	it('deleting the group, detaching or deleting the policy, replacing your inline policy: all lockouts', async () => {
		const index = account();
		expect(await lockoutOf(index, planDeleteGroup(index, 'Admins'), ALICE)).toMatch(/^you \(alice\) lose iam:AddUserToGroup/);
		expect(await lockoutOf(index, planDetachPolicy(index, {policyArn: IAM_ADMIN, target: {kind: 'group', name: 'Admins'}}), ALICE)).toMatch(/lose/);
		expect(await lockoutOf(index, planDeletePolicy(index, IAM_ADMIN, []), ALICE)).toMatch(/lose/);
		const own = account(alice({groups: [], inlinePolicies: [{name: 'Mine', document: doc({Effect: 'Allow', Action: 'iam:*', Resource: '*'})}]}));
		const narrower = planPutInlinePolicy(own, {target: {kind: 'user', name: 'alice'}, policyName: 'Mine', document: doc({Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*'})});
		expect(await lockoutOf(own, narrower, ALICE)).toBe('you (alice) lose iam:AddUserToGroup, iam:AttachUserPolicy, iam:PutUserPolicy: you could not undo this yourself');
	});

	it('deleting yourself is a lockout', async () => {
		const index = account();
		const plan: Plan = {title: 'Delete alice', dangerous: true, targets: [{kind: 'user', name: 'alice'}], steps: [deleteUserStep('alice')], previews: []};
		expect(await lockoutOf(index, plan, ALICE)).toMatch(/^you \(alice\) delete your own user/);
	});

	it('nothing to lose, skipped steps, other callers: no lockout', async () => {
		const index = account(alice({groups: []}));
		const plan = planMembership(index, {change: 'add', group: 'NoAttach', users: ['alice']});
		expect(await lockoutOf(index, plan, ALICE)).toBeUndefined();
		// Already out of the group: the step is a no-op and changes nothing.
		expect(await lockoutOf(index, planMembership(index, {change: 'remove', group: 'Admins', users: ['alice']}), ALICE)).toBeUndefined();
		const withAdmin = account();
		const removal = planMembership(withAdmin, {change: 'remove', group: 'Admins', users: ['alice']});
		expect(await lockoutOf(withAdmin, removal, `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/alice`)).toBeUndefined();
		expect(await lockoutOf(withAdmin, removal, 'arn:aws:iam::999999999999:user/alice')).toBeUndefined();
	});
});

describe('guardLockout', () => {
	it('sets the warning, marks the plan dangerous, and the confirmation shows it first', async () => {
		const index = account();
		const plan = await guardLockout(index, planMembership(index, {change: 'add', group: 'NoAttach', users: ['alice']}), ALICE);
		expect(plan.lockout).toBe('you (alice) lose iam:AttachUserPolicy: you could not undo this yourself');
		expect(plan.dangerous).toBe(true);
		expect(planText(plan).split('\n').slice(0, 2)).toEqual(['Add alice to group NoAttach', 'Warning: you (alice) lose iam:AttachUserPolicy: you could not undo this yourself']);
		const safe = await guardLockout(index, planMembership(index, {change: 'add', group: 'Managers', users: ['alice']}), ALICE);
		expect(safe).not.toHaveProperty('lockout');
		expect(safe.dangerous).toBe(false);
	});
});
