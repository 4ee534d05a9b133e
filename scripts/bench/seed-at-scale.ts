// Seeds the synthetic account of plan.ts into moto, in parallel through the SDK.
import {
	AddUserToGroupCommand,
	AttachGroupPolicyCommand,
	AttachUserPolicyCommand,
	CreateAccessKeyCommand,
	CreateGroupCommand,
	CreatePolicyCommand,
	CreateUserCommand,
	IAMClient,
	PutGroupPolicyCommand,
	PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {inParallel} from './pool.js';
import {DUMMY_CREDENTIALS, type SeedPlan} from './plan.js';

export {DUMMY_CREDENTIALS, FULL_SCALE, QUICK_SCALE, planAccount, type Scale, type SeedPlan} from './plan.js';

/** Requests the plan takes to seed (for the projection printed before a long seed). */
export const plannedCalls = (plan: SeedPlan): number =>
	plan.policies.length +
	plan.groups.reduce((sum, g) => sum + 2 + g.attached.length, 0) +
	plan.users.reduce((sum, u) => sum + 1 + u.groups.length + u.attached.length + (u.inline ? 1 : 0) + (u.key ? 1 : 0), 0);

export interface SeedResult {
	calls: number;
	elapsedMs: number;
	users: string[];
}

export interface SeedOptions {
	concurrency?: number;
	onProgress?: (done: number, total: number) => void;
}

/** Seeds the plan: wave 1 the entities, wave 2 the links (they need the entities to exist). */
export const seedAccount = async (endpoint: string, plan: SeedPlan, options: SeedOptions = {}): Promise<SeedResult> => {
	const started = performance.now();
	const concurrency = options.concurrency ?? 32;
	const iam = new IAMClient({region: 'us-east-1', endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 5});
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
		],
		concurrency,
	);
	iam.destroy();
	return {calls, elapsedMs: performance.now() - started, users: plan.users.map(u => u.name)};
};
