// An organization as the TUI opens it: the clients built from the profile's connection, every account
// loaded through the audit role (progress per account), and Identity Center read beside the accounts as
// soon as the tree names them (it needs the account ids, not their snapshots). The clients are destroyed
// once the answer is in: a session holds data, not sockets.
import type {ConnectionHooks, ConnectionSettings} from '../model/gateway.js';
import type {IdentityCenter} from '../model/org/identity-center.js';
import type {OpenOrgOptions, OrgSession} from '../model/org/org-session.js';
import {createOrgClients} from './org-clients.js';
import {openOrganization} from './org-loader.js';
import {readOrgIdentityCenter} from './org-people-reader.js';

export const openOrgSession = async (settings: ConnectionSettings, hooks: ConnectionHooks, options: OpenOrgOptions & {concurrency?: number}): Promise<OrgSession> => {
	const clients = await createOrgClients(settings, hooks);
	// Never rejects: Identity Center that cannot be read is said in the session, the accounts stand without it.
	let identityCenter: Promise<IdentityCenter | {error: string}> | undefined;
	try {
		const opened = await openOrganization(clients, {
			...options,
			onTree: organization => {
				identityCenter = readOrgIdentityCenter(clients, organization);
			},
		});
		return {opened, identityCenter: await (identityCenter ?? readOrgIdentityCenter(clients, opened.organization))};
	} finally {
		// An open that failed may leave Identity Center's read in flight: it ends before the clients do.
		await identityCenter;
		for (const client of [clients.organizations, clients.sts, clients.iam, clients.ssoAdmin, clients.identityStore]) client.destroy();
	}
};
