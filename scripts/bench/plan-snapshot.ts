// The bench's synthetic account as an AccountSnapshot in memory, shaped as the gateway builds it from
// moto (same names, ARNs and inline policy names): for access-model tests and profiling without moto.
import type {AccountSnapshot, Group, ManagedPolicy, User} from '../../source/model/snapshot.js';
import type {SeedPlan} from './plan.js';

export const PLAN_ACCOUNT = '123456789012';
const CREATED = '2024-01-01T00:00:00.000Z';
const arn = (kind: string, name: string) => `arn:aws:iam::${PLAN_ACCOUNT}:${kind}/${name}`;
const inlineName = (owner: string) => `${owner}-inline`;

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
	for (const holder of [...groups, ...users]) for (const p of holder.attachedPolicies) policies.find(x => x.arn === p.arn)!.attachmentCount++;
	return {loadedAt: CREATED, users, groups, policies, roles: [], credentialReport: {status: 'ok', generatedAt: null, rows: []}};
};
