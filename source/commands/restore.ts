// Headless `iamtui restore RECORD [--skip-missing] [--save-csv FILE | --show-secret]`: recreates an
// offboarded user from its record. A new console password (when the user had one) and a new access key
// (when it had keys) are issued, never the old ones, and go where the secret flags say.
import {randomBytes} from 'node:crypto';
import {IamError} from '../model/errors.js';
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import {generatePassword, signInUrl} from '../model/password.js';
import {planRestore} from '../model/plans/restore.js';
import {Secret} from '../model/secret.js';
import type {RecordStore} from '../store/records.js';
import {actorOf, runPlanCommand, type WriteOptions} from './plan-command.js';
import type {CommandResult} from './result.js';
import {checkSecretDestination, secretDelivery, type SecretFlags} from './secret-delivery.js';

export interface RestoreCommandOptions extends WriteOptions {
	records: RecordStore;
	skipMissing: boolean;
	secrets: SecretFlags;
}

export const restoreCommand = async (gateway: IamGateway, args: string[], options: RestoreCommandOptions): Promise<CommandResult> => {
	const [file] = args;
	if (!file || args.length > 1) throw new IamError('Invalid', 'restore needs one record file', 'usage: iamtui restore RECORD [--skip-missing] [--save-csv FILE | --show-secret]; list them with: iamtui records');
	const actor = await actorOf(gateway, options.settings);
	const record = options.records.load(file, actor.account ?? undefined);
	const reissues = record.loginProfile !== null || record.accessKeys.length > 0;
	if (reissues && !options.dryRun) checkSecretDestination('restore', options.secrets);
	const password = record.loginProfile ? new Secret(generatePassword(await gateway.passwordPolicy(), n => randomBytes(n))) : undefined;
	const before = buildIndex(await gateway.loadSnapshot());
	const plan = planRestore(record, before, {
		...(password ? {password} : {}),
		accessKey: record.accessKeys.length > 0,
		skipMissing: options.skipMissing,
		source: file,
	});
	const url = async () => signInUrl(actor.account ?? record.account, await gateway.accountAlias().catch(() => null));
	return runPlanCommand(gateway, plan, 'restore', {...options, before, deliverSecrets: secretDelivery(options.secrets, url)});
};
