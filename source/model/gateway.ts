// The operations the app needs from IAM, as an interface the UI and the commands depend on.
// source/aws/gateway.ts implements it with the AWS SDK; nothing outside source/aws/ sees the SDK.
import type {AccountSnapshot, SnapshotProgress, Tag} from './snapshot.js';

export interface CallerIdentity {
	account: string;
	arn: string;
	userId: string;
	/**
	 * The access key id this session signs with, from the resolved credentials (STS does not return it);
	 * absent when unknown (an export file). The lockout guard needs it: deactivating it ends the session.
	 */
	accessKeyId?: string;
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

export interface LoginProfile {
	createDate: string;
	passwordResetRequired: boolean;
}

export interface SigningCertificate {
	certificateId: string;
	status: 'Active' | 'Inactive';
	uploadDate: string;
	/** PEM text as IAM returns it. */
	body: string;
}

export interface SshPublicKey {
	sshPublicKeyId: string;
	status: 'Active' | 'Inactive';
	uploadDate: string;
}

export interface ServiceSpecificCredential {
	serviceSpecificCredentialId: string;
	serviceName: string;
	status: 'Active' | 'Inactive';
	createDate: string;
}

/** The account's password policy; null fields mean "no requirement". */
export interface PasswordPolicy {
	minimumLength: number;
	requireSymbols: boolean;
	requireNumbers: boolean;
	requireUppercase: boolean;
	requireLowercase: boolean;
}

export interface PolicyVersion {
	versionId: string;
	isDefault: boolean;
	createDate: string;
}

/** A new access key: the secret exists only in this object, on its way to the SecretOnce screen. */
export interface NewAccessKey {
	userName: string;
	accessKeyId: string;
	secretAccessKey: string;
	createDate: string;
}

export interface LoadOptions {
	onProgress?: (progress: SnapshotProgress) => void;
	signal?: AbortSignal;
}

/** Reads: the snapshot, and per-entity calls that detail screens and plans make. */
export interface IamReads {
	readonly readOnly: boolean;
	callerIdentity(): Promise<CallerIdentity>;
	loadSnapshot(options?: LoadOptions): Promise<AccountSnapshot>;
	userDetails(userName: string): Promise<UserDetails>;
	/** null when the user does not exist (NoSuchEntity). */
	getUser(userName: string): Promise<{name: string; arn: string; path: string; createDate: string} | null>;
	/** null when the user has no console password. */
	loginProfile(userName: string): Promise<LoginProfile | null>;
	accessKeys(userName: string): Promise<AccessKeyDetail[]>;
	signingCertificates(userName: string): Promise<SigningCertificate[]>;
	sshPublicKeys(userName: string): Promise<SshPublicKey[]>;
	serviceSpecificCredentials(userName: string): Promise<ServiceSpecificCredential[]>;
	mfaDevices(userName: string): Promise<MfaDevice[]>;
	/** null when the account has none (NoSuchEntity): then IAM's default rules apply. */
	passwordPolicy(): Promise<PasswordPolicy | null>;
	/** The first account alias, or null; for the console sign-in URL. */
	accountAlias(): Promise<string | null>;
	policyVersions(policyArn: string): Promise<PolicyVersion[]>;
	/** Every AWS managed policy (ListPolicies Scope=AWS), for the attach pickers; an export has none. */
	awsManagedPolicies?(): Promise<AwsManagedPolicy[]>;
}

/** An AWS managed policy as ListPolicies names it. */
export interface AwsManagedPolicy {
	name: string;
	arn: string;
}

/**
 * A write the gateway sent on its own inside one operation (a create's reconcile deleting the key it
 * made and could not read): reported through a WriteObserver so the executor journals it like a step.
 */
export interface SideWrite {
	/** iam:DeleteAccessKey … */
	action: string;
	target: Record<string, string>;
	/** intent: about to be sent (journaled first, as every write); then ok or failed. */
	outcome: 'intent' | 'ok' | 'failed';
	errorCode: string | null;
}
export type WriteObserver = (write: SideWrite) => void;

/**
 * Writes: each is one IAM call taking one object, so a plan step can carry its input as data and the
 * executor can dispatch by name. Read-only connections refuse them before any request (aws/read-only.ts).
 */
export interface IamWrites {
	addUserToGroup(input: {user: string; group: string}): Promise<void>;
	removeUserFromGroup(input: {user: string; group: string}): Promise<void>;
	createUser(input: {user: string; path?: string; tags?: Tag[]}, observe?: WriteObserver): Promise<void>;
	deleteUser(input: {user: string}): Promise<void>;
	tagUser(input: {user: string; tags: Tag[]}): Promise<void>;
	untagUser(input: {user: string; tagKeys: string[]}): Promise<void>;
	/** The password is sent and forgotten; it never reaches a journal or a plan's text. */
	createLoginProfile(input: {user: string; password: string; passwordResetRequired: boolean}, observe?: WriteObserver): Promise<void>;
	updateLoginProfile(input: {user: string; password: string; passwordResetRequired: boolean}): Promise<void>;
	deleteLoginProfile(input: {user: string}): Promise<void>;
	createAccessKey(input: {user: string}, observe?: WriteObserver): Promise<NewAccessKey>;
	updateAccessKey(input: {user: string; accessKeyId: string; status: 'Active' | 'Inactive'}): Promise<void>;
	deleteAccessKey(input: {user: string; accessKeyId: string}): Promise<void>;
	createGroup(input: {group: string; path?: string}, observe?: WriteObserver): Promise<void>;
	deleteGroup(input: {group: string}): Promise<void>;
	attachUserPolicy(input: {user: string; policyArn: string}): Promise<void>;
	detachUserPolicy(input: {user: string; policyArn: string}): Promise<void>;
	attachGroupPolicy(input: {group: string; policyArn: string}): Promise<void>;
	detachGroupPolicy(input: {group: string; policyArn: string}): Promise<void>;
	/** Returns the new policy's ARN. */
	createPolicy(input: {policyName: string; path?: string; document: string; description?: string}, observe?: WriteObserver): Promise<{arn: string}>;
	deletePolicy(input: {policyArn: string}): Promise<void>;
	deletePolicyVersion(input: {policyArn: string; versionId: string}): Promise<void>;
	putUserPolicy(input: {user: string; policyName: string; document: string}): Promise<void>;
	deleteUserPolicy(input: {user: string; policyName: string}): Promise<void>;
	putGroupPolicy(input: {group: string; policyName: string; document: string}): Promise<void>;
	deleteGroupPolicy(input: {group: string; policyName: string}): Promise<void>;
	putUserPermissionsBoundary(input: {user: string; policyArn: string}): Promise<void>;
	deleteUserPermissionsBoundary(input: {user: string}): Promise<void>;
	/** Returns the certificate id IAM assigned. */
	uploadSigningCertificate(input: {user: string; certificateBody: string}, observe?: WriteObserver): Promise<{certificateId: string}>;
	updateSigningCertificate(input: {user: string; certificateId: string; status: 'Active' | 'Inactive'}): Promise<void>;
	deleteSigningCertificate(input: {user: string; certificateId: string}): Promise<void>;
	deactivateMfaDevice(input: {user: string; serialNumber: string}): Promise<void>;
	/** Only for virtual devices (serial is an arn:…:mfa/… ARN). */
	deleteVirtualMfaDevice(input: {serialNumber: string}): Promise<void>;
	deleteSshPublicKey(input: {user: string; sshPublicKeyId: string}): Promise<void>;
	deleteServiceSpecificCredential(input: {user: string; serviceSpecificCredentialId: string}): Promise<void>;
	attachRolePolicy(input: {role: string; policyArn: string}): Promise<void>;
	detachRolePolicy(input: {role: string; policyArn: string}): Promise<void>;
	putRolePolicy(input: {role: string; policyName: string; document: string}): Promise<void>;
	deleteRolePolicy(input: {role: string; policyName: string}): Promise<void>;
	/** Replaces the role's whole trust policy with `document`. */
	updateAssumeRolePolicy(input: {role: string; document: string}): Promise<void>;
}

export type WriteName = keyof IamWrites;
export type WriteInput<K extends WriteName> = Parameters<IamWrites[K]>[0];
export type WriteResult<K extends WriteName> = Awaited<ReturnType<IamWrites[K]>>;

export interface IamGateway extends IamReads, IamWrites {}

/** Where and how to connect: resolved from flags, environment and the profile store. */
export interface ConnectionSettings {
	/** AWS profile name; undefined means the SDK's default chain. */
	profile?: string;
	/** With no profile: the environment variable the credentials come from (the header names it). */
	environmentCredentials?: string;
	/** The session reads export files (--from-file): no credentials are used at all. */
	offline?: boolean;
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
