// The account as iamtui sees it: plain data built from GetAccountAuthorizationDetails and the
// credential report. Pure types and indexes only — no SDK types, no I/O.

export interface Tag {
	Key: string;
	Value: string;
}

/** A reference to a managed policy attached to a user or group. */
export interface AttachedPolicyRef {
	name: string;
	arn: string;
}

/** An inline policy: its name and the decoded JSON document text. */
export interface InlinePolicy {
	name: string;
	document: string;
}

export interface User {
	name: string;
	id: string;
	arn: string;
	path: string;
	/** ISO 8601. */
	createDate: string;
	groups: string[];
	attachedPolicies: AttachedPolicyRef[];
	inlinePolicies: InlinePolicy[];
	tags: Tag[];
	permissionsBoundaryArn?: string;
}

export interface Group {
	name: string;
	id: string;
	arn: string;
	path: string;
	createDate: string;
	attachedPolicies: AttachedPolicyRef[];
	inlinePolicies: InlinePolicy[];
}

export interface ManagedPolicy {
	name: string;
	arn: string;
	id: string;
	path: string;
	/** True for policies owned by AWS (arn:aws:iam::aws:policy/...). */
	awsManaged: boolean;
	defaultVersionId: string;
	/** The default version's decoded JSON document text ('' when unknown). */
	document: string;
	attachmentCount: number;
	createDate: string;
	updateDate: string;
	description?: string;
}

/** An instance profile that carries a role (EC2 reaches the role through it). */
export interface InstanceProfileRef {
	name: string;
	arn: string;
}

export interface Role {
	name: string;
	id: string;
	arn: string;
	path: string;
	createDate: string;
	/** The trust policy (AssumeRolePolicyDocument), decoded JSON text ('' when absent). */
	trustPolicy: string;
	attachedPolicies: AttachedPolicyRef[];
	inlinePolicies: InlinePolicy[];
	tags: Tag[];
	permissionsBoundaryArn?: string;
	instanceProfiles: InstanceProfileRef[];
	/** RoleLastUsed: ISO date and region, when IAM knows it. */
	lastUsed?: {date: string; region?: string};
	description?: string;
	maxSessionDuration?: number;
}

export interface CredentialReportKey {
	active: boolean;
	/** ISO date or null when N/A. */
	lastRotated: string | null;
	lastUsedDate: string | null;
	lastUsedService: string | null;
}

/** One row of the credential report, values parsed (N/A, no_information → null). */
export interface CredentialReportRow {
	user: string;
	arn: string;
	userCreationTime: string | null;
	passwordEnabled: boolean;
	passwordLastUsed: string | null;
	passwordLastChanged: string | null;
	mfaActive: boolean;
	accessKeys: CredentialReportKey[];
}

export type CredentialReport =
	| {status: 'ok'; generatedAt: string | null; rows: CredentialReportRow[]}
	| {status: 'unavailable'; reason: string};

export interface AccountSnapshot {
	/** ISO time when the snapshot finished loading. */
	loadedAt: string;
	users: User[];
	groups: Group[];
	/** AWS managed policies that are attached somewhere, and every customer managed policy. */
	policies: ManagedPolicy[];
	/** Roles from GAAD's RoleDetailList (service-linked roles included). */
	roles: Role[];
	credentialReport: CredentialReport;
}

/** Progress while a snapshot loads, for the progress screen. */
export interface SnapshotProgress {
	phase: 'authorization-details' | 'credential-report' | 'done';
	pages: number;
	users: number;
	groups: number;
	/** Roles read so far (absent in progress from older builds/fixtures). */
	roles?: number;
	policies: number;
	/** Retries the SDK reported so far (throttling, 5xx). */
	retries: number;
}

export const emptySnapshot = (loadedAt = new Date(0).toISOString()): AccountSnapshot => ({
	loadedAt,
	users: [],
	groups: [],
	policies: [],
	roles: [],
	credentialReport: {status: 'ok', generatedAt: null, rows: []},
});
