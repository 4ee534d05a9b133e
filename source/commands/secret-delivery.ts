// Where a headless command's new secrets go: a 0600 CSV in the console's format (--save-csv FILE) or,
// only with --show-secret, stdout. Checked before anything is sent, so a key is never created whose
// secret has nowhere to go.
import {randomBytes} from 'node:crypto';
import {closeSync, openSync, unlinkSync} from 'node:fs';
import path from 'node:path';
import {IamError} from '../model/errors.js';
import type {IssuedSecret} from '../model/plans/execute.js';
import {credentialRows, saveCredentialsCsv} from '../store/secrets.js';
import {checkPrivateFile, expandPath} from '../store/private-file.js';
import type {DeliverSecrets} from './plan-command.js';

export interface SecretFlags {
	saveCsv?: string;
	showSecret: boolean;
	/** --overwrite: replace an existing CSV. */
	overwrite: boolean;
}

/** Refuses, before any request, a command that would issue a secret with no place to put it. */
export const checkSecretDestination = (command: string, flags: SecretFlags): void => {
	if (!flags.saveCsv && !flags.showSecret)
		throw new IamError(
			'Invalid',
			`${command} issues a secret and would have nowhere to put it`,
			'add --save-csv FILE (written 0600, the console\'s format) or --show-secret to print it on stdout',
		);
	if (flags.saveCsv) {
		const problem = checkPrivateFile(flags.saveCsv, {overwrite: flags.overwrite});
		if (problem) throw new IamError('Invalid', problem.message, problem.reason === 'exists' ? 'choose another name, or add --overwrite' : 'nothing was sent');
		const refused = folderRefusal(flags.saveCsv);
		if (refused) throw new IamError('Invalid', refused, 'nothing was sent');
	}
};

/**
 * Whether a file can be created in the CSV's folder. Mode bits do not tell (root passes every access
 * check; read-only and virtual file systems refuse anyway), so create and remove a probe file: a key
 * whose secret cannot be saved must never be created.
 */
const folderRefusal = (file: string): string | undefined => {
	const folder = path.dirname(expandPath(file));
	const probe = path.join(folder, `.iamtui-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
	try {
		closeSync(openSync(probe, 'wx', 0o600));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return `Cannot create files in ${folder}${code ? ` (${code})` : ''}: it is not writable for you; choose another folder for --save-csv`;
	}
	try {
		unlinkSync(probe);
	} catch {
		// Created but not removable: harmless and empty; the CSV itself can still be written.
	}
	return undefined;
};

const shown = (secret: IssuedSecret) =>
	secret.kind === 'access-key'
		? {user: secret.user, accessKeyId: secret.accessKeyId, secretAccessKey: secret.secretAccessKey.reveal()}
		: {user: secret.user, password: secret.password.reveal(), passwordResetRequired: secret.passwordResetRequired};

export const secretDelivery = (flags: SecretFlags, signInUrl: () => Promise<string>): DeliverSecrets => async secrets => {
	const lines: string[] = [];
	const json: Record<string, unknown> = {};
	let failed = false;
	if (flags.saveCsv) {
		const saved = saveCredentialsCsv(flags.saveCsv, credentialRows(secrets, await signInUrl()), {overwrite: flags.overwrite});
		if (saved.ok) {
			lines.push(`credentials saved to ${saved.path} (mode 0600); they cannot be shown again`);
			json.savedTo = saved.path;
		} else {
			lines.push(`COULD NOT SAVE the credentials: ${saved.message}. The secret is lost: delete the new key or reset the password and try again.`);
			json.saveError = saved.message;
			failed = true;
		}
	}
	if (flags.showSecret) {
		json.secrets = secrets.map(shown);
		for (const secret of secrets) {
			const s = shown(secret);
			lines.push('password' in s ? `password for ${s.user}: ${s.password}` : `access key for ${s.user}: ${s.accessKeyId} ${s.secretAccessKey}`);
		}
	}
	return {lines, json, failed};
};
