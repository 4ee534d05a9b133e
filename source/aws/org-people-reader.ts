// What a person's reach needs: the organization's accounts (their names, and the account list that lets a
// delegated administrator read assignments per account) and Identity Center as a whole.
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
const inManagementAccount = async (clients: OrgClients, organization: Organization): Promise<boolean> => {
	if (!organization.managementAccountId) return false;
	try {
		return (await clients.sts.send(new GetCallerIdentityCommand({}))).Account === organization.managementAccountId;
	} catch {
		return false;
	}
};

const readFor = (clients: OrgClients, organization: Organization): Promise<IdentityCenter> =>
	readIdentityCenter(
		{ssoAdmin: clients.ssoAdmin, identityStore: clients.identityStore},
		{accountIds: orgAccounts(organization).map(row => row.account.id), principalListingAllowed: inManagementAccount(clients, organization)},
	);

export const readOrgPeople = async (clients: OrgClients): Promise<OrgPeople> => {
	const organization = await readTree(clients);
	return {organization, identityCenter: await readFor(clients, organization)};
};

/** Identity Center beside an organization already read, or why not: an org-wide answer stands without it, saying so. */
export const readOrgIdentityCenter = async (clients: OrgClients, organization: Organization): Promise<IdentityCenter | {error: string}> => {
	try {
		return await readFor(clients, organization);
	} catch (error) {
		return {error: (error as Error).message};
	}
};
