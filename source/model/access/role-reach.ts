// Access through roles. Forward, for `can`: the roles a principal may assume (chains followed to
// MAX_CHAIN roles, cycles cut) and what each grants. Backward, for who-can: the roles whose own
// policies grant the action, then who may assume them (users and, chaining, other roles), once per
// query: the identity-only answer stays on its fast path and role paths are merged into it.
import type {Role} from '../snapshot.js';
import {canAssume, grants, outsideTrust} from './assume-role.js';
import {whoCanAssume} from './role-assumers.js';
import {principalFor, type AccessModel, type Principal} from './model.js';
import {evaluateRole} from './role-grants.js';
import {rolePrincipal, rolesOf, trustOf} from './roles.js';
import type {AssumeStep, GrantPath, RolePath, WhoCanAnswer, WhoCanEntry} from './types.js';

/** Longest chain of roles followed (AWS allows chaining; a cycle ends at a role seen before). */
export const MAX_CHAIN = 5;

interface RoleGrant {
	role: Role;
	decision: 'Allowed' | 'Conditional';
	via: GrantPath[];
	conditions: RolePath['conditions'];
	actions: string[];
}

/** What the role's own policies grant for these actions (undefined: nothing). */
const roleGrant = async (model: AccessModel, role: Role, actions: string[], resource: string): Promise<RoleGrant | undefined> => {
	const principal = rolePrincipal(model, role);
	const found: RoleGrant = {role, decision: 'Conditional', via: [], conditions: [], actions: []};
	for (const action of actions) {
		const evaluated = await evaluateRole(model, principal, action, resource);
		const answer = evaluated?.answer;
		if (!evaluated || !answer?.ok || (answer.decision !== 'Allowed' && answer.decision !== 'Conditional')) continue;
		if (answer.decision === 'Allowed') found.decision = 'Allowed';
		found.actions.push(action);
		for (const raw of answer.statements.filter(s => s.effect === 'Allow')) for (const statement of evaluated.refs(raw)) found.via.push({action, statement});
		for (const c of answer.conditions) for (const statement of evaluated.refs(c.statement)) found.conditions.push({operator: c.operator, key: c.key, values: c.values, effect: c.effect, statement});
	}
	return found.actions.length > 0 ? found : undefined;
};

const pathOf = (steps: AssumeStep[], grant: RoleGrant): RolePath => ({
	role: grant.role.name,
	roleArn: grant.role.arn,
	steps,
	decision: grant.decision === 'Allowed' && steps.every(s => s.decision === 'Allowed') ? 'Allowed' : 'Conditional',
	via: grant.via,
	conditions: grant.conditions,
	actions: grant.actions,
});

/** Roles `caller` may assume, directly or by chaining, each with the steps that lead there. */
export const assumableRoles = async (model: AccessModel, caller: Principal): Promise<Array<{role: Role; steps: AssumeStep[]}>> => {
	const found: Array<{role: Role; steps: AssumeStep[]}> = [];
	const seen = new Set<string>(caller.kind === 'role' ? [caller.name] : []);
	let frontier: Array<{principal: Principal; steps: AssumeStep[]}> = [{principal: caller, steps: []}];
	for (let depth = 0; depth < MAX_CHAIN && frontier.length > 0; depth++) {
		const next: typeof frontier = [];
		for (const {principal, steps} of frontier) {
			const candidates = rolesOf(model).filter(r => !seen.has(r.name));
			const answers = await Promise.all(candidates.map(role => canAssume(model, principal, role)));
			answers.forEach((answer, n) => {
				const role = candidates[n]!;
				if (!grants(answer) || seen.has(role.name)) return;
				seen.add(role.name);
				const path = [...steps, answer];
				found.push({role, steps: path});
				next.push({principal: rolePrincipal(model, role), steps: path});
			});
		}
		frontier = next;
	}
	return found;
};

/** For `can`: every role path by which `caller` reaches the action. */
export const throughRoles = async (model: AccessModel, caller: Principal, action: string, resource: string): Promise<RolePath[]> => {
	const paths: RolePath[] = [];
	for (const {role, steps} of await assumableRoles(model, caller)) {
		const grant = await roleGrant(model, role, [action], resource);
		if (grant) paths.push(pathOf(steps, grant));
	}
	return paths;
};

const entryOf = (grant: RoleGrant, incomplete: boolean): WhoCanEntry => ({
	kind: 'role',
	name: grant.role.name,
	arn: grant.role.arn,
	decision: grant.decision,
	via: grant.via,
	actions: grant.actions,
	conditions: grant.conditions,
	incomplete,
});

const collator = new Intl.Collator();

/** The identity-only answer, with roles as rows and users' role paths merged in. */
export const withRoles = async (model: AccessModel, answer: WhoCanAnswer): Promise<WhoCanAnswer> => {
	const roleNotes = new Set<string>();
	const granting: RoleGrant[] = [];
	for (const role of rolesOf(model)) {
		const grant = await roleGrant(model, role, answer.actions, answer.resource);
		if (grant) granting.push(grant);
	}
	const byUser = new Map<string, RolePath[]>();
	// Backwards from each granting role: who assumes it, then who assumes those roles, up to MAX_CHAIN.
	for (const grant of granting) {
		for (const note of outsideTrust(trustOf(grant.role), model.accountId)) roleNotes.add(`${grant.role.name}: ${note}`);
		let frontier: Array<{role: Role; tail: AssumeStep[]}> = [{role: grant.role, tail: []}];
		const seen = new Set([grant.role.name]);
		for (let depth = 0; depth < MAX_CHAIN && frontier.length > 0; depth++) {
			const next: typeof frontier = [];
			for (const {role, tail} of frontier) {
				for (const assumed of await whoCanAssume(model, role)) {
					const steps = [assumed, ...tail];
					if (assumed.caller.kind === 'user') {
						const list = byUser.get(assumed.caller.name) ?? [];
						list.push(pathOf(steps, grant));
						byUser.set(assumed.caller.name, list);
					} else if (!seen.has(assumed.caller.name)) {
						seen.add(assumed.caller.name);
						next.push({role: rolesOf(model).find(r => r.name === assumed.caller.name)!, tail: steps});
					}
				}
			}
			frontier = next;
		}
	}
	const users = [...answer.users];
	const known = new Map(users.map((u, n) => [u.name, n]));
	for (const [name, paths] of byUser) {
		const n = known.get(name);
		const reached = paths.some(p => p.decision === 'Allowed') ? 'Allowed' : 'Conditional';
		if (n !== undefined) {
			const entry = users[n]!;
			users[n] = {...entry, decision: entry.decision === 'Allowed' ? 'Allowed' : reached, throughRoles: paths};
			continue;
		}
		const user = principalFor(model, 'user', name)!;
		users.push({kind: 'user', name, arn: user.arn, decision: reached, via: [], actions: [...new Set(paths.flatMap(p => p.actions))], conditions: [], incomplete: user.problems.length > 0, throughRoles: paths});
	}
	if (users.length > answer.users.length) users.sort((a, b) => collator.compare(a.name, b.name));
	return {...answer, users, roles: granting.sort((a, b) => collator.compare(a.role.name, b.role.name)).map(g => entryOf(g, rolePrincipal(model, g.role).problems.length > 0)), roleNotes: [...roleNotes]};
};
