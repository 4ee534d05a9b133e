// The Identity Center reader against moto (sso-admin + identitystore over HTTP), and the model's answers on what it read.
import {
	CreateGroupCommand,
	CreateGroupMembershipCommand,
	CreateUserCommand,
	IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import {CreateAccessKeyCommand, CreateUserCommand as CreateIamUserCommand, IAMClient, PutUserPolicyCommand} from '@aws-sdk/client-iam';
import {CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient} from '@aws-sdk/client-organizations';
import {
	AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
	AttachManagedPolicyToPermissionSetCommand,
	CreateAccountAssignmentCommand,
	CreatePermissionSetCommand,
	ListInstancesCommand,
	PutInlinePolicyToPermissionSetCommand,
	SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import {afterAll, beforeAll, beforeEach, expect, it} from 'vitest';
import {IDENTITY_CENTER_READ_ACTIONS, readIdentityCenter, type IdentityCenterClients} from '../../source/aws/identity-center-reader.js';
import {readOrganization} from '../../source/aws/organizations-reader.js';
import {IamError} from '../../source/model/errors.js';
import {findPeople, personReach, whoReachesAccount, type IdentityCenter, type Reach} from '../../source/model/org/identity-center.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const TESTING = {accessKeyId: 'testing', secretAccessKey: 'testing'};
const config = (endpoint: string, credentials = TESTING) => ({region: 'us-east-1', endpoint, credentials, maxAttempts: 1});

const s3Inline = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*'}]};

interface Seeded {
	instanceArn: string;
	identityStoreId: string;
	accounts: {prod: string; staging: string};
	users: Record<'alice' | 'bob' | 'carol', string>;
	groupId: string;
	adminArn: string;
	readOnlyArn: string;
}

describeWithMoto('identity center reader (moto)', () => {
	let moto: Moto;
	let clients: IdentityCenterClients;
	let sso: SSOAdminClient;
	let store: IdentitystoreClient;
	let org: OrganizationsClient;

	beforeAll(async () => {
		moto = await startMoto();
		sso = new SSOAdminClient(config(moto.endpoint));
		store = new IdentitystoreClient(config(moto.endpoint));
		org = new OrganizationsClient(config(moto.endpoint));
		clients = {ssoAdmin: sso, identityStore: store};
	}, 60_000);
	beforeEach(async () => {
		await moto.reset();
	});
	afterAll(async () => {
		await moto?.stop();
	});

	const theInstance = async () => {
		const instance = (await sso.send(new ListInstancesCommand({}))).Instances?.[0];
		return {instanceArn: instance?.InstanceArn ?? '', identityStoreId: instance?.IdentityStoreId ?? ''};
	};

	const createUser = async (IdentityStoreId: string, UserName: string, DisplayName: string, email: string): Promise<string> =>
		(
			await store.send(new CreateUserCommand({IdentityStoreId, UserName, DisplayName, Name: {GivenName: DisplayName.split(' ')[0], FamilyName: 'Test'}, Emails: [{Value: email, Type: 'work', Primary: true}]}))
		).UserId ?? '';

	/** W10's shape: an organization of two member accounts, an Admins IC group assigned an admin permission set in both. */
	const seed = async (): Promise<Seeded> => {
		await org.send(new CreateOrganizationCommand({FeatureSet: 'ALL'}));
		const account = async (name: string) => (await org.send(new CreateAccountCommand({AccountName: name, Email: `${name}@example.com`}))).CreateAccountStatus?.AccountId ?? '';
		const accounts = {prod: await account('prod'), staging: await account('staging')};
		const {instanceArn, identityStoreId} = await theInstance();
		const users = {
			alice: await createUser(identityStoreId, 'alice', 'Alice Liddell', 'alice@example.com'),
			bob: await createUser(identityStoreId, 'bob', 'Bob Builder', 'bob@example.com'),
			carol: await createUser(identityStoreId, 'carol', 'Carol Danvers', 'carol@example.com'),
		};
		const groupId = (await store.send(new CreateGroupCommand({IdentityStoreId: identityStoreId, DisplayName: 'Admins', Description: 'operators'}))).GroupId ?? '';
		for (const member of [users.bob, users.carol]) {
			await store.send(new CreateGroupMembershipCommand({IdentityStoreId: identityStoreId, GroupId: groupId, MemberId: {UserId: member}}));
		}
		const permissionSet = async (Name: string) =>
			(await sso.send(new CreatePermissionSetCommand({InstanceArn: instanceArn, Name, Description: `${Name} access`, SessionDuration: 'PT4H'}))).PermissionSet?.PermissionSetArn ?? '';
		const adminArn = await permissionSet('AdministratorAccess');
		const readOnlyArn = await permissionSet('ReadOnly');
		await sso.send(new AttachManagedPolicyToPermissionSetCommand({InstanceArn: instanceArn, PermissionSetArn: adminArn, ManagedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess'}));
		await sso.send(new PutInlinePolicyToPermissionSetCommand({InstanceArn: instanceArn, PermissionSetArn: readOnlyArn, InlinePolicy: JSON.stringify(s3Inline)}));
		await sso.send(new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({InstanceArn: instanceArn, PermissionSetArn: readOnlyArn, CustomerManagedPolicyReference: {Name: 'AuditExtras', Path: '/audit/'}}));
		const assign = (TargetId: string, PermissionSetArn: string, PrincipalType: 'USER' | 'GROUP', PrincipalId: string) =>
			sso.send(new CreateAccountAssignmentCommand({InstanceArn: instanceArn, TargetId, TargetType: 'AWS_ACCOUNT', PermissionSetArn, PrincipalType, PrincipalId}));
		await assign(accounts.prod, adminArn, 'GROUP', groupId);
		await assign(accounts.staging, adminArn, 'GROUP', groupId);
		await assign(accounts.prod, readOnlyArn, 'USER', users.alice);
		// Carol also holds the admin set in staging herself: two ways into one (account, permission set).
		await assign(accounts.staging, adminArn, 'USER', users.carol);
		return {instanceArn, identityStoreId, accounts, users, groupId, adminArn, readOnlyArn};
	};

	const describeReach = (reaches: Reach[]): string[] =>
		reaches.map(r => `${r.accountId} ${r.permissionSet.name} via ${r.via.map(v => (v.kind === 'direct' ? 'direct' : v.group.displayName)).sort().join('+')} as ${r.role.pattern}`);
	const assignmentKeys = (ic: IdentityCenter): string[] => ic.assignments.map(a => `${a.accountId} ${a.permissionSetArn} ${a.principalType} ${a.principalId}`).sort();

	it('reads people, groups, memberships, permission sets with their policies and assignments; the model answers on them', async () => {
		const s = await seed();
		const ic = await readIdentityCenter(clients);

		expect(ic.instance).toMatchObject({arn: s.instanceArn, identityStoreId: s.identityStoreId});
		expect(ic.users.map(u => [u.userName, u.displayName, u.emails]).sort()).toEqual([
			['alice', 'Alice Liddell', ['alice@example.com']],
			['bob', 'Bob Builder', ['bob@example.com']],
			['carol', 'Carol Danvers', ['carol@example.com']],
		]);
		expect(ic.groups).toEqual([{id: s.groupId, displayName: 'Admins', description: 'operators'}]);
		expect(ic.memberships.map(m => m.userId).sort()).toEqual([s.users.bob, s.users.carol].sort());
		expect(ic.memberships.every(m => m.membershipId && m.groupId === s.groupId)).toBe(true);

		const admin = ic.permissionSets.find(p => p.arn === s.adminArn);
		const readOnly = ic.permissionSets.find(p => p.arn === s.readOnlyArn);
		expect(admin).toMatchObject({name: 'AdministratorAccess', sessionDuration: 'PT4H', managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'], customerManagedPolicies: []});
		expect(admin?.inlinePolicy).toBeUndefined();
		expect(readOnly).toMatchObject({name: 'ReadOnly', inlinePolicy: s3Inline, managedPolicyArns: [], customerManagedPolicies: [{name: 'AuditExtras', path: '/audit/'}]});
		// moto does not implement GetPermissionsBoundaryForPermissionSet: the boundary is unknown, and says so.
		expect(admin?.boundary).toEqual({kind: 'unread', reason: expect.stringContaining('sso:GetPermissionsBoundaryForPermissionSet') as string});

		expect(describeReach(personReach(ic, s.users.bob)!.reaches).sort()).toEqual([
			`${s.accounts.prod} AdministratorAccess via Admins as AWSReservedSSO_AdministratorAccess_*`,
			`${s.accounts.staging} AdministratorAccess via Admins as AWSReservedSSO_AdministratorAccess_*`,
		].sort());
		expect(describeReach(personReach(ic, s.users.carol)!.reaches)).toContain(`${s.accounts.staging} AdministratorAccess via Admins+direct as AWSReservedSSO_AdministratorAccess_*`);
		expect(describeReach(personReach(ic, s.users.alice)!.reaches)).toEqual([`${s.accounts.prod} ReadOnly via direct as AWSReservedSSO_ReadOnly_*`]);
		expect(whoReachesAccount(ic, s.accounts.prod).map(r => `${r.user.userName} ${r.permissionSet.name}`)).toEqual(['alice ReadOnly', 'bob AdministratorAccess', 'carol AdministratorAccess']);
		expect(findPeople(ic, 'CAROL@example.com').map(m => m.user.id)).toEqual([s.users.carol]);
	}, 60_000);

	it('reads the same assignments per account (from the organization read) as per principal', async () => {
		const s = await seed();
		const organization = await readOrganization(org);
		const accountIds = [organization.root, ...organization.root.ous].flatMap(node => node.accounts.map(a => a.id));
		expect(accountIds).toEqual(expect.arrayContaining([s.accounts.prod, s.accounts.staging]));

		const perPrincipal = await readIdentityCenter(clients);
		const perAccount = await readIdentityCenter(clients, {accountIds});
		expect(assignmentKeys(perAccount)).toEqual(assignmentKeys(perPrincipal));
		expect(assignmentKeys(perAccount)).toHaveLength(4);
	}, 60_000);

	it('follows every page: 101 users, 101 members of a group, 101 assignments of one group', async () => {
		const {instanceArn, identityStoreId} = await theInstance();
		const ids: string[] = [];
		for (let i = 0; i < 101; i++) ids.push(await createUser(identityStoreId, `user${String(i).padStart(3, '0')}`, `User ${i}`, `user${i}@example.com`));
		const GroupId = (await store.send(new CreateGroupCommand({IdentityStoreId: identityStoreId, DisplayName: 'Everyone'}))).GroupId ?? '';
		for (const UserId of ids) await store.send(new CreateGroupMembershipCommand({IdentityStoreId: identityStoreId, GroupId, MemberId: {UserId}}));
		const PermissionSetArn = (await sso.send(new CreatePermissionSetCommand({InstanceArn: instanceArn, Name: 'ViewOnly'}))).PermissionSet?.PermissionSetArn ?? '';
		const accounts = Array.from({length: 101}, (_, i) => String(100_000_000_000 + i));
		for (const TargetId of accounts) {
			await sso.send(new CreateAccountAssignmentCommand({InstanceArn: instanceArn, TargetId, TargetType: 'AWS_ACCOUNT', PermissionSetArn, PrincipalType: 'GROUP', PrincipalId: GroupId}));
		}

		const ic = await readIdentityCenter(clients);
		expect(ic.users).toHaveLength(101);
		expect(ic.memberships).toHaveLength(101);
		expect(ic.assignments).toHaveLength(101);
		// Created without a session duration: moto answers its default in seconds, read as an ISO 8601 duration as AWS gives it.
		expect(ic.permissionSets.map(p => p.sessionDuration)).toEqual(['PT3600S']);
		expect(personReach(ic, ids[100]!)!.reaches.map(r => r.accountId).sort()).toEqual(accounts);
	}, 120_000);

	it('an instance ARN that is not there is named', async () => {
		const read = readIdentityCenter(clients, {instanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000000'});
		await expect(read).rejects.toThrow(IamError);
		await expect(read).rejects.toThrow(/ssoins-0000000000000000 is not among the 1 visible in us-east-1/);
	});

	it('access denied names the call that was refused and every permission the read needs', async () => {
		await seed();
		const iam = new IAMClient(config(moto.endpoint));
		await iam.send(new CreateIamUserCommand({UserName: 'partial'}));
		// Everything but the group memberships.
		const allowed = IDENTITY_CENTER_READ_ACTIONS.filter(a => a !== 'identitystore:ListGroupMemberships');
		await iam.send(new PutUserPolicyCommand({UserName: 'partial', PolicyName: 'ic', PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: allowed, Resource: '*'}]})}));
		const key = (await iam.send(new CreateAccessKeyCommand({UserName: 'partial'}))).AccessKey!;
		const credentials = {accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey!};
		await moto.setAuthorization(true);
		try {
			const error = await readIdentityCenter({ssoAdmin: new SSOAdminClient(config(moto.endpoint, credentials)), identityStore: new IdentitystoreClient(config(moto.endpoint, credentials))}).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(IamError);
			expect((error as IamError).kind).toBe('AccessDenied');
			expect((error as IamError).message).toBe('access denied reading Identity Center members of group Admins: your credentials lack identitystore:ListGroupMemberships');
			for (const action of IDENTITY_CENTER_READ_ACTIONS) expect((error as IamError).hint).toContain(action);
		} finally {
			await moto.setAuthorization(false);
		}
	}, 60_000);

	/** A fresh client that counts the commands it sends. */
	const countingSso = (credentials = TESTING): {client: SSOAdminClient; sent: Map<string, number>} => {
		const client = new SSOAdminClient(config(moto.endpoint, credentials));
		const sent = new Map<string, number>();
		client.middlewareStack.add(
			(next, context) => async arguments_ => {
				sent.set(context.commandName ?? '?', (sent.get(context.commandName ?? '?') ?? 0) + 1);
				return next(arguments_);
			},
			{step: 'initialize'},
		);
		return {client, sent};
	};

	it('the management account lists assignments per principal when that is fewer calls than per account and permission set: the same assignments', async () => {
		const s = await seed();
		const organization = await readOrganization(org);
		const accountIds = [organization.root, ...organization.root.ous].flatMap(node => node.accounts.map(a => a.id));
		// 3 accounts × 2 permission sets = 6 pairs; 3 users and 1 group = 4 principals.
		expect(accountIds).toHaveLength(3);
		const perAccount = await readIdentityCenter(clients, {accountIds});

		const byPrincipal = countingSso();
		const read = await readIdentityCenter({ssoAdmin: byPrincipal.client, identityStore: store}, {accountIds, principalListingAllowed: Promise.resolve(true)});
		expect(assignmentKeys(read)).toEqual(assignmentKeys(perAccount));
		expect(byPrincipal.sent.get('ListAccountAssignmentsForPrincipalCommand')).toBe(4);
		expect(byPrincipal.sent.get('ListAccountAssignmentsCommand')).toBeUndefined();

		// One account: 2 pairs are fewer than 4 principals, so per pair; only that account's assignments either way.
		const onePair = countingSso();
		const prodOnly = await readIdentityCenter({ssoAdmin: onePair.client, identityStore: store}, {accountIds: [s.accounts.prod], principalListingAllowed: true});
		expect(onePair.sent.get('ListAccountAssignmentsCommand')).toBe(2);
		expect(onePair.sent.get('ListAccountAssignmentsForPrincipalCommand')).toBeUndefined();
		expect(assignmentKeys(prodOnly)).toEqual(assignmentKeys(perAccount).filter(k => k.startsWith(`${s.accounts.prod} `)));

		// Not known to be the management account (a delegated administrator): per pair, as AWS answers it.
		const delegated = countingSso();
		await readIdentityCenter({ssoAdmin: delegated.client, identityStore: store}, {accountIds, principalListingAllowed: false});
		expect(delegated.sent.get('ListAccountAssignmentsCommand')).toBe(6);
		expect(delegated.sent.get('ListAccountAssignmentsForPrincipalCommand')).toBeUndefined();
	}, 60_000);

	it('the per-principal listing refused: the per-account one answers instead, the same assignments', async () => {
		await seed();
		const organization = await readOrganization(org);
		const accountIds = [organization.root, ...organization.root.ous].flatMap(node => node.accounts.map(a => a.id));
		const expected = assignmentKeys(await readIdentityCenter(clients, {accountIds}));
		const iam = new IAMClient(config(moto.endpoint));
		await iam.send(new CreateIamUserCommand({UserName: 'no-principal-listing'}));
		const allowed = IDENTITY_CENTER_READ_ACTIONS.filter(a => a !== 'sso:ListAccountAssignmentsForPrincipal');
		await iam.send(new PutUserPolicyCommand({UserName: 'no-principal-listing', PolicyName: 'ic', PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: allowed, Resource: '*'}]})}));
		const key = (await iam.send(new CreateAccessKeyCommand({UserName: 'no-principal-listing'}))).AccessKey!;
		const credentials = {accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey!};
		await moto.setAuthorization(true);
		try {
			const {client, sent} = countingSso(credentials);
			const read = await readIdentityCenter({ssoAdmin: client, identityStore: new IdentitystoreClient(config(moto.endpoint, credentials))}, {accountIds, principalListingAllowed: true});
			expect(assignmentKeys(read)).toEqual(expected);
			expect(sent.get('ListAccountAssignmentsForPrincipalCommand')).toBeGreaterThan(0);
			expect(sent.get('ListAccountAssignmentsCommand')).toBe(6);
		} finally {
			await moto.setAuthorization(false);
		}
	}, 60_000);
});
