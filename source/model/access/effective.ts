// The Access view: what a user's policies grant, grouped by service, each grant with its path and
// the denies that can cut into it; and the admin-equivalent badge. Read from the statements as
// written (no simulator), so it is instant; exact answers for one action come from explain().
import type {SnapshotIndex} from '../indexes.js';
import type {Group, User} from '../snapshot.js';
import {principalFor, readDocument, statementRefs, toModel, type AccessModel, type PolicyEntry, type Principal} from './model.js';
import {actionMatches, isAllowAll, serviceOf, type ParsedStatement} from './patterns.js';
import {principalNamed, unknownPrincipal} from './roles.js';
import type {AccessError, EffectiveAccess, ServiceAccess, ServiceGrant} from './types.js';

const grantsOf = (principal: Principal, entry: PolicyEntry, evalKey: string): Array<{service: string; grant: ServiceGrant}> =>
	entry.statements.flatMap(s => {
		const raw = {policyKey: evalKey, statementIndex: s.index, effect: s.effect, ...(s.sid === undefined ? {} : {sid: s.sid})};
		const base = {resources: s.notResources ?? s.resources ?? [], notResource: Boolean(s.notResources), conditional: s.hasCondition};
		const services = s.notActions ? new Map([['*', [`NotAction: ${s.notActions.join(', ')}`]]]) : byService(s.actions ?? []);
		return statementRefs(principal, raw).flatMap(statement =>
			[...services].map(([service, actions]) => ({service, grant: {...base, actions, statement}})),
		);
	});

const byService = (actions: string[]): Map<string, string[]> => {
	const map = new Map<string, string[]>();
	for (const action of actions) {
		const service = serviceOf(action);
		map.set(service, [...(map.get(service) ?? []), action]);
	}
	return map;
};

// A deny reaches a service when its service part is '*', equal, or a pattern that matches it.
const denyReaches = (denyService: string, service: string) =>
	denyService === '*' || service === '*' || actionMatches(`${denyService}:x`, `${service}:x`);

/** A user's (or a role's) allowed actions by service, with grant paths and the denies that cut into them. */
export const effectiveAccess = (source: SnapshotIndex | AccessModel, name: string, kind: 'user' | 'role' = 'user'): EffectiveAccess | AccessError => {
	const model = toModel(source);
	const principal = principalNamed(model, kind, name);
	if (!principal) return unknownPrincipal(model, kind, name);
	const allows = new Map<string, ServiceGrant[]>();
	const denies: Array<{service: string; grant: ServiceGrant}> = [];
	for (const entry of principal.entries) {
		if (entry.problem) continue;
		for (const item of grantsOf(principal, entry, entry.key)) {
			if (item.grant.statement.effect === 'Deny') denies.push(item);
			else allows.set(item.service, [...(allows.get(item.service) ?? []), item.grant]);
		}
	}
	const services: ServiceAccess[] = [...allows]
		.map(([service, grants]) => ({
			service,
			grants,
			denies: denies.filter(d => denyReaches(d.service, service)).map(d => d.grant),
			conditional: grants.every(g => g.conditional),
		}))
		.sort((a, b) => (a.service === '*' ? -1 : b.service === '*' ? 1 : a.service.localeCompare(b.service)));
	const result: EffectiveAccess = {
		ok: true,
		name,
		kind,
		services,
		adminEquivalent: adminEquivalent(principal),
		couldNotEvaluate: principal.problems,
	};
	if (principal.boundary) result.boundary = principal.boundary.source;
	return result;
};

const allowsAllWithoutDeny = (statements: ParsedStatement[]) => statements.some(isAllowAll);
const hasDeny = (statements: ParsedStatement[]) => statements.some(s => s.effect === 'Deny');

const adminEquivalent = (principal: Principal): boolean => {
	// Unknown documents could hold a deny: only claim the badge when every policy was read.
	if (principal.problems.length > 0) return false;
	const all = principal.entries.flatMap(e => e.statements);
	if (!allowsAllWithoutDeny(all) || hasDeny(all)) return false;
	const boundary = principal.boundaryEntry?.statements;
	return !boundary || (allowsAllWithoutDeny(boundary) && !hasDeny(boundary));
};

const allowsAll = (model: AccessModel, text: string | undefined): boolean => {
	if (!text) return false;
	const read = readDocument(model, text);
	return 'error' in read ? false : (read.allowsAll ??= allowsAllWithoutDeny(read.statements));
};

// Without an unconditional allow of * on * in some policy reaching the user, the answer is no:
// decided from the parsed statements alone, so the ADMIN column costs little on 5,000 users.
const mayBeAdmin = (model: AccessModel, user: User): boolean => {
	const {policyByArn, groupByName} = model.index;
	const holders: Array<User | Group> = [user, ...user.groups.flatMap(name => groupByName.get(name) ?? [])];
	return holders.some(
		holder => holder.attachedPolicies.some(p => allowsAll(model, policyByArn.get(p.arn)?.document)) || holder.inlinePolicies.some(p => allowsAll(model, p.document)),
	);
};

/** An unconditional allow of `*` on `*`, no deny anywhere reaching the user, no limiting boundary. */
export const isAdminEquivalent = (source: SnapshotIndex | AccessModel, userName: string): boolean => {
	const model = toModel(source);
	const user = model.index.userByName.get(userName);
	if (!user || !mayBeAdmin(model, user)) return false;
	const principal = principalFor(model, 'user', userName);
	return principal ? adminEquivalent(principal) : false;
};
