// The SDK-backed IamGateway. Cheap to create: clients are built on the first call. Every failure
// leaves here as an IamError; read-only connections are wrapped so writes are refused up front.
// The operations themselves live beside it: reads.ts, creates.ts (no blind resend), and the tables of
// single-call writes (user-group-writes.ts, credential-writes.ts, policy-writes.ts, role-writes.ts).
import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import type {
	AccessKeyDetail,
	AwsManagedPolicy,
	CallerIdentity,
	ConnectionHooks,
	ConnectionSettings,
	IamGateway,
	LoadOptions,
	LoginProfile,
	MfaDevice,
	NewAccessKey,
	PasswordPolicy,
	PolicyVersion,
	ServiceSpecificCredential,
	SigningCertificate,
	SshPublicKey,
	UserDetails,
	WriteInput,
	WriteObserver,
	WriteResult,
} from '../model/gateway.js';
import type {AccountSnapshot} from '../model/snapshot.js';
import {createClients, type AwsClients} from './client.js';
import * as creates from './creates.js';
import {CREDENTIAL_WRITES, type CredentialWriteName} from './credential-writes.js';
import {toIamError, type ErrorContext} from './errors.js';
import {POLICY_WRITES, type PolicyWriteName} from './policy-writes.js';
import * as reads from './reads.js';
import {readOnlyGateway} from './read-only.js';
import {ROLE_WRITES, type RoleWriteName} from './role-writes.js';
import {loadSnapshot} from './snapshot.js';
import {USER_WRITES, type UserWriteName} from './user-group-writes.js';
import {sendWrite, type WriteTable} from './write-table.js';

type SimpleWriteName = UserWriteName | CredentialWriteName | PolicyWriteName | RoleWriteName;
const SIMPLE_WRITES: WriteTable<SimpleWriteName> = {...USER_WRITES, ...CREDENTIAL_WRITES, ...POLICY_WRITES, ...ROLE_WRITES};

type Operation<T> = (clients: AwsClients, context: ErrorContext) => Promise<T>;

/** The gateway without the read-only wrapper; exported for tests of the wrapper's effect. */
export class SdkGateway implements IamGateway {
	readonly readOnly: boolean;
	private clients?: Promise<AwsClients>;

	/** `clients`: ready-made clients (a member account's, on the audit role's credentials); else built from `settings`. */
	constructor(
		private readonly settings: ConnectionSettings,
		private readonly hooks: ConnectionHooks = {},
		clients?: Promise<AwsClients>,
	) {
		this.readOnly = settings.readOnly === true;
		this.clients = clients;
	}

	private context(clients?: AwsClients, service: 'iam' | 'sts' = 'iam'): ErrorContext {
		const endpoint = clients?.endpoints[service] ?? this.settings.endpoint;
		return {endpoint, profile: clients?.profile ?? this.settings.profile};
	}

	/** Runs one operation with the clients, converting anything thrown into an IamError. */
	private async run<T>(service: 'iam' | 'sts', action: string | undefined, operation: Operation<T>): Promise<T> {
		let clients: AwsClients | undefined;
		try {
			this.clients ??= createClients(this.settings, this.hooks);
			clients = await this.clients;
			return await operation(clients, {...this.context(clients, service), action});
		} catch (error) {
			throw toIamError(error, {...this.context(clients, service), action});
		}
	}

	private read<T>(action: string, read: (iam: AwsClients['iam']) => Promise<T>): Promise<T> {
		return this.run('iam', action, ({iam}) => read(iam));
	}

	private write<K extends SimpleWriteName>(name: K, input: WriteInput<K>): Promise<void> {
		const write = SIMPLE_WRITES[name];
		return this.run('iam', write.action, ({iam}) => sendWrite(iam, write, input));
	}

	// Reads

	callerIdentity(): Promise<CallerIdentity> {
		return this.run('sts', 'sts:GetCallerIdentity', async ({sts}) => {
			const out = await sts.send(new GetCallerIdentityCommand({}));
			// STS does not say which key signed the request; the credentials the SDK resolved do.
			const accessKeyId = await sts.config.credentials().then(c => c.accessKeyId, () => undefined);
			return {account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '', ...(accessKeyId ? {accessKeyId} : {})};
		});
	}

	loadSnapshot(options: LoadOptions = {}): Promise<AccountSnapshot> {
		return this.run('iam', 'iam:GetAccountAuthorizationDetails', (clients, context) =>
			loadSnapshot(clients.iam, {...options, errorContext: context}),
		);
	}

