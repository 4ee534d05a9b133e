// The headless `person` names the role each permission set became in each account it reaches, from the roles read
// there (through the audit role: readSsoRoleNames against moto in the integration tests): the role found, none
// (not provisioned), or the account's roles not read, said why. Here the roles read are given, one way each.
import {describe, expect, it} from 'vitest';
import {personCommand} from '../../source/commands/person.js';
import type {IdentityCenter, PermissionSet} from '../../source/model/org/identity-center.js';
import type {OrgAccount} from '../../source/model/org/organization.js';
import type {SsoRoleNames} from '../../source/model/org/provisioned-role.js';
import {DEV, MANAGEMENT, orgWith, PROD} from '../fixtures/org-shape.js';

const admin: PermissionSet = {arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin', name: 'AdminAccess', managedPolicyArns: [], customerManagedPolicies: [], boundary: {kind: 'none'}};
const readOnly: PermissionSet = {...admin, arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-ro', name: 'ReadOnly'};
const identityCenter: IdentityCenter = {
	instance: {arn: 'arn:aws:sso:::instance/ssoins-1', identityStoreId: 'd-1'},
	users: [{id: 'u-alice', userName: 'alice', displayName: 'Alice', emails: []}],
	groups: [],
	memberships: [],
	permissionSets: [admin, readOnly],
	assignments: [
		{accountId: PROD, permissionSetArn: admin.arn, principalType: 'USER', principalId: 'u-alice'},
		{accountId: DEV, permissionSetArn: admin.arn, principalType: 'USER', principalId: 'u-alice'},
		{accountId: DEV, permissionSetArn: readOnly.arn, principalType: 'USER', principalId: 'u-alice'},
	],
};

describe('person: the role each permission set became', () => {
	const run = async (json: boolean) => {
		const asked: string[][] = [];
		const read: SsoRoleNames = new Map<string, string[] | {error: string}>([
			[PROD, {error: 'access denied: cannot assume arn:aws:iam::222222222222:role/OrganizationAccountAccessRole'}],
			[DEV, ['AWSReservedSSO_AdminAccess_0123456789abcdef', 'AWSReservedSSO_Other_fedcba9876543210']],
		]);
		const result = await personCommand({organization: orgWith([]), identityCenter}, 'alice', json, async (accounts: OrgAccount[]) => {
			asked.push(accounts.map(a => a.name));
			return read;
		});
		return {result, asked};
	};

	it('reads the roles of the accounts reached only, each once; the table names the role, says not provisioned, or not read and why', async () => {
		const {result, asked} = await run(false);
		expect(asked).toEqual([['prod', 'dev']]);
		const rows = result.stdout.split('\n').filter(line => /^(prod|dev) /.test(line)).map(line => line.split(/\s{2,}/));
		expect(rows).toEqual([
			['prod', PROD, 'AdminAccess', 'assigned directly', 'AWSReservedSSO_AdminAccess_* (roles not read)'],
			['dev', DEV, 'AdminAccess', 'assigned directly', 'AWSReservedSSO_AdminAccess_0123456789abcdef'],
			['dev', DEV, 'ReadOnly', 'assigned directly', 'not provisioned (AWSReservedSSO_ReadOnly_*)'],
		]);
		expect(result.stdout).toContain(`note: the roles of prod (${PROD}) were not read: access denied: cannot assume`);
		expect(result.stdout).not.toContain(MANAGEMENT);
	});

	it('--json: RoleName and Provisioned when read, RoleNotRead with the reason when not; the pattern always', async () => {
		const body = JSON.parse((await run(true)).result.stdout) as {AccountAssignments: Array<Record<string, unknown>>};
		expect(body.AccountAssignments.map(({AccountName, RoleNamePattern, RoleName, Provisioned, RoleNotRead}) => ({AccountName, RoleNamePattern, RoleName, Provisioned, RoleNotRead}))).toEqual([
			{AccountName: 'prod', RoleNamePattern: 'AWSReservedSSO_AdminAccess_*', RoleName: undefined, Provisioned: undefined, RoleNotRead: expect.stringContaining('access denied')},
			{AccountName: 'dev', RoleNamePattern: 'AWSReservedSSO_AdminAccess_*', RoleName: 'AWSReservedSSO_AdminAccess_0123456789abcdef', Provisioned: true, RoleNotRead: undefined},
			{AccountName: 'dev', RoleNamePattern: 'AWSReservedSSO_ReadOnly_*', RoleName: undefined, Provisioned: false, RoleNotRead: undefined},
		]);
	});
});
