// Seeds a synthetic account at IAM's scale into moto, in parallel through the SDK: customer managed
// policies, groups with attached and inline policies, users in 1–5 groups with a few direct
// attachments, inline policies for some and an access key for half. Deterministic (seeded PRNG).
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
import {inParallel, prng} from './pool.js';

export interface Scale {
	users: number;
	groups: number;
	policies: number;
}

export const FULL_SCALE: Scale = {users: 5000, groups: 300, policies: 1000};
export const QUICK_SCALE: Scale = {users: 60, groups: 10, policies: 20};

export const DUMMY_CREDENTIALS = {accessKeyId: 'testing', secretAccessKey: 'testing'};

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const userName = (n: number) => `user-${pad(n, 5)}`;
export const groupName = (n: number) => `team-${pad(n, 3)}`;
export const policyName = (n: number) => `policy-${pad(n, 4)}`;

/** Statement templates: the services an account really grants, with the who-can bench actions among them. */
const GRANTS: Array<{Action: string | string[]; Resource: string}> = [
	{Action: ['ec2:Describe*'], Resource: '*'},
	{Action: ['ec2:StartInstances', 'ec2:StopInstances', 'ec2:TerminateInstances'], Resource: 'arn:aws:ec2:*:*:instance/*'},
	{Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*'},
	{Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::data-*/*'},
	{Action: ['iam:Get*', 'iam:List*'], Resource: '*'},
	{Action: ['iam:CreateUser', 'iam:TagUser'], Resource: 'arn:aws:iam::*:user/*'},
	{Action: 'lightsail:*', Resource: '*'},
	{Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/deploy-*'},
	{Action: ['dynamodb:Query', 'dynamodb:GetItem'], Resource: '*'},
	{Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*'},
	{Action: ['sqs:SendMessage', 'sqs:ReceiveMessage'], Resource: '*'},
	{Action: ['lambda:InvokeFunction'], Resource: '*'},
	{Action: ['kms:Decrypt'], Resource: '*'},
	{Action: ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'], Resource: '*'},
];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
/** `count` distinct indexes below `limit`. */
const distinct = (random: Random, count: number, limit: number): number[] => {
	const chosen = new Set<number>();
	while (chosen.size < Math.min(count, limit)) chosen.add(Math.floor(random() * limit));
	return [...chosen];
};

const policyDocument = (random: Random, n: number): string => {
	const statements: object[] = distinct(random, between(random, 1, 3), GRANTS.length).map((g, i) => ({
		Sid: `S${i}`,
		Effect: 'Allow',
		...GRANTS[g]!,
	}));
	// Some policies need MFA, some deny: what makes a who-can answer Conditional or a deny win.
	if (n % 7 === 3) statements.push({Sid: 'NeedMfa', Effect: 'Allow', Action: 'ec2:TerminateInstances', Resource: '*', Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}});
	if (n % 19 === 5) statements.push({Sid: 'NoDelete', Effect: 'Deny', Action: ['s3:DeleteObject', 'iam:CreateUser'], Resource: '*'});
	return JSON.stringify({Version: '2012-10-17', Statement: statements});
};

/** The policy users keep to manage their own keys: the usual ${aws:username} pattern. */
const SELF_SERVICE = JSON.stringify({
	Version: '2012-10-17',
	Statement: [{Sid: 'OwnKeys', Effect: 'Allow', Action: ['iam:CreateAccessKey', 'iam:ListAccessKeys', 'iam:DeleteAccessKey'], Resource: 'arn:aws:iam::*:user/${aws:username}'}],
});

export interface SeedPlan {
	scale: Scale;
	policies: Array<{name: string; document: string}>;
	groups: Array<{name: string; attached: number[]; inline: string}>;
	users: Array<{name: string; groups: number[]; attached: number[]; inline?: string; key: boolean}>;
}

export const planAccount = (scale: Scale, seed = 20_240_501): SeedPlan => {
	const random = prng(seed);
	const policies = Array.from({length: scale.policies}, (_, n) => ({
		name: n === 0 ? 'self-service-credentials' : policyName(n),
		document: n === 0 ? SELF_SERVICE : policyDocument(random, n),
	}));
	const groups = Array.from({length: scale.groups}, (_, n) => ({
		name: groupName(n),
		// A third of the groups carry the self-service policy; all carry 1–3 more.
		attached: [...new Set([...(n % 3 === 0 ? [0] : []), ...distinct(random, between(random, 1, 3), scale.policies)])],
		inline: policyDocument(random, n + 1),
	}));
	const users = Array.from({length: scale.users}, (_, n) => ({
		name: userName(n),
		groups: distinct(random, between(random, 1, 5), scale.groups),
		attached: distinct(random, between(random, 0, 2), scale.policies),
		...(random() < 0.25 ? {inline: policyDocument(random, n + 2)} : {}),
		key: n % 2 === 0,
	}));
	return {scale, policies, groups, users};
};

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
