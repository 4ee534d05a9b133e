// Every flag of the command line as data: the parser, --help and the shell completions all read it,
// so a flag is described once. A command lists the flags it takes (command-specs.ts); the global ones
// work with every command, before or after it.

export interface FlagSpec {
	/** The long name without dashes, e.g. "save-csv". */
	name: string;
	/** The value's placeholder (a flag without one is a switch). */
	value?: string;
	/** May be given more than once; the values are collected in order. */
	repeatable?: boolean;
	description: string;
}

export const FLAGS = {
	// Global: the connection, the output, where iamtui keeps its files.
	profile: {name: 'profile', description: 'AWS profile (default: AWS_PROFILE, exported credentials, then the last one used in iamtui)', value: 'NAME'},
	region: {name: 'region', description: 'region for signing (IAM is global per partition; default us-east-1)', value: 'REGION'},
	endpointUrl: {name: 'endpoint-url', description: 'IAM and STS endpoint (e.g. a local emulator); also AWS_ENDPOINT_URL[_IAM]', value: 'URL'},
	readOnly: {name: 'read-only', description: 'refuse every write before it is sent'},
	json: {name: 'json', description: 'machine-readable output (JSON keys follow the IAM API)'},
	fromFile: {name: 'from-file', description: 'offline, read-only: the JSON of aws iam get-account-authorization-details (repeat for pages)', value: 'FILE', repeatable: true},
	configDir: {name: 'config-dir', description: 'the folder of the config store, journal and records (default: IAMTUI_CONFIG_DIR, then ~/.config/iamtui)', value: 'DIR'},
	// Reads: what the request carries.
	resource: {name: 'resource', description: 'the resource the action is on (default *)', value: 'ARN'},
	direct: {name: 'direct', description: "answer by the principal's own policies, not through roles it may assume"},
	context: {name: 'context', description: 'what the request carries (repeat; a,b for multivalued keys), e.g. aws:SourceIp=10.1.2.3', value: 'KEY=VALUE', repeatable: true},
	mfa: {name: 'mfa', description: 'the request is signed with MFA (aws:MultiFactorAuthPresent=true)'},
	sourceIp: {name: 'source-ip', description: 'the request comes from IP (aws:SourceIp)', value: 'IP'},
	secureTransport: {name: 'secure-transport', description: 'the request is sent over TLS (aws:SecureTransport=true)'},
	// Organizations.
	org: {name: 'org', description: 'across the organization: each account read through the audit role, SCPs applied, Identity Center people added'},
	auditRole: {name: 'audit-role', description: 'the role assumed in each member account to read its IAM (default OrganizationAccountAccessRole)', value: 'NAME'},
	account: {name: 'account', description: 'an account of the organization, by id or name (repeat where a command takes several)', value: 'ACCOUNT', repeatable: true},
	// Writes.
	dryRun: {name: 'dry-run', description: 'print the plan and its `aws iam` equivalents; change nothing'},
	yes: {name: 'yes', description: 'confirm without asking (needed for a removal when there is no terminal)'},
	iKnowThisLocksMeOut: {name: 'i-know-this-locks-me-out', description: 'run a change that takes away your own IAM write access (refused without it, even with --yes)'},
	keepUser: {name: 'keep-user', description: 'revoke every access but keep the user (legal hold)'},
	skipMissing: {name: 'skip-missing', description: 'go ahead without groups, policies and roles that no longer exist'},
	unfinished: {name: 'unfinished', description: 'only the plans interrupted after a request whose outcome is unknown'},
	takeBack: {name: 'take-back', description: 'undo what the interrupted plan made'},
	markResolved: {name: 'mark-resolved', description: 'close a plan you handled by hand (nothing is sent)'},
	saveCsv: {name: 'save-csv', description: "new credentials go to FILE (mode 0600, the console's CSV columns)", value: 'FILE'},
	showSecret: {name: 'show-secret', description: 'print new credentials on stdout (otherwise they never are)'},
	overwrite: {name: 'overwrite', description: '--save-csv may replace an existing file'},
	ifSaveFails: {name: 'if-save-fails', description: 'if the CSV cannot be written once a secret exists: delete it again (default) or show it once', value: 'delete|show'},
	group: {name: 'group', description: 'a group (create-user: repeatable) or the group the policy goes to', value: 'GROUP', repeatable: true},
	user: {name: 'user', description: 'the user the policy goes to or leaves', value: 'USER'},
	role: {name: 'role', description: 'the role the policy goes to or leaves', value: 'ROLE'},
	name: {name: 'name', description: "the inline policy's name (default: from the template)", value: 'NAME'},
	path: {name: 'path', description: 'IAM path of the new user, group or policy (default /)', value: 'PATH'},
	tag: {name: 'tag', description: 'a tag on the new user (repeatable)', value: 'KEY=VALUE', repeatable: true},
	consolePassword: {name: 'console-password', description: 'a generated console password, reset required at first sign-in'},
	accessKey: {name: 'access-key', description: 'an access key for the new user'},
	template: {name: 'template', description: 'a template id (templates/) or a JSON file (a template or a policy document)', value: 'T'},
	param: {name: 'param', description: 'a template parameter (repeatable)', value: 'KEY=VALUE', repeatable: true},
	description: {name: 'description', description: "the policy's description", value: 'TEXT'},
	file: {name: 'file', description: 'a policy document or template file, sent as it is', value: 'FILE'},
} as const satisfies Record<string, FlagSpec>;

export type FlagKey = keyof typeof FLAGS;

/** Flags every command takes, before or after it. */
export const GLOBAL_FLAGS: readonly FlagKey[] = ['profile', 'region', 'endpointUrl', 'readOnly', 'json', 'fromFile', 'configDir'];

/** What every write command takes. */
export const WRITE_FLAGS: readonly FlagKey[] = ['dryRun', 'yes', 'iKnowThisLocksMeOut'];

/** Where a new secret goes. */
export const SECRET_FLAGS: readonly FlagKey[] = ['saveCsv', 'showSecret', 'overwrite', 'ifSaveFails'];

/** The request context of can / who-can. */
export const REQUEST_FLAGS: readonly FlagKey[] = ['resource', 'context', 'mfa', 'sourceIp', 'secureTransport'];

/** "--save-csv FILE", as help and messages write it. */
export const flagUsage = (spec: FlagSpec): string => `--${spec.name}${spec.value ? ` ${spec.value}` : ''}`;

type FlagValue<S> = S extends {repeatable: true} ? string[] : S extends {value: string} ? string : boolean;

/** The flags as parsed, by key (camelCase); a flag not given is absent. */
export type CliFlags = {-readonly [K in FlagKey]?: FlagValue<(typeof FLAGS)[K]>};
