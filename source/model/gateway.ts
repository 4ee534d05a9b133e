// The operations the app needs from IAM, as an interface the UI and the commands depend on.
// source/aws/gateway.ts implements it with the AWS SDK; nothing outside source/aws/ sees the SDK.
import type {AccountSnapshot, SnapshotProgress, Tag} from './snapshot.js';

export interface CallerIdentity {
	account: string;
	arn: string;
	userId: string;
}

export interface AccessKeyDetail {
	accessKeyId: string;
	status: 'Active' | 'Inactive';
	createDate: string;
	/** From GetAccessKeyLastUsed; null when never used or unknown. */
	lastUsedDate: string | null;
	lastUsedService: string | null;
	lastUsedRegion: string | null;
}

export interface MfaDevice {
	serialNumber: string;
	enableDate: string;
}

/** What the User screen loads when it opens (per-entity calls, never used to build a list). */
export interface UserDetails {
	accessKeys: AccessKeyDetail[];
	mfaDevices: MfaDevice[];
	tags: Tag[];
}

export interface LoadOptions {
	onProgress?: (progress: SnapshotProgress) => void;
	signal?: AbortSignal;
}

export interface IamGateway {
	readonly readOnly: boolean;
	callerIdentity(): Promise<CallerIdentity>;
	loadSnapshot(options?: LoadOptions): Promise<AccountSnapshot>;
	userDetails(userName: string): Promise<UserDetails>;
	// Writes: each is one IAM call; read-only connections refuse them before any request (aws/read-only.ts).
	addUserToGroup(userName: string, groupName: string): Promise<void>;
	removeUserFromGroup(userName: string, groupName: string): Promise<void>;
}

/** Where and how to connect: resolved from flags, environment and the profile store. */
export interface ConnectionSettings {
	/** AWS profile name; undefined means the SDK's default chain. */
	profile?: string;
	region?: string;
	endpoint?: string;
	readOnly?: boolean;
	/** SDK attempts per request (adaptive retry); default 8. Tests lower it. */
	maxAttempts?: number;
}

/** Hooks the client calls back into the UI, e.g. to ask for an MFA code for an assume-role profile. */
export interface ConnectionHooks {
	mfaCode?: (serial: string) => Promise<string>;
}
