// The group-change preview through roles: an action a removal takes away may still be reached through a
// role the user can assume once out of the group (role-reach's assumableRoles, evaluated on the account
// after the change, so a group that granted sts:AssumeRole takes the role path away too). Said as "still
// reaches lightsail:* through role Y" instead of implying the access is revoked. Async: assuming is evaluated.
import {buildAccessModel} from '../access.js';
import {principalFor, type AccessModel} from '../access/model.js';
import {isAllowAll, type ParsedStatement} from '../access/patterns.js';
import {assumeConditionText} from '../access/role-path-text.js';
import {assumableRoles} from '../access/role-reach.js';
import {rolePrincipal} from '../access/roles.js';
import type {AssumeStep} from '../access/types.js';
import {buildIndex, type SnapshotIndex} from '../indexes.js';
import type {Role} from '../snapshot.js';
import {applyPatch, membershipPatch} from './patch.js';
import {patternCovers} from './preview.js';
import type {ActionChange, MembershipPreview, Plan} from './types.js';

type Reach = {role: Role; steps: AssumeStep[]};

const covers = (s: ParsedStatement, pattern: string): boolean => (s.actions ?? []).some(a => patternCovers(a, pattern));

/** "role Deploy → role ReadOnlyAudit", with the conditions the path hangs on. */
const pathLabel = (reach: Reach, why: string[]): string => {
	const conditions = reach.steps.flatMap(s => s.conditions.map(assumeConditionText));
	const tail = [...why, ...conditions];
	return `${reach.steps.map(s => `role ${s.role}`).join(' → ')}${tail.length > 0 ? ` (${tail.join('; ')})` : ''}`;
};

/** Whether the role's own policies reach the pattern: for certain, maybe (with why), or not. */
const roleReaches = (model: AccessModel, reach: Reach, pattern: string): {sure: boolean; why: string[]} | undefined => {
	const principal = rolePrincipal(model, reach.role);
	const statements = principal.entries.flatMap(e => e.statements);
	const allows = statements.filter(s => s.effect === 'Allow' && !s.notActions && covers(s, pattern));
	if (allows.length === 0) return undefined;
	const why: string[] = [];
	const plain = allows.some(s => !s.hasCondition && !s.notResources && (s.resources ?? []).includes('*'));
	if (!plain) why.push('with a condition or on some resources only');
	if (statements.some(s => s.effect === 'Deny')) why.push('a Deny of the role may cut in');
	const boundary = principal.boundaryEntry?.statements;
	if (boundary && !boundary.some(s => isAllowAll(s) || (s.effect === 'Allow' && covers(s, pattern)))) why.push('its boundary may not allow it');
	if (principal.problems.length > 0) why.push('a policy of the role could not be read');
	const assumed = reach.steps.every(s => s.decision === 'Allowed');
	return {sure: why.length === 0 && assumed, why};
};

const withRoles = (change: ActionChange, model: AccessModel, reachable: Reach[]): ActionChange => {
	if (change.keptThrough.length > 0 || change.pattern.startsWith('NotAction')) return change;
	const sure: string[] = [];
	const maybe: string[] = [];
	for (const reach of reachable) {
		const found = roleReaches(model, reach, change.pattern);
		if (found) (found.sure ? sure : maybe).push(pathLabel(reach, found.why));
	}
	return {
		...change,
		...(sure.length > 0 ? {reachedThroughRoles: sure} : {}),
		...(maybe.length > 0 ? {mayReachThroughRoles: maybe} : {}),
	};
};

/**
 * Whether the group's statements speak of sts:AssumeRole (an allow or a deny, a NotAction, or one that could not
 * be read): only then can joining or leaving it change the roles the user may assume (trusts never name groups).
 */
const touchesAssume = (model: AccessModel, group: string): boolean => {
	const holder = principalFor(model, 'group', group);
	return !holder || holder.problems.length > 0 || holder.entries.some(e => e.statements.some(s => s.notActions !== undefined || covers(s, 'sts:AssumeRole')));
};

/** The roles (and chains) the user may assume before the change and not after, and the other way round. */
const rolesChanged = async (before: AccessModel, after: AccessModel, userName: string): Promise<Pick<MembershipPreview, 'rolesLost' | 'rolesGained'>> => {
	const was = principalFor(before, 'user', userName);
	const is = principalFor(after, 'user', userName);
	if (!was || !is) return {};
	const then = await assumableRoles(before, was);
	const now = await assumableRoles(after, is);
	const named = (list: Reach[]) => new Set(list.map(reach => reach.role.name));
	const [thenNames, nowNames] = [named(then), named(now)];
	const lost = then.filter(reach => !nowNames.has(reach.role.name)).map(reach => pathLabel(reach, []));
	const gained = now.filter(reach => !thenNames.has(reach.role.name)).map(reach => pathLabel(reach, []));
	return {...(lost.length > 0 ? {rolesLost: lost} : {}), ...(gained.length > 0 ? {rolesGained: gained} : {})};
};

/**
 * One membership change's preview told through roles: the roles the user may no longer (or may now) assume, and
 * for a removal, the actions it takes away that the user still reaches through a role. Others come back as they are.
 */
export const previewThroughRoles = async (index: SnapshotIndex, preview: MembershipPreview): Promise<MembershipPreview> => {
	if (preview.noop || (index.snapshot.roles ?? []).length === 0) return preview;
	const before = buildAccessModel(index);
	const touches = touchesAssume(before, preview.group);
	const lost = preview.change === 'remove' && preview.actions.some(a => a.keptThrough.length === 0);
	// The account after the change (an index of the whole snapshot) only when something reads it.
	if (!touches && !lost) return preview;
	const model = buildAccessModel(buildIndex(applyPatch(index.snapshot, membershipPatch(preview.user, preview.group, preview.change === 'add'))));
	const roles = touches ? await rolesChanged(before, model, preview.user) : {};
	const user = lost ? principalFor(model, 'user', preview.user) : undefined;
	const reachable = user ? await assumableRoles(model, user) : [];
	return {...preview, ...roles, ...(reachable.length > 0 ? {actions: preview.actions.map(change => withRoles(change, model, reachable))} : {})};
};

/** The plan with each removal's preview told through roles (never fails: an error becomes a preview problem). */
export const planThroughRoles = async (index: SnapshotIndex, plan: Plan): Promise<Plan> => {
	try {
		return {...plan, previews: await Promise.all(plan.previews.map(preview => previewThroughRoles(index, preview)))};
	} catch (error) {
		// Said, not dropped: the preview may then miss a role path.
		const problem = `access through roles (${(error as Error).message})`;
		return {...plan, previews: plan.previews.map(p => (p.noop ? p : {...p, problems: [...p.problems, problem]}))};
	}
};