	userDetails(userName: string): Promise<UserDetails> {
		// Several actions: an AccessDenied message from AWS names the one that was refused.
		return this.run('iam', undefined, async ({iam}) => {
			const [accessKeys, mfaDevices, tags] = await Promise.all([
				reads.accessKeys(iam, userName),
				reads.mfaDevices(iam, userName),
				reads.userTags(iam, userName),
			]);
			return {accessKeys, mfaDevices, tags};
		});
	}

	getUser(userName: string) {
		return this.read('iam:GetUser', iam => reads.getUser(iam, userName));
	}

	loginProfile(userName: string): Promise<LoginProfile | null> {
		return this.read('iam:GetLoginProfile', iam => reads.loginProfile(iam, userName));
	}

	accessKeys(userName: string): Promise<AccessKeyDetail[]> {
		return this.read('iam:ListAccessKeys', iam => reads.accessKeys(iam, userName));
	}

	signingCertificates(userName: string): Promise<SigningCertificate[]> {
		return this.read('iam:ListSigningCertificates', iam => reads.signingCertificates(iam, userName));
	}

	sshPublicKeys(userName: string): Promise<SshPublicKey[]> {
		return this.read('iam:ListSSHPublicKeys', iam => reads.sshPublicKeys(iam, userName));
	}

	serviceSpecificCredentials(userName: string): Promise<ServiceSpecificCredential[]> {
		return this.read('iam:ListServiceSpecificCredentials', iam => reads.serviceSpecificCredentials(iam, userName));
	}

	mfaDevices(userName: string): Promise<MfaDevice[]> {
		return this.read('iam:ListMFADevices', iam => reads.mfaDevices(iam, userName));
	}

	passwordPolicy(): Promise<PasswordPolicy | null> {
		return this.read('iam:GetAccountPasswordPolicy', iam => reads.passwordPolicy(iam));
	}

	accountAlias(): Promise<string | null> {
		return this.read('iam:ListAccountAliases', iam => reads.accountAlias(iam));
	}

	policyVersions(policyArn: string): Promise<PolicyVersion[]> {
		return this.read('iam:ListPolicyVersions', iam => reads.policyVersions(iam, policyArn));
	}

	awsManagedPolicies(): Promise<AwsManagedPolicy[]> {
		return this.read('iam:ListPolicies', iam => reads.awsManagedPolicies(iam));
	}

	// Creates: never resent blindly (creates.ts, reconcile.ts)

	createUser(input: WriteInput<'createUser'>): Promise<void> {
		return this.run('iam', 'iam:CreateUser', (clients, context) => creates.createUser(clients, context, input));
	}

	createGroup(input: WriteInput<'createGroup'>): Promise<void> {
		return this.run('iam', 'iam:CreateGroup', (clients, context) => creates.createGroup(clients, context, input));
	}

	createLoginProfile(input: WriteInput<'createLoginProfile'>): Promise<void> {
		return this.run('iam', 'iam:CreateLoginProfile', (clients, context) => creates.createLoginProfile(clients, context, input));
	}

	createAccessKey(input: WriteInput<'createAccessKey'>, observe?: WriteObserver): Promise<NewAccessKey> {
		return this.run('iam', 'iam:CreateAccessKey', (clients, context) => creates.createAccessKey(clients, context, input, observe));
	}

	createPolicy(input: WriteInput<'createPolicy'>): Promise<WriteResult<'createPolicy'>> {
		return this.run('iam', 'iam:CreatePolicy', (clients, context) => creates.createPolicy(clients, context, input));
	}

	uploadSigningCertificate(input: WriteInput<'uploadSigningCertificate'>): Promise<WriteResult<'uploadSigningCertificate'>> {
		return this.run('iam', 'iam:UploadSigningCertificate', (clients, context) => creates.uploadSigningCertificate(clients, context, input));
	}

	// Single idempotent calls (user-group-writes.ts, credential-writes.ts, policy-writes.ts)

