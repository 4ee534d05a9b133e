// The synthetic account at IAM's scale, as data: customer managed policies, groups with attached and
// inline policies, users in 1–5 groups with a few direct attachments, inline policies for some and an
// access key for half. Deterministic (seeded PRNG). Seeded into moto by seed-at-scale.ts, or turned
// into a snapshot in memory by plan-snapshot.ts (access-model tests and ad-hoc profiling, no moto).
import {prng} from './pool.js';
import {planRoles, type RolePlan} from './plan-roles.js';

export interface Scale {
	users: number;
	groups: number;
	policies: number;
	/** None when left out (plan-roles.ts). */
	roles?: number;
}

export const FULL_SCALE: Scale = {users: 5000, groups: 300, policies: 1000, roles: 1000};
export const QUICK_SCALE: Scale = {users: 60, groups: 10, policies: 20, roles: 20};

/** The scale a script's --users --groups --policies --roles flags ask for, the full bench account's where left out. */
export const scaleFrom = (values: {users?: string; groups?: string; policies?: string; roles?: string}): Scale => {
	const size = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number.parseInt(value, 10));
	return {
		users: size(values.users, FULL_SCALE.users),
		groups: size(values.groups, FULL_SCALE.groups),
		policies: size(values.policies, FULL_SCALE.policies),
		roles: size(values.roles, FULL_SCALE.roles ?? 0),
	};
};

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

export type Random = () => number;
export const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
/** `count` distinct indexes below `limit`. */
export const distinct = (random: Random, count: number, limit: number): number[] => {
	const chosen = new Set<number>();
	while (chosen.size < Math.min(count, limit)) chosen.add(Math.floor(random() * limit));
	return [...chosen];
};

export const policyDocument = (random: Random, n: number): string => {
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
	/** Groups' second inline policy, granting sts:AssumeRole on some roles (plan-roles.ts). */
	assumeGrants: RolePlan['assumeGrants'];
	roles: RolePlan['roles'];
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
	// Roles from their own PRNG: the users, groups and policies stay those of earlier runs.
	return {scale, policies, groups, users, ...planRoles(scale, seed + 1)};
};
