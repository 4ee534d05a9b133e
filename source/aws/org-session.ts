// An organization as the TUI opens it: the clients built from the profile's connection, every account
// loaded through the audit role (progress per account), and Identity Center read beside the tree. The
// clients are destroyed once the answer is in: a session holds data, not sockets.
import type {ConnectionHooks, ConnectionSettings} from '../model/gateway.js';
import type {OpenOrgOptions, OrgSession} from '../model/org/org-session.js';
import {createOrgClients} from './org-clients.js';
import {openOrganization} from './org-loader.js';
import {readOrgIdentityCenter} from './org-people-reader.js';

export const openOrgSession = async (settings: ConnectionSettings, hooks: ConnectionHooks, options: OpenOrgOptions): Promise<OrgSession> => {
	const clients = await createOrgClients(settings, hooks);
	try {
		const opened = await openOrganization(clients, options);
		return {opened, identityCenter: await readOrgIdentityCenter(clients, opened.organization)};
	} finally {
		for (const client of [clients.organizations, clients.sts, clients.iam, clients.ssoAdmin, clients.identityStore]) client.destroy();
	}
};
