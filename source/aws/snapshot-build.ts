// GetAccountAuthorizationDetails pages + the credential report → AccountSnapshot. Pure: no requests,
// so every quirk of the wire format (URL-encoded or raw documents, missing names, moto returning all
// AWS managed policies) is handled and tested here.
import type {
	AttachedPolicy,
	GetAccountAuthorizationDetailsCommandOutput,
	GroupDetail,
	ManagedPolicyDetail,
	PolicyDetail,
	RoleDetail,
	UserDetail,
} from '@aws-sdk/client-iam';
import type {
	AccountSnapshot,
	AttachedPolicyRef,
	CredentialReport,
	Group,
	InlinePolicy,
	ManagedPolicy,
	Role,
	Tag,
	User,
} from '../model/snapshot.js';

/** The parts of a GAAD page the snapshot uses (a real SDK output fits). */
export type AuthorizationDetailsPage = Pick<
	GetAccountAuthorizationDetailsCommandOutput,
	'UserDetailList' | 'GroupDetailList' | 'RoleDetailList' | 'Policies'
>;

const AWS_MANAGED_PREFIX = /^arn:aws[\w-]*:iam::aws:policy\//;

export const isAwsManagedArn = (arn: string): boolean => AWS_MANAGED_PREFIX.test(arn);

/** arn:aws:iam::123456789012:policy/path/Name → Name. */
export const policyNameFromArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1) || arn;

/**
 * AWS sends policy documents URL-encoded (RFC 3986); moto sometimes sends them raw; the aws CLI's
 * JSON export (offline accounts) holds them already parsed. Returns the document pretty-printed with
 * 2 spaces, or the decoded text as is when it is not JSON.
 */
export const decodePolicyDocument = (raw: string | object | undefined): string => {
	if (!raw) return '';
	if (typeof raw === 'object') return JSON.stringify(raw, null, 2);
	let text = raw.trim();
	// Raw JSON starts with '{'; encoded JSON starts with '%7B'. Decoding raw JSON could corrupt a '%' in it.
	if (!text.startsWith('{')) {
		try {
			text = decodeURIComponent(text);
		} catch {
			// Not valid percent-encoding: keep what arrived.
		}
	}
	try {
		return JSON.stringify(JSON.parse(text), null, 2);
	} catch {
		return text;
	}
};

const iso = (date: Date | string | undefined): string => {
	if (!date) return '';
	const value = date instanceof Date ? date : new Date(date);
	return Number.isNaN(value.getTime()) ? '' : value.toISOString();
};

const attachedRefs = (list: AttachedPolicy[] | undefined): AttachedPolicyRef[] =>
	(list ?? [])
		.filter(p => p.PolicyArn)
		.map(p => ({name: p.PolicyName || policyNameFromArn(p.PolicyArn!), arn: p.PolicyArn!}));

const inlinePolicies = (list: PolicyDetail[] | undefined): InlinePolicy[] =>
	(list ?? []).map(p => ({name: p.PolicyName ?? '', document: decodePolicyDocument(p.PolicyDocument)}));

const tagsOf = (list: {Key?: string; Value?: string}[] | undefined): Tag[] =>
	(list ?? []).map(t => ({Key: t.Key ?? '', Value: t.Value ?? ''}));

/** The fields every IAM identity has, with GAAD's missing values made empty. */
const identity = (name: string | undefined, id: string | undefined, d: {Arn?: string; Path?: string; CreateDate?: Date}) => ({
	name: name ?? '',
	id: id ?? '',
	arn: d.Arn ?? '',
	path: d.Path ?? '/',
	createDate: iso(d.CreateDate),
});

const toUser = (u: UserDetail): User => ({
	...identity(u.UserName, u.UserId, u),
	groups: [...(u.GroupList ?? [])],
	attachedPolicies: attachedRefs(u.AttachedManagedPolicies),
	inlinePolicies: inlinePolicies(u.UserPolicyList),
	tags: tagsOf(u.Tags),
	...(u.PermissionsBoundary?.PermissionsBoundaryArn ? {permissionsBoundaryArn: u.PermissionsBoundary.PermissionsBoundaryArn} : {}),
});

const toGroup = (g: GroupDetail): Group => ({
	...identity(g.GroupName, g.GroupId, g),
	attachedPolicies: attachedRefs(g.AttachedManagedPolicies),
	inlinePolicies: inlinePolicies(g.GroupPolicyList),
});

