// Access through roles, forward, for `can`: the roles a principal may assume (chains followed to
// MAX_CHAIN roles, cycles cut) and what each grants. Who-can's backward walk is who-can-roles.ts.
import type {Role} from '../snapshot.js';
import {canAssume, grants} from './assume-role.js';
import {holderIndex} from './holders.js';
import type {AccessModel, Principal} from './model.js';
import {withRoleStatements} from './role-assumers.js';
import {roleGrantOf, type RoleGrant} from './role-grants.js';
import {rolePrincipal, rolesOf} from './roles.js';
import type {AssumeStep, RolePath} from './types.js';
import {actionClasses} from './who-can-classes.js';

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
