// The IAM role a permission set became in one account, as the organization was read: AWS names it
// AWSReservedSSO_<set>_<hash> when the set is provisioned there, and the hash is known only from the account's
// roles. Said three ways: the role found, no such role among the account's roles as read, or the account not read.
import {isSsoRoleOf} from './identity-center.js';
import type {OpenedOrganization} from './org-load.js';

export type ProvisionedRole = {kind: 'found'; name: string} | {kind: 'absent'; accountName: string} | {kind: 'unread'};

export const provisionedRole = (opened: OpenedOrganization | undefined, accountId: string, permissionSetName: string): ProvisionedRole => {
	const outcome = opened?.accounts.find(a => a.account.id === accountId);
	if (!outcome || outcome.load.kind !== 'loaded') return {kind: 'unread'};
	const role = outcome.load.snapshot.roles.find(r => isSsoRoleOf(r.name, permissionSetName));
	return role ? {kind: 'found', name: role.name} : {kind: 'absent', accountName: outcome.account.name};
};
