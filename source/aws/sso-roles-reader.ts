// The roles Identity Center made in some accounts of the organization (path /aws-reserved/sso.amazonaws.com/),
// read through the audit role as the organization is (the caller's own account as the caller): what names the
// role a permission set became there, AWSReservedSSO_<set>_<hash>, whose hash only the account knows. For the
// headless `person`, which reads Identity Center and not the accounts' snapshots. Read with
// GetAccountAuthorizationDetails (roles only), which the read-only template grants, as the organization's loader
// reads each account: an audit role made from it needs nothing more (iam:ListRoles is not in it).
import type {IAMClient} from '@aws-sdk/client-iam';
import {SSO_ROLE_PATH_PREFIX} from '../model/org/identity-center.js';
import {accessFor, partitionOf} from '../model/org/org-load.js';
import type {OrgAccount} from '../model/org/organization.js';
import type {SsoRoleNames} from '../model/org/provisioned-role.js';
import {toIamError} from './errors.js';
import {mapBounded} from './map-bounded.js';
import type {OrgClients} from './org-clients.js';
import {ACCOUNT_CONCURRENCY, assume, callerIdentity} from './org-loader.js';
import {loadAuthorizationDetails} from './snapshot.js';

const namesIn = async (iam: IAMClient): Promise<string[]> => {
	const pages = await loadAuthorizationDetails(iam, undefined, () => {}, ['Role']);
	return pages.flatMap(page => (page.RoleDetailList ?? []).flatMap(role => (role.RoleName && role.Path === SSO_ROLE_PATH_PREFIX ? [role.RoleName] : [])));
};

export const readSsoRoleNames = async (clients: OrgClients, accounts: OrgAccount[], auditRole: string): Promise<SsoRoleNames> => {
	const {account: caller, arn} = await callerIdentity(clients);
	const read = await mapBounded(accounts, ACCOUNT_CONCURRENCY, async (account): Promise<[string, string[] | {error: string}]> => {
		const access = accessFor(account, caller, auditRole, partitionOf(arn));
		if (access.kind === 'skip') return [account.id, {error: access.reason}];
		const failed = (error: unknown, action: string): [string, {error: string}] => [account.id, {error: toIamError(error, {action}).message}];
		if (access.kind === 'caller') return namesIn(clients.iam).then(names => [account.id, names], (error: unknown) => failed(error, 'iam:GetAccountAuthorizationDetails'));
		let iam: IAMClient;
		try {
			iam = clients.iamWith(await assume(clients, access.roleArn));
		} catch (error) {
			return failed(error, 'sts:AssumeRole');
		}
		try {
			return [account.id, await namesIn(iam)];
		} catch (error) {
			return failed(error, 'iam:GetAccountAuthorizationDetails');
		} finally {
			iam.destroy();
		}
	});
	return new Map(read);
};
