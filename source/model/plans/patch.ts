// Applies a finished plan's changes to a snapshot, so the screens show them at once; the background
// reload then replaces the patched snapshot with what IAM says. Also used to simulate a plan (previews,
// the lockout guard). Credentials (keys, passwords, certificates, MFA) are not in the snapshot: those
// changes leave it as it is. Entities created here get ARNs and ids shaped like IAM's until the reload.
import type {AccountSnapshot, AttachedPolicyRef, Group, InlinePolicy, ManagedPolicy, Role, User} from '../snapshot.js';
import type {AppliedChange, SnapshotPatch} from './types.js';

/** A membership change as a patch (previews simulate one). */
export const membershipPatch = (user: string, group: string, member: boolean): SnapshotPatch => ({
	changes: [member ? {operation: 'addUserToGroup', user, group} : {operation: 'removeUserFromGroup', user, group}],
});

const accountOf = (snapshot: AccountSnapshot): string => {
	const arns = [...snapshot.users, ...snapshot.groups, ...snapshot.policies.filter(p => !p.awsManaged)].map(e => e.arn);
	return arns.map(arn => arn.split(':')[4] ?? '').find(account => /^\d{12}$/.test(account)) ?? '000000000000';
};

/** A stable stand-in for the id IAM assigns (prefix + 17 characters), derived from the ARN. */
const syntheticId = (prefix: string, arn: string): string => {
	let hash = 0x811c9dc5;
	let id = '';
	for (let round = 0; id.length < 17; round++) {
		for (const char of `${round}${arn}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
		id += hash.toString(36).toUpperCase();
	}
	return prefix + id.slice(0, 17);
};

const policyName = (arn: string) => arn.split('/').pop() ?? arn;

type Holder = User | Group | Role;

const withAttached = <T extends Holder>(holder: T, ref: AttachedPolicyRef, attach: boolean): T => {
	const others = holder.attachedPolicies.filter(p => p.arn !== ref.arn);
	return {...holder, attachedPolicies: attach ? [...others, ref] : others};
};

const withInline = <T extends Holder>(holder: T, name: string, document?: string): T => {
	const inlinePolicies: InlinePolicy[] = holder.inlinePolicies.filter(p => p.name !== name);
	if (document !== undefined) inlinePolicies.push({name, document});
	return {...holder, inlinePolicies};
};

const mapUser = (s: AccountSnapshot, name: string, change: (user: User) => User): AccountSnapshot => ({
	...s,
	users: s.users.map(u => (u.name === name ? change(u) : u)),
});

const mapGroup = (s: AccountSnapshot, name: string, change: (group: Group) => Group): AccountSnapshot => ({
	...s,
	groups: s.groups.map(g => (g.name === name ? change(g) : g)),
});

const mapRole = (s: AccountSnapshot, name: string, change: (role: Role) => Role): AccountSnapshot => ({
	...s,
	roles: (s.roles ?? []).map(r => (r.name === name ? change(r) : r)),
});

/** Attach or detach a managed policy, keeping the policy's attachment count in step. */
const attachment = (s: AccountSnapshot, kind: 'user' | 'group' | 'role', name: string, arn: string, attach: boolean): AccountSnapshot => {
	const holders: Holder[] = kind === 'user' ? s.users : kind === 'group' ? s.groups : (s.roles ?? []);
	const holder = holders.find(h => h.name === name);
	if (!holder || holder.attachedPolicies.some(p => p.arn === arn) === attach) return s;
	const known = s.policies.find(p => p.arn === arn);
	const ref = {name: known?.name ?? policyName(arn), arn};
	const next =
		kind === 'user'
			? mapUser(s, name, u => withAttached(u, ref, attach))
			: kind === 'group'
				? mapGroup(s, name, g => withAttached(g, ref, attach))
				: mapRole(s, name, r => withAttached(r, ref, attach));
	const delta = attach ? 1 : -1;
	if (known) return {...next, policies: next.policies.map(p => (p.arn === arn ? {...p, attachmentCount: Math.max(0, p.attachmentCount + delta)} : p))};
	// An AWS managed policy attached for the first time: listed (document unknown until the reload).
	if (!attach) return next;
	const stub: ManagedPolicy = {name: ref.name, arn, id: syntheticId('ANPA', arn), path: '/', awsManaged: arn.includes(':iam::aws:'), defaultVersionId: '', document: '', attachmentCount: 1, createDate: s.loadedAt, updateDate: s.loadedAt};
	return {...next, policies: [...next.policies, stub]};
};

/** Drop references to a policy that no longer exists. */
const forgetPolicy = (s: AccountSnapshot, arn: string): AccountSnapshot => ({
	...s,
	policies: s.policies.filter(p => p.arn !== arn),
	users: s.users.map(u => {
		const next = withAttached(u, {name: '', arn}, false);
		if (next.permissionsBoundaryArn === arn) delete next.permissionsBoundaryArn;
		return next;
	}),
	groups: s.groups.map(g => withAttached(g, {name: '', arn}, false)),
});

/** Take a deleted holder's attachments off its policies' counts. */
const releaseAttachments = (s: AccountSnapshot, holder: Holder | undefined): AccountSnapshot => {
	const arns = new Set(holder?.attachedPolicies.map(p => p.arn));
	return arns.size === 0 ? s : {...s, policies: s.policies.map(p => (arns.has(p.arn) ? {...p, attachmentCount: Math.max(0, p.attachmentCount - 1)} : p))};
};

const applyOne = (now: string) => (s: AccountSnapshot, change: AppliedChange): AccountSnapshot => {
	switch (change.operation) {
		case 'addUserToGroup':
		case 'removeUserFromGroup': {
			const add = change.operation === 'addUserToGroup';
			return mapUser(s, change.user, user => ({...user, groups: [...user.groups.filter(g => g !== change.group), ...(add ? [change.group] : [])]}));
		}
		case 'createUser': {
			if (s.users.some(u => u.name === change.user)) return s;
			const path = change.path ?? '/';
			const arn = `arn:aws:iam::${accountOf(s)}:user${path}${change.user}`;
			const user: User = {name: change.user, id: syntheticId('AIDA', arn), arn, path, createDate: now, groups: [], attachedPolicies: [], inlinePolicies: [], tags: change.tags ?? []};
			return {...s, users: [...s.users, user]};
		}
		case 'deleteUser': {
			const gone = s.users.find(u => u.name === change.user);
			const report = s.credentialReport.status === 'ok' ? {...s.credentialReport, rows: s.credentialReport.rows.filter(r => r.user !== change.user)} : s.credentialReport;
			return releaseAttachments({...s, users: s.users.filter(u => u !== gone), credentialReport: report}, gone);
		}
		case 'tagUser': {
			const keys = new Set(change.tags.map(t => t.Key.toLowerCase()));
			return mapUser(s, change.user, user => ({...user, tags: [...user.tags.filter(t => !keys.has(t.Key.toLowerCase())), ...change.tags]}));
		}
		case 'untagUser': {
			const keys = new Set(change.tagKeys.map(k => k.toLowerCase()));
			return mapUser(s, change.user, user => ({...user, tags: user.tags.filter(t => !keys.has(t.Key.toLowerCase()))}));
		}
		case 'createGroup': {
			if (s.groups.some(g => g.name === change.group)) return s;
			const path = change.path ?? '/';
			const arn = `arn:aws:iam::${accountOf(s)}:group${path}${change.group}`;
			const group: Group = {name: change.group, id: syntheticId('AGPA', arn), arn, path, createDate: now, attachedPolicies: [], inlinePolicies: []};
			return {...s, groups: [...s.groups, group]};
		}
		case 'deleteGroup': {
			const gone = s.groups.find(g => g.name === change.group);
			const users = s.users.map(u => (u.groups.includes(change.group) ? {...u, groups: u.groups.filter(g => g !== change.group)} : u));
			return releaseAttachments({...s, users, groups: s.groups.filter(g => g !== gone)}, gone);
		}
		case 'attachUserPolicy':
		case 'detachUserPolicy':
			return attachment(s, 'user', change.user, change.policyArn, change.operation === 'attachUserPolicy');
		case 'attachGroupPolicy':
		case 'detachGroupPolicy':
			return attachment(s, 'group', change.group, change.policyArn, change.operation === 'attachGroupPolicy');
		case 'createPolicy': {
			const path = change.path ?? '/';
			const arn = change.result?.arn ?? `arn:aws:iam::${accountOf(s)}:policy${path}${change.policyName}`;
			if (s.policies.some(p => p.arn === arn)) return s;
			const policy: ManagedPolicy = {
				name: change.policyName,
				arn,
				id: syntheticId('ANPA', arn),
				path,
				awsManaged: false,
				defaultVersionId: 'v1',
				document: change.document,
				attachmentCount: 0,
				createDate: now,
				updateDate: now,
				...(change.description ? {description: change.description} : {}),
			};
			return {...s, policies: [...s.policies, policy]};
		}
		case 'deletePolicy':
			return forgetPolicy(s, change.policyArn);
		case 'putUserPolicy':
			return mapUser(s, change.user, u => withInline(u, change.policyName, change.document));
		case 'deleteUserPolicy':
			return mapUser(s, change.user, u => withInline(u, change.policyName));
		case 'putGroupPolicy':
			return mapGroup(s, change.group, g => withInline(g, change.policyName, change.document));
		case 'deleteGroupPolicy':
			return mapGroup(s, change.group, g => withInline(g, change.policyName));
		case 'putUserPermissionsBoundary':
			return mapUser(s, change.user, u => ({...u, permissionsBoundaryArn: change.policyArn}));
		case 'deleteUserPermissionsBoundary':
			return mapUser(s, change.user, ({permissionsBoundaryArn: _gone, ...user}) => user);
		case 'attachRolePolicy':
		case 'detachRolePolicy':
			return attachment(s, 'role', change.role, change.policyArn, change.operation === 'attachRolePolicy');
		case 'putRolePolicy':
			return mapRole(s, change.role, r => withInline(r, change.policyName, change.document));
		case 'deleteRolePolicy':
			return mapRole(s, change.role, r => withInline(r, change.policyName));
		case 'updateAssumeRolePolicy':
			return mapRole(s, change.role, r => ({...r, trustPolicy: change.document}));
		default:
			// Credentials and policy versions: not held in the snapshot.
			return s;
	}
};

/** The snapshot after the changes; `now` dates what they create (until the reload brings IAM's dates). */
export const applyPatch = (snapshot: AccountSnapshot, patch: SnapshotPatch, now: string = new Date().toISOString()): AccountSnapshot =>
	patch.changes.reduce(applyOne(now), snapshot);
