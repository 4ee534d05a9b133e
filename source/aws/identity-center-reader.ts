// Reads IAM Identity Center (instance, identity-store users, groups and memberships, permission sets with
// their policies, account assignments) into the model's plain shape. Every listing is read to its last page;
// every failure names the call and, when denied, the permission it needs.
// The caller builds both clients for the instance's home region, with the same credentials and retries as the IAM one.
import {
	type IdentitystoreClient,
	ListGroupMembershipsCommand,
	ListGroupsCommand,
	ListUsersCommand,
} from '@aws-sdk/client-identitystore';
import {
	DescribePermissionSetCommand,
	GetInlinePolicyForPermissionSetCommand,
	GetPermissionsBoundaryForPermissionSetCommand,
	ListCustomerManagedPolicyReferencesInPermissionSetCommand,
	ListInstancesCommand,
	ListManagedPoliciesInPermissionSetCommand,
	ListPermissionSetsCommand,
	type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import {IamError} from '../model/errors.js';
import type {
	IcGroup,
	IcInstance,
	IcMembership,
	IcUser,
	IdentityCenter,
	PermissionSet,
	PermissionSetBoundary,
} from '../model/org/identity-center.js';
import {allPages} from './all-pages.js';
import {readAssignments} from './identity-center-assignments.js';
import {calling, identityCenterError} from './identity-center-calls.js';
import {mapBounded} from './map-bounded.js';

export interface IdentityCenterClients {
	ssoAdmin: SSOAdminClient;
	identityStore: IdentitystoreClient;
}

export interface ReadIdentityCenterOptions {
	/** Which instance, when ListInstances shows more than one. */
	instanceArn?: string;
	/**
	 * The organization's accounts. Given, assignments are read per account and permission set
	 * (sso:ListAccountAssignments, which a delegated administrator may call); without them, per user and group
	 * (sso:ListAccountAssignmentsForPrincipal, which AWS answers only in the management account). A promise:
	 * everything else is read while the organization's tree still is; only the assignments wait for it.
	 */
	accountIds?: string[] | Promise<string[]>;
	/**
	 * Whether the caller is the management account, where AWS answers ListAccountAssignmentsForPrincipal: then,
	 * with accountIds, assignments are read per user and group when that is fewer calls than per account and
	 * permission set (and per pair after all if that listing is refused). Unknown or false: per pair.
	 */
	principalListingAllowed?: boolean | Promise<boolean>;
	/** Calls in flight at once. Default 8, under Identity Center's request rates. */
	concurrency?: number;
}

// The calls' error naming lives beside `calling`; importers of the reader still find it here.
export {IDENTITY_CENTER_READ_ACTIONS, identityCenterError} from './identity-center-calls.js';

/** The one instance to read: the one asked for, or the only one; otherwise a named error. */
export const pickInstance = (instances: IcInstance[], region: string, wanted?: string): IcInstance => {
	if (wanted) {
		const found = instances.find(i => i.arn === wanted);
		if (found) return found;
		throw new IamError('NotFound', `Identity Center instance ${wanted} is not among the ${instances.length} visible in ${region}`, 'check the instance ARN and the region');
	}
	if (instances.length === 1) return instances[0]!;
	if (instances.length === 0) {
		throw new IamError(
			'NotFound',
			`no IAM Identity Center instance is visible in ${region}`,
			"Identity Center lives in one region: use the region it was enabled in, from the management (or delegated administrator) account's profile; or enable it there",
			'NoIdentityCenterInstance',
		);
	}
	throw new IamError('Invalid', `${instances.length} Identity Center instances are visible: ${instances.map(i => i.arn).join(', ')}`, 'choose one by its instance ARN');
};

const parsedPolicy = (text: string | undefined): unknown => {
	if (!text) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		// Kept as text rather than dropped: a policy nobody can read is not the same as no policy.
		return text;
	}
};

/** moto answers a default session duration as a number of seconds; AWS as an ISO 8601 duration (PT1H). */
const isoDuration = (value: unknown): string | undefined => (typeof value === 'number' ? `PT${value}S` : typeof value === 'string' ? value : undefined);

const codeOf = (error: unknown): string => (error as {name?: string} | null)?.name ?? '';

