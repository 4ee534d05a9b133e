// Seeds the synthetic account of plan.ts into moto, in parallel through the SDK.
import {
	AddUserToGroupCommand,
	AttachGroupPolicyCommand,
	AttachUserPolicyCommand,
	CreateAccessKeyCommand,
	CreateGroupCommand,
	CreatePolicyCommand,
	CreateRoleCommand,
	CreateUserCommand,
	IAMClient,
	AttachRolePolicyCommand,
	PutGroupPolicyCommand,
	PutRolePolicyCommand,
	PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {assumeName} from './plan-snapshot.js';
import {inParallel} from './pool.js';
import {DUMMY_CREDENTIALS, type SeedPlan} from './plan.js';

export {DUMMY_CREDENTIALS, FULL_SCALE, QUICK_SCALE, planAccount, type Scale, type SeedPlan} from './plan.js';

/** Requests the plan takes to seed (for the projection printed before a long seed). */
export const plannedCalls = (plan: SeedPlan): number =>
	plan.policies.length +
	plan.groups.reduce((sum, g) => sum + 2 + g.attached.length, 0) +
	plan.users.reduce((sum, u) => sum + 1 + u.groups.length + u.attached.length + (u.inline ? 1 : 0) + (u.key ? 1 : 0), 0) +
	plan.assumeGrants.length +
	plan.roles.reduce((sum, r) => sum + 1 + r.attached.length + (r.inline ? 1 : 0), 0);

export interface SeedResult {
	calls: number;
	elapsedMs: number;
	users: string[];
}

export interface SeedOptions {
	concurrency?: number;
	onProgress?: (done: number, total: number) => void;
	/** Whose account is seeded: moto's default account unless given (an organization's member, through its role). */
	credentials?: {accessKeyId: string; secretAccessKey: string; sessionToken?: string};
}

/**
 * Seeds the plan: wave 1 the entities, wave 2 the links and the roles (their trusts name users), wave 3
 * the roles whose trust names a role, and every role's policies.
 */
export const seedAccount = async (endpoint: string, plan: SeedPlan, options: SeedOptions = {}): Promise<SeedResult> => {
	const started = performance.now();
	const concurrency = options.concurrency ?? 32;
	const iam = new IAMClient({region: 'us-east-1', endpoint, credentials: options.credentials ?? DUMMY_CREDENTIALS, maxAttempts: 5});
	const total = plannedCalls(plan);
	let calls = 0;
	// Each task is one request; counted here so the projection and the result agree.
	const send = async (request: () => Promise<unknown>) => {
		calls++;
		await request();
		if (calls % 1000 === 0) options.onProgress?.(calls, total);
	};
	const arns: string[] = new Array(plan.policies.length);
	await inParallel(
		[
			...plan.policies.map((p, n) => () =>
				send(async () => {
					const out = await iam.send(new CreatePolicyCommand({PolicyName: p.name, PolicyDocument: p.document}));
					arns[n] = out.Policy!.Arn!;
				}),
			),
			...plan.groups.map(g => () => send(() => iam.send(new CreateGroupCommand({GroupName: g.name})))),
			...plan.users.map(u => () => send(() => iam.send(new CreateUserCommand({UserName: u.name})))),
		],
		concurrency,
	);
	const inline = (name: string) => `${name}-inline`;
	const createRole = (role: SeedPlan['roles'][number]) =>
		iam.send(
			new CreateRoleCommand({
				RoleName: role.name,
				AssumeRolePolicyDocument: role.trust,
				...(role.boundary === undefined ? {} : {PermissionsBoundary: arns[role.boundary]}),
			}),
		);
	await inParallel(
		[
			...plan.groups.flatMap(g => [
				...g.attached.map(p => () => send(() => iam.send(new AttachGroupPolicyCommand({GroupName: g.name, PolicyArn: arns[p]})))),
				() => send(() => iam.send(new PutGroupPolicyCommand({GroupName: g.name, PolicyName: inline(g.name), PolicyDocument: g.inline}))),
			]),
			...plan.users.flatMap(u => [
				...u.groups.map(g => () => send(() => iam.send(new AddUserToGroupCommand({UserName: u.name, GroupName: plan.groups[g]!.name})))),
				...u.attached.map(p => () => send(() => iam.send(new AttachUserPolicyCommand({UserName: u.name, PolicyArn: arns[p]})))),
				...(u.inline ? [() => send(() => iam.send(new PutUserPolicyCommand({UserName: u.name, PolicyName: inline(u.name), PolicyDocument: u.inline!})))] : []),
				...(u.key ? [() => send(() => iam.send(new CreateAccessKeyCommand({UserName: u.name})))] : []),
			]),
			...plan.assumeGrants.map(({group, document}) => () => {
				const GroupName = plan.groups[group]!.name;
				return send(() => iam.send(new PutGroupPolicyCommand({GroupName, PolicyName: assumeName(GroupName), PolicyDocument: document})));
			}),
			...plan.roles.filter(r => !r.chained).map(role => () => send(() => createRole(role))),
		],
		concurrency,
	);
	await inParallel(
		[
			...plan.roles.filter(r => r.chained).map(role => () => send(() => createRole(role))),
			...plan.roles.flatMap(r => [
				...r.attached.map(p => () => send(() => iam.send(new AttachRolePolicyCommand({RoleName: r.name, PolicyArn: arns[p]})))),
				...(r.inline ? [() => send(() => iam.send(new PutRolePolicyCommand({RoleName: r.name, PolicyName: inline(r.name), PolicyDocument: r.inline!})))] : []),
			]),
		],
		concurrency,
	);
	iam.destroy();
	return {calls, elapsedMs: performance.now() - started, users: plan.users.map(u => u.name)};
};
