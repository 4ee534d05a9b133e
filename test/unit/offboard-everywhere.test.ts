// Offboarding a person everywhere (issue 19, item 5), the plan as data: IC memberships (by membership id)
// and direct assignments to remove, what each brings, and per account the IAM users that look like the
// person, each with why; an unreadable account is named, not skipped.
import {describe, expect, it} from 'vitest';
import type {IdentityCenter, PermissionSet} from '../../source/model/org/identity-center.js';
import {offboardEverywhere} from '../../source/model/org/offboard-everywhere.js';

const PROD = '222222222222';
const DEV = '333333333333';
const set = (name: string): PermissionSet => ({arn: `arn:aws:sso:::permissionSet/ssoins-1/ps-${name}`, name, managedPolicyArns: [], customerManagedPolicies: [], boundary: {kind: 'none'}});
const admin = set('AdminAccess');
const readOnly = set('ReadOnly');

const ic: IdentityCenter = {
	instance: {arn: 'arn:aws:sso:::instance/ssoins-1', identityStoreId: 'd-1'},
	users: [
		{id: 'u-dana', userName: 'dana', displayName: 'Dana Kim', emails: ['dana.kim@example.com']},
		{id: 'u-eve', userName: 'eve', displayName: 'Eve', emails: []},
	],
	groups: [
		{id: 'g-admins', displayName: 'Admins'},
		{id: 'g-readers', displayName: 'Readers'},
	],
	memberships: [
		{membershipId: 'm-dana-admins', groupId: 'g-admins', userId: 'u-dana'},
		{membershipId: 'm-dana-readers', groupId: 'g-readers', userId: 'u-dana'},
		{membershipId: 'm-eve-admins', groupId: 'g-admins', userId: 'u-eve'},
	],
	permissionSets: [admin, readOnly],
	assignments: [
		{accountId: PROD, permissionSetArn: admin.arn, principalType: 'GROUP', principalId: 'g-admins'},
		{accountId: DEV, permissionSetArn: admin.arn, principalType: 'GROUP', principalId: 'g-admins'},
		{accountId: PROD, permissionSetArn: readOnly.arn, principalType: 'GROUP', principalId: 'g-readers'},
		{accountId: DEV, permissionSetArn: readOnly.arn, principalType: 'USER', principalId: 'u-dana'},
	],
};

const tag = (Key: string, Value: string) => ({Key, Value});

describe('offboarding a person everywhere: the plan', () => {
	it('removes her own memberships (never another person\'s) and her direct assignment, saying what each brings', () => {
		const plan = offboardEverywhere(ic, 'u-dana', [])!;
		expect(plan.memberships.map(m => [m.membershipId, m.group.displayName, m.brings.map(b => `${b.accountId}/${b.permissionSet}`)])).toEqual([
			['m-dana-admins', 'Admins', [`${PROD}/AdminAccess`, `${DEV}/AdminAccess`].sort()],
			['m-dana-readers', 'Readers', [`${PROD}/ReadOnly`]],
		]);
		expect(plan.directAssignments.map(a => `${a.accountId}/${a.permissionSet.name}`)).toEqual([`${DEV}/ReadOnly`]);
		expect(plan.reachesNow).toHaveLength(4);
	});

	it('lists per account the IAM users that look like her, each with why; an unreadable account is named', () => {
		const plan = offboardEverywhere(ic, 'u-dana', [
			{accountId: PROD, accountName: 'prod', users: [{name: 'dana', tags: []}, {name: 'dana.kim', tags: [tag('team', 'data')]}, {name: 'danny', tags: []}]},
			{accountId: DEV, accountName: 'dev', users: [{name: 'dk-ci', tags: [tag('owner-email', 'Dana.Kim@example.com')]}, {name: 'eve', tags: []}]},
			{accountId: '444444444444', accountName: 'sandbox', error: 'AccessDenied assuming OrganizationAccountAccessRole'},
		])!;
		expect(plan.accounts.map(a => ({account: a.accountName, users: a.matches.map(m => `${m.user}: ${m.matchedBy.join('; ')}`), error: a.error}))).toEqual([
			{account: 'prod', users: ['dana: user name equals the IC user name', 'dana.kim: user name equals the local part of dana.kim@example.com'], error: undefined},
			{account: 'dev', users: ['dk-ci: tag owner-email = Dana.Kim@example.com (the email dana.kim@example.com)'], error: undefined},
			{account: 'sandbox', users: [], error: 'AccessDenied assuming OrganizationAccountAccessRole'},
		]);
	});

	it('a person the identity store does not hold: no plan', () => {
		expect(offboardEverywhere(ic, 'u-nobody', [])).toBeUndefined();
	});
});
