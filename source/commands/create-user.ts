// Headless `iamtui create-user NAME [--path P] [--tag k=v]… [--group G]… [--console-password]
// [--access-key] [--save-csv FILE | --show-secret]`: W1's onboarding for scripts. A console password is
// generated to meet the account's password policy, with a reset required at first sign-in; the new
// credentials go only where the secret flags say, checked before anything is sent.
import {randomBytes} from 'node:crypto';
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import {generatePassword} from '../model/password.js';
import {planCreateUser} from '../model/plans/create-user.js';
import {Secret} from '../model/secret.js';
import {settleUnfinished} from './journal-resolve.js';
import {runPlanCommand} from './plan-command.js';
import type {CommandResult} from './result.js';
import {checkSecretDestination, secretDelivery} from './secret-delivery.js';
import {accountSignInUrl, parseTags, usageError, withUsageErrors, type WriteCommandOptions} from './write-args.js';

const USAGE = 'usage: iamtui create-user NAME [--path P] [--tag k=v]… [--group G]… [--console-password] [--access-key] [--save-csv FILE | --show-secret]';

export const createUserCommand = (gateway: IamGateway, args: string[], options: WriteCommandOptions): Promise<CommandResult> =>
	withUsageErrors(async () => {
		const [name] = args;
		if (!name || args.length > 1) throw usageError('create-user needs one user name', USAGE);
		const {flags} = options;
		// An earlier run on this user stopped after a request whose outcome is unknown: settle it first.
		const settled = await settleUnfinished(gateway, 'create-user', name, options);
		if ('stop' in settled) return settled.stop;
		const tags = parseTags(flags.tags);
		// Refuse before any request when a secret would have nowhere to go.
		if ((flags.consolePassword || flags.accessKey) && !options.dryRun) checkSecretDestination('create-user', options.secrets);
		const password = flags.consolePassword ? new Secret(generatePassword(await gateway.passwordPolicy(), n => randomBytes(n))) : undefined;
		try {
			const plan = planCreateUser(buildIndex(await gateway.loadSnapshot()), {
				name,
				...(flags.path === undefined ? {} : {path: flags.path}),
				tags,
				console: password ? {password, passwordResetRequired: true} : null,
				accessKey: flags.accessKey,
				groups: flags.groups,
			});
			const result = await runPlanCommand(gateway, plan, 'create-user', {
				...options,
				deliverSecrets: secretDelivery(options.secrets, accountSignInUrl(gateway, options.settings)),
			});
			return {...result, stdout: [...settled.before, result.stdout].join('\n')};
		} finally {
			// A dry run or a refusal never used it; after a run it was delivered and wiped already.
			password?.wipe();
		}
	});
