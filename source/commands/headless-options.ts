// What a headless command is given (the parsed flags, the config store, how to ask) and the options every
// write command builds from it: the journal and records beside the config store, and no MFA prompt.
import path from 'node:path';
import {IamError} from '../model/errors.js';
import type {ConnectionSettings} from '../model/gateway.js';
import type {ConfigStore} from '../store/config.js';
import {Journal} from '../store/journal.js';
import {RecordStore} from '../store/records.js';
import type {RequestFlags} from './access.js';
import type {SecretFlags} from './secret-delivery.js';

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
export const journalOf = (store: ConfigStore) => new Journal(path.dirname(store.path));
export const recordsOf = (store: ConfigStore) => new RecordStore(path.dirname(store.path));

export const writeOptions = (context: HeadlessContext) => ({
	settings: context.settings,
	journal: journalOf(context.store),
	json: context.json,
	yes: context.yes ?? false,
	dryRun: context.dryRun ?? false,
	lockoutConfirmed: context.lockoutConfirmed ?? false,
	...(context.confirm ? {confirm: context.confirm} : {}),
});

/** The write commands' options: their flags and where a secret goes (defaults: none given). */
export const writeCommandOptions = (context: HeadlessContext) => ({
	...writeOptions(context),
	flags: context.writeFlags ?? {groups: [], tags: [], consolePassword: false, accessKey: false, params: []},
	secrets: context.secrets ?? {showSecret: false, overwrite: false},
});

// Headless runs have no terminal to ask for an MFA code on.
export const headlessHooks = {
	mfaCode: async (serial: string): Promise<string> => {
		throw new IamError('Credentials', `profile needs an MFA code for ${serial}`, 'run the TUI (iamtui) to enter it, or use credentials that do not require MFA');
	},
};
