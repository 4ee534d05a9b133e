// What a person's reach needs: the organization's accounts (their names, and the account list that lets a
// delegated administrator read assignments per account) and Identity Center as a whole.
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

const readFor = (clients: OrgClients, organization: Organization): Promise<IdentityCenter> =>
	readIdentityCenter({ssoAdmin: clients.ssoAdmin, identityStore: clients.identityStore}, {accountIds: orgAccounts(organization).map(row => row.account.id)});

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
