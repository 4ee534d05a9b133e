// Dispatches a headless command. The gateway module (and with it the SDK) is imported only here,
// when a command actually needs AWS.
import path from 'node:path';
import {IamError} from '../model/errors.js';
import type {ConnectionSettings, IamGateway} from '../model/gateway.js';
import type {ConfigStore} from '../store/config.js';
import {groupsCommand, userCommand, usersCommand} from './browse.js';
import {profilesCommand} from './profiles.js';
import {canCommand, whoCanCommand} from './access.js';
import {journalCommand} from './journal.js';
import {membershipCommand} from './membership.js';
import type {CommandResult} from './result.js';
import {Journal} from '../store/journal.js';

export const headlessCommands = ['users', 'user', 'groups', 'profiles', 'who-can', 'can', 'add-to-group', 'remove-from-group', 'journal'];

export interface HeadlessContext {
	settings: ConnectionSettings;
	store: ConfigStore;
	json: boolean;
	resource?: string;
	/** Offline: GAAD export files instead of a live account. */
	fromFiles?: string[];
	/** Writes: confirm a destructive command without asking. */
	yes?: boolean;
	/** Writes: print the plan, send nothing. */
	dryRun?: boolean;
	/** Asks y/N on the terminal; absent without one. */
	confirm?: (question: string) => Promise<boolean>;
}

/** The audit journal lives beside the config store. */
const journalOf = (store: ConfigStore) => new Journal(path.dirname(store.path));

const connect = async (settings: ConnectionSettings, fromFiles: string[] = []): Promise<IamGateway> => {
	if (fromFiles.length > 0) return (await import('../aws/file-gateway.js')).openFileGateway(fromFiles);
	const {createGateway} = await import('../aws/gateway.js');
	// Headless runs have no terminal to ask for an MFA code on.
	return createGateway(settings, {
		mfaCode: async serial => {
			throw new IamError(
				'Credentials',
				`profile needs an MFA code for ${serial}`,
				'run the TUI (iamtui) to enter it, or use credentials that do not require MFA',
			);
		},
	});
};

export const runHeadless = async (command: string, args: string[], context: HeadlessContext): Promise<CommandResult> => {
	switch (command) {
		case 'users':
			return usersCommand(await connect(context.settings, context.fromFiles), context.json);
		case 'user':
			return userCommand(await connect(context.settings, context.fromFiles), args[0], context.json);
		case 'groups':
			return groupsCommand(await connect(context.settings, context.fromFiles), context.json);
		case 'who-can':
			return whoCanCommand(await connect(context.settings, context.fromFiles), args[0], context.resource, context.json);
		case 'can':
			return canCommand(await connect(context.settings, context.fromFiles), args[0], args[1], context.resource, context.json);
		case 'add-to-group':
		case 'remove-from-group':
			return membershipCommand(await connect(context.settings), command === 'add-to-group' ? 'add' : 'remove', args, {
				settings: context.settings,
				journal: journalOf(context.store),
				json: context.json,
				yes: context.yes ?? false,
				dryRun: context.dryRun ?? false,
				...(context.confirm ? {confirm: context.confirm} : {}),
			});
		case 'journal': {
			const journal = journalOf(context.store);
			return journalCommand(journal.read(), context.json, journal.path);
		}
		case 'profiles': {
			const {listAwsConfigProfiles} = await import('../aws/aws-config-profiles.js');
			return profilesCommand(context.store, await listAwsConfigProfiles().catch(() => []), context.json);
		}
		default:
			throw new IamError('Invalid', `unknown command ${command}`, `commands: ${headlessCommands.join(', ')}`);
	}
};
