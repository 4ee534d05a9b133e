// Every command of the command line as data: its arguments, flags, one-line summary and an example.
// The parser (parser.ts), --help (usage.ts) and the shell completions (completion.ts) are built from
// this table, so they cannot disagree. Nothing here imports a command's code: the TUI's first frame
// loads this table, not the commands.
import {REQUEST_FLAGS, SECRET_FLAGS, WRITE_FLAGS, type FlagKey} from './flags.js';

export interface ArgumentSpec {
	name: string;
	description: string;
	/** The command runs without it too (journal, records). */
	optional?: boolean;
}

export interface CommandSpec {
	name: string;
	/** Positional arguments, in order; none is enforced by the parser (the command names what is missing). */
	args: readonly ArgumentSpec[];
	/** What follows "iamtui NAME" in the usage line. */
	usage: string;
	summary: string;
	/** More lines for COMMAND --help. */
	details?: readonly string[];
	flags: readonly FlagKey[];
	example: string;
	/** Changes the account: refused with --from-file, before anything else. */
	writes: boolean;
}

const arg = (name: string, description: string, optional = false): ArgumentSpec => ({name, description, ...(optional ? {optional} : {})});
const USER = arg('USER', 'a user name');
const GROUP = arg('GROUP', 'a group name');
const ROLE = arg('ROLE', 'a role name');
const TEMPLATE_FLAGS: readonly FlagKey[] = ['template', 'param'];

const read = (spec: Omit<CommandSpec, 'writes' | 'flags'> & {flags?: readonly FlagKey[]}): CommandSpec => ({flags: [], ...spec, writes: false});
const write = (spec: Omit<CommandSpec, 'writes' | 'flags'> & {flags?: readonly FlagKey[]}): CommandSpec => ({...spec, flags: [...(spec.flags ?? []), ...WRITE_FLAGS], writes: true});

