// An IamGateway for one account of the organization, to write there: the caller's own account with the
// caller's connection, every other one on the audit role's credentials, assumed for the purpose. Read-only
// sessions get the read-only gateway, as everywhere else.
import type {ConnectionSettings, IamGateway} from '../model/gateway.js';
import type {AccountAccess} from '../model/org/org-load.js';
import {IamError} from '../model/errors.js';
import {toIamError} from './errors.js';
import {createGateway, SdkGateway} from './gateway.js';
import type {OrgClients} from './org-clients.js';
import {assume} from './org-loader.js';
import {readOnlyGateway} from './read-only.js';

export interface MemberGateway {
	gateway: IamGateway;
	/** Closes the member account's clients (none for the caller's own account). */
	close: () => void;
}

export const memberGateway = async (clients: OrgClients, access: AccountAccess, settings: ConnectionSettings): Promise<MemberGateway> => {
	if (access.kind === 'skip') throw new IamError('Invalid', access.reason, 'nothing can be changed in it');
	if (access.kind === 'caller') return {gateway: createGateway(settings), close: () => undefined};
	let credentials;
	try {
		credentials = await assume(clients, access.roleArn);
	} catch (error) {
		throw toIamError(error, {action: 'sts:AssumeRole'});
	}
	const member = clients.memberClients(credentials);
	const gateway = new SdkGateway(settings, {}, Promise.resolve(member));
	return {
		gateway: settings.readOnly ? readOnlyGateway(gateway) : gateway,
		close: () => {
			for (const client of [member.iam, member.iamCreates, member.sts]) client.destroy();
		},
	};
};
