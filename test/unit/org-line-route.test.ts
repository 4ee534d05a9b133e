// Where enter on an org-wide who-can line goes: a person to their screen; an IAM principal of this
// profile's own account to its own screen (a user on the line that grants); one of another account to
// that account's screen, shown first. Enter on a person's account line goes to the permission set's role there.
import {describe, expect, it} from 'vitest';
import type {AccountOutcome, OpenedOrganization} from '../../source/model/org/org-load.js';
import {emptySnapshot, type Role} from '../../source/model/snapshot.js';
import {orgLineRoute, reachRoute} from '../../source/ui/OrgRoutes.js';

const OWN = '111111111111';
const MEMBER = '222222222222';

it('an Identity Center person opens the Person screen, whatever account the line is in', () => {
	expect(orgLineRoute({kind: 'person', userId: 'u-1'}, OWN)).toEqual({screen: 'person', id: 'u-1'});
});

it("this account's user, group and role open their own screens; the user on the group that grants", () => {
	expect(orgLineRoute({kind: 'user', name: 'ana', accountId: OWN, focus: {section: 'groups', value: 'Admins'}}, OWN)).toEqual({screen: 'user', name: 'ana', focus: {section: 'groups', value: 'Admins'}});
	expect(orgLineRoute({kind: 'group', name: 'Admins', accountId: OWN}, OWN)).toEqual({screen: 'group', name: 'Admins'});
	expect(orgLineRoute({kind: 'role', name: 'deployer', accountId: OWN}, OWN)).toEqual({screen: 'role', name: 'deployer'});
});

it("another account's principal opens that account, focused on it; so does any when this account is not known", () => {
	expect(orgLineRoute({kind: 'user', name: 'ana', accountId: MEMBER, focus: {section: 'groups', value: 'Admins'}}, OWN)).toEqual({screen: 'account', id: MEMBER, focus: {kind: 'user', name: 'ana'}});
	expect(orgLineRoute({kind: 'role', name: 'deployer', accountId: OWN}, undefined)).toEqual({screen: 'account', id: OWN, focus: {kind: 'role', name: 'deployer'}});
});

describe("reachRoute: enter on a person's account line", () => {
	const SSO = 'AWSReservedSSO_AdminAccess_0123456789abcdef';
	const role = (name: string): Role => ({name, id: `AROA${name.length}`, arn: `arn:aws:iam::${MEMBER}:role/aws-reserved/sso.amazonaws.com/${name}`, path: '/aws-reserved/sso.amazonaws.com/', createDate: '', trustPolicy: '', attachedPolicies: [], inlinePolicies: [], tags: [], instanceProfiles: []});
	const account = (id: string, name: string, load: AccountOutcome['load']): AccountOutcome => ({account: {id, name, kind: 'account', scps: []}, path: [], load});
	const loaded = (...roles: Role[]): AccountOutcome['load'] => ({kind: 'loaded', snapshot: {...emptySnapshot(), roles}});
	const opened = (...accounts: AccountOutcome[]): OpenedOrganization => ({organization: {managementAccountId: OWN, root: {id: 'r', name: 'Root', kind: 'root', scps: [], accounts: [], ous: []}}, callerAccountId: OWN, auditRole: 'OrganizationAccountAccessRole', accounts});

	it("opens the permission set's role in a member account, focused on it (e explains it there); in this account, its Role screen", () => {
		const org = opened(account(MEMBER, 'prod', loaded(role('Other'), role(SSO))), account(OWN, 'management', loaded(role(SSO))));
		expect(reachRoute(org, {accountId: MEMBER, permissionSetName: 'AdminAccess'}, OWN)).toEqual({route: {screen: 'account', id: MEMBER, focus: {kind: 'role', name: SSO}}});
		expect(reachRoute(org, {accountId: OWN, permissionSetName: 'AdminAccess'}, OWN)).toEqual({route: {screen: 'role', name: SSO}});
	});

	it('a set whose role is not in the account as read opens the account and says why; an account not read opens it (it says why itself)', () => {
		const org = opened(account(MEMBER, 'prod', loaded(role('AWSReservedSSO_AdminAccessToo_0123456789abcdef'))), account('333333333333', 'sandbox', {kind: 'failed', step: 'assume-role', message: 'denied', hint: 'h'}));
		expect(reachRoute(org, {accountId: MEMBER, permissionSetName: 'AdminAccess'}, OWN)).toEqual({
			route: {screen: 'account', id: MEMBER},
			say: 'No role AWSReservedSSO_AdminAccess_* in prod as read: Identity Center makes it when the permission set is provisioned there',
		});
		expect(reachRoute(org, {accountId: '333333333333', permissionSetName: 'AdminAccess'}, OWN)).toEqual({route: {screen: 'account', id: '333333333333'}});
		expect(reachRoute(undefined, {accountId: MEMBER, permissionSetName: 'AdminAccess'}, OWN)).toEqual({route: {screen: 'account', id: MEMBER}});
	});
});
