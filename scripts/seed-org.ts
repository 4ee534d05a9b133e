// A W10-shaped organization in moto, made through the real SDK (npm run demo and the tests seed the same
// one; test/helpers/org-seed.ts re-exports it): a management account with an auditor,
// an OU "prod" whose SCP denies ec2:TerminateInstances, an OU "dev", a "sandbox" account at the root,
// a closed "retired" account, IAM users in each member account (made with the audit role's own credentials, so they land in that
// account), and Identity Center people: an Admins group assigned an admin permission set in prod and dev.
import {readFileSync} from 'node:fs';
import {CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand, PutUserPolicyCommand} from '@aws-sdk/client-iam';
import {CreateGroupCommand, CreateGroupMembershipCommand, CreateUserCommand as CreateIcUserCommand, IdentitystoreClient} from '@aws-sdk/client-identitystore';
import {
	AttachPolicyCommand,
	CloseAccountCommand,
	CreateAccountCommand,
	CreateOrganizationCommand,
	CreateOrganizationalUnitCommand,
	CreatePolicyCommand,
	ListRootsCommand,
	MoveAccountCommand,
	OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {CreateAccountAssignmentCommand, CreatePermissionSetCommand, ListInstancesCommand, PutInlinePolicyToPermissionSetCommand, SSOAdminClient} from '@aws-sdk/client-sso-admin';
import {AssumeRoleCommand, STSClient} from '@aws-sdk/client-sts';

const TESTING = {accessKeyId: 'testing', secretAccessKey: 'testing'};
type Credentials = {accessKeyId: string; secretAccessKey: string; sessionToken?: string};
const config = (endpoint: string, credentials: Credentials = TESTING) => ({region: 'us-east-1', endpoint, credentials, maxAttempts: 1});

const readOnlyTemplate = JSON.parse(readFileSync(new URL('../templates/iamtui-read-only.json', import.meta.url), 'utf8')) as {document: {Statement: unknown[]}};

export const AUDIT_ROLE = 'OrganizationAccountAccessRole';

export interface SeededOrg {
	managementId: string;
	accounts: {prod: string; dev: string; sandbox: string; retired: string};
	ous: {prod: string; dev: string};
	/** IAM users made in each account. */
	iamUsers: {management: string[]; prod: string[]; dev: string[]; sandbox: string[]};
	/** The management account's auditor: the read-only template, and AssumeRole refused into sandbox. */
	auditor: Credentials;
	people: {alice: string; bob: string; carol: string};
	groupId: string;
}

/** Credentials for the audit role in one account, as the moto root user (moto checks neither trust nor existence). */
export const roleCredentials = async (endpoint: string, accountId: string): Promise<Credentials> => {
	const issued = (await new STSClient(config(endpoint)).send(new AssumeRoleCommand({RoleArn: `arn:aws:iam::${accountId}:role/${AUDIT_ROLE}`, RoleSessionName: 'seed'}))).Credentials!;
	return {accessKeyId: issued.AccessKeyId!, secretAccessKey: issued.SecretAccessKey!, sessionToken: issued.SessionToken};
};

/** The organization, its accounts' IAM users and Identity Center: everything but the auditor (the demo runs as moto's root). */
export const seedOrganizationShape = async (endpoint: string): Promise<Omit<SeededOrg, 'auditor'>> => {
	const org = new OrganizationsClient(config(endpoint));
	const managementId = (await org.send(new CreateOrganizationCommand({FeatureSet: 'ALL'}))).Organization?.MasterAccountId ?? '';
	const rootId = (await org.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
	const ou = async (Name: string) => (await org.send(new CreateOrganizationalUnitCommand({ParentId: rootId, Name}))).OrganizationalUnit?.Id ?? '';
	const ous = {prod: await ou('prod'), dev: await ou('dev')};
	const account = async (name: string, parent?: string) => {
		const id = (await org.send(new CreateAccountCommand({AccountName: name, Email: `${name}@example.com`}))).CreateAccountStatus?.AccountId ?? '';
		if (parent) await org.send(new MoveAccountCommand({AccountId: id, SourceParentId: rootId, DestinationParentId: parent}));
		return id;
	};
	const accounts = {prod: await account('workload-prod', ous.prod), dev: await account('workload-dev', ous.dev), sandbox: await account('sandbox'), retired: await account('retired')};
	// Closed: SUSPENDED, as AWS keeps a closed account for 90 days; no role can be assumed in it.
	await org.send(new CloseAccountCommand({AccountId: accounts.retired}));
	const deny = await org.send(new CreatePolicyCommand({
		Type: 'SERVICE_CONTROL_POLICY', Name: 'DenyTerminate', Description: 'no instance terminations in prod',
		Content: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*'}]}),
	}));
	await org.send(new AttachPolicyCommand({PolicyId: deny.Policy?.PolicySummary?.Id, TargetId: ous.prod}));

	const iamUsers = {management: [] as string[], prod: ['deployer'], dev: ['dev-ana', 'dev-bo'], sandbox: ['tinkerer']};
	for (const key of ['prod', 'dev', 'sandbox'] as const) {
		const iam = new IAMClient(config(endpoint, await roleCredentials(endpoint, accounts[key])));
		for (const UserName of iamUsers[key]) await iam.send(new CreateUserCommand({UserName}));
		// What the operator is told to do: the read-only template on the audit role in each member account.
		await iam.send(new PutRolePolicyCommand({RoleName: AUDIT_ROLE, PolicyName: 'iamtui-read-only', PolicyDocument: JSON.stringify(readOnlyTemplate.document)}));
	}
	const sso = new SSOAdminClient(config(endpoint));
	const store = new IdentitystoreClient(config(endpoint));
	const instance = (await sso.send(new ListInstancesCommand({}))).Instances?.[0];
	const InstanceArn = instance?.InstanceArn ?? '';
	const IdentityStoreId = instance?.IdentityStoreId ?? '';
	const person = async (UserName: string, DisplayName: string) =>
		(await store.send(new CreateIcUserCommand({IdentityStoreId, UserName, DisplayName, Name: {GivenName: DisplayName.split(' ')[0], FamilyName: 'Test'}, Emails: [{Value: `${UserName}@example.com`, Type: 'work', Primary: true}]}))).UserId ?? '';
	const people = {alice: await person('alice', 'Alice Liddell'), bob: await person('bob', 'Bob Builder'), carol: await person('carol', 'Carol Danvers')};
	const groupId = (await store.send(new CreateGroupCommand({IdentityStoreId, DisplayName: 'Admins'}))).GroupId ?? '';
	for (const member of [people.alice, people.carol]) await store.send(new CreateGroupMembershipCommand({IdentityStoreId, GroupId: groupId, MemberId: {UserId: member}}));
	const permissionSet = async (Name: string) => (await sso.send(new CreatePermissionSetCommand({InstanceArn, Name, SessionDuration: 'PT1H'}))).PermissionSet?.PermissionSetArn ?? '';
	const admin = await permissionSet('AdminAccess');
	const readOnly = await permissionSet('ReadOnly');
	await sso.send(new PutInlinePolicyToPermissionSetCommand({InstanceArn, PermissionSetArn: admin, InlinePolicy: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]})}));
	const assign = (TargetId: string, PermissionSetArn: string, PrincipalType: 'USER' | 'GROUP', PrincipalId: string) =>
		sso.send(new CreateAccountAssignmentCommand({InstanceArn, TargetId, TargetType: 'AWS_ACCOUNT', PermissionSetArn, PrincipalType, PrincipalId}));
	await assign(accounts.prod, admin, 'GROUP', groupId);
	await assign(accounts.dev, admin, 'GROUP', groupId);
	await assign(accounts.dev, readOnly, 'USER', people.bob);
	// Alice also holds the admin set in dev herself: two ways into one (account, permission set).
	await assign(accounts.dev, admin, 'USER', people.alice);

	return {managementId, accounts, ous, iamUsers, people, groupId};
};

