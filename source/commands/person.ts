// Headless `person NAME`: an Identity Center person (by user name, display name or email) and every
// account and permission set they reach, directly or through which IC group, with the role the set became
// in each account as its roles were read (through the audit role). JSON keys follow the Identity Center
// APIs (UserName, PermissionSetArn, PrincipalType…).
import {IamError} from '../model/errors.js';
import {findPeople, personReach, reachViaText, type IcUser, type IdentityCenter, type PermissionSet, type PermissionSetBoundary, type ReachVia} from '../model/org/identity-center.js';
import {orgAccounts} from '../model/org/org-load.js';
import type {OrgAccount} from '../model/org/organization.js';
import {roleRead, type ProvisionedRole, type SsoRoleNames} from '../model/org/provisioned-role.js';
import type {OrgPeople} from '../aws/org-people-reader.js';
import type {CommandResult} from './result.js';
import {textTable} from './text-table.js';
import {usageError} from './write-args.js';

/** The one person NAME names: an exact match if only one is exact, else the only match; otherwise an error listing them. */
export const choosePerson = (ic: IdentityCenter, name: string): IcUser => {
	const matches = findPeople(ic, name);
	const exact = matches.filter(m => m.exact);
	if (exact.length === 1) return exact[0]!.user;
	if (exact.length === 0 && matches.length === 1) return matches[0]!.user;
	if (matches.length === 0) {
		throw new IamError('NotFound', `no Identity Center person matches "${name}" (user name, display name or email)`, `the identity store ${ic.instance.identityStoreId} holds ${ic.users.length} people`, 'NoSuchPerson');
	}
	const candidates = (exact.length > 0 ? exact : matches).map(m => m.user.userName);
	throw usageError(`"${name}" matches ${candidates.length} people: ${candidates.join(', ')}`, 'give one of those user names');
};

const boundaryJson = (boundary: PermissionSetBoundary) => {
	switch (boundary.kind) {
		case 'none':
			return null;
		case 'aws-managed':
			return {ManagedPolicyArn: boundary.arn};
		case 'customer-managed':
			return {CustomerManagedPolicyReference: {Name: boundary.ref.name, Path: boundary.ref.path}};
		case 'unread':
			// Unknown, said so: never shown as "no boundary".
			return {Unread: boundary.reason};
	}
};

const permissionSetJson = (set: PermissionSet) => ({
	PermissionSetArn: set.arn,
	Name: set.name,
	...(set.description ? {Description: set.description} : {}),
	...(set.sessionDuration ? {SessionDuration: set.sessionDuration} : {}),
	AttachedManagedPolicies: set.managedPolicyArns.map(arn => ({Arn: arn, Name: arn.slice(arn.lastIndexOf('/') + 1)})),
	CustomerManagedPolicyReferences: set.customerManagedPolicies.map(ref => ({Name: ref.name, Path: ref.path})),
	InlinePolicy: set.inlinePolicy ?? null,
	PermissionsBoundary: boundaryJson(set.boundary),
});

const viaJson = (via: ReachVia) => (via.kind === 'direct' ? {PrincipalType: 'USER'} : {PrincipalType: 'GROUP', GroupId: via.group.id, DisplayName: via.group.displayName});

/** The role as the JSON says it: its name when found, whether provisioned, or why the account's roles were not read. */
const roleJson = (role: ProvisionedRole) =>
	role.kind === 'found' ? {RoleName: role.name, Provisioned: true} : role.kind === 'absent' ? {Provisioned: false} : {RoleNotRead: role.reason ?? 'not read'};

/** The ROLE cell: the role's name, or the pattern saying it is not provisioned there, or that the account was not read. */
const roleCell = (role: ProvisionedRole, pattern: string): string =>
	role.kind === 'found' ? role.name : role.kind === 'absent' ? `not provisioned (${pattern})` : `${pattern} (roles not read)`;

/** `readRoles`: the Identity Center roles of the accounts the person reaches, read through the audit role. */
export const personCommand = async (people: OrgPeople, name: string, json: boolean, readRoles: (accounts: OrgAccount[]) => Promise<SsoRoleNames>): Promise<CommandResult> => {
	const ic = people.identityCenter;
	const user = choosePerson(ic, name);
	const reach = personReach(ic, user.id)!;
	const accounts = new Map(orgAccounts(people.organization).map(row => [row.account.id, row.account]));
	const namesOf = new Map([...accounts].map(([id, account]) => [id, account.name]));
	const reached = [...new Set(reach.reaches.map(r => r.accountId))].flatMap(id => accounts.get(id) ?? []);
	const read = reached.length > 0 ? await readRoles(reached) : new Map();
	const roleOf = (r: (typeof reach.reaches)[number]) => roleRead(read, r.accountId, namesOf.get(r.accountId) ?? r.accountId, r.permissionSet.name);
	const groupNames = new Map(ic.groups.map(g => [g.id, g.displayName]));
	const groups = ic.memberships.filter(m => m.userId === user.id).map(m => ({GroupId: m.groupId, DisplayName: groupNames.get(m.groupId) ?? m.groupId, MembershipId: m.membershipId}));
	if (json) {
		const body = {
			UserId: user.id,
			UserName: user.userName,
			...(user.displayName ? {DisplayName: user.displayName} : {}),
			Emails: user.emails,
			IdentityStoreId: ic.instance.identityStoreId,
			InstanceArn: ic.instance.arn,
			Groups: groups,
			AccountAssignments: reach.reaches.map(r => ({
				AccountId: r.accountId,
				// An assignment to an account the organization does not list (left, or closed) keeps its id only.
				...(namesOf.has(r.accountId) ? {AccountName: namesOf.get(r.accountId)} : {}),
				PermissionSet: permissionSetJson(r.permissionSet),
				Via: r.via.map(viaJson),
				RoleNamePattern: r.role.pattern,
				...roleJson(roleOf(r)),
			})),
		};
		return {stdout: JSON.stringify(body, null, 2)};
	}
	const header = `${user.userName}${user.displayName ? `  ${user.displayName}` : ''}${user.emails.length ? `  ${user.emails.join(', ')}` : ''}  (${user.id})`;
	const groupLine = `Identity Center groups: ${groups.map(g => g.DisplayName).join(', ') || '-'}`;
	if (reach.reaches.length === 0) return {stdout: [header, groupLine, 'Reaches no account through Identity Center.'].join('\n')};
	const table = textTable(
		['ACCOUNT', 'ID', 'PERMISSION SET', 'VIA', 'ROLE'],
		reach.reaches.map(r => [namesOf.get(r.accountId) ?? '?', r.accountId, r.permissionSet.name, reachViaText(r.via), roleCell(roleOf(r), r.role.pattern)]),
	);
	// Why an account's roles were not read, once per account.
	const unread = [...read].flatMap(([id, names]) => (Array.isArray(names) ? [] : [`note: the roles of ${namesOf.get(id) ?? id} (${id}) were not read: ${names.error}`]));
	return {stdout: [header, groupLine, '', table, ...unread].join('\n')};
};
