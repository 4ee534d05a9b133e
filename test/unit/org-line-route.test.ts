// Where enter on an org-wide who-can line goes: a person to their screen; an IAM principal of this
// profile's own account to its own screen (a user on the line that grants); one of another account to
// that account's screen, shown first.
import {expect, it} from 'vitest';
import {orgLineRoute} from '../../source/ui/OrgRoutes.js';

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
