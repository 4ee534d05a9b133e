// Lookups over a snapshot, built once per snapshot: user → groups → policies, group → members,
// policy → attachments. Every list screen and headless command reads through these.
import type {AccountSnapshot, AttachedPolicyRef, CredentialReportRow, Group, ManagedPolicy, Role, User} from './snapshot.js';

/** A policy that reaches a user, and how: directly, inline, or through a group. */
export interface PolicyGrant {
	kind: 'managed' | 'inline';
	name: string;
	/** Managed policies only. */
	arn?: string;
	/** Set when the policy comes through a group. */
	viaGroup?: string;
}

export interface SnapshotIndex {
	snapshot: AccountSnapshot;
	userByName: Map<string, User>;
	groupByName: Map<string, Group>;
	roleByName: Map<string, Role>;
	policyByArn: Map<string, ManagedPolicy>;
	membersByGroup: Map<string, string[]>;
	/** Policy ARN → user and group names it is attached to. */
	attachments: Map<string, {users: string[]; groups: string[]}>;
	/** Policy ARN → names of the roles it is attached to. */
	roleAttachments: Map<string, string[]>;
	reportByUser: Map<string, CredentialReportRow>;
}

export const buildIndex = (snapshot: AccountSnapshot): SnapshotIndex => {
	const userByName = new Map(snapshot.users.map(u => [u.name, u]));
	const groupByName = new Map(snapshot.groups.map(g => [g.name, g]));
	// `?? []`: snapshots built before roles were read (saved fixtures, older exports in memory) have none.
	const roleByName = new Map((snapshot.roles ?? []).map(r => [r.name, r]));
	const policyByArn = new Map(snapshot.policies.map(p => [p.arn, p]));
	const membersByGroup = new Map<string, string[]>(snapshot.groups.map(g => [g.name, []]));
	const attachments = new Map<string, {users: string[]; groups: string[]}>();
	const attach = (ref: AttachedPolicyRef) => {
		let entry = attachments.get(ref.arn);
		if (!entry) attachments.set(ref.arn, (entry = {users: [], groups: []}));
		return entry;
	};

	for (const user of snapshot.users) {
		for (const group of user.groups) {
			const members = membersByGroup.get(group);
			if (members) members.push(user.name);
			else membersByGroup.set(group, [user.name]);
		}
		for (const ref of user.attachedPolicies) attach(ref).users.push(user.name);
	}
	for (const group of snapshot.groups) {
		for (const ref of group.attachedPolicies) attach(ref).groups.push(group.name);
	}

	const roleAttachments = new Map<string, string[]>();
	for (const role of snapshot.roles ?? []) {
		for (const ref of role.attachedPolicies) roleAttachments.set(ref.arn, [...(roleAttachments.get(ref.arn) ?? []), role.name]);
	}

	const reportByUser = new Map(
		snapshot.credentialReport.status === 'ok' ? snapshot.credentialReport.rows.map(r => [r.user, r]) : [],
	);
	return {snapshot, userByName, groupByName, roleByName, policyByArn, membersByGroup, attachments, roleAttachments, reportByUser};
};

/** Every identity policy that reaches a user, with its path; direct ones first, then by group. */
export const policiesReachingUser = (index: SnapshotIndex, user: User): PolicyGrant[] => {
	const grants: PolicyGrant[] = [
		...user.attachedPolicies.map(p => ({kind: 'managed' as const, name: p.name, arn: p.arn})),
		...user.inlinePolicies.map(p => ({kind: 'inline' as const, name: p.name})),
	];
	for (const groupName of user.groups) {
		const group = index.groupByName.get(groupName);
		if (!group) continue;
		grants.push(
			...group.attachedPolicies.map(p => ({kind: 'managed' as const, name: p.name, arn: p.arn, viaGroup: group.name})),
			...group.inlinePolicies.map(p => ({kind: 'inline' as const, name: p.name, viaGroup: group.name})),
		);
	}
	return grants;
};

/** Distinct policies reaching a user (a managed policy reached twice counts once). */
export const distinctPolicyCount = (grants: PolicyGrant[]): number =>
	new Set(grants.map(g => (g.kind === 'managed' ? g.arn : `inline:${g.viaGroup ?? ''}:${g.name}`))).size;
