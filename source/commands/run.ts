// Dispatches a headless command. The gateway module (and with it the SDK) is imported only here,
// when a command actually needs AWS.
import path from 'node:path';
import {describeError, IamError, isIamError} from '../model/errors.js';
import type {ConnectionSettings, IamGateway} from '../model/gateway.js';
import type {ConfigStore} from '../store/config.js';
import {groupsCommand, userCommand, usersCommand} from './browse.js';
import {profilesCommand} from './profiles.js';
import {roleCommand, rolesCommand} from './roles.js';
import {CAN_USAGE, canCommand, whoCanCommand, type RequestFlags} from './access.js';
import {journalArgumentError, journalCommand, unfinishedCommand} from './journal.js';
import {resolveJournalCommand} from './journal-resolve.js';
import {membershipCommand} from './membership.js';
import {offboardCommand} from './offboard.js';
import {recordsCommand} from './records.js';
import {restoreCommand} from './restore.js';
import {createUserCommand} from './create-user.js';
import {createKeyCommand} from './create-key.js';
import {createPolicyCommand} from './create-policy.js';
import {policyAttachmentCommand} from './attach-policy.js';
import {createGroupCommand, putGroupPolicyCommand} from './groups.js';
import {uploadCertificateCommand} from './certificates.js';
import {deleteRolePolicyCommand, putRolePolicyCommand, removeTrustPrincipalCommand} from './role-writes.js';
import type {SecretFlags} from './secret-delivery.js';
import {withUsageErrors} from './write-args.js';
import type {CommandResult} from './result.js';
import {Journal} from '../store/journal.js';
import {RecordStore} from '../store/records.js';
import {checkEndpoint} from './endpoint-check.js';
import {accountsCommand} from './accounts.js';
import {personCommand} from './person.js';
import {usageError} from './write-args.js';
import {COMMANDS, commandNamed, writeNamed} from '../cli/command-specs.js';
import {EXIT_USAGE} from '../cli/exit-codes.js';
import {DEFAULT_AUDIT_ROLE} from '../model/org/org-load.js';

/** Every command runHeadless answers: the command table's, but completion (the CLI prints that itself). */
export const headlessCommands = COMMANDS.map(spec => spec.name).filter(name => name !== 'completion');

export interface HeadlessContext {
	settings: ConnectionSettings;
	store: ConfigStore;
	json: boolean;
	resource?: string;
	/** can: identity policies only (no role paths). */
	direct?: boolean;
	/** can / who-can: what the request carries (--context, --mfa, --source-ip, --secure-transport). */
	request?: RequestFlags;
	/** Offline: GAAD export files instead of a live account. */
	fromFiles?: string[];
	/** Writes: confirm a destructive command without asking. */
	yes?: boolean;
	/** Writes: print the plan, send nothing. */
	dryRun?: boolean;
	/** Writes: --i-know-this-locks-me-out, a plan that locks the caller out may run. */
	lockoutConfirmed?: boolean;
	/** Asks y/N on the terminal; absent without one. */
	confirm?: (question: string) => Promise<boolean>;
	/** Asks for a typed line on the terminal (a name to confirm); absent without one. */
	ask?: (question: string) => Promise<string>;
	/** offboard: revoke everything but keep the user. */
	keepUser?: boolean;
	/** accounts: the role assumed in each member account (--audit-role). */
	auditRole?: string;
	/** who-can, can: across the organization (--org). */
	org?: boolean;
	/** can --org: the account to answer in; offboarding everywhere: the accounts confirmed (--account). */
	accounts?: string[];
	/** restore: go ahead without groups and policies that no longer exist. */
	skipMissing?: boolean;
	/** journal: list the plans that were interrupted (an intent without an outcome). */
	unfinished?: boolean;
	/** journal resolve ID: take the interrupted plan back. */
	takeBack?: boolean;
	/** journal resolve ID: close the interrupted plan, handled by hand. */
	markResolved?: boolean;
	/** Commands that issue a secret: where it goes. */
	secrets?: SecretFlags;
	/** The write commands' own flags (create-user, create-key, create-policy, attach-policy). */
	writeFlags?: WriteFlags;
}

