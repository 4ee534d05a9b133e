// The bench account's roles, as data: the mix a real account has. Account-trusted deploy and admin
// roles reached through groups' sts:AssumeRole grants (admin ones behind MFA), roles trusting named
// users (some with MFA), service roles, chains (a role trusting a deploy role), partner roles trusted by
// another account with an ExternalId, and ABAC roles whose trust reads a principal tag. Each has 1–3
// customer managed policies, half an inline policy, every 25th a permissions boundary.
import {between, distinct, policyDocument, userName, type Random, type Scale} from './plan.js';
import {prng} from './pool.js';

/** moto's account (and the in-memory snapshot's). */
export const BENCH_ACCOUNT = '123456789012';
const OTHER_ACCOUNT = '999988887777';

export interface PlannedRole {
	name: string;
	trust: string;
	attached: number[];
	inline?: string;
	/** A policy index: the role's permissions boundary. */
	boundary?: number;
	/** Its trust names another role: created after the others. */
	chained: boolean;
}

export interface RolePlan {
	/** Group index → its second inline policy (granting sts:AssumeRole on roles). */
	assumeGrants: Array<{group: number; document: string}>;
	roles: PlannedRole[];
}

const pad = (n: number) => String(n).padStart(4, '0');
const ROOT = `arn:aws:iam::${BENCH_ACCOUNT}:root`;
const MFA = {Bool: {'aws:MultiFactorAuthPresent': 'true'}};
const SERVICES = ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'];

const trustPolicy = (...statements: object[]) => JSON.stringify({Version: '2012-10-17', Statement: statements});
const trusting = (principal: object, condition?: object) => ({
	Effect: 'Allow',
	Principal: principal,
	Action: 'sts:AssumeRole',
	...(condition ? {Condition: condition} : {}),
});

/** Kinds in a cycle of 20, so every size below has some of each that matters. */
const kindOf = (n: number) => {
	const k = n % 20;
	if (k < 8) return 'deploy';
	if (k < 10) return 'admin';
	if (k < 12) return 'person';
	if (k < 16) return 'service';
	if (k === 16) return 'chain';
	if (k === 17) return 'partner';
	if (k === 18) return 'abac';
	return 'ops';
};

const roleFor = (random: Random, scale: Scale, n: number): PlannedRole => {
	const kind = kindOf(n);
	const name = `${kind}-${pad(n)}`;
	const people = () => distinct(random, between(random, 1, 3), scale.users).map(u => `arn:aws:iam::${BENCH_ACCOUNT}:user/${userName(u)}`);
	let trust: string;
	if (kind === 'deploy') trust = trustPolicy(trusting({AWS: ROOT}, n % 5 === 1 ? MFA : undefined));
	else if (kind === 'admin') trust = trustPolicy(trusting({AWS: ROOT}, MFA));
	else if (kind === 'person') trust = trustPolicy(trusting({AWS: people()}, n % 2 === 0 ? MFA : undefined));
	else if (kind === 'service') trust = trustPolicy(trusting({Service: SERVICES[n % SERVICES.length]}));
	// The deploy role just before it in the cycle: a chain user → deploy → chain.
	else if (kind === 'chain') trust = trustPolicy(trusting({AWS: `arn:aws:iam::${BENCH_ACCOUNT}:role/deploy-${pad(n - 9)}`}));
	else if (kind === 'partner') trust = trustPolicy(trusting({AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root`}, {StringEquals: {'sts:ExternalId': `partner-${n}`}}));
	else if (kind === 'abac') trust = trustPolicy(trusting({AWS: ROOT}, {StringEquals: {'aws:PrincipalTag/team': `team-${n % 7}`}}));
	// Ops: the account (with MFA) and two people directly.
	else trust = trustPolicy(trusting({AWS: ROOT}, MFA), trusting({AWS: people()}));
	const role: PlannedRole = {
		name,
		trust,
		attached: distinct(random, between(random, 1, 3), scale.policies),
		chained: kind === 'chain',
	};
	if (random() < 0.5) role.inline = policyDocument(random, n + 3);
	if (n % 25 === 7) role.boundary = between(random, 1, scale.policies - 1);
	return role;
};

/** Every 10th group may assume the admin roles with MFA; every 15th the ops roles by name pattern. */
const assumeGrants = (scale: Scale): RolePlan['assumeGrants'] =>
	Array.from({length: scale.groups}, (_, group) => group)
		.filter(group => group % 10 === 4 || group % 15 === 2)
		.map(group => ({
			group,
			document: JSON.stringify({
				Version: '2012-10-17',
				Statement: [
					group % 10 === 4
						? {Sid: 'AssumeAdmin', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/admin-*', Condition: MFA}
						: {Sid: 'AssumeOps', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: [`arn:aws:iam::${BENCH_ACCOUNT}:role/ops-*`, `arn:aws:iam::${BENCH_ACCOUNT}:role/abac-*`]},
				],
			}),
		}));

export const planRoles = (scale: Scale, seed: number): RolePlan => {
	const count = scale.roles ?? 0;
	if (count === 0) return {assumeGrants: [], roles: []};
	const random = prng(seed);
	return {assumeGrants: assumeGrants(scale), roles: Array.from({length: count}, (_, n) => roleFor(random, scale, n))};
};
