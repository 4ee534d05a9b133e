// Headless `can PRINCIPAL ACTION --org --account ACCOUNT`: the principal's answer in one member account,
// read through the audit role, then capped by the SCPs and RCPs on the account's path (issue 19, item 2). The
// management account is exempt, as are service-linked roles; an account that cannot be read says why.
import {buildAccessModel, closestNames} from '../model/access.js';
import type {RequestContext} from '../model/access/request-context.js';
import {IamError} from '../model/errors.js';
import {buildIndex} from '../model/indexes.js';
import {orgAccounts, type OpenedOrganization} from '../model/org/org-load.js';
import {accountCap} from '../model/org/account-cap.js';
import {canOnModel} from './access.js';
import type {CommandResult} from './result.js';
import {usageError} from './write-args.js';

/** The account --account names, by id or name (names are unique in practice, ids always). */
export const accountAsked = (asked: string) => (account: {id: string; name: string}) => account.id === asked || account.name === asked;

export const orgCanCommand = async (
	opened: OpenedOrganization,
	asked: string,
	principal: string,
	action: string,
	resource: string | undefined,
	json: boolean,
	direct: boolean,
	request: RequestContext = {},
): Promise<CommandResult> => {
	const outcome = opened.accounts.find(a => accountAsked(asked)(a.account));
	if (!outcome) {
		const all = orgAccounts(opened.organization).map(a => a.account);
		const close = closestNames(asked, [...all.map(a => a.name), ...all.map(a => a.id)]);
		throw usageError(`no account "${asked}" in the organization`, close.length > 0 ? `did you mean: ${close.join(', ')}?` : 'iamtui accounts lists them');
	}
	const {account, load} = outcome;
	if (load.kind === 'skipped') throw new IamError('Invalid', `cannot answer in ${account.name} (${account.id}): ${load.reason}`, 'ask in an active account');
	if (load.kind === 'failed') throw new IamError('AccessDenied', load.message, load.hint);
	// With a request context, the account's policies and its SCPs and RCPs all assume it.
	const model = buildAccessModel(buildIndex(load.snapshot), request);
	return canOnModel(model, principal, action, resource, json, direct, accountCap(opened.organization, account, request));
};
