// The self-lockout guard: a plan that takes the caller's own IAM writes away (or deletes the caller)
// is flagged, with the actions lost; plans that leave the caller's access alone are not.
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {planText} from '../../source/model/plans/describe.js';
import {planMembership} from '../../source/model/plans/group-membership.js';
import {planDeleteGroup} from '../../source/model/plans/groups.js';
import {planPutInlinePolicy} from '../../source/model/plans/inline-policies.js';
import {guardLockout, lockoutOf, mayLockOut} from '../../source/model/plans/lockout.js';
import {planCreateUser} from '../../source/model/plans/create-user.js';
import {planAccessKeyStatus, planDeleteAccessKey} from '../../source/model/plans/credentials.js';
import {parseTemplate, renderTemplate} from '../../source/model/templates.js';
import type {AccessKeyDetail} from '../../source/model/gateway.js';
import {readFileSync} from 'node:fs';
import {planDeletePolicy, planDetachPolicy} from '../../source/model/plans/policies.js';
import {deleteUserStep} from '../../source/model/plans/steps.js';
import type {Plan} from '../../source/model/plans/types.js';
import type {Group, ManagedPolicy, User} from '../../source/model/snapshot.js';
import {ACCOUNT, fixtureSnapshot, groups, policies, users} from '../fixtures/account.js';

