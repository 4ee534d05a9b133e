// Where a headless command's new secrets go: a 0600 CSV in the console's format (--save-csv FILE) or,
// only with --show-secret, stdout. Checked before anything is sent, so a key is never created whose
// secret has nowhere to go. If the CSV still cannot be written once the secret exists (a file that
// appeared meanwhile, a full disk), the secret is never silently lost: with --show-secret it is on
// stdout already; with --if-save-fails show it is printed there once; otherwise (--if-save-fails
// delete, the default) iamtui takes back what it issued — deletes the new key, removes the new
// console password — journaled like any write, and says so.
import {randomBytes} from 'node:crypto';
import {closeSync, openSync, unlinkSync} from 'node:fs';
import path from 'node:path';
import {IamError} from '../model/errors.js';
import {executePlan, type IssuedSecret} from '../model/plans/execute.js';
import {deleteAccessKeyStep, deleteLoginProfileStep} from '../model/plans/steps.js';
import type {Plan} from '../model/plans/types.js';
import {gitTreeWarning} from '../store/secret-location.js';
import {credentialRows, saveCredentialsCsv} from '../store/credentials-csv.js';
import {checkPrivateFile, expandPath} from '../store/private-file.js';
import type {DeliverSecrets, DeliveryContext} from './plan-command.js';

export interface SecretFlags {
	saveCsv?: string;
	showSecret: boolean;
	/** --overwrite: replace an existing CSV. */
	overwrite: boolean;
	/** --if-save-fails: what happens to a secret the CSV could not take (default: delete). */
	ifSaveFails?: string;
}

export const SAVE_FAILURE_CHOICES = ['delete', 'show'] as const;

/** Refuses, before any request, a command that would issue a secret with no place to put it. */
export const checkSecretDestination = (command: string, flags: SecretFlags): void => {
	if (!flags.saveCsv && !flags.showSecret)
		throw new IamError(
			'Invalid',
			`${command} issues a secret and would have nowhere to put it`,
			'add --save-csv FILE (written 0600, the console\'s format) or --show-secret to print it on stdout',
		);
	if (flags.ifSaveFails !== undefined && !(SAVE_FAILURE_CHOICES as readonly string[]).includes(flags.ifSaveFails))
		throw new IamError('Invalid', `--if-save-fails takes delete or show, not "${flags.ifSaveFails}"`, 'delete (the default) takes back a credential whose CSV could not be written; show prints it once on stdout');
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

const lineOf = (secret: IssuedSecret): string => {
	const s = shown(secret);
	return 'password' in s ? `password for ${s.user}: ${s.password}` : `access key for ${s.user}: ${s.accessKeyId} ${s.secretAccessKey}`;
};

const whatOf = (secret: IssuedSecret) => (secret.kind === 'access-key' ? `access key ${secret.accessKeyId} of ${secret.user}` : `the console password of ${secret.user}`);

/** Deletes what was issued and whose secret nobody has: the new keys, the new console passwords. */
const takeBack = async (secrets: IssuedSecret[], context: DeliveryContext): Promise<{ok: boolean; lines: string[]; failure: string}> => {
	const plan: Plan = {
		title: 'Take back the credentials whose secret could not be saved',
		dangerous: true,
		targets: [...new Set(secrets.map(s => s.user))].map(name => ({kind: 'user', name})),
		steps: secrets.map(s => (s.kind === 'access-key' ? deleteAccessKeyStep(s.user, s.accessKeyId) : deleteLoginProfileStep(s.user))),
		previews: [],
	};
	const report = await executePlan(plan, context);
	const left = report.outcomes.filter(o => o.status !== 'done');
	if (left.length === 0)
		return {
			ok: true,
			lines: [`The secret was never shown, so iamtui took it back: ${secrets.map(whatOf).join(', ')} deleted again. Nothing is left whose secret nobody has.`],
			failure: 'iamtui: the credentials could not be saved, so iamtui deleted them again — run again with a writable --save-csv path (or add --if-save-fails show to print them instead)\n',
		};
	return {
		ok: false,
		lines: ['Taking it back FAILED: delete these yourself now, nobody has their secret:', ...left.map(o => `  ${o.step.awsCli}${o.message ? `   (${o.message})` : ''}`)],
		failure: `iamtui: the credentials could not be saved and taking them back failed — run the delete commands printed above\n`,
	};
};

export const secretDelivery = (flags: SecretFlags, signInUrl: () => Promise<string>): DeliverSecrets => async (secrets, context) => {
	const lines: string[] = [];
	const json: Record<string, unknown> = {};
	let failure: string | undefined;
	let printed = flags.showSecret;
	if (flags.saveCsv) {
		const saved = saveCredentialsCsv(flags.saveCsv, credentialRows(secrets, await signInUrl()), {overwrite: flags.overwrite});
		if (saved.ok) {
			lines.push(`credentials saved to ${saved.path} (mode 0600); they cannot be shown again`);
			json.savedTo = saved.path;
			const warning = gitTreeWarning(saved.path);
			if (warning) {
				lines.push(`warning: ${warning}`);
				json.warning = warning;
			}
		} else {
			lines.push(`COULD NOT SAVE the credentials: ${saved.message}.`);
			json.saveError = saved.message;
			if (flags.showSecret) failure = 'iamtui: the credentials could not be saved; they are on stdout (--show-secret)\n';
			else if (flags.ifSaveFails === 'show') {
				printed = true;
				lines.push('Shown here once instead (--if-save-fails show):');
				failure = 'iamtui: the credentials could not be saved; they were printed on stdout instead (--if-save-fails show)\n';
			} else {
				const back = await takeBack(secrets, context);
				lines.push(...back.lines);
				json.takenBack = back.ok;
				failure = back.failure;
			}
		}
	}
	if (printed) {
		json.secrets = secrets.map(shown);
		lines.push(...secrets.map(lineOf));
	}
	return {lines, json, failed: failure !== undefined, ...(failure ? {failure} : {})};
};
