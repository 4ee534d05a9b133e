// An organization as the TUI opens it: the clients built from the profile's connection, every account
// loaded through the audit role (progress per account), and Identity Center read beside the accounts from
// the start (its listings need no account; its assignments wait for the tree's account ids). The clients
// are destroyed once the answer is in: a session holds data, not sockets.
import type {ConnectionHooks, ConnectionSettings} from '../model/gateway.js';
import type {Organization} from '../model/org/organization.js';
import type {OpenOrgOptions, OrgSession} from '../model/org/org-session.js';
import {createOrgClients, type OrgClients} from './org-clients.js';
import {openOrganization, type OpenOrganizationOptions} from './org-loader.js';
import {readOrgIdentityCenter} from './org-people-reader.js';

/**
 * The organization opened and Identity Center read side by side, as one session: Identity Center that cannot
 * be read is said in it (the accounts stand without it); a tree that cannot be read is the open's error.
 */
export const openWithIdentityCenter = async (clients: OrgClients, options: OpenOrganizationOptions & Pick<OpenOrgOptions, 'onAccounts'> = {}): Promise<OrgSession> => {
	let treeRead!: (organization: Organization) => void;
	let treeFailed!: (error: unknown) => void;
	const tree = new Promise<Organization>((resolve, reject) => {
		treeRead = resolve;
		treeFailed = reject;
	});
	// Never rejects.
	const identityCenter = readOrgIdentityCenter(clients, tree);
	try {
		const opened = await openOrganization(clients, {
			...options,
			onTree: organization => {
				treeRead(organization);
				options.onTree?.(organization);
			},
		});
		options.onAccounts?.(opened);
		return {opened, identityCenter: await identityCenter};
	} catch (error) {
		treeFailed(error);
		// Its reads end before the caller may destroy the clients.
		await identityCenter;
		throw error;
	}
};

export const openOrgSession = async (settings: ConnectionSettings, hooks: ConnectionHooks, options: OpenOrgOptions & {concurrency?: number}): Promise<OrgSession> => {
	const clients = await createOrgClients(settings, hooks);
	try {
		return await openWithIdentityCenter(clients, options);
	} finally {
		for (const client of [clients.organizations, clients.sts, clients.iam, clients.ssoAdmin, clients.identityStore]) client.destroy();
	}
};
