// Headless `iamtui create-key USER (--save-csv FILE | --show-secret)`: a new access key whose secret goes
// only to a 0600 CSV or, when asked, stdout. At IAM's limit of two keys it refuses with the oldest
// key named, so the operator can deactivate or delete it first.
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import {planCreateAccessKey} from '../model/plans/credentials.js';
import {runPlanCommand} from './plan-command.js';
import type {CommandResult} from './result.js';
import {checkSecretDestination, secretDelivery} from './secret-delivery.js';
import {accountSignInUrl, usageError, withUsageErrors, type WriteCommandOptions} from './write-args.js';

export const createKeyCommand = (gateway: IamGateway, args: string[], options: WriteCommandOptions): Promise<CommandResult> =>
	withUsageErrors(async () => {
		const [user] = args;
		if (!user || args.length > 1) throw usageError('create-key needs one user name', 'usage: iamtui create-key USER (--save-csv FILE | --show-secret)');
		if (!options.dryRun) checkSecretDestination('create-key', options.secrets);
		const index = buildIndex(await gateway.loadSnapshot());
		// Keys are not in the snapshot; an unknown user is refused by the plan before ListAccessKeys is tried.
		const keys = index.userByName.has(user) ? await gateway.accessKeys(user) : [];
		const plan = planCreateAccessKey(index, user, keys);
		return runPlanCommand(gateway, plan, 'create-key', {
			...options,
			before: index,
			deliverSecrets: secretDelivery(options.secrets, accountSignInUrl(gateway, options.settings)),
		});
	});
