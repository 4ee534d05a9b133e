// The Identity Center group screen's lines (icGroupLines): members that open their person, a membership whose
// user the store no longer holds shown by its id and opening nothing, what is assigned named by account, and
// the notes for a group with no members or nothing assigned.
import {describe, expect, it} from 'vitest';
import type {IdentityCenter, PermissionSet} from '../../source/model/org/identity-center.js';
import {icGroupLines} from '../../source/ui/screens/IcGroupScreen.js';
import type {RoleOf} from '../../source/ui/screens/reach-lines.js';
import {DEV, PROD, orgWith} from '../fixtures/org-shape.js';

const admin: PermissionSet = {arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin', name: 'AdminAccess', managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'], customerManagedPolicies: [], boundary: {kind: 'none'}};
const ic: IdentityCenter = {
	instance: {arn: 'arn:aws:sso:::instance/ssoins-1', identityStoreId: 'd-1'},
	users: [
		{id: 'u-zed', userName: 'zed', displayName: 'Zed Zimmer', emails: ['zed@example.com']},
		{id: 'u-amy', userName: 'amy', emails: []},
	],
	groups: [
		{id: 'g-ops', displayName: 'Ops', description: 'on call'},
		{id: 'g-empty', displayName: 'Empty'},
	],
	memberships: [
		{membershipId: 'm1', groupId: 'g-ops', userId: 'u-zed'},
		{membershipId: 'm2', groupId: 'g-ops', userId: 'u-amy'},
		{membershipId: 'm3', groupId: 'g-ops', userId: 'u-gone'},
	],
	permissionSets: [admin],
	assignments: [
		{accountId: PROD, permissionSetArn: admin.arn, principalType: 'GROUP', principalId: 'g-ops'},
		{accountId: DEV, permissionSetArn: admin.arn, principalType: 'USER', principalId: 'u-zed'},
	],
};
const texts = (lines: ReturnType<typeof icGroupLines>) => lines.map(l => l.text);

describe('icGroupLines', () => {
	it('lists members by user name (a vanished one by its id), then what is assigned to the group alone', () => {
		const opened: string[] = [];
		const lines = icGroupLines(ic, orgWith([]), 'g-ops', {onOpenPerson: id => opened.push(id), onOpenReach: r => opened.push(`${r.accountId}/${r.permissionSetName}`)});
		expect(texts(lines)).toEqual([
			'on call · id g-ops',
			'Members (3): enter opens the person',
			'amy',
			'u-gone  (not in the identity store as read)',
			'zed  Zed Zimmer  zed@example.com',
			'Accounts and permission sets assigned to the group (1): enter opens the role in its account, e there explains it',
			`prod (${PROD})  AdminAccess`,
			'    as role AWSReservedSSO_AdminAccess_* · holds AdministratorAccess',
		]);
		for (const line of lines) line.open?.();
		expect(opened).toEqual(['u-amy', 'u-zed', `${PROD}/AdminAccess`, `${PROD}/AdminAccess`]);
	});

	it("names the role as the account's roles were read: its real name, not provisioned there, or the pattern when the account was not read", () => {
		const dev = {...ic, assignments: [...ic.assignments, {accountId: DEV, permissionSetArn: admin.arn, principalType: 'GROUP' as const, principalId: 'g-ops'}, {accountId: '999999999999', permissionSetArn: admin.arn, principalType: 'GROUP' as const, principalId: 'g-ops'}]};
		const roleOf: RoleOf = accountId => (accountId === PROD ? {kind: 'found', name: 'AWSReservedSSO_AdminAccess_0123456789abcdef'} : accountId === DEV ? {kind: 'absent', accountName: 'dev'} : {kind: 'unread'});
		expect(texts(icGroupLines(dev, orgWith([]), 'g-ops', {roleOf})).filter(t => t.startsWith('    as role'))).toEqual([
			'    as role AWSReservedSSO_AdminAccess_0123456789abcdef · holds AdministratorAccess',
			'    as role AWSReservedSSO_AdminAccess_*: not provisioned in dev as read · holds AdministratorAccess',
			'    as role AWSReservedSSO_AdminAccess_* · holds AdministratorAccess',
		]);
	});

	it('a group with no members and nothing assigned says both; no open hints without somewhere to go', () => {
		expect(texts(icGroupLines(ic, orgWith([]), 'g-empty'))).toEqual(['id g-empty', 'Members (0)', 'none: what it is assigned reaches no one', 'Accounts and permission sets assigned to the group (0)', 'assigned to no account']);
	});

	it('an id the identity store does not hold says so', () => {
		expect(texts(icGroupLines(ic, orgWith([]), 'g-nobody'))).toEqual(['No group with id g-nobody in the identity store.']);
	});
});
