// The IAM role a permission set became in one account, as the organization was read: AWS names it
// AWSReservedSSO_<set>_<hash> when the set is provisioned there, and the hash is known only from the account's
// roles. Said three ways: the role found, no such role among the account's roles as read, or the account not read.
import {isSsoRoleOf} from './identity-center.js';
import type {OpenedOrganization} from './org-load.js';

/** `reason`: why the account's roles were not read, when that is known. */
export type ProvisionedRole = {kind: 'found'; name: string} | {kind: 'absent'; accountName: string} | {kind: 'unread'; reason?: string};

/** Per account id: the names of its Identity Center roles as read, or why they could not be read. */
export type SsoRoleNames = Map<string, string[] | {error: string}>;

export const provisionedRole = (opened: OpenedOrganization | undefined, accountId: string, permissionSetName: string): ProvisionedRole => {
	const outcome = opened?.accounts.find(a => a.account.id === accountId);
	if (!outcome || outcome.load.kind !== 'loaded') return {kind: 'unread'};
	return roleAmong(outcome.load.snapshot.roles.map(r => r.name), outcome.account.name, permissionSetName);
};

/** The same, from the names of the account's roles as read (only those Identity Center makes will do). */
export const roleAmong = (roleNames: string[], accountName: string, permissionSetName: string): ProvisionedRole => {
	const name = roleNames.find(role => isSsoRoleOf(role, permissionSetName));
	return name ? {kind: 'found', name} : {kind: 'absent', accountName};
};

/** The role a permission set became in an account, from the Identity Center roles read per account. */
export const roleRead = (read: SsoRoleNames, accountId: string, accountName: string, permissionSetName: string): ProvisionedRole => {
	const names = read.get(accountId);
	if (names === undefined) return {kind: 'unread', reason: 'the account is not in the organization as read'};
	return Array.isArray(names) ? roleAmong(names, accountName, permissionSetName) : {kind: 'unread', reason: names.error};
};