export const readIdentityCenter = async (clients: IdentityCenterClients, options: ReadIdentityCenterOptions = {}): Promise<IdentityCenter> => {
	const {ssoAdmin, identityStore} = clients;
	const limit = options.concurrency ?? 8;
	const region = await ssoAdmin.config.region();

	const listed = await calling('sso:ListInstances', 'instances', () =>
		allPages(async token => {
			const r = await ssoAdmin.send(new ListInstancesCommand({NextToken: token}));
			return {items: r.Instances, next: r.NextToken};
		}),
	);
	const instance = pickInstance(
		listed.map(i => ({arn: i.InstanceArn ?? '', identityStoreId: i.IdentityStoreId ?? '', ownerAccountId: i.OwnerAccountId, name: i.Name})),
		region,
		options.instanceArn,
	);
	const InstanceArn = instance.arn;
	const IdentityStoreId = instance.identityStoreId;

	const boundaryOf = async (PermissionSetArn: string): Promise<PermissionSetBoundary> => {
		try {
			const r = await ssoAdmin.send(new GetPermissionsBoundaryForPermissionSetCommand({InstanceArn, PermissionSetArn}));
			const b = r.PermissionsBoundary;
			if (b?.ManagedPolicyArn) return {kind: 'aws-managed', arn: b.ManagedPolicyArn};
			if (b?.CustomerManagedPolicyReference?.Name) return {kind: 'customer-managed', ref: {name: b.CustomerManagedPolicyReference.Name, path: b.CustomerManagedPolicyReference.Path ?? '/'}};
			return {kind: 'none'};
		} catch (error) {
			// AWS answers ResourceNotFound for a permission set without a boundary.
			if (codeOf(error) === 'ResourceNotFoundException') return {kind: 'none'};
			const named = identityCenterError(error, 'sso:GetPermissionsBoundaryForPermissionSet', 'permission set boundaries');
			if (named.kind === 'AccessDenied' || named.kind === 'Throttled' || named.kind === 'Network' || named.kind === 'Credentials') throw named;
			// Anything else (moto does not implement the call) leaves the boundary unknown, said so, not "none".
			return {kind: 'unread', reason: named.message};
		}
	};

	const readPermissionSet = async (PermissionSetArn: string): Promise<PermissionSet> => {
		const input = {InstanceArn, PermissionSetArn};
		const [described, inline, managed, customer, boundary] = await Promise.all([
			calling('sso:DescribePermissionSet', 'permission sets', () => ssoAdmin.send(new DescribePermissionSetCommand(input))),
			calling('sso:GetInlinePolicyForPermissionSet', 'permission set inline policies', () => ssoAdmin.send(new GetInlinePolicyForPermissionSetCommand(input))),
			calling('sso:ListManagedPoliciesInPermissionSet', 'permission set managed policies', () =>
				allPages(async token => {
					const r = await ssoAdmin.send(new ListManagedPoliciesInPermissionSetCommand({...input, NextToken: token}));
					return {items: r.AttachedManagedPolicies, next: r.NextToken};
				}),
			),
			calling('sso:ListCustomerManagedPolicyReferencesInPermissionSet', 'permission set customer managed policies', () =>
				allPages(async token => {
					const r = await ssoAdmin.send(new ListCustomerManagedPolicyReferencesInPermissionSetCommand({...input, NextToken: token}));
					return {items: r.CustomerManagedPolicyReferences, next: r.NextToken};
				}),
			),
			boundaryOf(PermissionSetArn),
		]);
		const set = described.PermissionSet;
		return {
			arn: PermissionSetArn,
			name: set?.Name ?? PermissionSetArn,
			description: set?.Description,
			sessionDuration: isoDuration(set?.SessionDuration),
			inlinePolicy: parsedPolicy(inline.InlinePolicy),
			managedPolicyArns: managed.map(p => p.Arn ?? '').filter(Boolean),
			customerManagedPolicies: customer.map(c => ({name: c.Name ?? '', path: c.Path ?? '/'})),
			boundary,
		};
	};

	const [users, groups, permissionSetArns] = await Promise.all([
		calling('identitystore:ListUsers', 'users', () =>
			allPages(async token => {
				const r = await identityStore.send(new ListUsersCommand({IdentityStoreId, NextToken: token}));
				return {items: r.Users, next: r.NextToken};
			}),
		),
		calling('identitystore:ListGroups', 'groups', () =>
			allPages(async token => {
				const r = await identityStore.send(new ListGroupsCommand({IdentityStoreId, NextToken: token}));
				return {items: r.Groups, next: r.NextToken};
			}),
		),
		calling('sso:ListPermissionSets', 'permission sets', () =>
			allPages(async token => {
				const r = await ssoAdmin.send(new ListPermissionSetsCommand({InstanceArn, NextToken: token}));
				return {items: r.PermissionSets, next: r.NextToken};
			}),
		),
	]);
	const icUsers: IcUser[] = users.map(u => ({
		id: u.UserId ?? '',
		userName: u.UserName ?? u.UserId ?? '',
		displayName: u.DisplayName,
		emails: (u.Emails ?? []).map(e => e.Value ?? '').filter(Boolean),
	}));
	const icGroups: IcGroup[] = groups.map(g => ({id: g.GroupId ?? '', displayName: g.DisplayName ?? g.GroupId ?? '', description: g.Description}));

	const readMemberships = async (): Promise<IcMembership[]> =>
		(
			await mapBounded(icGroups, limit, group =>
				calling('identitystore:ListGroupMemberships', `members of group ${group.displayName}`, () =>
					allPages(async token => {
						const r = await identityStore.send(new ListGroupMembershipsCommand({IdentityStoreId, GroupId: group.id, NextToken: token}));
						return {items: r.GroupMemberships, next: r.NextToken};
					}),
				),
			)
		)
			.flat()
			// Only users belong to IC groups; a member without a user id is nothing the model can follow.
			.flatMap(m => (m.MemberId && 'UserId' in m.MemberId && m.MemberId.UserId ? [{membershipId: m.MembershipId ?? '', groupId: m.GroupId ?? '', userId: m.MemberId.UserId}] : []));

	// Memberships, permission sets and assignments need only the lists above, not each other: read side by
	// side (each bounded), an organization's assignments (one call per account and permission set) are the long pole.
	const [memberships, permissionSets, assignments] = await Promise.all([
		readMemberships(),
		mapBounded(permissionSetArns, limit, readPermissionSet),
		readAssignments({ssoAdmin, InstanceArn, users: icUsers, groups: icGroups, permissionSetArns, limit, accountIds: options.accountIds, principalListingAllowed: options.principalListingAllowed}),
	]);
	return {instance, users: icUsers, groups: icGroups, memberships, permissionSets, assignments};
};
