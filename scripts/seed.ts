// Seeds a realistic account into moto_server (the demo and the tests share it). Independent requests
// run in parallel, in three waves: entities, then their links, then what needs ids from the links.
import {
	AddRoleToInstanceProfileCommand,
	AddUserToGroupCommand,
	AttachGroupPolicyCommand,
	AttachRolePolicyCommand,
	AttachUserPolicyCommand,
	CreateAccessKeyCommand,
	CreateGroupCommand,
	CreateLoginProfileCommand,
	CreateInstanceProfileCommand,
	CreatePolicyCommand,
	CreateRoleCommand,
	CreateServiceLinkedRoleCommand,
	CreateUserCommand,
	CreateVirtualMFADeviceCommand,
	EnableMFADeviceCommand,
	GetPolicyCommand,
	GetRoleCommand,
	GetUserCommand,
	IAMClient,
	PutGroupPolicyCommand,
	PutRolePolicyCommand,
	PutUserPolicyCommand,
	UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import {AssumeRoleCommand, GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {
	ADMIN_ROLE,
	ADMINS,
	ALL_GROUPS,
	ALL_USERS,
	BACKUP,
	CONSOLE_USERS,
	DEMO_ACCOUNT_ID,
	DEMO_PASSWORD,
	DEPARTED,
	DEPLOY_ROLE,
	DEVELOPERS,
	EC2_SERVICE_ROLE,
	INLINE_USER,
	LIGHTSAIL,
	MANAGERS,
	MFA_USERS,
	ONE_KEY_USERS,
	OPS,
	PARTNER_ROLE,
	READ_ONLY_ACCESS_ARN,
	READ_ONLY_AUDIT_ROLE,
	READ_ONLY_USER,
	SERVICE_ACCOUNT,
	SERVICE_LINKED_ROLE,
	SERVICE_PATH,
	SERVICE_USERS,
	TWO_KEY_USERS,
	USED_KEY_USERS,
	tagsFor,
} from './seed-data.js';

export * from './seed-data.js';
import {inParallel} from './parallel.js';

export interface SeedSummary {
	users: string[];
	groups: string[];
	/** Customer managed policy name → ARN. */
	policies: Record<string, string>;
	/** User → access key ids, oldest first (secrets are not kept). */
	accessKeys: Record<string, string[]>;
	/** User → the serial of the enabled virtual MFA device. */
	mfaSerials: Record<string, string>;
	/** Requests sent. */
	requests: number;
	elapsedMs: number;
}

const DUMMY_CREDENTIALS = {accessKeyId: 'testing', secretAccessKey: 'testing'};
const policyArn = (name: string) => `arn:aws:iam::${DEMO_ACCOUNT_ID}:policy/${name}`;
const json = (document: unknown) => JSON.stringify(document);

/** Seeds the demo account into the IAM at `endpoint` (moto). Needs MOTO_IAM_LOAD_MANAGED_POLICIES=true. */
export async function seedDemoAccount(endpoint: string): Promise<SeedSummary> {
	const started = Date.now();
	const iam = new IAMClient({region: 'us-east-1', endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 3});
	let requests = 0;
	const send: IAMClient['send'] = ((command: never) => {
		requests++;
		return iam.send(command);
	}) as IAMClient['send'];

	// The seed attaches AWS managed policies: without them (moto started without
	// MOTO_IAM_LOAD_MANAGED_POLICIES=true) say so before anything is created, not half-way through.
	try {
		await send(new GetPolicyCommand({PolicyArn: READ_ONLY_ACCESS_ARN}));
	} catch (error) {
		if ((error as Error).name === 'NoSuchEntityException' || (error as Error).name === 'NoSuchEntity')
			throw new Error(`seeding needs AWS managed policies: start moto_server with MOTO_IAM_LOAD_MANAGED_POLICIES=true (${READ_ONLY_ACCESS_ARN} is not there). Nothing was created.`, {cause: error});
		throw error;
	}

	// Wave 1: users, groups, customer managed policies.
	const managed = [LIGHTSAIL, DEVELOPERS, MANAGERS, BACKUP];
	await inParallel([
		...ALL_USERS.map(user => () =>
			send(new CreateUserCommand({
				UserName: user,
				Path: (SERVICE_USERS as readonly string[]).includes(user) ? SERVICE_PATH : '/',
				Tags: tagsFor(user),
			})),
		),
		...ALL_GROUPS.map(group => () => send(new CreateGroupCommand({GroupName: group}))),
		...[ADMIN_ROLE, DEPLOY_ROLE, READ_ONLY_AUDIT_ROLE, EC2_SERVICE_ROLE, PARTNER_ROLE].map(r => () =>
			send(new CreateRoleCommand({RoleName: r.role, AssumeRolePolicyDocument: json(r.trust)})),
		),
		() => send(new CreateInstanceProfileCommand({InstanceProfileName: EC2_SERVICE_ROLE.instanceProfile})),
		() => send(new CreateServiceLinkedRoleCommand({AWSServiceName: SERVICE_LINKED_ROLE.service})),
		...managed.map(p => () =>
			send(new CreatePolicyCommand({PolicyName: p.policy, PolicyDocument: json(p.document), Description: `${p.group}: seeded by iamtui`})),
		),
	]);

	// Wave 2: memberships, attachments, inline policies, passwords, keys, MFA devices.
	const memberships: [string, string][] = [
		...LIGHTSAIL.members.map(u => [u, LIGHTSAIL.group] as [string, string]),
		[SERVICE_ACCOUNT.user, SERVICE_ACCOUNT.group],
		...DEVELOPERS.members.map(u => [u, DEVELOPERS.group] as [string, string]),
		[DEPARTED.user, DEPARTED.group],
		...MANAGERS.members.map(u => [u, MANAGERS.group] as [string, string]),
		...ADMINS.members.map(u => [u, ADMINS.group] as [string, string]),
		[BACKUP.user, BACKUP.group],
	];
	const keyCounts = new Map<string, number>([...ONE_KEY_USERS.map(u => [u, 1] as const), ...TWO_KEY_USERS.map(u => [u, 2] as const)]);
	const keyTasks = [...keyCounts].flatMap(([user, count]) =>
		// Sequential per user, so "oldest first" holds.
		[async () => {
			const keys: {id: string; secret: string}[] = [];
			for (let n = 0; n < count; n++) {
				const out = await send(new CreateAccessKeyCommand({UserName: user}));
				keys.push({id: out.AccessKey!.AccessKeyId!, secret: out.AccessKey!.SecretAccessKey!});
			}
			return [user, keys] as const;
		}],
	);
	const mfaTasks = MFA_USERS.map(user => async () => {
		const out = await send(new CreateVirtualMFADeviceCommand({VirtualMFADeviceName: user}));
		return [user, out.VirtualMFADevice!.SerialNumber!] as const;
	});
	const linkTasks: (() => Promise<unknown>)[] = [
		...memberships.map(([user, group]) => () => send(new AddUserToGroupCommand({UserName: user, GroupName: group}))),
		...managed.map(p => () => send(new AttachGroupPolicyCommand({GroupName: p.group, PolicyArn: policyArn(p.policy)}))),
		() => send(new AttachGroupPolicyCommand({GroupName: ADMINS.group, PolicyArn: ADMINS.policyArn})),
		() => send(new AttachUserPolicyCommand({UserName: READ_ONLY_USER, PolicyArn: READ_ONLY_ACCESS_ARN})),
		() => send(new PutGroupPolicyCommand({GroupName: SERVICE_ACCOUNT.group, PolicyName: SERVICE_ACCOUNT.inlinePolicy, PolicyDocument: json(SERVICE_ACCOUNT.document)})),
		() => send(new PutUserPolicyCommand({UserName: INLINE_USER.user, PolicyName: INLINE_USER.policy, PolicyDocument: json(INLINE_USER.document)})),
		...OPS.members.map(user => () => send(new AddUserToGroupCommand({UserName: user, GroupName: OPS.group}))),
		() => send(new PutGroupPolicyCommand({GroupName: OPS.group, PolicyName: OPS.inlinePolicy, PolicyDocument: json(OPS.document)})),
		...[ADMIN_ROLE, READ_ONLY_AUDIT_ROLE, PARTNER_ROLE].map(r => () => send(new AttachRolePolicyCommand({RoleName: r.role, PolicyArn: r.policyArn}))),
		...[DEPLOY_ROLE, EC2_SERVICE_ROLE].map(r => () =>
			send(new PutRolePolicyCommand({RoleName: r.role, PolicyName: r.inlinePolicy, PolicyDocument: json(r.document)})),
		),
		() => send(new AddRoleToInstanceProfileCommand({InstanceProfileName: EC2_SERVICE_ROLE.instanceProfile, RoleName: EC2_SERVICE_ROLE.role})),
		...CONSOLE_USERS.map(user => () => send(new CreateLoginProfileCommand({UserName: user, Password: DEMO_PASSWORD, PasswordResetRequired: true}))),
	];
	let keys: (readonly [string, {id: string; secret: string}[]])[];
	let mfa: (readonly [string, string])[];
	try {
		[keys, mfa] = await Promise.all([
			inParallel(keyTasks, 8),
			inParallel(mfaTasks, 8),
			inParallel(linkTasks, 16),
		]);
	} catch (error) {
		if (String((error as Error).message).includes('ReadOnlyAccess') || (error as Error).name === 'NoSuchEntityException') {
			throw new Error(`seeding needs AWS managed policies: start moto_server with MOTO_IAM_LOAD_MANAGED_POLICIES=true (${(error as Error).message})`, {cause: error});
		}
		throw error;
	}

	// Wave 3: enable the MFA devices, deactivate the older of two keys, use a few keys once.
	await inParallel<unknown>([
		...mfa.map(([user, serial]) => () =>
			send(new EnableMFADeviceCommand({UserName: user, SerialNumber: serial, AuthenticationCode1: '123456', AuthenticationCode2: '654321'})),
		),
		...keys
			.filter(([user]) => (TWO_KEY_USERS as readonly string[]).includes(user))
			.map(([user, pair]) => () => send(new UpdateAccessKeyCommand({UserName: user, AccessKeyId: pair[0]!.id, Status: 'Inactive'}))),
		...keys
			.filter(([user]) => (USED_KEY_USERS as readonly string[]).includes(user))
			.map(([user, list]) => () => useKeyOnce(endpoint, user, list[list.length - 1]!).then(() => requests++)),
		() => useRoleOnce(endpoint, ADMIN_ROLE.arn).then(() => (requests += 2)),
	]);

	return {
		users: [...ALL_USERS],
		groups: [...ALL_GROUPS],
		policies: Object.fromEntries(managed.map(p => [p.policy, policyArn(p.policy)])),
		accessKeys: Object.fromEntries(keys.map(([user, list]) => [user, list.map(k => k.id)])),
		mfaSerials: Object.fromEntries(mfa),
		requests,
		elapsedMs: Date.now() - started,
	};
}

/** The Admin role assumed once and used for one IAM call, so RoleLastUsed has a date and a region. */
const useRoleOnce = async (endpoint: string, roleArn: string): Promise<void> => {
	const sts = new STSClient({region: 'us-east-1', endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 3});
	const {Credentials: c} = await sts.send(new AssumeRoleCommand({RoleArn: roleArn, RoleSessionName: 'demo-seed'}));
	const credentials = {accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken!};
	await new IAMClient({region: 'us-east-1', endpoint, credentials, maxAttempts: 3}).send(new GetRoleCommand({RoleName: ADMIN_ROLE.role}));
};

/** One request signed with the key, so moto records "last used" (service and region) for it. */
const useKeyOnce = async (endpoint: string, user: string, key: {id: string; secret: string}): Promise<void> => {
	const credentials = {accessKeyId: key.id, secretAccessKey: key.secret};
	if (user === SERVICE_ACCOUNT.user) {
		await new IAMClient({region: 'us-east-1', endpoint, credentials, maxAttempts: 3}).send(new GetUserCommand({UserName: user}));
	} else {
		await new STSClient({region: 'us-east-1', endpoint, credentials, maxAttempts: 3}).send(new GetCallerIdentityCommand({}));
	}
};
