// whoCan with roles (fast path: distinct statements, who-can answers shared by roles of one signature,
// one walk back from every granting role, each user's best path built when read) must give exactly the
// answer of the plain way: every role's whole policies evaluated per action, canAssume asked for every
// (caller, role) pair, and reach worked out within MAX_CHAIN roles by dynamic programming over every
// step. Each user's one path must be a real chain of those steps, Allowed when any is, else the shortest.
// Checked on generated accounts with roles, trust conditions, boundaries, tags and ${aws:username}.
import {describe, expect, it} from 'vitest';
import {assumableRoles, buildAccessModel, canAssume, MAX_CHAIN, outsideTrust, resolveActions, rolePrincipal, trustOf, whoCan, type AssumeStep, type RolePath, type StatementRef, type WhoCanAnswer, type WhoCanEntry} from '../../source/model/access.js';
import {groupedPaths} from '../helpers/grant-pairs.js';
import {evaluate} from '../../source/model/access/evaluator.js';
import {principalFor, statementRefs, type AccessModel, type Principal} from '../../source/model/access/model.js';
import {roleFacts} from '../../source/model/access/principal-facts.js';
import {rolesOf} from '../../source/model/access/roles.js';
import {buildIndex, type SnapshotIndex} from '../../source/model/indexes.js';
import type {Role} from '../../source/model/snapshot.js';
import {planSnapshot} from '../../scripts/bench/plan-snapshot.js';
import {planAccount} from '../../scripts/bench/plan.js';

interface Grant {
	role: Role;
	decision: 'Allowed' | 'Conditional';
	via: RolePath['via'];
	conditions: RolePath['conditions'];
	actions: string[];
	/** On a wildcard resource: the patterns the grants cover when none covers all; a deny cutting in. */
	resources?: string[];
	partlyDenied?: boolean;
}

/** A role's grant by its whole policies (and boundary), action by action. */
const roleGrant = async (model: AccessModel, role: Role, actions: string[], resource: string): Promise<Grant | undefined> => {
	const principal = rolePrincipal(model, role);
	const found: Grant = {role, decision: 'Conditional', via: [], conditions: [], actions: []};
	const pairs: Array<{action: string; statement: StatementRef}> = [];
	const patterns: string[] = [];
	let everywhere = false;
	let partlyDenied = false;
	for (const action of actions) {
		const answer = await evaluate({
			principalArn: principal.arn,
			accountId: model.accountId,
			action,
			resource,
			policies: principal.entries.flatMap(e => (e.evalPolicy ? [e.evalPolicy] : [])),
			...(principal.boundaryEntry?.evalPolicy ? {boundary: principal.boundaryEntry.evalPolicy} : {}),
			principalFacts: roleFacts(model, role),
		});
		if (!answer.ok || (answer.decision !== 'Allowed' && answer.decision !== 'Conditional')) continue;
		if (answer.decision === 'Allowed') found.decision = 'Allowed';
		found.actions.push(action);
		patterns.push(...answer.resourcePatterns);
		everywhere ||= answer.resourcePatterns.length === 0 || answer.resourcePatterns.includes('*');
		partlyDenied ||= answer.partialDenies.length > 0;
		for (const raw of answer.statements.filter(s => s.effect === 'Allow')) for (const statement of statementRefs(principal, raw)) pairs.push({action, statement});
		for (const c of answer.conditions) for (const statement of statementRefs(principal, c.statement)) found.conditions.push({operator: c.operator, key: c.key, values: c.values, effect: c.effect, statement});
	}
	if (found.actions.length === 0) return undefined;
	const wildcard = resource.includes('*');
	return {
		...found,
		via: groupedPaths(pairs),
		...(wildcard && !everywhere && patterns.length > 0 ? {resources: [...new Set(patterns)]} : {}),
		...(wildcard && partlyDenied ? {partlyDenied: true} : {}),
	};
};

const pathOf = (steps: AssumeStep[], grant: Grant): RolePath => ({
	role: grant.role.name,
	roleArn: grant.role.arn,
	steps,
	decision: grant.decision === 'Allowed' && steps.every(s => s.decision === 'Allowed') ? 'Allowed' : 'Conditional',
	via: grant.via,
	conditions: grant.conditions,
	actions: grant.actions,
	...(grant.resources ? {resources: grant.resources} : {}),
	...(grant.partlyDenied ? {partlyDenied: true} : {}),
});

