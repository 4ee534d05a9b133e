// Dispatches a headless command. The gateway module (and with it the SDK) is imported only here (and in
// run-org.ts for the organization's commands), when a command actually needs AWS.
import {describeError, IamError, isIamError} from '../model/errors.js';
import type {ConnectionSettings, IamGateway} from '../model/gateway.js';
import {groupsCommand, userCommand, usersCommand} from './browse.js';
import {profilesCommand} from './profiles.js';
import {roleCommand, rolesCommand} from './roles.js';
import {canCommand, whoCanCommand} from './access.js';
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
import {withUsageErrors} from './write-args.js';
import type {CommandResult} from './result.js';
import {checkEndpoint} from './endpoint-check.js';
import {headlessHooks, journalOf, recordsOf, writeCommandOptions, writeOptions, type HeadlessContext} from './headless-options.js';
import {offboardEverywhere, orgAccounts, orgCan, orgPerson, orgWhoCan} from './run-org.js';
import {COMMANDS, commandNamed, writeNamed} from '../cli/command-specs.js';
import {EXIT_USAGE} from '../cli/exit-codes.js';

/** Every command runHeadless answers: the command table's, but completion (the CLI prints that itself). */
export const headlessCommands = COMMANDS.map(spec => spec.name).filter(name => name !== 'completion');

const connect = async (settings: ConnectionSettings, fromFiles: string[] = []): Promise<IamGateway> => {
	if (fromFiles.length > 0) return (await import('../aws/file-gateway.js')).openFileGateway(fromFiles);
	checkEndpoint(settings.endpoint);
	const {createGateway} = await import('../aws/gateway.js');
	return createGateway(settings, headlessHooks);
};

/** A write given an export: refused before anything is read or sent (the export is not the account). */
const exportIsReadOnly = (command: string): CommandResult => ({
	stdout: '',
	stderr: `iamtui: an export is read-only: ${command} changes the account — run it without --from-file, against the account (--profile or --endpoint-url)\n`,
	exitCode: EXIT_USAGE,
});

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
			return withUsageErrors(async () => orgAccounts(context));
		case 'person':
			return withUsageErrors(async () => orgPerson(args, context));
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
			return withUsageErrors(async () => offboardEverywhere(args, context));
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