export const COMMANDS: readonly CommandSpec[] = [
	read({name: 'users', args: [], usage: '', summary: 'every user: groups, policies, console access, MFA', example: 'iamtui users --json'}),
	read({
		name: 'user',
		args: [USER],
		usage: 'USER',
		summary: 'one user: groups, policies (direct and through groups), access keys, MFA devices, tags',
		details: ['With --from-file: what the export holds (keys and MFA devices are not in an export).'],
		example: 'iamtui user ana.silva --json',
	}),
	read({name: 'groups', args: [], usage: '', summary: 'every group: members and policies', example: 'iamtui groups'}),
	read({name: 'roles', args: [], usage: '', summary: 'every role: who may assume it, kind, last used', example: 'iamtui roles --json'}),
	read({
		name: 'role',
		args: [arg('ROLE', 'a role name or ARN')],
		usage: 'ROLE',
		summary: 'one role: trust policy with principals and conditions, who of the account may assume it, policies, boundary, tags, last use',
		example: 'iamtui role Deploy',
	}),
	read({name: 'profiles', args: [], usage: '', summary: 'profiles iamtui remembers and those in ~/.aws/config', example: 'iamtui profiles --json'}),
	read({
		name: 'who-can',
		args: [arg('ACTION', 'service:Action (wildcards accepted)')],
		usage: 'ACTION [--resource ARN] [--context KEY=VALUE]… | ACTION --org [--audit-role NAME] [--resource ARN] [--context KEY=VALUE]…',
		summary: 'every user, group and role allowed ACTION, with the grant paths (roles included)',
		details: [
			'--org: every account of the organization (from the management or delegated administrator profile), each read through the audit role,',
			'answered by its own policies and capped by the SCPs on its path, with the Identity Center people reaching it through a permission set.',
			'A request context (--context, --mfa, …) holds there too: in every account, and for its SCPs and RCPs; each account says whom it changed.',
			'Exit 3 when any account could not be read (its section says so).',
		],
		flags: [...REQUEST_FLAGS, 'org', 'auditRole'],
		example: 'iamtui who-can ec2:TerminateInstances --json',
	}),
	read({
		name: 'can',
		args: [arg('USER', 'a user, or a role name or ARN'), arg('ACTION', 'service:Action')],
		usage: 'USER ACTION [--resource ARN] [--direct] [--context KEY=VALUE]… | USER ACTION --org --account ACCOUNT [--audit-role NAME] [--context KEY=VALUE]…',
		summary: 'Allowed / ExplicitDeny / ImplicitDeny / Conditional, with the deciding statements',
		details: [
			'Also the roles USER may assume that allow it (--direct: identity policies only).',
			'--org --account ACCOUNT: in that member account (id or name), read through the audit role, capped by the SCPs on its path.',
			'Exit 0 allowed, 1 denied, 2 conditional.',
		],
		flags: [...REQUEST_FLAGS, 'direct', 'org', 'auditRole', 'account'],
		example: 'iamtui can ana.silva lightsail:CreateInstances --mfa',
	}),
	read({
		name: 'accounts',
		args: [],
		usage: '[--audit-role NAME]',
		summary: "the organization's accounts: OU path, status, SCPs on the path, whether each one's IAM loaded",
		details: [
			"Run with the management (or delegated administrator) account's profile. Your own account is read with your credentials;",
			'every other one through the audit role, assumed in it. An account that cannot be assumed or read is named with the reason.',
			'Exit 3 when any account could not be read (the full list is still printed).',
		],
		flags: ['auditRole'],
		example: 'iamtui accounts --json',
	}),
	read({
		name: 'person',
		args: [arg('NAME', 'an Identity Center user name, display name or email')],
		usage: 'NAME [--audit-role NAME]',
		summary: 'an Identity Center person: the accounts and permission sets they reach, directly or through which group, and the role each set became there',
		details: [
			"Run with the management (or delegated administrator) account's profile, in Identity Center's region (--region).",
			'The role a permission set became in each account (AWSReservedSSO_<set>_<hash>) is read there through the audit role; an account that cannot be read keeps the name pattern, said why.',
		],
		example: 'iamtui person alice --json',
		flags: ['auditRole'],
	}),
	write({name: 'add-to-group', args: [USER, GROUP], usage: 'USER GROUP', summary: 'add a user to a group (the plan says what the user gains)', example: 'iamtui add-to-group ana Ops --dry-run'}),
	write({
		name: 'remove-from-group',
		args: [USER, GROUP],
		usage: 'USER GROUP --yes',
		summary: 'remove a user from a group; needs --yes without a terminal',
		example: 'iamtui remove-from-group ana Ops --yes',
	}),
	read({
		name: 'journal',
		args: [arg('resolve', 'resolve an unfinished plan', true), arg('PLAN_ID', 'the plan (iamtui journal --unfinished lists them)', true)],
		usage: '[--unfinished] | journal resolve PLAN_ID (--take-back [--dry-run] [--yes] | --mark-resolved)',
		summary: 'the audit journal of every write attempt; journal resolve PLAN_ID settles an interrupted plan',
		flags: ['unfinished', 'takeBack', 'markResolved', ...WRITE_FLAGS],
		example: 'iamtui journal resolve 7f3c… --take-back --dry-run',
	}),
	write({
		name: 'offboard',
		args: [USER],
		usage: 'USER [--dry-run | --yes] [--keep-user]',
		summary: "record what USER has, then revoke and delete in IAM's order; run again to resume",
		details: ['A resume re-reads USER and needs the options it was started with.', '--keep-user revokes and keeps the user; needs --yes or the name typed at a terminal.'],
		flags: ['keepUser'],
		example: 'iamtui offboard wendy --yes',
	}),
	write({
		name: 'offboard-everywhere',
		args: [arg('PERSON', 'an Identity Center user name, display name or email')],
		usage: 'PERSON [--account ID[:USER]]… [--audit-role NAME] [--dry-run | --yes]',
		summary: 'remove a person from Identity Center (groups, direct assignments) and offboard the IAM users you name per account',
		details: [
			"Run with the management (or delegated administrator) account's profile, in Identity Center's region (--region).",
			'Without --yes the plan is printed and nothing is sent: the removals, and per account the IAM users that look like PERSON, each with why.',
			'A look-alike is offboarded (as `offboard` does, through the audit role) only when named: --account ID (all its matches) or --account ID:USER.',
			'One record for the run; run the same command again to do only what is left. Exit 3 when a step failed.',
		],
		flags: ['account', 'auditRole'],
		example: 'iamtui offboard-everywhere alice --account 222222222222:alice --yes',
	}),
	read({
		name: 'records',
		args: [arg('close', 'stop an unfinished record being resumed', true), arg('RECORD', 'the record file', true)],
		usage: '[close RECORD]',
		summary: 'offboarding records (what each offboarded user had), unfinished ones first',
		example: 'iamtui records --config-dir ./demo-config',
	}),
	write({
		name: 'restore',
		args: [arg('RECORD', 'an offboarding record file (iamtui records lists them)')],
		usage: 'RECORD [--skip-missing] (--save-csv FILE | --show-secret)',
		summary: 'recreate an offboarded user from its record; a new password and key are issued',
		flags: ['skipMissing', ...SECRET_FLAGS],
		example: 'iamtui restore RECORD --save-csv wendy.csv',
	}),
	write({
		name: 'create-user',
		args: [arg('NAME', 'the new user')],
		usage: 'NAME [--path P] [--tag k=v]… [--group G]… [--console-password] [--access-key] [--save-csv FILE | --show-secret]',
		summary: 'a new user, with a generated password (reset at first sign-in) and/or an access key',
		flags: ['path', 'tag', 'group', 'consolePassword', 'accessKey', ...SECRET_FLAGS],
		example: 'iamtui create-user ana --group Ops --console-password --save-csv ana.csv',
	}),
	write({
		name: 'create-key',
		args: [USER],
		usage: 'USER (--save-csv FILE | --show-secret)',
		summary: 'a new access key (IAM allows 2 per user)',
		flags: SECRET_FLAGS,
		example: 'iamtui create-key rsdash --save-csv rsdash-key.csv',
	}),
	write({
		name: 'create-policy',
		args: [arg('NAME', 'the new policy')],
		usage: 'NAME --template T [--param k=v]… [--path P] [--description D] [--group G | --user U]',
		summary: 'a customer managed policy from a template id or JSON file, optionally attached',
		flags: [...TEMPLATE_FLAGS, 'path', 'description', 'group', 'user'],
		example: 'iamtui create-policy ReportsBucket --template s3-single-bucket --param bucket=acme-reports',
	}),
	write({
		name: 'attach-policy',
		args: [arg('POLICY', 'a name (customer or AWS managed) or an ARN')],
		usage: '(--user U | --group G | --role R) POLICY',
		summary: 'attach a managed policy to a user, group or role',
		flags: ['user', 'group', 'role'],
		example: 'iamtui attach-policy --group Auditors ReadOnlyAccess',
	}),
	write({
		name: 'detach-policy',
		args: [arg('POLICY', 'a name (customer or AWS managed) or an ARN')],
		usage: '(--user U | --group G | --role R) POLICY --yes',
		summary: 'detach a managed policy; takes access away: needs --yes without a terminal',
		flags: ['user', 'group', 'role'],
		example: 'iamtui detach-policy --user ana ReadOnlyAccess --yes',
	}),
	write({name: 'create-group', args: [arg('NAME', 'the new group')], usage: 'NAME [--path P]', summary: 'a new group', flags: ['path'], example: 'iamtui create-group RightScaleDash'}),
	write({
		name: 'put-group-policy',
		args: [GROUP, arg('NAME', 'the inline policy')],
		usage: 'GROUP NAME (--template T [--param k=v]… | --file F)',
		summary: 'an inline policy on GROUP from a template or a file',
		flags: [...TEMPLATE_FLAGS, 'file'],
		example: 'iamtui put-group-policy RightScaleDash FullControl --template full-control',
	}),
	write({
		name: 'upload-certificate',
		args: [USER, arg('FILE', 'one PEM X.509 certificate')],
		usage: 'USER FILE',
		summary: 'upload a PEM X.509 signing certificate for USER',
		example: 'iamtui upload-certificate rsdash cert.pem',
	}),
	write({
		name: 'put-role-policy',
		args: [ROLE],
		usage: 'ROLE --template T [--param k=v]… [--name N]',
		summary: 'an inline policy on ROLE from a template id or JSON file',
		flags: [...TEMPLATE_FLAGS, 'name'],
		example: 'iamtui put-role-policy Deploy --template ec2-managers --name Ec2Managers',
	}),
	write({
		name: 'delete-role-policy',
		args: [ROLE, arg('NAME', 'the inline policy')],
		usage: 'ROLE NAME --yes',
		summary: 'delete an inline policy of ROLE; needs --yes without a terminal',
		example: 'iamtui delete-role-policy Deploy Ec2Managers --yes',
	}),
	write({
		name: 'remove-trust-principal',
		args: [ROLE, arg('PRINCIPAL', 'an ARN, an account id or a service')],
		usage: 'ROLE PRINCIPAL --yes',
		summary: "take PRINCIPAL out of ROLE's trust policy, shown as a JSON diff",
		example: 'iamtui remove-trust-principal Deploy arn:aws:iam::123456789012:user/ana --yes',
	}),
	read({
		name: 'completion',
		args: [arg('SHELL', 'bash, zsh or fish')],
		usage: 'bash|zsh|fish',
		summary: 'print a shell completion script for iamtui',
		details: ['bash: source <(iamtui completion bash) · zsh: source <(iamtui completion zsh) · fish: iamtui completion fish | source'],
		example: 'iamtui completion bash >> ~/.bashrc',
	}),
];

/** The headless commands runHeadless dispatches (all but completion, which the CLI answers itself). */
export const commandNamed = (name: string): CommandSpec | undefined => COMMANDS.find(spec => spec.name === name);

/**
 * The write a command line makes, named as typed (undefined: it only reads): journal resolve takes a plan back
 * in the live account, journal alone reads the journal. Used to refuse writes an export cannot serve.
 */
export const writeNamed = (spec: CommandSpec, args: readonly string[]): string | undefined =>
	spec.writes ? spec.name : spec.name === 'journal' && args[0] === 'resolve' ? 'journal resolve' : undefined;