type Scope = Pick<WhoCanEntry, 'resources' | 'partlyDenied'>;

/** What grants together cover: every resource when one does, else all their patterns; a deny in any is said. */
const joined = (scopes: Scope[]): Scope => {
	const everywhere = scopes.some(s => !s.resources);
	const patterns = [...new Set(scopes.flatMap(s => s.resources ?? []))];
	return {...(!everywhere && patterns.length > 0 ? {resources: patterns} : {}), ...(scopes.some(s => s.partlyDenied) ? {partlyDenied: true} : {})};
};

const scoped = ({resources: _r, partlyDenied: _p, ...entry}: WhoCanEntry, scope: Scope): WhoCanEntry => ({...entry, ...scope});

/** Who may assume `role`: every user, then the roles its trust names, then every other role (canAssume each). */
const assumers = async (model: AccessModel, role: Role): Promise<AssumeStep[]> => {
	const raws = new Set(trustOf(role).statements.flatMap(s => [...s.principals, ...(s.notPrincipal ?? [])].map(p => p.raw)));
	const others = rolesOf(model).filter(r => r.name !== role.name);
	const named = (r: Role) => raws.has(r.arn) || raws.has(r.id);
	const callers: Principal[] = [
		...model.index.snapshot.users.map(u => principalFor(model, 'user', u.name)!),
		...others.filter(named).map(r => rolePrincipal(model, r)),
		...others.filter(r => !named(r)).map(r => rolePrincipal(model, r)),
	];
	const steps = await Promise.all(callers.map(caller => canAssume(model, caller, role)));
	return steps.filter(s => s.decision === 'Allowed' || s.decision === 'Conditional');
};

/** Every user's role reach, the plain way: within k more roles, by dynamic programming over every assume step. */
const reference = async (index: SnapshotIndex, query: string, resource: string) => {
	const model = buildAccessModel(index);
	const resolved = await resolveActions(query);
	if (!resolved.ok) throw new Error(resolved.message);
	const direct = await whoCan(buildAccessModel({...index, snapshot: {...index.snapshot, roles: []}}), query, resource);
	if (!direct.ok) throw new Error(direct.message);
	const roles = rolesOf(model);
	const steps = new Map<string, AssumeStep[]>();
	for (const role of roles) steps.set(role.name, await assumers(model, role));
	const granting = new Map<string, Grant>();
	for (const role of roles) {
		const grant = await roleGrant(model, role, resolved.actions, resource);
		if (grant) granting.set(role.name, grant);
	}
	// distance: fewest more roles from a role to a granting one (0: it grants); allowedDistance: Allowed all the way.
	const distance = new Map<string, number>();
	const allowedDistance = new Map<string, number>();
	const grantsInReach = new Map<string, Set<string>>();
	for (const [name, grant] of granting) {
		distance.set(name, 0);
		if (grant.decision === 'Allowed') allowedDistance.set(name, 0);
		grantsInReach.set(name, new Set([name]));
	}
	for (let hops = 1; hops < MAX_CHAIN; hops++) {
		const before = {distance: new Map(distance), allowed: new Map(allowedDistance), grants: new Map([...grantsInReach].map(([k, v]) => [k, new Set(v)]))};
		for (const role of roles) {
			for (const step of steps.get(role.name)!) {
				if (step.caller.kind !== 'role') continue;
				const caller = step.caller.name;
				if (before.distance.has(role.name) && !distance.has(caller)) distance.set(caller, hops);
				if (step.decision === 'Allowed' && before.allowed.has(role.name) && !allowedDistance.has(caller)) allowedDistance.set(caller, hops);
				for (const g of before.grants.get(role.name) ?? []) (grantsInReach.get(caller) ?? grantsInReach.set(caller, new Set()).get(caller)!).add(g);
			}
		}
	}
	const byUser = new Map<string, {length: number; allowed: boolean; grants: Set<string>}>();
	for (const role of roles) {
		if (!distance.has(role.name)) continue;
		for (const step of steps.get(role.name)!) {
			if (step.caller.kind !== 'user') continue;
			const reach = byUser.get(step.caller.name) ?? byUser.set(step.caller.name, {length: Infinity, allowed: false, grants: new Set()}).get(step.caller.name)!;
			const allowed = step.decision === 'Allowed' && allowedDistance.has(role.name);
			const length = 1 + (allowed ? allowedDistance.get(role.name)! : distance.get(role.name)!);
			if ((allowed && !reach.allowed) || (allowed === reach.allowed && length < reach.length)) reach.length = length;
			reach.allowed ||= allowed;
			for (const g of grantsInReach.get(role.name)!) reach.grants.add(g);
		}
	}
	// On a wildcard resource a user's row covers what their grants cover, directly and through every granting role in
	// reach; allowed directly and only Conditional through roles, the direct grant's scope stands.
	const wildcard = resource.includes('*');
	const throughRoles = (reach: {grants: Set<string>}) => joined([...reach.grants].map(g => granting.get(g)!));
	const users: WhoCanEntry[] = direct.users.map(entry => {
		const reach = byUser.get(entry.name);
		if (!reach) return entry;
		const decision = entry.decision === 'Allowed' || reach.allowed ? 'Allowed' : 'Conditional';
		const widened = wildcard && (reach.allowed || entry.decision !== 'Allowed') ? scoped(entry, joined([entry, throughRoles(reach)])) : entry;
		return {...widened, decision};
	});
	for (const [name, reach] of byUser) {
		if (direct.users.some(u => u.name === name)) continue;
		const user = principalFor(model, 'user', name)!;
		const actions = new Set([...reach.grants].flatMap(g => granting.get(g)!.actions));
		users.push({kind: 'user', name, arn: user.arn, decision: reach.allowed ? 'Allowed' : 'Conditional', via: [], actions: resolved.actions.filter(a => actions.has(a)), conditions: [], incomplete: user.problems.length > 0, ...(wildcard ? throughRoles(reach) : {})});
	}
	const roleRows = [...granting.values()].map(g => ({
		kind: 'role' as const, name: g.role.name, arn: g.role.arn, decision: g.decision, via: g.via, actions: g.actions, conditions: g.conditions, incomplete: rolePrincipal(model, g.role).problems.length > 0,
		...(g.resources ? {resources: g.resources} : {}),
		...(g.partlyDenied ? {partlyDenied: true} : {}),
	}));
	const notes = [...new Set([...granting.values()].flatMap(g => outsideTrust(trustOf(g.role), model.accountId).map(n => `${g.role.name}: ${n}`)))];
	return {users, groups: direct.groups, roles: roleRows, notes, byUser, steps, granting};
};

