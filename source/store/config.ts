// The local config store (conf): the profiles the operator used, the last one, preferences.
// Never a secret: the schema only admits names, regions, endpoints and flags, and rejects extra keys.
import Conf from 'conf';

export interface StoredProfile {
	name: string;
	region?: string;
	endpoint?: string;
	readOnly?: boolean;
	/** ISO time this profile was last opened. */
	lastUsed?: string;
}

export interface Preferences {
	/** Keys older than this many days are flagged. */
	keyAgeDays: number;
}

interface StoreShape {
	profiles: StoredProfile[];
	lastProfile?: string;
	preferences: Preferences;
}

const profileSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['name'],
	properties: {
		name: {type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\w+=,.@:/-]+$'},
		region: {type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-\\d+$'},
		endpoint: {type: 'string', pattern: '^https?://'},
		readOnly: {type: 'boolean'},
		lastUsed: {type: 'string'},
	},
} as const;

const schema = {
	profiles: {type: 'array', items: profileSchema, default: []},
	lastProfile: {type: 'string'},
	preferences: {
		type: 'object',
		additionalProperties: false,
		properties: {keyAgeDays: {type: 'integer', minimum: 1, maximum: 3650}},
		default: {keyAgeDays: 90},
	},
} as const;

export interface ConfigStoreOptions {
	/** Folder for the store; tests pass a temporary directory. Defaults to the OS config dir. */
	cwd?: string;
}

export class ConfigStore {
	private readonly conf: Conf<StoreShape>;

	constructor(options: ConfigStoreOptions = {}) {
		this.conf = new Conf<StoreShape>({
			projectName: 'iamtui',
			projectSuffix: '',
			cwd: options.cwd,
			configFileMode: 0o600,
			// conf's typings want a JSON schema per key; ours is static and checked by tests.
			schema: schema as never,
			clearInvalidConfig: false,
		});
	}

	get path(): string {
		return this.conf.path;
	}

	profiles(): StoredProfile[] {
		return this.conf.get('profiles') ?? [];
	}

	profile(name: string): StoredProfile | undefined {
		return this.profiles().find(p => p.name === name);
	}

	/** Adds or updates a profile, keeping fields not given. Throws on invalid values (schema). */
	saveProfile(profile: StoredProfile): void {
		const others = this.profiles().filter(p => p.name !== profile.name);
		const merged = dropUndefined({...this.profile(profile.name), ...profile});
		this.conf.set('profiles', [...others, merged]);
	}

	removeProfile(name: string): boolean {
		const before = this.profiles();
		const after = before.filter(p => p.name !== name);
		this.conf.set('profiles', after);
		if (this.conf.get('lastProfile') === name) this.conf.delete('lastProfile');
		return after.length !== before.length;
	}

	lastProfile(): string | undefined {
		return this.conf.get('lastProfile');
	}

	/** Records that a profile was opened: remembered, and opened first next time. */
	markUsed(profile: StoredProfile, now = new Date()): void {
		this.saveProfile({...profile, lastUsed: now.toISOString()});
		this.conf.set('lastProfile', profile.name);
	}

	preferences(): Preferences {
		const stored = this.conf.get('preferences') as Partial<Preferences> | undefined;
		return {keyAgeDays: stored?.keyAgeDays ?? 90};
	}
}

const dropUndefined = <T extends object>(value: T): T =>
	Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
