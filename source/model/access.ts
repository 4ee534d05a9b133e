// Who has what: the policies that reach a user, explain (can USER do ACTION?), who-can, the Access
// view and the admin badge. Pure functions of the snapshot; evaluation goes through one module,
// access/evaluator.ts (@cloud-copilot/iam-simulate), so the evaluator can be swapped.
// Build one AccessModel per snapshot and pass it (instead of the index) to reuse its caches.
export {buildAccessModel, withContext, type AccessModel} from './access/model.js';
export {userPolicies, type UserPolicies} from './access/reaching.js';
export {explain, resourceVariableNote} from './access/explain.js';
export {whoCan} from './access/who-can.js';
export {prepareWhoCan} from './access/who-can-prepare.js';
export {effectiveAccess, isAdminEquivalent} from './access/effective.js';
export {actionCatalogue, closestNames, completeAction, resolveActions, type ResolvedActions} from './access/catalogue.js';
export type * from './access/types.js';
export {canAssume, outsideTrust} from './access/assume-role.js';
export {assumableRoles, throughRoles, MAX_CHAIN} from './access/role-reach.js';
export {whoCanAssume} from './access/role-assumers.js';
export {findRole, rolePrincipal, trustOf} from './access/roles.js';
