// What a role's chains reach, spread along "may assume" edges for at most MAX_CHAIN roles: for a wildcard
// query, the actions of the granting roles in reach (a user reached only through roles can do those), and on a
// wildcard resource what their grants cover. Roles admitted through the account are one list per signature:
// joined once, then spread.
import {orderIn} from './grant-paths.js';
import type {Assumers} from './role-assumers.js';
import type {RoleGrant} from './role-grants.js';
import {MAX_CHAIN} from './role-reach.js';
import type {AssumeStep} from './types.js';
import {joinScopes, scopeOf, type Scope} from './who-can-scope.js';

/** A reached role's assumers: all the spreading reads of it. */
type ReachedRole = {assumers: Pick<Assumers, 'namedRoleSteps' | 'throughAccount'>};

/** A set of the query's actions, one bit per action (a wildcard query has hundreds). */
export type Bits = Uint32Array;

export const orInto = (into: Bits, from: Bits) => {
	for (let w = 0; w < into.length; w++) into[w]! |= from[w]!;
};

/**
 * Per role, the actions of the granting roles its chains reach (at most MAX_CHAIN - 1 more roles): for a
 * wildcard query, a user reached only through roles can do the actions of every granting role in reach.
 * Roles admitted through the account are the same list for every role of a signature (less the role
 * itself, whose own bits change nothing): the bits of those roles are joined first, then spread once.
 */
export const actionsInReach = (actions: string[], granting: RoleGrant[], reached: Map<string, ReachedRole>): Map<string, Bits> => {
	const words = Math.ceil(actions.length / 32);
	const bit = orderIn(actions);
	let within = new Map<string, Bits>();
	for (const grant of granting) {
		const bits = new Uint32Array(words);
		for (const action of grant.actions) {
			const n = bit(action);
			bits[n >>> 5]! |= 1 << (n & 31);
		}
		within.set(grant.role.name, bits);
	}
	for (let hops = 1; hops < MAX_CHAIN; hops++) {
		const wider = new Map([...within].map(([name, bits]) => [name, bits.slice()]));
		const into = (name: string) => wider.get(name) ?? wider.set(name, new Uint32Array(words)).get(name)!;
		const joined = new Map<AssumeStep[], Bits>();
		for (const [name, bits] of within) {
			const at = reached.get(name);
			if (!at) continue;
			for (const step of at.assumers.namedRoleSteps) orInto(into(step.caller.name), bits);
			const {throughAccount} = at.assumers;
			if (throughAccount.length === 0) continue;
			const union = joined.get(throughAccount) ?? joined.set(throughAccount, new Uint32Array(words)).get(throughAccount)!;
			orInto(union, bits);
		}
		for (const [steps, union] of joined) for (const step of steps) orInto(into(step.caller.name), union);
		within = wider;
	}
	return within;
};

/**
 * On a wildcard resource, per role, what the grants its chains reach cover (the resources they are limited to,
 * a deny cutting in), as actionsInReach does for actions; undefined when every grant covers every resource.
 */
export const scopesInReach = (granting: RoleGrant[], reached: Map<string, ReachedRole>): Map<string, Scope> | undefined => {
	if (!granting.some(grant => grant.resources || grant.partlyDenied)) return undefined;
	let within = new Map<string, Scope>(granting.map(grant => [grant.role.name, scopeOf(grant)]));
	for (let hops = 1; hops < MAX_CHAIN; hops++) {
		const wider = new Map(within);
		const into = (name: string, scope: Scope) => {
			const had = wider.get(name);
			wider.set(name, had ? joinScopes(had, scope) : scope);
		};
		// Roles admitted through the account are one list per signature: joined once, then spread.
		const joined = new Map<AssumeStep[], Scope>();
		for (const [name, scope] of within) {
			const at = reached.get(name);
			if (!at) continue;
			for (const step of at.assumers.namedRoleSteps) into(step.caller.name, scope);
			const {throughAccount} = at.assumers;
			if (throughAccount.length === 0) continue;
			const had = joined.get(throughAccount);
			joined.set(throughAccount, had ? joinScopes(had, scope) : scope);
		}
		for (const [steps, scope] of joined) for (const step of steps) into(step.caller.name, scope);
		within = wider;
	}
	return within;
};
