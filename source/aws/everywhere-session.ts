// The connection offboarding a person everywhere runs through, as the TUI opens it: the organization's
// clients built from the profile's connection, handed to the same EverywhereConnection the headless
// command uses; closed (every client destroyed) once the run is over.
import type {ConnectionHooks, ConnectionSettings} from '../model/gateway.js';
import type {EverywhereConnection} from '../model/org/offboard-everywhere-run.js';
import {everywhereConnection} from './everywhere-connection.js';
import {createOrgClients} from './org-clients.js';

export const openEverywhere = async (settings: ConnectionSettings, hooks: ConnectionHooks, auditRole: string): Promise<{connection: EverywhereConnection; close: () => void}> => {
	const clients = await createOrgClients(settings, hooks);
	return {
		connection: everywhereConnection(clients, settings, auditRole),
		close: () => {
			for (const client of [clients.organizations, clients.sts, clients.iam, clients.ssoAdmin, clients.identityStore]) client.destroy();
		},
	};
};
