// The headless commands that read an AWS Organization (who-can --org, can --org, accounts, person,
// offboard-everywhere): its clients made from the management account's settings; the SDK is imported
// only when one of them runs.
import {DEFAULT_AUDIT_ROLE} from '../model/org/org-load.js';
import {checkedQuestion} from '../model/access/explain.js';
import {CAN_USAGE, refuse, requestContextOf} from './access.js';
import {accountsCommand} from './accounts.js';
import {checkEndpoint} from './endpoint-check.js';
import {headlessHooks, recordsOf, writeOptions, type HeadlessContext} from './headless-options.js';
import {personCommand} from './person.js';
import type {CommandResult} from './result.js';
import {usageError} from './write-args.js';

/** The organization's clients (Organizations, STS, IAM, Identity Center); an export holds no organization. */
const connectOrganization = async (context: HeadlessContext, command: string) => {
	if ((context.fromFiles ?? []).length > 0) {
		throw usageError(`${command} reads an AWS Organization: an export (--from-file) holds one account`, "run it against the management account's profile (--profile or --endpoint-url)");
	}
	checkEndpoint(context.settings.endpoint);
	const {createOrgClients} = await import('../aws/org-clients.js');
	return createOrgClients(context.settings, headlessHooks);
};

/** Refuses an action or resource no account could answer for, as who-can and can refuse it, before the organization is read. */
const checkQuestion = async (action: string, resource: string | undefined, oneAction: boolean): Promise<void> => {
	const checked = await checkedQuestion(action, resource ?? '*', oneAction);
	if (!checked.ok) refuse(checked);
};

/** who-can --org: the organization opened through the audit role, Identity Center read beside it. */
export const orgWhoCan = async (action: string | undefined, context: HeadlessContext): Promise<CommandResult> => {
	if (!action) throw usageError('who-can needs an action', 'usage: iamtui who-can ACTION --org [--audit-role NAME] [--context KEY=VALUE]… [--json]');
	// Read before the organization is: a mistyped key, action or resource is said at once.
	const request = await requestContextOf(context.request);
	await checkQuestion(action, context.resource, false);
	const clients = await connectOrganization(context, 'who-can');
	const [{openWithIdentityCenter}, {orgWhoCanCommand}] = await Promise.all([import('../aws/org-session.js'), import('./org-who-can.js')]);
	const session = await openWithIdentityCenter(clients, context.auditRole ? {auditRole: context.auditRole} : {});
	return orgWhoCanCommand(session, action, context.resource ?? '*', context.json, request);
};

/** can --org --account ACCOUNT: the one account read through the audit role, the SCPs on its path applied. */
export const orgCan = async (args: string[], context: HeadlessContext): Promise<CommandResult> => {
	const [principal, action] = args;
	if (!principal || !action) throw usageError('can needs a user (or role) and an action', CAN_USAGE);
	const accounts = context.accounts ?? [];
	if (accounts.length !== 1) throw usageError(`can --org answers in one account: give --account ACCOUNT once${accounts.length > 1 ? ` (got ${accounts.length})` : ''}`, 'iamtui accounts lists them; who-can ACTION --org answers across all');
	const request = await requestContextOf(context.request);
	await checkQuestion(action, context.resource, true);
	const clients = await connectOrganization(context, 'can');
	const [{openOrganization}, {accountAsked, orgCanCommand}] = await Promise.all([import('../aws/org-loader.js'), import('./org-can.js')]);
	const asked = accounts[0]!;
	const opened = await openOrganization(clients, {...(context.auditRole ? {auditRole: context.auditRole} : {}), only: accountAsked(asked)});
	return orgCanCommand(opened, asked, principal, action, context.resource, context.json, context.direct ?? false, request);
};

/** accounts: the organization's accounts as loaded through the audit role. */
export const orgAccounts = async (context: HeadlessContext): Promise<CommandResult> => {
	const {openOrganization} = await import('../aws/org-loader.js');
	return accountsCommand(await openOrganization(await connectOrganization(context, 'accounts'), context.auditRole ? {auditRole: context.auditRole} : {}), context.json);
};

/** person NAME: an Identity Center person and what they reach. */
export const orgPerson = async (args: string[], context: HeadlessContext): Promise<CommandResult> => {
	// Asked before anything is read: the name is what the whole read is for.
	if (!args[0]) throw usageError('person needs a name', 'usage: iamtui person NAME [--json] (a user name, display name or email)');
	const [{readOrgPeople}, {readSsoRoleNames}] = await Promise.all([import('../aws/org-people-reader.js'), import('../aws/sso-roles-reader.js')]);
	const clients = await connectOrganization(context, 'person');
	const auditRole = context.auditRole ?? DEFAULT_AUDIT_ROLE;
	return personCommand(await readOrgPeople(clients), args[0], context.json, accounts => readSsoRoleNames(clients, accounts, auditRole));
};

/** offboard-everywhere PERSON: the person's Identity Center access and IAM users in each account. */
export const offboardEverywhere = async (args: string[], context: HeadlessContext): Promise<CommandResult> => {
	if (!args[0] || args.length > 1) throw usageError('offboard-everywhere needs one person', 'usage: iamtui offboard-everywhere PERSON [--account ID[:USER]]… [--dry-run | --yes]');
	const auditRole = context.auditRole ?? DEFAULT_AUDIT_ROLE;
	const clients = await connectOrganization(context, 'offboard-everywhere');
	const [{everywhereConnection}, {offboardEverywhereCommand}] = await Promise.all([import('../aws/everywhere-connection.js'), import('./offboard-everywhere.js')]);
	return offboardEverywhereCommand(everywhereConnection(clients, context.settings, auditRole), args, {
		...writeOptions(context),
		records: recordsOf(context.store),
		accounts: context.accounts ?? [],
		auditRole,
		...(context.ask ? {ask: context.ask} : {}),
	});
};
