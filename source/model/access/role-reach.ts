// Access through roles, forward, for `can`: the roles a principal may assume (chains followed to
// MAX_CHAIN roles, cycles cut) and what each grants. Who-can's backward walk is who-can-roles.ts.
import type {Role} from '../snapshot.js';
import {holderIndex} from './holders.js';
import type {AccessModel, Principal} from './model.js';
import {accountStep, assumersFor, callersOf, positions, withRoleStatements, type AccountAdmits} from './role-assumers.js';
import {roleGrantOf, type RoleGrant} from './role-grants.js';
import {rolePrincipal, rolesOf} from './roles.js';
import type {AssumeStep, RolePath} from './types.js';
import {actionClasses} from './who-can-classes.js';
import {scopeFields} from './who-can-scope.js';

/** Longest chain of roles followed (AWS allows chaining; a cycle ends at a role seen before). */
export const MAX_CHAIN = 5;

/** What the role's own policies grant for these actions (undefined: nothing). */
const roleGrant = (model: AccessModel, role: Role, actions: string[], resource: string): Promise<RoleGrant | undefined> => {
	withRoleStatements(model);
	return roleGrantOf(model, rolePrincipal(model, role), role, actions, actionClasses(holderIndex(model).catalogue, actions), resource);
};

export const pathOf = (steps: AssumeStep[], grant: RoleGrant): RolePath => ({
	role: grant.role.name,
	roleArn: grant.role.arn,
	steps,
	decision: grant.decision === 'Allowed' && steps.every(s => s.decision === 'Allowed') ? 'Allowed' : 'Conditional',
	via: grant.via,
	conditions: grant.conditions,
	actions: grant.actions,
	...scopeFields(grant),
});

type Hop = {role: Role; step: () => AssumeStep};

/**
 * Who may assume what, turned around: per user and per role, the roles it may assume directly, each with
 * its step (made when read). Built once per model from each role's assumers (the ones who-can walks), so
 * asking for one principal does not ask every role's trust again at every depth of the chain.
 */
interface Forward {
	/** Users named in a trust (or of a trust that is not simple): their steps. */
	userHops: Map<string, Hop[]>;
	/** Users admitted through account trusts: per who-can answer (shared by a signature's roles), its roles. */
	accountRoles: AccountAdmits[][];
	roleHops: Map<string, Hop[]>;
}

const forwardKept = new WeakMap<AccessModel, Promise<Forward>>();

const buildForward = async (model: AccessModel): Promise<Forward> => {
	const userHops = new Map<string, Hop[]>();
	const roleHops = new Map<string, Hop[]>();
	const byAnswer = new Map<unknown, AccountAdmits[]>();
	const push = (map: Map<string, Hop[]>, name: string, hop: Hop) => (map.get(name) ?? map.set(name, []).get(name)!).push(hop);
	for (const role of rolesOf(model)) {
		const assumers = await assumersFor(model, role);
		for (const step of assumers.userSteps) push(userHops, step.caller.name, {role, step: () => step});
		for (const caller of callersOf(assumers, role)) push(roleHops, caller.name, {role, step: caller.step});
		const account = assumers.account;
		if (account && account.entries.length > 0) (byAnswer.get(account.entries) ?? byAnswer.set(account.entries, []).get(account.entries)!).push(account);
	}
	return {userHops, roleHops, accountRoles: [...byAnswer.values()]};
};

/** The roles `principal` may assume directly, in the account's order. */
const hopsOf = (model: AccessModel, forward: Forward, principal: Principal): Hop[] => {
	if (principal.kind === 'role') return forward.roleHops.get(principal.name) ?? [];
	const hops = [...(forward.userHops.get(principal.name) ?? [])];
	for (const admits of forward.accountRoles) {
		const entry = admits[0]!.byName.get(principal.name);
		if (!entry) continue;
		for (const one of admits) if (!one.skip.has(principal.name)) hops.push({role: one.role, step: () => accountStep(one, entry)});
	}
	const at = positions(model).roles;
	return hops.sort((a, b) => at.get(a.role.name)! - at.get(b.role.name)!);
};

/** Roles `caller` may assume, directly or by chaining (each at its shortest chain), with the steps that lead there. */
export const assumableRoles = async (model: AccessModel, caller: Principal): Promise<Array<{role: Role; steps: AssumeStep[]}>> => {
	let kept = forwardKept.get(model);
	if (!kept) forwardKept.set(model, (kept = buildForward(model)));
	const forward = await kept;
	const found: Array<{role: Role; steps: AssumeStep[]}> = [];
	const seen = new Set<string>(caller.kind === 'role' ? [caller.name] : []);
	let frontier: Array<{principal: Principal; steps: AssumeStep[]}> = [{principal: caller, steps: []}];
	for (let depth = 0; depth < MAX_CHAIN && frontier.length > 0; depth++) {
		const next: typeof frontier = [];
		for (const {principal, steps} of frontier) {
			for (const {role, step} of hopsOf(model, forward, principal)) {
				if (seen.has(role.name)) continue;
				seen.add(role.name);
				const path = [...steps, step()];
				found.push({role, steps: path});
				next.push({principal: rolePrincipal(model, role), steps: path});
			}
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
