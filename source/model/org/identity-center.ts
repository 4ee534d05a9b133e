// IAM Identity Center as plain data (the instance, identity-store people and groups, permission sets,
// account assignments) and the questions asked of it: which accounts and permission sets a person reaches
// and how, who is in a group and what it is assigned, who reaches an account, and finding a person. Nothing
// read from AWS here.

export interface IcInstance {
	arn: string;
	identityStoreId: string;
	ownerAccountId?: string;
	name?: string;
}

export interface IcUser {
	id: string;
	userName: string;
	displayName?: string;
	emails: string[];
}

export interface IcGroup {
	id: string;
	displayName: string;
	description?: string;
}

export interface IcMembership {
	/** What DeleteGroupMembership takes: offboarding removes memberships by this id. */
	membershipId: string;
	groupId: string;
	userId: string;
}

/** A customer managed policy a permission set names: it must exist under this path and name in each account. */
export interface CustomerManagedPolicyRef {
	name: string;
	path: string;
}

export type PermissionSetBoundary =
	| {kind: 'none'}
	| {kind: 'aws-managed'; arn: string}
	| {kind: 'customer-managed'; ref: CustomerManagedPolicyRef}
	/** The boundary could not be read (moto does not implement it): neither "none" nor a policy may be assumed. */
	| {kind: 'unread'; reason: string};

export interface PermissionSet {
	arn: string;
	name: string;
	description?: string;
	/** ISO 8601 duration, e.g. PT1H. */
	sessionDuration?: string;
	/** The parsed inline policy document; undefined when the permission set has none. */
	inlinePolicy?: unknown;
	managedPolicyArns: string[];
	customerManagedPolicies: CustomerManagedPolicyRef[];
	boundary: PermissionSetBoundary;
}

export type PrincipalType = 'USER' | 'GROUP';

export interface AccountAssignment {
	accountId: string;
	permissionSetArn: string;
	principalType: PrincipalType;
	principalId: string;
}

export interface IdentityCenter {
	instance: IcInstance;
	users: IcUser[];
	groups: IcGroup[];
	memberships: IcMembership[];
	permissionSets: PermissionSet[];
	assignments: AccountAssignment[];
}

/**
 * The IAM role a permission set becomes in an account. AWS names it AWSReservedSSO_<PermissionSetName>_<hash>
 * under the path /aws-reserved/sso.amazonaws.com/; the 16-hex-digit hash is AWS's own and cannot be derived,
 * so only the pattern is known until the account's roles are read.
 */
export interface SsoRoleName {
	/** AWSReservedSSO_<name>_* — the * stands for the hash. */
	pattern: string;
	pathPrefix: string;
}

const SSO_ROLE_PREFIX = 'AWSReservedSSO_';
export const SSO_ROLE_PATH_PREFIX = '/aws-reserved/sso.amazonaws.com/';

export const ssoRoleName = (permissionSetName: string): SsoRoleName => ({
	pattern: `${SSO_ROLE_PREFIX}${permissionSetName}_*`,
	pathPrefix: SSO_ROLE_PATH_PREFIX,
});

/** Whether an IAM role name is the one AWS made for this permission set (the prefix, the name, then the hash). */
export const isSsoRoleOf = (roleName: string, permissionSetName: string): boolean => {
	const prefix = `${SSO_ROLE_PREFIX}${permissionSetName}_`;
	return roleName.startsWith(prefix) && /^[\da-f]{16}$/i.test(roleName.slice(prefix.length));
};

/** How a person comes to an (account, permission set): assigned to them, or through an IC group they are in. */
export type ReachVia = {kind: 'direct'} | {kind: 'group'; group: IcGroup};

/** Every way in, in words: "assigned directly + group Admins". */
export const reachViaText = (via: ReachVia[]): string => via.map(v => (v.kind === 'direct' ? 'assigned directly' : `group ${v.group.displayName}`)).join(' + ');