export interface WriteFlags {
	/** --group, repeatable (create-user) or the target group (attach-policy). */
	groups: string[];
	/** --user (attach-policy). */
	user?: string;
	/** --role (attach-policy, detach-policy). */
	role?: string;
	/** --name N (put-role-policy): the inline policy's name. */
	name?: string;
	path?: string;
	/** --tag key=value, repeatable. */
	tags: string[];
	consolePassword: boolean;
	accessKey: boolean;
	template?: string;
	/** --param key=value, repeatable. */
	params: string[];
	description?: string;
	/** --file F (put-group-policy): a policy document or template file. */
	file?: string;
}

/** The audit journal and the offboarding records live beside the config store. */
const journalOf = (store: ConfigStore) => new Journal(path.dirname(store.path));
const recordsOf = (store: ConfigStore) => new RecordStore(path.dirname(store.path));

const writeOptions = (context: HeadlessContext) => ({
	settings: context.settings,
	journal: journalOf(context.store),
	json: context.json,
	yes: context.yes ?? false,
	dryRun: context.dryRun ?? false,
	lockoutConfirmed: context.lockoutConfirmed ?? false,
	...(context.confirm ? {confirm: context.confirm} : {}),
});

/** The write commands' options: their flags and where a secret goes (defaults: none given). */
const writeCommandOptions = (context: HeadlessContext) => ({
	...writeOptions(context),
	flags: context.writeFlags ?? {groups: [], tags: [], consolePassword: false, accessKey: false, params: []},
	secrets: context.secrets ?? {showSecret: false, overwrite: false},
});

// Headless runs have no terminal to ask for an MFA code on.
const headlessHooks = {
	mfaCode: async (serial: string): Promise<string> => {
		throw new IamError('Credentials', `profile needs an MFA code for ${serial}`, 'run the TUI (iamtui) to enter it, or use credentials that do not require MFA');
	},
};

const connect = async (settings: ConnectionSettings, fromFiles: string[] = []): Promise<IamGateway> => {
	if (fromFiles.length > 0) return (await import('../aws/file-gateway.js')).openFileGateway(fromFiles);
	checkEndpoint(settings.endpoint);
	const {createGateway} = await import('../aws/gateway.js');
	return createGateway(settings, headlessHooks);
};

/** The organization's clients (Organizations, STS, IAM, Identity Center); an export holds no organization. */
const connectOrganization = async (context: HeadlessContext, command: string) => {
	if ((context.fromFiles ?? []).length > 0) {
		throw usageError(`${command} reads an AWS Organization: an export (--from-file) holds one account`, "run it against the management account's profile (--profile or --endpoint-url)");
	}
	checkEndpoint(context.settings.endpoint);
	const {createOrgClients} = await import('../aws/org-clients.js');
	return createOrgClients(context.settings, headlessHooks);
};

/** A write given an export: refused before anything is read or sent (the export is not the account). */
const exportIsReadOnly = (command: string): CommandResult => ({
	stdout: '',
	stderr: `iamtui: an export is read-only: ${command} changes the account — run it without --from-file, against the account (--profile or --endpoint-url)\n`,
	exitCode: EXIT_USAGE,
});

/** --org answers take no request context yet (SCPs and RCPs are evaluated without it): refused, not ignored. */
const refuseRequestContextWithOrg = (context: HeadlessContext, command: 'who-can' | 'can'): void => {
	const request = context.request;
	if (request && (request.context.length > 0 || request.mfa || request.secureTransport || request.sourceIp !== undefined))
		throw usageError(`${command} --org does not take a request context yet`, 'leave out --context/--mfa/--source-ip/--secure-transport, or ask one account without --org');
};