const doc = (...Statement: object[]) => JSON.stringify({Version: '2012-10-17', Statement});
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const CALLER = {arn: ALICE, accessKeyId: 'AKIAALICESIGNING0001'};
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
		expect(await lockoutOf(index, plan, CALLER)).toBe(
			'you (alice) lose iam:AddUserToGroup, iam:AttachUserPolicy, iam:PutUserPolicy, iam:CreateAccessKey: you could not undo this yourself',
		);
		// The same change for another user, or by another caller, is not.
		expect(await lockoutOf(index, plan, {arn: `arn:aws:iam::${ACCOUNT}:user/ana.silva`})).toBeUndefined();
	});

	it('not a lockout when another path keeps the access', async () => {
		const index = account(alice({inlinePolicies: [{name: 'Mine', document: doc({Effect: 'Allow', Action: 'iam:*', Resource: '*'})}]}));
		const plan = planMembership(index, {change: 'remove', group: 'Admins', users: ['alice']});
		expect(await lockoutOf(index, plan, CALLER)).toBeUndefined();
	});

	it('joining a group that denies one of the writes loses just that one', async () => {
		const index = account();
		const plan = planMembership(index, {change: 'add', group: 'NoAttach', users: ['alice']});
		expect(await lockoutOf(index, plan, CALLER)).toBe('you (alice) lose iam:AttachUserPolicy: you could not undo this yourself');
	});

	it('deleting the group, detaching or deleting the policy, replacing your inline policy: all lockouts', async () => {
		const index = account();
		expect(await lockoutOf(index, planDeleteGroup(index, 'Admins'), CALLER)).toMatch(/^you \(alice\) lose iam:AddUserToGroup/);
		expect(await lockoutOf(index, planDetachPolicy(index, {policyArn: IAM_ADMIN, target: {kind: 'group', name: 'Admins'}}), CALLER)).toMatch(/lose/);
		expect(await lockoutOf(index, planDeletePolicy(index, IAM_ADMIN, []), CALLER)).toMatch(/lose/);
		const own = account(alice({groups: [], inlinePolicies: [{name: 'Mine', document: doc({Effect: 'Allow', Action: 'iam:*', Resource: '*'})}]}));
		const narrower = planPutInlinePolicy(own, {target: {kind: 'user', name: 'alice'}, policyName: 'Mine', document: doc({Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*'})});
		expect(await lockoutOf(own, narrower, CALLER)).toBe('you (alice) lose iam:AddUserToGroup, iam:AttachUserPolicy, iam:PutUserPolicy: you could not undo this yourself');
	});

	it('deleting yourself is a lockout', async () => {
		const index = account();
		const plan: Plan = {title: 'Delete alice', dangerous: true, targets: [{kind: 'user', name: 'alice'}], steps: [deleteUserStep('alice')], previews: []};
		expect(await lockoutOf(index, plan, CALLER)).toMatch(/^you \(alice\) delete your own user/);
	});

	it('nothing to lose, skipped steps, other callers: no lockout', async () => {
		const index = account(alice({groups: []}));
		const plan = planMembership(index, {change: 'add', group: 'NoAttach', users: ['alice']});
		expect(await lockoutOf(index, plan, CALLER)).toBeUndefined();
		// Already out of the group: the step is a no-op and changes nothing.
		expect(await lockoutOf(index, planMembership(index, {change: 'remove', group: 'Admins', users: ['alice']}), CALLER)).toBeUndefined();
		const withAdmin = account();
		const removal = planMembership(withAdmin, {change: 'remove', group: 'Admins', users: ['alice']});
		expect(await lockoutOf(withAdmin, removal, {arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/alice`})).toBeUndefined();
		expect(await lockoutOf(withAdmin, removal, {arn: 'arn:aws:iam::999999999999:user/alice'})).toBeUndefined();
	});
});

describe('guardLockout', () => {
	it('sets the warning, marks the plan dangerous, and the confirmation shows it first', async () => {
		const index = account();
		const plan = await guardLockout(index, planMembership(index, {change: 'add', group: 'NoAttach', users: ['alice']}), CALLER);
		expect(plan.lockout).toBe('you (alice) lose iam:AttachUserPolicy: you could not undo this yourself');
		expect(plan.dangerous).toBe(true);
		expect(planText(plan).split('\n').slice(0, 2)).toEqual(['Add alice to group NoAttach', 'Warning: you (alice) lose iam:AttachUserPolicy: you could not undo this yourself']);
		const safe = await guardLockout(index, planMembership(index, {change: 'add', group: 'Managers', users: ['alice']}), CALLER);
		expect(safe).not.toHaveProperty('lockout');
		expect(safe.dangerous).toBe(false);
	});
});

// ---- One guard, every kind of lockout: the table the headless commands and the TUI rely on ----

const signingKey: AccessKeyDetail = {accessKeyId: CALLER.accessKeyId, status: 'Active', createDate: '2026-01-01T00:00:00Z', lastUsedDate: null, lastUsedService: null, lastUsedRegion: null};
const otherKey: AccessKeyDetail = {...signingKey, accessKeyId: 'AKIAALICEOTHER000002'};
const keys = [signingKey, otherKey];
const networkRestricted = (() => {
	const template = parseTemplate('network-restricted', readFileSync(new URL('../../templates/network-restricted.json', import.meta.url), 'utf8'));
	const rendered = renderTemplate(template, {cidr: '203.0.113.0/24'});
	if (!rendered.ok) throw new Error(rendered.problems.join('; '));
	return rendered.document;
})();
// AWS's "deny everything without MFA except managing your own MFA" policy.
const denyWithoutMfa = doc({
	Sid: 'DenyAllExceptListedIfNoMFA',
	Effect: 'Deny',
	NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
	Resource: '*',
	Condition: {BoolIfExists: {'aws:MultiFactorAuthPresent': 'false'}},
});
const onAdmins = (index: ReturnType<typeof account>, document: string) => planPutInlinePolicy(index, {target: {kind: 'group', name: 'Admins'}, policyName: 'Guard', document});

describe('the lockout table', () => {
	it.each<[string, (index: ReturnType<typeof account>) => Plan, RegExp | undefined]>([
		['removing yourself from your admin group', index => planMembership(index, {change: 'remove', group: 'Admins', users: ['alice']}), /^you \(alice\) lose iam:AddUserToGroup, iam:AttachUserPolicy, iam:PutUserPolicy, iam:CreateAccessKey: you could not undo this yourself$/],
		['deactivating the access key this session signs with', index => planAccessKeyStatus(index, 'alice', keys, CALLER.accessKeyId, 'Inactive'), /^you \(alice\) deactivate the access key this session signs with \(AKIAALICESIGNING0001\): these credentials stop working at once: you could not undo this yourself$/],
		['deleting the access key this session signs with', index => planDeleteAccessKey(index, 'alice', keys, CALLER.accessKeyId), /^you \(alice\) delete the access key this session signs with \(AKIAALICESIGNING0001\)/],
		['the network-restricted template on your admin group (a conditional Deny)', index => onAdmins(index, networkRestricted), /^you \(alice\) may lose iam:AddUserToGroup, iam:AttachUserPolicy, iam:PutUserPolicy, iam:CreateAccessKey: a conditional Deny applies to you \(.*aws:SourceIp.*\).*you could not undo this yourself$/],
		['a deny-without-MFA policy on your admin group', index => onAdmins(index, denyWithoutMfa), /^you \(alice\) may lose .*iam:CreateAccessKey: a conditional Deny applies to you \(.*aws:MultiFactorAuthPresent.*\)/],
		['deactivating another of your keys: harmless', index => planAccessKeyStatus(index, 'alice', keys, otherKey.accessKeyId, 'Inactive'), undefined],
		['re-activating the signing key: harmless', index => planAccessKeyStatus(index, 'alice', [{...signingKey, status: 'Inactive'}, otherKey], CALLER.accessKeyId, 'Active'), undefined],
		['joining another group: harmless', index => planMembership(index, {change: 'add', group: 'Managers', users: ['alice']}), undefined],
		['an unconditional allow added to your group: harmless', index => onAdmins(index, doc({Effect: 'Allow', Action: 's3:GetObject', Resource: '*'})), undefined],
	])('%s', async (_name, build, expected) => {
		const index = account();
		const plan = build(index);
		const lockout = await lockoutOf(index, plan, CALLER);
		if (expected) expect(lockout).toMatch(expected);
		else expect(lockout).toBeUndefined();
		// The shortcut that spares headless commands an account read never skips a lockout.
		if (expected) expect(mayLockOut(plan, CALLER)).toBe(true);
	});

	it('a plan acting only on another user (create-user) cannot lock out: no account read needed for it', async () => {
		const index = account();
		const plan = planCreateUser(index, {name: 'bob', tags: [], console: null, accessKey: true, groups: ['Admins']});
		expect(mayLockOut(plan, CALLER)).toBe(false);
		expect(await lockoutOf(index, plan, CALLER)).toBeUndefined();
		// A caller that is no IAM user (a role session, root): the shortcut claims nothing.
		expect(mayLockOut(plan, {arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/alice`})).toBe(true);
		// A change naming the caller's own user is never skipped.
		expect(mayLockOut(planMembership(index, {change: 'add', group: 'Managers', users: ['alice']}), CALLER)).toBe(true);
	});

	it('the signing key counts even when the caller is no IAM user in the snapshot; without a known key it cannot', async () => {
		const index = account();
		const plan = planDeleteAccessKey(index, 'alice', keys, CALLER.accessKeyId);
		expect(await lockoutOf(index, plan, {arn: 'arn:aws:iam::999999999999:user/alice', accessKeyId: CALLER.accessKeyId})).toMatch(/^you delete the access key this session signs with/);
		expect(await lockoutOf(index, plan, {arn: ALICE})).toBeUndefined();
	});

	it('a conditional Deny you were already under is not news: changing something else under it is no lockout', async () => {
		const index = account(alice({inlinePolicies: [{name: 'Mfa', document: denyWithoutMfa}]}));
		expect(await lockoutOf(index, planMembership(index, {change: 'add', group: 'Managers', users: ['alice']}), CALLER)).toBeUndefined();
	});
});