export interface Reach {
	accountId: string;
	permissionSet: PermissionSet;
	/** Every way in: a direct assignment and each group that holds the same assignment. */
	via: ReachVia[];
	role: SsoRoleName;
}

export interface PersonReach {
	user: IcUser;
	reaches: Reach[];
}

export interface AccountReach {
	user: IcUser;
	permissionSet: PermissionSet;
	via: ReachVia[];
	role: SsoRoleName;
}

interface Index {
	users: Map<string, IcUser>;
	groups: Map<string, IcGroup>;
	permissionSets: Map<string, PermissionSet>;
	groupsOfUser: Map<string, string[]>;
	membersOfGroup: Map<string, string[]>;
	assignmentsOf: Map<string, AccountAssignment[]>;
	assignmentsIn: Map<string, AccountAssignment[]>;
}

const push = <V>(map: Map<string, V[]>, key: string, value: V): void => {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
};

const principalKey = (type: PrincipalType, id: string): string => `${type}:${id}`;

// One index per IdentityCenter value: a person's screen and an account's list ask many times of the same read.
const indexes = new WeakMap<IdentityCenter, Index>();

const indexOf = (ic: IdentityCenter): Index => {
	const cached = indexes.get(ic);
	if (cached) return cached;
	const index: Index = {
		users: new Map(ic.users.map(u => [u.id, u])),
		groups: new Map(ic.groups.map(g => [g.id, g])),
		permissionSets: new Map(ic.permissionSets.map(p => [p.arn, p])),
		groupsOfUser: new Map(),
		membersOfGroup: new Map(),
		assignmentsOf: new Map(),
		assignmentsIn: new Map(),
	};
	for (const m of ic.memberships) {
		push(index.groupsOfUser, m.userId, m.groupId);
		push(index.membersOfGroup, m.groupId, m.userId);
	}
	for (const a of ic.assignments) {
		push(index.assignmentsOf, principalKey(a.principalType, a.principalId), a);
		push(index.assignmentsIn, a.accountId, a);
	}
	indexes.set(ic, index);
	return index;
};

/** A permission set an assignment names but the read did not hold (deleted meanwhile): its ARN stands in for its name. */
const permissionSetOf = (index: Index, arn: string): PermissionSet =>
	index.permissionSets.get(arn) ?? {arn, name: arn.split('/').pop() ?? arn, managedPolicyArns: [], customerManagedPolicies: [], boundary: {kind: 'unread', reason: 'the permission set was not in the read'}};

const groupOf = (index: Index, id: string): IcGroup => index.groups.get(id) ?? {id, displayName: id};

const viaOf = (index: Index, a: AccountAssignment): ReachVia => (a.principalType === 'USER' ? {kind: 'direct'} : {kind: 'group', group: groupOf(index, a.principalId)});

const sameVia = (a: ReachVia, b: ReachVia): boolean => (a.kind === 'direct' ? b.kind === 'direct' : b.kind === 'group' && a.group.id === b.group.id);

/** The assignments that reach one user: their own, then each of their groups'. */
const assignmentsReaching = (index: Index, userId: string): AccountAssignment[] => [
	...(index.assignmentsOf.get(principalKey('USER', userId)) ?? []),
	...(index.groupsOfUser.get(userId) ?? []).flatMap(groupId => index.assignmentsOf.get(principalKey('GROUP', groupId)) ?? []),
];

/** Folds assignments to one row per (account, permission set), every way in kept; sorted by account, then name. */
const byAccountAndSet = (index: Index, assignments: AccountAssignment[]): Reach[] => {
	const rows = new Map<string, Reach>();
	for (const a of assignments) {
		const key = `${a.accountId} ${a.permissionSetArn}`;
		let row = rows.get(key);
		if (!row) {
			const permissionSet = permissionSetOf(index, a.permissionSetArn);
			row = {accountId: a.accountId, permissionSet, via: [], role: ssoRoleName(permissionSet.name)};
			rows.set(key, row);
		}
		const via = viaOf(index, a);
		// The same assignment read twice is one way in.
		if (!row.via.some(v => sameVia(v, via))) row.via.push(via);
	}
	return [...rows.values()].sort((a, b) => a.accountId.localeCompare(b.accountId) || a.permissionSet.name.localeCompare(b.permissionSet.name));
};