/** who-can --org: the organization opened through the audit role, Identity Center read beside it. */
const orgWhoCan = async (action: string | undefined, context: HeadlessContext): Promise<CommandResult> => {
	if (!action) throw usageError('who-can needs an action', 'usage: iamtui who-can ACTION --org [--audit-role NAME] [--json]');
	refuseRequestContextWithOrg(context, 'who-can');
	const clients = await connectOrganization(context, 'who-can');
	const [{openWithIdentityCenter}, {orgWhoCanCommand}] = await Promise.all([import('../aws/org-session.js'), import('./org-who-can.js')]);
	const session = await openWithIdentityCenter(clients, context.auditRole ? {auditRole: context.auditRole} : {});
	return orgWhoCanCommand(session, action, context.resource ?? '*', context.json);
};

/** can --org --account ACCOUNT: the one account read through the audit role, the SCPs on its path applied. */
const orgCan = async (args: string[], context: HeadlessContext): Promise<CommandResult> => {
	const [principal, action] = args;
	if (!principal || !action) throw usageError('can needs a user (or role) and an action', CAN_USAGE);
	const accounts = context.accounts ?? [];
	if (accounts.length !== 1) throw usageError(`can --org answers in one account: give --account ACCOUNT once${accounts.length > 1 ? ` (got ${accounts.length})` : ''}`, 'iamtui accounts lists them; who-can ACTION --org answers across all');
	refuseRequestContextWithOrg(context, 'can');
	const clients = await connectOrganization(context, 'can');
	const [{openOrganization}, {accountAsked, orgCanCommand}] = await Promise.all([import('../aws/org-loader.js'), import('./org-can.js')]);
	const asked = accounts[0]!;
	const opened = await openOrganization(clients, {...(context.auditRole ? {auditRole: context.auditRole} : {}), only: accountAsked(asked)});
	return orgCanCommand(opened, asked, principal, action, context.resource, context.json, context.direct ?? false);
};

/**
 * Runs one headless command. A usage error however deep it is found (a flag's value checked when the
 * connection is made: --endpoint-url, the region) is exit 64 for every command, as --help says.
 */
export const runHeadless = async (command: string, args: string[], context: HeadlessContext): Promise<CommandResult> => {
	try {
		return await dispatch(command, args, context);
	} catch (error) {
		if (isIamError(error) && error.code === 'Usage') return {stdout: '', stderr: `iamtui: ${describeError(error)}\n`, exitCode: EXIT_USAGE};
		throw error;
	}
};

