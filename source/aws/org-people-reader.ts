// What a person's reach needs: the organization's accounts (their names, and the account list that lets a
// delegated administrator read assignments per account) and Identity Center as a whole. Identity Center is
// read while the organization's tree still is: its instance, people, groups and permission sets need no
// account; only its assignments wait for the tree's account list.
import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import type {IdentityCenter} from '../model/org/identity-center.js';
import {orgAccounts} from '../model/org/org-load.js';
import type {Organization} from '../model/org/organization.js';
import {readIdentityCenter} from './identity-center-reader.js';
import type {OrgClients} from './org-clients.js';
import {readTree} from './org-loader.js';

export interface OrgPeople {
	organization: Organization;
	identityCenter: IdentityCenter;
}

/** Whether the credentials are the management account's (where AWS lists assignments per principal); false if unknown. */
const inManagementAccount = async (clients: OrgClients, organization: Promise<Organization>): Promise<boolean> => {
	try {
		// Asked at once, compared when the tree names the management account.
		const [identity, {managementAccountId}] = await Promise.all([clients.sts.send(new GetCallerIdentityCommand({})), organization]);
		return Boolean(managementAccountId) && identity.Account === managementAccountId;
	} catch {
		return false;
	}
};

const readFor = (clients: OrgClients, organization: Organization | Promise<Organization>): Promise<IdentityCenter> => {
	const tree = Promise.resolve(organization);
	const accountIds = tree.then(read => orgAccounts(read).map(row => row.account.id));
	// A tree that fails is the open's error, said there: Identity Center's read may end before it asks for the accounts.
	accountIds.catch(() => undefined);
	return readIdentityCenter({ssoAdmin: clients.ssoAdmin, identityStore: clients.identityStore}, {accountIds, principalListingAllowed: inManagementAccount(clients, tree)});
};

export const readOrgPeople = async (clients: OrgClients): Promise<OrgPeople> => {
	const organization = readTree(clients);
	const identityCenter = readFor(clients, organization);
	// The tree's failure is the one to tell (as it would be alone); Identity Center's then ends unread.
	identityCenter.catch(() => undefined);
	return {organization: await organization, identityCenter: await identityCenter};
};

/**
 * Identity Center beside an organization (already read, or still being read), or why not: an org-wide answer
 * stands without it, saying so.
 */
export const readOrgIdentityCenter = async (clients: OrgClients, organization: Organization | Promise<Organization>): Promise<IdentityCenter | {error: string}> => {
	try {
		return await readFor(clients, organization);
	} catch (error) {
		return {error: (error as Error).message};
	}
};