// The trust document arrives URL-encoded from AWS and raw from moto; decoded tolerantly like any document.
const toRole = (r: RoleDetail): Role => {
	const lastUsed = iso(r.RoleLastUsed?.LastUsedDate);
	return {
		...identity(r.RoleName, r.RoleId, r),
		trustPolicy: decodePolicyDocument(r.AssumeRolePolicyDocument),
		attachedPolicies: attachedRefs(r.AttachedManagedPolicies),
		inlinePolicies: inlinePolicies(r.RolePolicyList),
		tags: tagsOf(r.Tags),
		instanceProfiles: (r.InstanceProfileList ?? []).map(p => ({name: p.InstanceProfileName ?? '', arn: p.Arn ?? ''})),
		...(r.PermissionsBoundary?.PermissionsBoundaryArn ? {permissionsBoundaryArn: r.PermissionsBoundary.PermissionsBoundaryArn} : {}),
		...(lastUsed ? {lastUsed: {date: lastUsed, ...(r.RoleLastUsed?.Region ? {region: r.RoleLastUsed.Region} : {})}} : {}),
	};
};

const toPolicy = (p: ManagedPolicyDetail): ManagedPolicy => {
	const arn = p.Arn ?? '';
	const versions = p.PolicyVersionList ?? [];
	const current =
		versions.find(v => v.IsDefaultVersion) ?? versions.find(v => v.VersionId && v.VersionId === p.DefaultVersionId);
	return {
		name: p.PolicyName || policyNameFromArn(arn),
		arn,
		id: p.PolicyId ?? '',
		path: p.Path ?? '/',
		awsManaged: isAwsManagedArn(arn),
		defaultVersionId: p.DefaultVersionId ?? current?.VersionId ?? '',
		document: decodePolicyDocument(current?.Document),
		attachmentCount: p.AttachmentCount ?? 0,
		createDate: iso(p.CreateDate),
		updateDate: iso(p.UpdateDate ?? p.CreateDate),
		...(p.Description ? {description: p.Description} : {}),
	};
};

/** Counts what a page adds, for progress: customer managed policies and attached AWS managed ones. */
export const countPage = (page: AuthorizationDetailsPage): {users: number; groups: number; roles: number; policies: number} => ({
	users: page.UserDetailList?.length ?? 0,
	groups: page.GroupDetailList?.length ?? 0,
	roles: page.RoleDetailList?.length ?? 0,
	policies: (page.Policies ?? []).filter(p => !isAwsManagedArn(p.Arn ?? '') || (p.AttachmentCount ?? 0) > 0).length,
});

const byName = <T extends {name: string}>(a: T, b: T) => a.name.localeCompare(b.name);

/**
 * Merges every GAAD page into one snapshot. AWS managed policies are kept only when something uses
 * them (AWS returns only those; moto with MOTO_IAM_LOAD_MANAGED_POLICIES returns ~1,500), so the
 * list never depends on which of the two answered. Customer managed policies are always kept.
 */
export const buildSnapshot = (
	pages: AuthorizationDetailsPage[],
	credentialReport: CredentialReport,
	loadedAt: string = new Date().toISOString(),
): AccountSnapshot => {
	// Keyed maps: a page boundary never duplicates an entity, even if a service repeats one.
	const users = new Map<string, User>();
	const groups = new Map<string, Group>();
	const roles = new Map<string, Role>();
	const policies = new Map<string, ManagedPolicyDetail>();
	const referenced = new Set<string>();

	for (const page of pages) {
		for (const detail of page.UserDetailList ?? []) {
			const user = toUser(detail);
			users.set(user.arn || user.name, user);
			for (const ref of user.attachedPolicies) referenced.add(ref.arn);
		}
		for (const detail of page.GroupDetailList ?? []) {
			const group = toGroup(detail);
			groups.set(group.arn || group.name, group);
			for (const ref of group.attachedPolicies) referenced.add(ref.arn);
		}
		for (const detail of page.RoleDetailList ?? []) {
			const role = toRole(detail);
			roles.set(role.arn || role.name, role);
			for (const ref of role.attachedPolicies) referenced.add(ref.arn);
		}
		for (const detail of page.Policies ?? []) if (detail.Arn) policies.set(detail.Arn, detail);
	}

	const kept = [...policies.values()].filter(
		p => !isAwsManagedArn(p.Arn!) || (p.AttachmentCount ?? 0) > 0 || referenced.has(p.Arn!),
	);
	return {
		loadedAt,
		users: [...users.values()].sort(byName),
		groups: [...groups.values()].sort(byName),
		policies: kept.map(toPolicy).sort(byName),
		roles: [...roles.values()].sort(byName),
		credentialReport,
	};
};