const dispatch = async (command: string, args: string[], context: HeadlessContext): Promise<CommandResult> => {
	const spec = commandNamed(command);
	const write = spec && (context.fromFiles ?? []).length > 0 ? writeNamed(spec, args) : undefined;
	if (write) return exportIsReadOnly(write);
	switch (command) {
		case 'users':
			return usersCommand(await connect(context.settings, context.fromFiles), context.json);
		case 'user':
			return withUsageErrors(async () => userCommand(await connect(context.settings, context.fromFiles), args[0], context.json, (context.fromFiles ?? []).length > 0));
		case 'groups':
			return groupsCommand(await connect(context.settings, context.fromFiles), context.json);
		case 'roles':
			return rolesCommand(await connect(context.settings, context.fromFiles), context.json);
		case 'role':
			return withUsageErrors(async () => roleCommand(await connect(context.settings, context.fromFiles), args[0], context.json));
		case 'who-can':
			if (context.org) return withUsageErrors(async () => orgWhoCan(args[0], context));
			return withUsageErrors(async () => whoCanCommand(await connect(context.settings, context.fromFiles), args[0], context.resource, context.json, context.request));
		case 'can':
			if (context.org) return withUsageErrors(async () => orgCan(args, context));
			return withUsageErrors(async () => canCommand(await connect(context.settings, context.fromFiles), args[0], args[1], context.resource, context.json, context.direct ?? false, context.request));
		case 'accounts':
			return withUsageErrors(async () => {
				const {openOrganization} = await import('../aws/org-loader.js');
				return accountsCommand(await openOrganization(await connectOrganization(context, command), context.auditRole ? {auditRole: context.auditRole} : {}), context.json);
			});
		case 'person':
			return withUsageErrors(async () => {
				// Asked before anything is read: the name is what the whole read is for.
				if (!args[0]) throw usageError('person needs a name', 'usage: iamtui person NAME [--json] (a user name, display name or email)');
				const {readOrgPeople} = await import('../aws/org-people-reader.js');
				return personCommand(await readOrgPeople(await connectOrganization(context, command)), args[0], context.json);
			});
		case 'add-to-group':
		case 'remove-from-group':
			return withUsageErrors(async () => membershipCommand(await connect(context.settings), command === 'add-to-group' ? 'add' : 'remove', args, writeOptions(context)));
		case 'offboard':
			return withUsageErrors(async () => offboardCommand(await connect(context.settings), args, {
				...writeOptions(context),
				records: recordsOf(context.store),
				keepUser: context.keepUser ?? false,
				...(context.ask ? {ask: context.ask} : {}),
			}));
		case 'offboard-everywhere':
			return withUsageErrors(async () => {
				if (!args[0] || args.length > 1) throw usageError('offboard-everywhere needs one person', 'usage: iamtui offboard-everywhere PERSON [--account ID[:USER]]… [--dry-run | --yes]');
				const auditRole = context.auditRole ?? DEFAULT_AUDIT_ROLE;
				const clients = await connectOrganization(context, command);
				const [{everywhereConnection}, {offboardEverywhereCommand}] = await Promise.all([import('../aws/everywhere-connection.js'), import('./offboard-everywhere.js')]);
				return offboardEverywhereCommand(everywhereConnection(clients, context.settings, auditRole), args, {
					...writeOptions(context),
					records: recordsOf(context.store),
					accounts: context.accounts ?? [],
					auditRole,
					...(context.ask ? {ask: context.ask} : {}),
				});
			});
		case 'records':
			return withUsageErrors(async () => recordsCommand(recordsOf(context.store), context.json, args));
		case 'restore':
			return withUsageErrors(async () => restoreCommand(await connect(context.settings), args, {
				...writeOptions(context),
				records: recordsOf(context.store),
				skipMissing: context.skipMissing ?? false,
				secrets: context.secrets ?? {showSecret: false, overwrite: false},
			}));
		case 'create-user':
			return createUserCommand(await connect(context.settings), args, writeCommandOptions(context));
		case 'create-key':
			return createKeyCommand(await connect(context.settings), args, writeCommandOptions(context));
		case 'create-policy':
			return createPolicyCommand(await connect(context.settings), args, writeCommandOptions(context));
		case 'attach-policy':
		case 'detach-policy':
			return policyAttachmentCommand(await connect(context.settings), command === 'attach-policy' ? 'attach' : 'detach', args, writeCommandOptions(context));
		case 'create-group':
			return createGroupCommand(await connect(context.settings), args, writeCommandOptions(context));
		case 'put-group-policy':
			return putGroupPolicyCommand(await connect(context.settings), args, writeCommandOptions(context));
		case 'upload-certificate':
			return uploadCertificateCommand(await connect(context.settings), args, writeCommandOptions(context));
		case 'put-role-policy':
			return putRolePolicyCommand(await connect(context.settings), args, writeCommandOptions(context));
		case 'delete-role-policy':
			return deleteRolePolicyCommand(await connect(context.settings), args, writeCommandOptions(context));
		case 'remove-trust-principal':
			return removeTrustPrincipalCommand(await connect(context.settings), args, writeCommandOptions(context));
		case 'journal': {
			const journal = journalOf(context.store);
			if (args[0] === 'resolve') return resolveJournalCommand(() => connect(context.settings), args, {...writeOptions(context), journal, records: recordsOf(context.store), takeBack: context.takeBack ?? false, markResolved: context.markResolved ?? false});
			if (args.length > 0) return journalArgumentError;
			if (context.unfinished) return unfinishedCommand(journal.lines(), context.json, journal.path);
			return journalCommand(journal.read(), context.json, journal.path);
		}
		case 'profiles': {
			const {listAwsConfigProfileSettings} = await import('../aws/aws-config-profiles.js');
			return profilesCommand(context.store, await listAwsConfigProfileSettings().catch(() => []), context.json);
		}
		default:
			throw new IamError('Invalid', `unknown command ${command}`, `commands: ${headlessCommands.join(', ')}`);
	}
};