	addUserToGroup(input: WriteInput<'addUserToGroup'>) {
		return this.write('addUserToGroup', input);
	}
	removeUserFromGroup(input: WriteInput<'removeUserFromGroup'>) {
		return this.write('removeUserFromGroup', input);
	}
	deleteUser(input: WriteInput<'deleteUser'>) {
		return this.write('deleteUser', input);
	}
	tagUser(input: WriteInput<'tagUser'>) {
		return this.write('tagUser', input);
	}
	untagUser(input: WriteInput<'untagUser'>) {
		return this.write('untagUser', input);
	}
	updateLoginProfile(input: WriteInput<'updateLoginProfile'>) {
		return this.write('updateLoginProfile', input);
	}
	deleteLoginProfile(input: WriteInput<'deleteLoginProfile'>) {
		return this.write('deleteLoginProfile', input);
	}
	deleteGroup(input: WriteInput<'deleteGroup'>) {
		return this.write('deleteGroup', input);
	}
	updateAccessKey(input: WriteInput<'updateAccessKey'>) {
		return this.write('updateAccessKey', input);
	}
	deleteAccessKey(input: WriteInput<'deleteAccessKey'>) {
		return this.write('deleteAccessKey', input);
	}
	updateSigningCertificate(input: WriteInput<'updateSigningCertificate'>) {
		return this.write('updateSigningCertificate', input);
	}
	deleteSigningCertificate(input: WriteInput<'deleteSigningCertificate'>) {
		return this.write('deleteSigningCertificate', input);
	}
	deactivateMfaDevice(input: WriteInput<'deactivateMfaDevice'>) {
		return this.write('deactivateMfaDevice', input);
	}
	deleteVirtualMfaDevice(input: WriteInput<'deleteVirtualMfaDevice'>) {
		return this.write('deleteVirtualMfaDevice', input);
	}
	deleteSshPublicKey(input: WriteInput<'deleteSshPublicKey'>) {
		return this.write('deleteSshPublicKey', input);
	}
	deleteServiceSpecificCredential(input: WriteInput<'deleteServiceSpecificCredential'>) {
		return this.write('deleteServiceSpecificCredential', input);
	}
	attachUserPolicy(input: WriteInput<'attachUserPolicy'>) {
		return this.write('attachUserPolicy', input);
	}
	detachUserPolicy(input: WriteInput<'detachUserPolicy'>) {
		return this.write('detachUserPolicy', input);
	}
	attachGroupPolicy(input: WriteInput<'attachGroupPolicy'>) {
		return this.write('attachGroupPolicy', input);
	}
	detachGroupPolicy(input: WriteInput<'detachGroupPolicy'>) {
		return this.write('detachGroupPolicy', input);
	}
	deletePolicy(input: WriteInput<'deletePolicy'>) {
		return this.write('deletePolicy', input);
	}
	deletePolicyVersion(input: WriteInput<'deletePolicyVersion'>) {
		return this.write('deletePolicyVersion', input);
	}
	putUserPolicy(input: WriteInput<'putUserPolicy'>) {
		return this.write('putUserPolicy', input);
	}
	deleteUserPolicy(input: WriteInput<'deleteUserPolicy'>) {
		return this.write('deleteUserPolicy', input);
	}
	putGroupPolicy(input: WriteInput<'putGroupPolicy'>) {
		return this.write('putGroupPolicy', input);
	}
	deleteGroupPolicy(input: WriteInput<'deleteGroupPolicy'>) {
		return this.write('deleteGroupPolicy', input);
	}
	putUserPermissionsBoundary(input: WriteInput<'putUserPermissionsBoundary'>) {
		return this.write('putUserPermissionsBoundary', input);
	}
	deleteUserPermissionsBoundary(input: WriteInput<'deleteUserPermissionsBoundary'>) {
		return this.write('deleteUserPermissionsBoundary', input);
	}
	attachRolePolicy(input: WriteInput<'attachRolePolicy'>) {
		return this.write('attachRolePolicy', input);
	}
	detachRolePolicy(input: WriteInput<'detachRolePolicy'>) {
		return this.write('detachRolePolicy', input);
	}
	putRolePolicy(input: WriteInput<'putRolePolicy'>) {
		return this.write('putRolePolicy', input);
	}
	deleteRolePolicy(input: WriteInput<'deleteRolePolicy'>) {
		return this.write('deleteRolePolicy', input);
	}
	updateAssumeRolePolicy(input: WriteInput<'updateAssumeRolePolicy'>) {
		return this.write('updateAssumeRolePolicy', input);
	}
}

/** A gateway for one connection; no request is sent until a method is called. */
export function createGateway(settings: ConnectionSettings, hooks: ConnectionHooks = {}): IamGateway {
	const gateway = new SdkGateway(settings, hooks);
	return settings.readOnly ? readOnlyGateway(gateway) : gateway;
}