/** Every (account, permission set) a person reaches and how; undefined for a user id the identity store does not hold. */
export const personReach = (ic: IdentityCenter, userId: string): PersonReach | undefined => {
	const index = indexOf(ic);
	const user = index.users.get(userId);
	if (!user) return undefined;
	return {user, reaches: byAccountAndSet(index, assignmentsReaching(index, userId))};
};

export interface GroupReach {
	group: IcGroup;
	/** The group's members, by user name; a membership naming a user the store no longer holds keeps its id. */
	members: IcUser[];
	/** Every (account, permission set) assigned to the group: what each member reaches through it. */
	reaches: Reach[];
}

/** An Identity Center group's members and what is assigned to it; undefined for a group id the identity store does not hold. */
export const groupReach = (ic: IdentityCenter, groupId: string): GroupReach | undefined => {
	const index = indexOf(ic);
	const group = index.groups.get(groupId);
	if (!group) return undefined;
	const members = [...new Set(index.membersOfGroup.get(groupId) ?? [])]
		.map(userId => index.users.get(userId) ?? {id: userId, userName: userId, emails: []})
		.sort((a, b) => a.userName.localeCompare(b.userName));
	return {group, members, reaches: byAccountAndSet(index, index.assignmentsOf.get(principalKey('GROUP', groupId)) ?? [])};
};

/** Everyone who reaches an account with any permission set, one row per (person, permission set), sorted by user name. */
export const whoReachesAccount = (ic: IdentityCenter, accountId: string): AccountReach[] => {
	const index = indexOf(ic);
	const perUser = new Map<string, AccountAssignment[]>();
	for (const a of index.assignmentsIn.get(accountId) ?? []) {
		const userIds = a.principalType === 'USER' ? [a.principalId] : (index.membersOfGroup.get(a.principalId) ?? []);
		for (const userId of userIds) push(perUser, userId, a);
	}
	const rows: AccountReach[] = [];
	for (const [userId, assignments] of perUser) {
		// An assignment to a user the store no longer holds reaches no one.
		const user = index.users.get(userId);
		if (!user) continue;
		for (const r of byAccountAndSet(index, assignments)) rows.push({user, permissionSet: r.permissionSet, via: r.via, role: r.role});
	}
	return rows.sort((a, b) => a.user.userName.localeCompare(b.user.userName) || a.permissionSet.name.localeCompare(b.permissionSet.name));
};

export type PersonField = 'userName' | 'displayName' | 'email';

export interface PersonMatch {
	user: IcUser;
	field: PersonField;
	exact: boolean;
}

/**
 * People whose user name, display name or an email matches the query, case-insensitively: exact matches
 * first, then those that contain it; each person once, by the best field.
 */
export const findPeople = (ic: IdentityCenter, query: string): PersonMatch[] => {
	const wanted = query.trim().toLowerCase();
	if (!wanted) return [];
	const matches: PersonMatch[] = [];
	for (const user of ic.users) {
		const fields: [PersonField, string | undefined][] = [['userName', user.userName], ['displayName', user.displayName], ...user.emails.map((e): [PersonField, string] => ['email', e])];
		const values = fields.filter((f): f is [PersonField, string] => f[1] !== undefined).map(([field, value]) => ({field, value: value.toLowerCase()}));
		const best = values.find(v => v.value === wanted) ?? values.find(v => v.value.includes(wanted));
		if (best) matches.push({user, field: best.field, exact: best.value === wanted});
	}
	return matches.sort((a, b) => Number(b.exact) - Number(a.exact) || a.user.userName.localeCompare(b.user.userName));
};
