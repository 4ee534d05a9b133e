// With request context given, `can` answers "not through role R": the roles the principal reaches without the
// context and not with it, and what decided — the trust a step was refused by (its condition not holding), or the
// role's own condition. So a context that takes a role path away says so, as one that settles a grant does.
import {canAssume, grants} from './assume-role.js';
import {decidedText, writtenCondition} from './context-decided.js';
import {explainFor} from './explain.js';
import {buildAccessModel, type AccessModel, type Principal} from './model.js';
import {throughRoles} from './role-reach.js';
import {principalNamed, roleByName, rolePrincipal} from './roles.js';

export interface RefusedPath {
	role: string;
	/** What the context decided, in words ("decided by aws:MultiFactorAuthPresent=false: … does not hold (…)"). */
	decided: string[];
}

/**
 * The role paths `kept` (asked with the context) lacks that the same question without it has. `open`: the
 * model without the context, when the caller has one already (its role assumers are worked out once).
 */
export const refusedByContext = async (
	model: AccessModel,
	principal: Principal,
	action: string,
	resource: string,
	kept: ReadonlyArray<{role: string}>,
	given?: AccessModel,
): Promise<RefusedPath[]> => {
	if (!model.context) return [];
	const open = given ?? buildAccessModel(model.index, undefined, model.knowledge);
	const openPrincipal = principalNamed(open, principal.kind === 'role' ? 'role' : 'user', principal.name);
	if (!openPrincipal) return [];
	const reached = new Set(kept.map(p => p.role));
	const refused: RefusedPath[] = [];
	for (const path of await throughRoles(open, openPrincipal, action, resource)) {
		if (reached.has(path.role)) continue;
		let decided: string[] | undefined;
		for (const step of path.steps) {
			const caller = principalNamed(model, step.caller.kind, step.caller.name);
			const role = roleByName(model, step.role);
			if (!caller || !role) break;
			const again = await canAssume(model, caller, role);
			if (!grants(again)) {
				decided = again.decided ?? [`role ${step.role}: ${again.reason}`];
				break;
			}
		}
		if (!decided) {
			// Every step still admits: the role's own policies are what the context decided.
			const role = roleByName(model, path.role);
			const answer = role ? await explainFor(model, rolePrincipal(model, role), action, resource) : undefined;
			decided = answer?.ok
				? (answer.decidedBy ?? []).map(c => decidedText(c.given, writtenCondition(c), c.holds, `role ${path.role}`))
				: [];
		}
		refused.push({role: path.role, decided});
	}
	return refused;
};
