// whoCan with roles (fast path: distinct statements, who-can answers shared by roles of one signature,
// role reach computed once per role, paths built when read) must give exactly the answer of the plain
// way: every role's whole policies evaluated per action, canAssume asked for every (caller, role) pair,
// and the chains walked backwards from each granting role as AWS allows them (MAX_CHAIN, cycles cut).
// Checked on generated accounts with roles, trust conditions, boundaries, tags and ${aws:username}.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, canAssume, MAX_CHAIN, outsideTrust, resolveActions, rolePrincipal, trustOf, whoCan, type AssumeStep, type RolePath, type WhoCanAnswer, type WhoCanEntry} from '../../source/model/access.js';
import {evaluate} from '../../source/model/access/evaluator.js';
import {principalFor, roleFacts, statementRefs, type AccessModel, type Principal} from '../../source/model/access/model.js';
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
}

/** A role's grant by its whole policies (and boundary), action by action. */
const roleGrant = async (model: AccessModel, role: Role, actions: string[], resource: string): Promise<Grant | undefined> => {
	const principal = rolePrincipal(model, role);
	const found: Grant = {role, decision: 'Conditional', via: [], conditions: [], actions: []};
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
		for (const raw of answer.statements.filter(s => s.effect === 'Allow')) for (const statement of statementRefs(principal, raw)) found.via.push({action, statement});
		for (const c of answer.conditions) for (const statement of statementRefs(principal, c.statement)) found.conditions.push({operator: c.operator, key: c.key, values: c.values, effect: c.effect, statement});
	}
	return found.actions.length > 0 ? found : undefined;
};

const pathOf = (steps: AssumeStep[], grant: Grant): RolePath => ({
	role: grant.role.name,
	roleArn: grant.role.arn,
	steps,
	decision: grant.decision === 'Allowed' && steps.every(s => s.decision === 'Allowed') ? 'Allowed' : 'Conditional',
	via: grant.via,
	conditions: grant.conditions,
	actions: grant.actions,
});

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

/** The identity answer's users with every role path merged in, walking back from each granting role. */
const reference = async (index: SnapshotIndex, query: string, resource: string) => {
	const model = buildAccessModel(index);
	const resolved = await resolveActions(query);
	if (!resolved.ok) throw new Error(resolved.message);
	const direct = await whoCan(buildAccessModel({...index, snapshot: {...index.snapshot, roles: []}}), query, resource);
	if (!direct.ok) throw new Error(direct.message);
	const known = new Map<string, AssumeStep[]>();
	const assumersOf = async (role: Role) => known.get(role.name) ?? known.set(role.name, await assumers(model, role)).get(role.name)!;
	const granting: Grant[] = [];
	for (const role of rolesOf(model)) {
		const grant = await roleGrant(model, role, resolved.actions, resource);
		if (grant) granting.push(grant);
	}
	const byUser = new Map<string, RolePath[]>();
	for (const grant of granting) {
		let frontier: Array<{role: Role; tail: AssumeStep[]}> = [{role: grant.role, tail: []}];
		const seen = new Set([grant.role.name]);
		for (let depth = 0; depth < MAX_CHAIN && frontier.length > 0; depth++) {
			const next: typeof frontier = [];
			for (const {role, tail} of frontier) {
				for (const step of await assumersOf(role)) {
					const steps = [step, ...tail];
					if (step.caller.kind === 'user') byUser.set(step.caller.name, [...(byUser.get(step.caller.name) ?? []), pathOf(steps, grant)]);
					else if (!seen.has(step.caller.name)) {
						seen.add(step.caller.name);
						next.push({role: rolesOf(model).find(r => r.name === step.caller.name)!, tail: steps});
					}
				}
			}
			frontier = next;
		}
	}
	const users: WhoCanEntry[] = direct.users.map(entry => (byUser.has(entry.name) ? {...entry, decision: entry.decision === 'Allowed' || byUser.get(entry.name)!.some(p => p.decision === 'Allowed') ? 'Allowed' : 'Conditional', throughRoles: byUser.get(entry.name)!} : entry));
	for (const [name, paths] of byUser) {
		if (direct.users.some(u => u.name === name)) continue;
		const user = principalFor(model, 'user', name)!;
		users.push({kind: 'user', name, arn: user.arn, decision: paths.some(p => p.decision === 'Allowed') ? 'Allowed' : 'Conditional', via: [], actions: [...new Set(paths.flatMap(p => p.actions))], conditions: [], incomplete: user.problems.length > 0, throughRoles: paths});
	}
	const roles = granting.map(g => ({kind: 'role' as const, name: g.role.name, arn: g.role.arn, decision: g.decision, via: g.via, actions: g.actions, conditions: g.conditions, incomplete: rolePrincipal(model, g.role).problems.length > 0}));
	const notes = [...new Set(granting.flatMap(g => outsideTrust(trustOf(g.role), model.accountId).map(n => `${g.role.name}: ${n}`)))];
	return {users, groups: direct.groups, roles, notes};
};

// Paths, identity statements and conditions are sets (listed in a stable order): compared sorted.
const set = (items: unknown[]) => [...new Set(items.map(i => JSON.stringify(i)))].sort();
const step = (s: AssumeStep) => ({...s, identity: set(s.identity), conditions: set(s.conditions)});
const path = (p: RolePath) => ({...p, steps: p.steps.map(step), via: set(p.via), conditions: set(p.conditions)});
const normal = (entry: WhoCanEntry) => ({
	...entry,
	via: set(entry.via),
	conditions: set(entry.conditions),
	...(entry.throughRoles ? {throughRoles: entry.throughRoles.map(path)} : {}),
});
const byName = (a: {name: string}, b: {name: string}) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const expectSame = async (index: SnapshotIndex, query: string, resource = '*'): Promise<WhoCanAnswer> => {
	const fast = await whoCan(buildAccessModel(index), query, resource);
	if (!fast.ok) throw new Error(fast.message);
	const expected = await reference(index, query, resource);
	expect([...fast.users].sort(byName).map(normal)).toEqual([...expected.users].sort(byName).map(normal));
	expect(fast.groups.map(normal)).toEqual(expected.groups.map(normal));
	expect([...fast.roles].sort(byName).map(normal)).toEqual([...expected.roles].sort(byName).map(normal));
	expect([...fast.roleNotes].sort()).toEqual([...expected.notes].sort());
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
			// The comparison means something: users reach it through roles, and roles grant it.
			expect(answer.users.some(u => (u.throughRoles?.length ?? 0) > 0)).toBe(throughRoles);
			expect(answer.roles.length > 0).toBe(throughRoles);
			expect(answer.users.length).toBeGreaterThan(0);
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
