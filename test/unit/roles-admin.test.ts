// The admin-equivalent badge for roles: * on * through an inline or managed policy, minus a boundary
// that limits it, a Deny, a condition, or a policy iamtui could not read; NotAction "all but IAM" is not it.
import {describe, expect, it} from 'vitest';
import {buildAccessModel} from '../../source/model/access/model.js';
import {adminRoles, isRoleAdminEquivalent} from '../../source/model/role-admin.js';
import {roleRows} from '../../source/model/role-views.js';
import {accountWithRoles, allow, deny, policy, ROOT, trustPolicy, trusts, type RoleSpec} from '../fixtures/roles.js';

const trust = trustPolicy(trusts(ROOT));
const ADMIN = policy(allow('*'));
const managed = {AdministratorAccess: ADMIN, PowerUser: policy({Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*'}), Everything: ADMIN, S3Only: policy(allow('s3:*'))};

const badge = (spec: Omit<RoleSpec, 'trust'>) => {
	const index = accountWithRoles({managed, roles: {R: {trust, ...spec}}});
	return isRoleAdminEquivalent(buildAccessModel(index), index.roleByName.get('R')!);
};

describe('isRoleAdminEquivalent', () => {
	it.each([
		['AdministratorAccess attached', {managed: ['AdministratorAccess']}, true],
		['an inline allow of * on *', {inline: {all: ADMIN}}, true],
		['* among other actions, inline', {inline: {all: policy(allow(['s3:*', '*']))}}, true],
		['AdministratorAccess under a boundary that allows * too', {managed: ['AdministratorAccess'], boundary: 'Everything'}, true],
		['AdministratorAccess under an S3-only boundary', {managed: ['AdministratorAccess'], boundary: 'S3Only'}, false],
		['a boundary that is not in the snapshot', {managed: ['AdministratorAccess'], boundary: 'Missing'}, false],
		['NotAction: everything but IAM (near-admin)', {managed: ['PowerUser']}, false],
		['* on * only with a condition', {inline: {mfa: policy(allow('*', '*', {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}}))}}, false],
		['* on one bucket only', {inline: {b: policy(allow('*', 'arn:aws:s3:::b/*'))}}, false],
		['* on * and a Deny of iam:*', {managed: ['AdministratorAccess'], inline: {no: policy(deny('iam:*'))}}, false],
		['s3:* only', {managed: ['S3Only']}, false],
		['an unreadable inline policy beside AdministratorAccess', {managed: ['AdministratorAccess'], inline: {bad: '{"Statement": ['}}, false],
		['no policies', {}, false],
	])('%s → %s', (_name, spec, expected) => {
		expect(badge(spec)).toBe(expected);
	});

	it('the Roles list rows carry the badge, and filter on "admin"', () => {
		const index = accountWithRoles({managed, roles: {Admin: {trust, managed: ['AdministratorAccess']}, Fenced: {trust, managed: ['AdministratorAccess'], boundary: 'S3Only'}}});
		expect(adminRoles(buildAccessModel(index))).toEqual(new Set(['Admin']));
		const rows = roleRows(index);
		expect(rows.map(r => [r.name, r.admin])).toEqual([['Admin', true], ['Fenced', false]]);
		expect(rows[0]!.search).toContain('admin');
	});
});