// Paths, identity statements and conditions are sets (listed in a stable order): compared sorted.
const set = (items: unknown[]) => [...new Set(items.map(i => JSON.stringify(i)))].sort();
const step = (s: AssumeStep) => ({...s, identity: set(s.identity), conditions: set(s.conditions)});
const path = (p: RolePath) => ({...p, steps: p.steps.map(step), via: set(p.via), conditions: set(p.conditions)});
const normal = (entry: WhoCanEntry) => ({
	...entry,
	...(entry.resources ? {resources: [...entry.resources].sort()} : {}),
	via: set(entry.via),
	conditions: set(entry.conditions),
	...(entry.throughRoles ? {throughRoles: entry.throughRoles.map(path)} : {}),
});
const byName = (a: {name: string}, b: {name: string}) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const withoutPaths = ({throughRoles: _paths, ...entry}: WhoCanEntry) => entry;

const expectSame = async (index: SnapshotIndex, query: string, resource = '*'): Promise<WhoCanAnswer> => {
	const fast = await whoCan(buildAccessModel(index), query, resource);
	if (!fast.ok) throw new Error(fast.message);
	const expected = await reference(index, query, resource);
	expect([...fast.users].sort(byName).map(withoutPaths).map(normal)).toEqual([...expected.users].sort(byName).map(normal));
	expect(fast.groups.map(normal)).toEqual(expected.groups.map(normal));
	expect([...fast.roles].sort(byName).map(normal)).toEqual([...expected.roles].sort(byName).map(normal));
	expect(fast.roleNotes.map(n => `${n.role}: ${n.note}`).sort()).toEqual([...expected.notes].sort());
	// Each user reached through roles has one path: a real chain of assume steps, and the best there is.
	for (const user of fast.users) {
		const reach = expected.byUser.get(user.name);
		if (!reach) {
			expect(user.throughRoles).toBeUndefined();
			continue;
		}
		expect(user.throughRoles).toHaveLength(1);
		const best = user.throughRoles![0]!;
		expect(best.steps).toHaveLength(reach.length);
		expect(best.decision).toBe(reach.allowed ? 'Allowed' : 'Conditional');
		expect(best.steps[0]!.caller).toEqual({kind: 'user', name: user.name});
		best.steps.forEach((s, n) => {
			if (n > 0) expect(s.caller).toEqual({kind: 'role', name: best.steps[n - 1]!.role});
			const plain = expected.steps.get(s.role)!.find(p => p.caller.kind === s.caller.kind && p.caller.name === s.caller.name);
			expect(plain && step(plain)).toEqual(step(s));
		});
		expect(best.steps.at(-1)!.role).toBe(best.role);
		expect(path(best)).toEqual(path(pathOf(best.steps, expected.granting.get(best.role)!)));
	}
	return fast;
};

