// Dispatches a headless command. The gateway module (and with it the SDK) is imported only here,
// when a command actually needs AWS.
import {IamError} from '../model/errors.js';
import type {ConnectionSettings, IamGateway} from '../model/gateway.js';
import type {ConfigStore} from '../store/config.js';
import {groupsCommand, userCommand, usersCommand} from './browse.js';
import {profilesCommand} from './profiles.js';
import {canCommand, whoCanCommand} from './access.js';
import type {CommandResult} from './result.js';

export const headlessCommands = ['users', 'user', 'groups', 'profiles', 'who-can', 'can'];

export interface HeadlessContext {
	settings: ConnectionSettings;
	store: ConfigStore;
	json: boolean;
	resource?: string;
}

const connect = async (settings: ConnectionSettings): Promise<IamGateway> => {
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
			return usersCommand(await connect(context.settings), context.json);
		case 'user':
			return userCommand(await connect(context.settings), args[0], context.json);
		case 'groups':
			return groupsCommand(await connect(context.settings), context.json);
		case 'who-can':
			return whoCanCommand(await connect(context.settings), args[0], context.resource, context.json);
		case 'can':
			return canCommand(await connect(context.settings), args[0], args[1], context.resource, context.json);
		case 'profiles': {
			const {listAwsConfigProfiles} = await import('../aws/aws-config-profiles.js');
			return profilesCommand(context.store, await listAwsConfigProfiles().catch(() => []), context.json);
		}
		default:
			throw new IamError('Invalid', `unknown command ${command}`, `commands: ${headlessCommands.join(', ')}`);
	}
};
