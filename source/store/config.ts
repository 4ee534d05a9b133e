// The local config store (config.json, 0600): the profiles the operator used, the last one, preferences.
// Never a secret: the schema only admits names, regions, endpoints and flags, and rejects extra keys.
// Read fresh on every call and changed under a lock (read, modify, write a temp file, rename), so two
// iamtui processes saving at once both land. A link at the path is never followed; a file that is
// not a valid store is moved aside (config.json.corrupt-TIME) with a message, and the command goes on.
import {lstatSync, mkdirSync, renameSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {z} from 'zod';
import {REGION_NAME} from '../model/connection.js';
import {IamError} from '../model/errors.js';
import {withFileLock} from './lock-file.js';
import {replacePrivateFile} from './private-file.js';
import {FileReadError, readBoundedFileIfPresent} from './read-file.js';

export interface StoredProfile {
	name: string;
	region?: string;
	endpoint?: string;
	readOnly?: boolean;
	/** The role assumed in each member account when this profile opens its organization. */
	auditRole?: string;
	/** ISO time this profile was last opened. */
	lastUsed?: string;
}

export interface Preferences {
	/** Keys older than this many days are flagged. */
	keyAgeDays: number;
}

// A role name (IAM's characters, 64 at most), optionally under a path: what AssumeRole's ARN takes.
const auditRoleSchema = z
	.string()
	.max(512)
	.regex(/^([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/, {error: 'an audit role is a role name (letters, digits and + = , . @ _ -), optionally path/name'});

const profileSchema = z.strictObject({
	name: z.string().min(1).max(128).regex(/^[\w+=,.@:/-]+$/, {error: 'a profile name holds letters, digits and + = , . @ : / _ - only'}),
	region: z.string().regex(REGION_NAME, {error: 'a region looks like eu-west-1'}).optional(),
	endpoint: z.string().regex(/^https?:\/\//, {error: 'an endpoint starts with http:// or https://'}).optional(),
	readOnly: z.boolean().optional(),
	auditRole: auditRoleSchema.optional(),
	lastUsed: z.string().optional(),
});

// Other top-level keys (written by an older or newer iamtui) are kept as they are.
const storeSchema = z.looseObject({
	profiles: z.array(profileSchema).default([]),
	lastProfile: z.string().optional(),
	// auditRole: the one used when the session has no named profile (environment credentials, the demo).
	preferences: z.strictObject({keyAgeDays: z.number().int().min(1).max(3650).optional(), auditRole: auditRoleSchema.optional()}).optional(),
});

type StoreShape = z.infer<typeof storeSchema>;

export interface ConfigStoreOptions {
	/** Folder for the store; tests pass a temporary directory. Defaults to the OS config dir. */
	cwd?: string;
	/** Where a notice goes (a corrupt store moved aside); stderr by default. */
	notice?: (line: string) => void;
}

/** The OS config folder for iamtui, where earlier versions (the conf package) kept config.json too. */
const defaultFolder = (): string => {
	const home = os.homedir();
	if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'iamtui');
	if (process.platform === 'win32') return path.join(process.env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'iamtui', 'Config');
	return path.join(process.env.XDG_CONFIG_HOME || path.join(home, '.config'), 'iamtui');
};

const firstProblem = (error: z.ZodError): string => {
	const issue = error.issues[0];
	const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
	return `${where}${issue?.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map(k => `"${k}"`).join(', ')}` : (issue?.message ?? 'wrong shape')}`;
};

export class ConfigStore {
	readonly path: string;
	private readonly notice: (line: string) => void;
	/** Profiles the operator made writable on purpose while this store is open: a read-only session does not re-mark them. */
	private readonly madeWritable = new Set<string>();

	constructor(options: ConfigStoreOptions = {}) {
		this.path = path.join(options.cwd ?? defaultFolder(), 'config.json');
		this.notice = options.notice ?? (line => process.stderr.write(`iamtui: ${line}\n`));
		this.createIfMissing();
	}

	/** Like earlier versions, the store exists from the first run on (with defaults); a folder we cannot write is no reason to stop. */
	private createIfMissing(): void {
		if (kindOf(this.path) !== 'missing') return;
		try {
			this.update(store => ({...store, preferences: store.preferences ?? {keyAgeDays: 90}}));
		} catch {
			// Read-only config folder: every read still works, and a save says why it cannot.
		}
	}

	profiles(): StoredProfile[] {
		return this.read().profiles;
	}

	profile(name: string): StoredProfile | undefined {
		return this.profiles().find(p => p.name === name);
	}

	/** Adds or updates a profile, keeping fields not given. Throws on invalid values (schema). */
	saveProfile(profile: StoredProfile): void {
		this.update(store => ({...store, profiles: withProfile(store.profiles, profile)}));
	}

	removeProfile(name: string): boolean {
		let removed = false;
		this.update(store => {
			const profiles = store.profiles.filter(p => p.name !== name);
			removed = profiles.length !== store.profiles.length;
			const {lastProfile, ...rest} = store;
			return {...rest, profiles, ...(lastProfile === undefined || lastProfile === name ? {} : {lastProfile})};
		});
		return removed;
	}

	lastProfile(): string | undefined {
		return this.read().lastProfile;
	}

	/** Records that a profile was opened: remembered, and opened first next time. */
	markUsed(profile: StoredProfile, now = new Date()): void {
		// Made writable on purpose in this session: opening it read-only now (--read-only) does not undo that choice.
		const {readOnly, ...rest} = profile;
		const kept = readOnly && !this.madeWritable.has(profile.name) ? {...rest, readOnly} : rest;
		this.update(store => ({...store, profiles: withProfile(store.profiles, {...kept, lastUsed: now.toISOString()}), lastProfile: profile.name}));
	}

	/** Stores a profile read-only, or writable again (the operator's choice on :profiles); adds it when not stored. */
	setReadOnly(name: string, readOnly: boolean): void {
		this.update(store => ({...store, profiles: withProfile(store.profiles, {name, readOnly})}));
		if (readOnly) this.madeWritable.delete(name);
		else this.madeWritable.add(name);
	}

	/** The audit role remembered for a profile (or, without one, for the session's credentials); undefined: the default. */
	auditRole(profile: string | undefined): string | undefined {
		const store = this.read();
		return profile === undefined ? store.preferences?.auditRole : store.profiles.find(p => p.name === profile)?.auditRole;
	}

	/** Remembers the audit role for a profile (stored if it was not), or for sessions without one. Throws on a malformed name. */
	setAuditRole(profile: string | undefined, auditRole: string): void {
		this.update(store =>
			profile === undefined
				? {...store, preferences: {...store.preferences, auditRole}}
				: {...store, profiles: withProfile(store.profiles, {name: profile, auditRole})},
		);
	}

	preferences(): Preferences {
		return {keyAgeDays: this.read().preferences?.keyAgeDays ?? 90};
	}

	/** The store as it is on disk now; a missing file is an empty store, an unusable one is moved aside. */
	private read(): StoreShape {
		let text: string | undefined;
		try {
			text = readBoundedFileIfPresent(this.path, 'config', {noFollow: true});
		} catch (error) {
			if (!(error instanceof FileReadError)) throw error;
			return this.moveAside(error.message);
		}
		if (text === undefined) return {profiles: []};
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			return this.moveAside(text.trim() === '' ? 'it is empty' : 'it is not JSON');
		}
		const parsed = storeSchema.safeParse(json);
		return parsed.success ? parsed.data : this.moveAside(`it is not an iamtui config store (${firstProblem(parsed.error)})`);
	}

	/** Renames an unusable store out of the way, says where it went, and goes on with an empty one. */
	private moveAside(why: string): StoreShape {
		const aside = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
		try {
			renameSync(this.path, aside);
			this.notice(`${this.path} could not be used (${why}); moved it to ${aside} and started with no stored profiles`);
		} catch (error) {
			// Another iamtui moved it first (ENOENT), or the folder is read-only: go on without it either way.
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.notice(`${this.path} could not be used (${why}) nor moved aside: ${(error as Error).message}`);
		}
		return {profiles: []};
	}

	/** Read, change, validate and write back under the lock: a concurrent change is never lost. */
	private update(change: (store: StoreShape) => StoreShape): void {
		mkdirSync(path.dirname(this.path), {recursive: true, mode: 0o700});
		withFileLock(this.path, () => {
			const next = storeSchema.safeParse(change(this.read()));
			if (!next.success) throw new IamError('Invalid', `not saved: ${firstProblem(next.error)}`, 'correct the value and save again');
			replacePrivateFile(this.path, `${JSON.stringify(next.data, null, '\t')}\n`);
		});
	}
}

const kindOf = (file: string): 'missing' | 'present' => {
	try {
		lstatSync(file);
		return 'present';
	} catch {
		return 'missing';
	}
};

const dropUndefined = <T extends object>(value: T): T =>
	Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const withProfile = (profiles: StoredProfile[], profile: StoredProfile): StoredProfile[] => [
	...profiles.filter(p => p.name !== profile.name),
	dropUndefined({...profiles.find(p => p.name === profile.name), ...profile}),
];
