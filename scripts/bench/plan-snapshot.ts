// The bench's synthetic account as an AccountSnapshot in memory, shaped as the gateway builds it from
// moto (same names, ARNs and inline policy names): for access-model tests and profiling without moto.
import type {AccountSnapshot, Group, ManagedPolicy, Role, User} from '../../source/model/snapshot.js';
import type {SeedPlan} from './plan.js';
import {BENCH_ACCOUNT} from './plan-roles.js';

export const PLAN_ACCOUNT = BENCH_ACCOUNT;
const CREATED = '2024-01-01T00:00:00.000Z';
const arn = (kind: string, name: string) => `arn:aws:iam::${PLAN_ACCOUNT}:${kind}/${name}`;
const inlineName = (owner: string) => `${owner}-inline`;
/** A group's second inline policy (seed-at-scale.ts names it the same). */
export const assumeName = (group: string) => `${group}-assume`;

export const planSnapshot = (plan: SeedPlan): AccountSnapshot => {
	const policies: ManagedPolicy[] = plan.policies.map((p, n) => ({
		name: p.name,
		arn: arn('policy', p.name),
		id: `ANPA${String(n).padStart(16, '0')}`,
		path: '/',
		awsManaged: false,
		defaultVersionId: 'v1',
		document: p.document,
		attachmentCount: 0,
		createDate: CREATED,
		updateDate: CREATED,
	}));
	const ref = (n: number) => ({name: policies[n]!.name, arn: policies[n]!.arn});
	const groups: Group[] = plan.groups.map((g, n) => ({
		name: g.name,
		id: `AGPA${String(n).padStart(16, '0')}`,
		arn: arn('group', g.name),
		path: '/',
		createDate: CREATED,
		attachedPolicies: g.attached.map(ref),
		inlinePolicies: [{name: inlineName(g.name), document: g.inline}],
	}));
	for (const grant of plan.assumeGrants) groups[grant.group]!.inlinePolicies.push({name: assumeName(groups[grant.group]!.name), document: grant.document});
	const users: User[] = plan.users.map((u, n) => ({
		name: u.name,
		id: `AIDA${String(n).padStart(16, '0')}`,
		arn: arn('user', u.name),
		path: '/',
		createDate: CREATED,
		groups: u.groups.map(g => plan.groups[g]!.name),
		attachedPolicies: u.attached.map(ref),
		inlinePolicies: u.inline ? [{name: inlineName(u.name), document: u.inline}] : [],
		tags: [],
	}));
	const roles: Role[] = plan.roles.map((r, n) => ({
		name: r.name,
		id: `AROA${String(n).padStart(16, '0')}`,
		arn: arn('role', r.name),
		path: '/',
		createDate: CREATED,
		trustPolicy: r.trust,
		attachedPolicies: r.attached.map(ref),
		inlinePolicies: r.inline ? [{name: inlineName(r.name), document: r.inline}] : [],
		tags: [],
		instanceProfiles: [],
		...(r.boundary === undefined ? {} : {permissionsBoundaryArn: policies[r.boundary]!.arn}),
	}));
	for (const holder of [...groups, ...users, ...roles]) for (const p of holder.attachedPolicies) policies.find(x => x.arn === p.arn)!.attachmentCount++;
	return {loadedAt: CREATED, users, groups, policies, roles, credentialReport: {status: 'ok', generatedAt: null, rows: []}};
};