/** The bench's generator, small, plus boundaries and tags on some users (the generator gives roles boundaries). */
const account = (seed: number): SnapshotIndex => {
	const snapshot = planSnapshot(planAccount({users: 40, groups: 12, policies: 30, roles: 45}, seed));
	snapshot.users.forEach((user, n) => {
		if (n % 9 === 4) user.permissionsBoundaryArn = snapshot.policies[(n % 29) + 1]!.arn;
		if (n % 4 === 1) user.tags = [{Key: 'team', Value: `team-${n % 7}`}];
		// Some may assume the deploy roles only with MFA: their step is Conditional where the trust is not.
		if (n % 5 === 2) user.inlinePolicies.push({name: 'MaybeDeploy', document: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/deploy-*', Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}}]})});
	});
	snapshot.roles[5]!.tags = [{Key: 'tier', Value: 'gold'}];
	// A person whose shortest chain is Conditional (MFA on the last step) and a longer one Allowed all the way:
	// zz-person → zz-short → zz-target (2, MFA) and zz-person → zz-long-1 → zz-long-2 → zz-target (3, Allowed).
	const account = '123456789012';
	snapshot.users.push({name: 'zz-person', id: 'AIDAZZPERSON', arn: `arn:aws:iam::${account}:user/zz-person`, path: '/', createDate: '2024-01-01T00:00:00Z', groups: [], attachedPolicies: [], inlinePolicies: [], tags: []});
	const trusting = (...statements: object[]) => JSON.stringify({Version: '2012-10-17', Statement: statements});
	const names = (arn: string, condition?: object) => ({Effect: 'Allow', Principal: {AWS: arn}, Action: 'sts:AssumeRole', ...(condition ? {Condition: condition} : {})});
	const role = (name: string, trustPolicy: string, inlinePolicies: Role['inlinePolicies'] = []): Role => ({name, id: `AROA${name.toUpperCase().replace(/-/g, '')}`, arn: `arn:aws:iam::${account}:role/${name}`, path: '/', createDate: '2024-01-01T00:00:00Z', trustPolicy, attachedPolicies: [], inlinePolicies, tags: [], instanceProfiles: []});
	const person = `arn:aws:iam::${account}:user/zz-person`;
	const hopper = `arn:aws:iam::${account}:user/zz-hopper`;
	snapshot.users.push({name: 'zz-hopper', id: 'AIDAZZHOPPER', arn: hopper, path: '/', createDate: '2024-01-01T00:00:00Z', groups: [], attachedPolicies: [], inlinePolicies: [], tags: []});
	const grant = {name: 'Terminate', document: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['ec2:TerminateInstances', 'lightsail:GetInstance'], Resource: '*'}]})};
	snapshot.roles.push(
		role('zz-target', trusting(names(`arn:aws:iam::${account}:role/zz-short`, {Bool: {'aws:MultiFactorAuthPresent': 'true'}}), names(`arn:aws:iam::${account}:role/zz-long-2`)), [grant]),
		role('zz-short', trusting(names(person))),
		role('zz-long-1', trusting(names(person))),
		role('zz-long-2', trusting(names(`arn:aws:iam::${account}:role/zz-long-1`))),
		// A chain through an account trust: zz-hopper → zz-acct-hop → zz-acct-target, which grants one action.
		role('zz-acct-target', trusting(names(`arn:aws:iam::${account}:root`)), [{name: 'GetInstance', document: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'lightsail:GetInstance', Resource: '*'}]})}]),
		role('zz-acct-hop', trusting(names(hopper)), [{name: 'Hop', document: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${account}:role/zz-acct-target`}]})}]),
	);
	return buildIndex(snapshot);
};

describe('whoCan with roles: fast path = the plain way', () => {
	const accounts = [account(3), account(11)];
	it.each([
		['ec2:TerminateInstances', '*', true],
		['s3:GetObject', 'arn:aws:s3:::data-1/report.csv', true],
		['iam:CreateUser', '*', true],
		// ${aws:username} in a resource, asked about one user (no role holds the self-service policy).
		['iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/user-00003', false],
		['sts:AssumeRole', '*', true],
		['lightsail:GetInstance*', '*', true],
	])('%s on %s', async (query, resource, throughRoles) => {
		for (const index of accounts) {
			const answer = await expectSame(index, query, resource);
			if (query === 'ec2:TerminateInstances') {
				// The longer chain wins because it is Allowed all the way.
				const person = answer.users.find(u => u.name === 'zz-person');
				expect(person?.decision).toBe('Allowed');
				expect(person?.throughRoles?.[0]?.steps.map(s => s.role)).toEqual(['zz-long-1', 'zz-long-2', 'zz-target']);
			}
			if (query === 'lightsail:GetInstance*') {
				// Two roles on, through an account trust: only the action the last role grants.
				const hopper = answer.users.find(u => u.name === 'zz-hopper');
				expect(hopper?.actions).toEqual(['lightsail:GetInstance']);
				expect(hopper?.throughRoles?.[0]?.steps.map(s => s.role)).toEqual(['zz-acct-hop', 'zz-acct-target']);
			}
			// The comparison means something: users reach it through roles, and roles grant it.
			expect(answer.users.some(u => (u.throughRoles?.length ?? 0) > 0)).toBe(throughRoles);
			expect(answer.roles.length > 0).toBe(throughRoles);
			expect(answer.users.length).toBeGreaterThan(0);
		}
	});

	it('assumableRoles (for can and Explain, from the assumers turned around) = asking every role at every depth', async () => {
		for (const index of accounts) {
			const model = buildAccessModel(index);
			const plain = async (caller: Principal) => {
				const found: Array<{role: string; steps: AssumeStep[]}> = [];
				const seen = new Set<string>(caller.kind === 'role' ? [caller.name] : []);
				let frontier = [{principal: caller, steps: [] as AssumeStep[]}];
				for (let depth = 0; depth < MAX_CHAIN && frontier.length > 0; depth++) {
					const next: typeof frontier = [];
					for (const {principal, steps} of frontier) {
						for (const role of rolesOf(model).filter(r => !seen.has(r.name))) {
							const answer = await canAssume(model, principal, role);
							if ((answer.decision !== 'Allowed' && answer.decision !== 'Conditional') || seen.has(role.name)) continue;
							seen.add(role.name);
							found.push({role: role.name, steps: [...steps, answer]});
							next.push({principal: rolePrincipal(model, role), steps: [...steps, answer]});
						}
					}
					frontier = next;
				}
				return found;
			};
			const callers = [...index.snapshot.users.filter((_, n) => n % 3 === 0).map(u => principalFor(model, 'user', u.name)!), ...rolesOf(model).filter((_, n) => n % 4 === 0).map(r => rolePrincipal(model, r))];
			let reached = 0;
			for (const caller of callers) {
				const fast = (await assumableRoles(model, caller)).map(r => ({role: r.role.name, steps: r.steps.map(step)}));
				const expected = (await plain(caller)).map(r => ({role: r.role, steps: r.steps.map(step)}));
				expect(fast).toEqual(expected);
				reached += fast.length;
			}
			expect(reached).toBeGreaterThan(callers.length);
		}
	});

	it('the generated accounts hold what the fast path must get right', () => {
		const [index] = accounts;
		const roles = index!.snapshot.roles;
		expect(roles.some(r => r.permissionsBoundaryArn)).toBe(true);
		expect(roles.some(r => r.trustPolicy.includes('MultiFactorAuthPresent'))).toBe(true);
		expect(roles.some(r => r.trustPolicy.includes(':role/'))).toBe(true);
		expect(roles.some(r => r.trustPolicy.includes('999988887777'))).toBe(true);
		expect(index!.snapshot.policies.some(p => p.document.includes('${aws:username}'))).toBe(true);
		expect(index!.snapshot.users.some(u => u.permissionsBoundaryArn)).toBe(true);
	});
});