/** The organization with the management account's auditor, whose AssumeRole into sandbox is refused (the tests run as it). */
export const seedOrganization = async (endpoint: string): Promise<SeededOrg> => {
	const shape = await seedOrganizationShape(endpoint);
	const {accounts} = shape;
	const iam = new IAMClient(config(endpoint));
	await iam.send(new CreateUserCommand({UserName: 'auditor'}));
	const auditorPolicy = {
		Version: '2012-10-17',
		Statement: [
			...readOnlyTemplate.document.Statement,
			// Stands in for a sandbox account whose audit role is missing or does not trust us: AWS answers AccessDenied.
			{Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${accounts.sandbox}:role/*`},
		],
	};
	await iam.send(new PutUserPolicyCommand({UserName: 'auditor', PolicyName: 'iamtui-read-only', PolicyDocument: JSON.stringify(auditorPolicy)}));
	const key = (await iam.send(new CreateAccessKeyCommand({UserName: 'auditor'}))).AccessKey!;

	return {...shape, iamUsers: {...shape.iamUsers, management: ['auditor']}, auditor: {accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey!}};
};

/** The role AWS makes in each account the AdminAccess set is assigned to (the hash is AWS's own; any 16 hex digits). */
export const SSO_ADMIN_ROLE = 'AWSReservedSSO_AdminAccess_0123456789abcdef';

/**
 * What AWS does when it provisions the AdminAccess permission set and moto does not: the AWSReservedSSO_*
 * role in each account it is assigned to (prod and dev), under /aws-reserved/sso.amazonaws.com/, trusting the
 * account's SAML provider, with the set's inline policy. Without it nobody reaches an account through IC.
 */
export const provisionSsoRoles = async (endpoint: string, seeded: Pick<SeededOrg, 'accounts'>): Promise<void> => {
	const everything = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]});
	for (const account of [seeded.accounts.prod, seeded.accounts.dev]) {
		const iam = new IAMClient(config(endpoint, await roleCredentials(endpoint, account)));
		const trust = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Federated: `arn:aws:iam::${account}:saml-provider/AWSSSO_0123_DO_NOT_DELETE`}, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession']}]});
		await iam.send(new CreateRoleCommand({RoleName: SSO_ADMIN_ROLE, Path: '/aws-reserved/sso.amazonaws.com/', AssumeRolePolicyDocument: trust}));
		await iam.send(new PutRolePolicyCommand({RoleName: SSO_ADMIN_ROLE, PolicyName: 'AwsSSOInlinePolicy', PolicyDocument: everything}));
	}
};

/**
 * The demo's organization around an account seeded by seedDemoAccount (npm run demo and npm run seed):
 * the organization, its accounts' IAM users, Identity Center, and the AWSReservedSSO_* roles moto does not make.
 */
export const seedDemoOrganization = async (endpoint: string): Promise<Omit<SeededOrg, 'auditor'>> => {
	const seeded = await seedOrganizationShape(endpoint);
	await provisionSsoRoles(endpoint, seeded);
	return seeded;
};
