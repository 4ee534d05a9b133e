import {describe, expect, it} from 'vitest';
import {
	findPeople,
	groupReach,
	isSsoRoleOf,
	personReach,
	ssoRoleName,
	whoReachesAccount,
	type AccountAssignment,
	type IcGroup,
	type IcUser,
	type IdentityCenter,
	type PermissionSet,
	type Reach,
	type ReachVia,
} from '../../source/model/org/identity-center.js';

const PROD = '222222222222';
const STAGING = '333333333333';
const SANDBOX = '444444444444';

const user = (id: string, userName: string, displayName: string, ...emails: string[]): IcUser => ({id, userName, displayName, emails});
const group = (id: string, displayName: string): IcGroup => ({id, displayName});
const permissionSet = (name: string, managedPolicyArns: string[] = []): PermissionSet => ({
	arn: `arn:aws:sso:::permissionSet/ssoins-1/ps-${name.toLowerCase()}`,
	name,
	managedPolicyArns,
	customerManagedPolicies: [],
	boundary: {kind: 'none'},
});
const admin = permissionSet('AdministratorAccess', ['arn:aws:iam::aws:policy/AdministratorAccess']);
const readOnly = permissionSet('ReadOnly', ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
const assign = (accountId: string, set: PermissionSet, principalType: 'USER' | 'GROUP', principalId: string): AccountAssignment => ({accountId, permissionSetArn: set.arn, principalType, principalId});

const alice = user('u-alice', 'alice', 'Alice Liddell', 'alice@example.com');
const bob = user('u-bob', 'bob', 'Bob Builder', 'bob@example.com', 'builder@corp.example');
const carol = user('u-carol', 'carol', 'Carol Alice Danvers', 'carol@example.com');
const admins = group('g-admins', 'Admins');
const oncall = group('g-oncall', 'OnCall');
const auditors = group('g-auditors', 'Auditors');

const ic: IdentityCenter = {
	instance: {arn: 'arn:aws:sso:::instance/ssoins-1', identityStoreId: 'd-1'},
	users: [alice, bob, carol],
	groups: [admins, oncall, auditors],
	memberships: [
		{membershipId: 'm1', groupId: admins.id, userId: bob.id},
		{membershipId: 'm2', groupId: oncall.id, userId: bob.id},
		{membershipId: 'm3', groupId: admins.id, userId: carol.id},
	],
	permissionSets: [admin, readOnly],
	assignments: [
		assign(SANDBOX, admin, 'USER', alice.id),
		assign(PROD, readOnly, 'USER', alice.id),
		// Bob reaches PROD as admin through two groups, and directly too.
		assign(PROD, admin, 'GROUP', admins.id),
		assign(PROD, admin, 'GROUP', oncall.id),
		assign(PROD, admin, 'USER', bob.id),
		assign(STAGING, admin, 'GROUP', admins.id),
		// A group with no members reaches no one.
		assign(PROD, readOnly, 'GROUP', auditors.id),
	],
};

const how = (via: ReachVia[]): string[] => via.map(v => (v.kind === 'direct' ? 'direct' : `group ${v.group.displayName}`)).sort();
const rows = (reaches: Reach[]): string[] => reaches.map(r => `${r.accountId} ${r.permissionSet.name} [${how(r.via).join(', ')}] as ${r.role.pattern}`);

describe('personReach', () => {
	it('a direct assignment reaches its account as the direct way, with the role name pattern', () => {
		expect(rows(personReach(ic, alice.id)!.reaches)).toEqual([
			`${PROD} ReadOnly [direct] as AWSReservedSSO_ReadOnly_*`,
			`${SANDBOX} AdministratorAccess [direct] as AWSReservedSSO_AdministratorAccess_*`,
		]);
	});

	it('a group assignment reaches every member, naming the group', () => {
		expect(rows(personReach(ic, carol.id)!.reaches)).toEqual([
			`${PROD} AdministratorAccess [group Admins] as AWSReservedSSO_AdministratorAccess_*`,
			`${STAGING} AdministratorAccess [group Admins] as AWSReservedSSO_AdministratorAccess_*`,
		]);
	});

	it('a person in two groups reaching the same account and permission set gets one row with every way in', () => {
		const reach = personReach(ic, bob.id)!;
		expect(rows(reach.reaches)).toEqual([
			`${PROD} AdministratorAccess [direct, group Admins, group OnCall] as AWSReservedSSO_AdministratorAccess_*`,
			`${STAGING} AdministratorAccess [group Admins] as AWSReservedSSO_AdministratorAccess_*`,
		]);
		// The row carries the permission set itself, so its policies are at hand.
		expect(reach.reaches[0]!.permissionSet.managedPolicyArns).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
	});

	it('the same assignment read twice counts once', () => {
		const twice = {...ic, assignments: [...ic.assignments, assign(STAGING, admin, 'GROUP', admins.id)]};
		expect(rows(personReach(twice, carol.id)!.reaches)).toEqual(rows(personReach(ic, carol.id)!.reaches));
	});

	it('an unknown user id reaches nothing and says so', () => {
		expect(personReach(ic, 'u-nobody')).toBeUndefined();
	});

	it('a user with no assignments reaches no account', () => {
		const dave = user('u-dave', 'dave', 'Dave');
		expect(personReach({...ic, users: [...ic.users, dave]}, dave.id)).toEqual({user: dave, reaches: []});
	});

	it('an assignment naming a permission set the read lacks keeps its ARN tail as the name and an unread boundary', () => {
		const ghost = 'arn:aws:sso:::permissionSet/ssoins-1/ps-gone';
		const reach = personReach({...ic, assignments: [{accountId: PROD, permissionSetArn: ghost, principalType: 'USER', principalId: alice.id}]}, alice.id)!;
		expect(reach.reaches.map(r => [r.permissionSet.name, r.permissionSet.boundary.kind])).toEqual([['ps-gone', 'unread']]);
	});
});

describe('groupReach', () => {
	it("lists the group's members by user name and every account and permission set assigned to the group, as the group's way in", () => {
		const reach = groupReach(ic, admins.id)!;
		expect(reach.group).toBe(admins);
		expect(reach.members.map(m => m.userName)).toEqual(['bob', 'carol']);
		expect(rows(reach.reaches)).toEqual([
			`${PROD} AdministratorAccess [group Admins] as AWSReservedSSO_AdministratorAccess_*`,
			`${STAGING} AdministratorAccess [group Admins] as AWSReservedSSO_AdministratorAccess_*`,
		]);
	});

	it("leaves out what a member reaches otherwise: bob's direct PROD assignment and OnCall's are not the group's", () => {
		expect(rows(groupReach(ic, oncall.id)!.reaches)).toEqual([`${PROD} AdministratorAccess [group OnCall] as AWSReservedSSO_AdministratorAccess_*`]);
		expect(groupReach(ic, oncall.id)!.members.map(m => m.userName)).toEqual(['bob']);
	});

	it('a group with no members still shows what it is assigned; one with nothing assigned reaches no account', () => {
		expect(groupReach(ic, auditors.id)).toEqual({group: auditors, members: [], reaches: [expect.objectContaining({accountId: PROD, permissionSet: readOnly})]});
		const idle = group('g-idle', 'Idle');
		expect(groupReach({...ic, groups: [...ic.groups, idle]}, idle.id)).toEqual({group: idle, members: [], reaches: []});
	});

	it('a membership read twice is one member; one naming a user the store no longer holds keeps the id', () => {
		const twice = {...ic, memberships: [...ic.memberships, {membershipId: 'm4', groupId: admins.id, userId: carol.id}, {membershipId: 'm5', groupId: admins.id, userId: 'u-gone'}]};
		expect(groupReach(twice, admins.id)!.members.map(m => m.userName)).toEqual(['bob', 'carol', 'u-gone']);
	});

	it('an unknown group id is undefined', () => {
		expect(groupReach(ic, 'g-nobody')).toBeUndefined();
	});

	it('agrees with personReach: a member reaches every row of the group, naming it', () => {
		for (const g of ic.groups) {
			const reach = groupReach(ic, g.id)!;
			for (const member of reach.members) {
				const theirs = personReach(ic, member.id)!.reaches;
				for (const row of reach.reaches) {
					const same = theirs.find(r => r.accountId === row.accountId && r.permissionSet.arn === row.permissionSet.arn);
					expect(same?.via.some(v => v.kind === 'group' && v.group.id === g.id), `${member.userName} ${row.accountId}`).toBe(true);
				}
			}
		}
	});
});

describe('whoReachesAccount', () => {
	it('lists each person once per permission set, through users and group members; empty groups add no one', () => {
		const who = whoReachesAccount(ic, PROD).map(r => `${r.user.userName} ${r.permissionSet.name} [${how(r.via).join(', ')}]`);
		expect(who).toEqual(['alice ReadOnly [direct]', 'bob AdministratorAccess [direct, group Admins, group OnCall]', 'carol AdministratorAccess [group Admins]']);
	});

	it('an account nobody is assigned to has no one', () => {
		expect(whoReachesAccount(ic, '999999999999')).toEqual([]);
	});

	it('agrees with personReach from the other side', () => {
		for (const accountId of [PROD, STAGING, SANDBOX]) {
			const fromAccount = whoReachesAccount(ic, accountId).map(r => `${r.user.id} ${r.permissionSet.arn}`).sort();
			const fromPeople = ic.users.flatMap(u => personReach(ic, u.id)!.reaches.filter(r => r.accountId === accountId).map(r => `${u.id} ${r.permissionSet.arn}`)).sort();
			expect(fromAccount).toEqual(fromPeople);
		}
	});
});

describe('findPeople', () => {
	it('finds by user name, display name or any email, case-insensitively', () => {
		expect(findPeople(ic, 'BOB').map(m => [m.user.userName, m.field, m.exact])).toEqual([['bob', 'userName', true]]);
		expect(findPeople(ic, 'carol alice danvers').map(m => [m.user.userName, m.field])).toEqual([['carol', 'displayName']]);
		expect(findPeople(ic, 'builder@corp.example').map(m => [m.user.userName, m.field])).toEqual([['bob', 'email']]);
	});

	it('puts exact matches before partial ones', () => {
		expect(findPeople(ic, 'alice').map(m => [m.user.userName, m.exact])).toEqual([['alice', true], ['carol', false]]);
	});

	it('finds no one for an unknown or empty query', () => {
		expect(findPeople(ic, 'mallory')).toEqual([]);
		expect(findPeople(ic, '  ')).toEqual([]);
	});
});

describe('the SSO role name', () => {
	it('is a pattern (AWS adds a hash it does not publish) under the reserved path', () => {
		expect(ssoRoleName('AdministratorAccess')).toEqual({pattern: 'AWSReservedSSO_AdministratorAccess_*', pathPrefix: '/aws-reserved/sso.amazonaws.com/'});
	});

	it('matches a role AWS made for the permission set and not one for a set whose name starts the same', () => {
		expect(isSsoRoleOf('AWSReservedSSO_Admin_0123456789abcdef', 'Admin')).toBe(true);
		expect(isSsoRoleOf('AWSReservedSSO_Admin_Extra_0123456789abcdef', 'Admin')).toBe(false);
		expect(isSsoRoleOf('AWSReservedSSO_Admin_Extra_0123456789abcdef', 'Admin_Extra')).toBe(true);
		expect(isSsoRoleOf('Admin', 'Admin')).toBe(false);
	});
});
