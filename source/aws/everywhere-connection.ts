// The AWS side of offboarding a person everywhere, as the command needs it: the organization opened through
// the audit role with Identity Center beside it, Identity Center's removals, and a gateway in any one
// account of the organization (to run the single-account offboarding there).
import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import type {ConnectionSettings} from '../model/gateway.js';
import {IamError} from '../model/errors.js';
import {accessFor, partitionOf} from '../model/org/org-load.js';
import type {EverywhereConnection} from '../model/org/offboard-everywhere-run.js';
import {toIamError} from './errors.js';
import {createIdentityCenterWrites} from './identity-center-writes.js';
import {memberGateway} from './member-gateway.js';
import type {OrgClients} from './org-clients.js';
import {openWithIdentityCenter} from './org-session.js';

export const everywhereConnection = (clients: OrgClients, settings: ConnectionSettings, auditRole: string): EverywhereConnection => {
	let partition = 'aws';
	let callerAccountId = '';
	return {
		open: async () => {
			const identity = await clients.sts.send(new GetCallerIdentityCommand({})).catch((error: unknown) => {
				throw toIamError(error, {action: 'sts:GetCallerIdentity'});
			});
			partition = partitionOf(identity.Arn ?? '');
			const {opened, identityCenter} = await openWithIdentityCenter(clients, {auditRole});
			callerAccountId = opened.callerAccountId;
			if ('error' in identityCenter) throw new IamError('Unknown', `Identity Center could not be read: ${identityCenter.error}`, "run it with the management (or delegated administrator) account's profile, in Identity Center's region (--region)");
			return {opened, identityCenter, callerArn: identity.Arn ?? null};
		},
		icWrites: createIdentityCenterWrites(clients, {readOnly: settings.readOnly === true}),
		gatewayIn: async account => memberGateway(clients, accessFor(account, callerAccountId, auditRole, partition), settings),
	};
};
