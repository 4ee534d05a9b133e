// Who-can's role paths, merged into the identity-only answer once per query. One breadth-first walk
// backwards from every role whose own policies grant the action at once (chains of at most MAX_CHAIN
// roles, so a shortest chain never repeats a role): each role learns its shortest chain to a granting
// role, and — on a second walk over Allowed steps only — its shortest chain that is Allowed all the way.
// A user is Allowed through roles when some first step is Allowed into a role with an Allowed chain;
// reached (Conditional) when some step admits them into a role with any chain. Each role's assumers are
// computed once per model (role-assumers.ts); users admitted through an account trust are who-can's
// answer for sts:AssumeRole, shared by every role of a signature, so they are handled per answer, not
// per role. A user can reach the action by thousands of chains in a large account: who-can keeps the
// best one (Allowed first, then shortest), built when read; `can USER ACTION` lists every role.
import type {Role} from '../snapshot.js';
import {outsideTrust} from './assume-role.js';
import {holderIndex} from './holders.js';
import type {AccessModel} from './model.js';
import {accountStep, assumersFor, callersOf, withRoleStatements, type AccountAdmits, type Assumers} from './role-assumers.js';
import {roleGrantOf, type RoleGrant} from './role-grants.js';
import {MAX_CHAIN, pathOf} from './role-reach.js';
import {actionsInReach, orInto, scopesInReach, type Bits} from './reach-spread.js';
import {roleByName, rolePrincipal, rolesOf, trustOf} from './roles.js';
import type {AssumeStep, RolePath, RoleTrustNote, WhoCanAnswer, WhoCanEntry} from './types.js';
import {actionClasses} from './who-can-classes.js';
import {EVERYWHERE, joinScopes, scopeFields, scopeOf, withScope, type Scope} from './who-can-scope.js';

/** A role's shortest chain to a granting role: the next role on it and the step there (made when read). */
interface Link {
	role: Role;
	/** Roles still to assume after this one (0: it grants). */
	distance: number;
	next?: {link: Link; step: () => AssumeStep};
	grant: RoleGrant;
}

type Callers = ReturnType<typeof callersOf>;

/** A reached role: its assumers, its shortest chain, and its shortest Allowed chain if any. */
interface Reached {
	assumers: Assumers;
	any: Link;
	allowed?: Link;
}

const collator = new Intl.Collator();

const entryOf = (grant: RoleGrant, incomplete: boolean): WhoCanEntry => ({
	kind: 'role',
	name: grant.role.name,
	arn: grant.role.arn,
	decision: grant.decision,
	via: grant.via,
	actions: grant.actions,
	conditions: grant.conditions,
	incomplete,
	...scopeFields(grant),
});

/**
 * Breadth first from the granting roles over "may assume" edges, backwards: each role labelled once, at its
 * shortest distance. `allowedOnly` follows Allowed steps from Allowed grants only.
 */
const walk = async (
	model: AccessModel,
	granting: RoleGrant[],
	allowedOnly: boolean,
	assumersOf: (role: Role) => Promise<Assumers>,
	callersOf: (assumers: Assumers, role: Role) => Callers,
): Promise<Map<string, Link>> => {
	const links = new Map<string, Link>();
	let frontier: Link[] = [];
	for (const grant of granting) {
		if (allowedOnly && grant.decision !== 'Allowed') continue;
		const link: Link = {role: grant.role, distance: 0, grant};
		links.set(grant.role.name, link);
		frontier.push(link);
	}
	// A role assumed by the same roles as one expanded before adds none not labelled already.
	const expanded = new Set<string>();
	for (let distance = 1; distance < MAX_CHAIN && frontier.length > 0; distance++) {
		const next: Link[] = [];
		for (const link of frontier) {
			const assumers = await assumersOf(link.role);
			if (assumers.rolesKey !== undefined) {
				if (expanded.has(assumers.rolesKey)) continue;
				expanded.add(assumers.rolesKey);
			}
			for (const caller of callersOf(assumers, link.role)) {
				if (links.has(caller.name) || (allowedOnly && !caller.allowed)) continue;
				const found: Link = {role: roleByName(model, caller.name)!, distance, next: {link, step: caller.step}, grant: link.grant};
				links.set(caller.name, found);
				next.push(found);
			}
		}
		frontier = next;
	}
	return links;
};

/** The role steps from the link's role to the granting one. */
const tailOf = (link: Link): AssumeStep[] => {
	const tail: AssumeStep[] = [];
	for (let at: Link | undefined = link; at.next; at = at.next.link) tail.push(at.next.step());
	return tail;
};

/** A way in for a user: the first step (made when read) into a role, and that role's chain. */
interface Entry {
	first: () => AssumeStep;
	link: Link;
}

const shorter = (a: Entry | undefined, b: Entry): Entry => (a && a.link.distance <= b.link.distance ? a : b);

/** What one user's paths come to: the best way in by an Allowed chain and by any, and the actions (wildcard queries). */
interface UserReach {
	allowed?: Entry;
	any?: Entry;
	actions?: Bits;
	/** On a wildcard resource: what the grants in reach cover (scopesInReach), joined. */
	scope?: Scope;
}

/** Every user reached through roles, with the best ways in. */
const usersReach = (reached: Map<string, Reached>, actionsOf?: Map<string, Bits>, scopes?: Map<string, Scope>): Map<string, UserReach> => {
	const byUser = new Map<string, UserReach>();
	const reachOf = (name: string) => byUser.get(name) ?? byUser.set(name, {}).get(name)!;
	const addActions = (reach: UserReach, bits: Bits | undefined) => {
		if (!bits) return;
		if (reach.actions) orInto(reach.actions, bits);
		else reach.actions = bits.slice();
	};
	const addScope = (reach: UserReach, scope: Scope | undefined) => {
		if (scope) reach.scope = reach.scope ? joinScopes(reach.scope, scope) : scope;
	};
	const scopeAt = (at: Reached) => (scopes ? (scopes.get(at.any.role.name) ?? EVERYWHERE) : undefined);
	// Per account answer (shared by the roles of one signature): the roles admitting its users.
	const byAnswer = new Map<WhoCanEntry[], Array<{at: Reached; admits: AccountAdmits}>>();
	for (const at of reached.values()) {
		for (const step of at.assumers.userSteps) {
			const reach = reachOf(step.caller.name);
			reach.any = shorter(reach.any, {first: () => step, link: at.any});
			if (step.decision === 'Allowed' && at.allowed) reach.allowed = shorter(reach.allowed, {first: () => step, link: at.allowed});
			addActions(reach, actionsOf?.get(at.any.role.name));
			addScope(reach, scopeAt(at));
		}
		const account = at.assumers.account;
		if (!account || account.entries.length === 0) continue;
		const list = byAnswer.get(account.entries) ?? byAnswer.set(account.entries, []).get(account.entries)!;
		list.push({at, admits: account});
	}
	for (const [entries, roles] of byAnswer) {
		/** The best ways in among `roles` (by any chain, by an Allowed one) and the actions they reach. */
		const bestOf = (among: typeof roles) => {
			let any: {at: Reached; admits: AccountAdmits} | undefined;
			let allowed: typeof any;
			let actions: Bits | undefined;
			let scope: Scope | undefined;
			for (const role of among) {
				const reaches = scopeAt(role.at);
				if (reaches) scope = scope ? joinScopes(scope, reaches) : reaches;
				if (!any || role.at.any.distance < any.at.any.distance) any = role;
				const chain = role.at.allowed;
				if (chain && role.admits.conditions.length === 0 && (!allowed || chain.distance < allowed.at.allowed!.distance)) allowed = role;
				const bits = actionsOf?.get(role.at.any.role.name);
				if (bits) orInto((actions ??= new Uint32Array(bits.length)), bits);
			}
			return {any, allowed, actions, scope};
		};
		const shared = bestOf(roles);
		const skipped = new Set<string>();
		for (const {admits} of roles) for (const name of admits.skip) skipped.add(name);
		for (const entry of entries) {
			const best = skipped.has(entry.name) ? bestOf(roles.filter(r => !r.admits.skip.has(entry.name))) : shared;
			if (!best.any) continue;
			const reach = reachOf(entry.name);
			const {admits: anyAdmits, at: anyAt} = best.any;
			reach.any = shorter(reach.any, {first: () => accountStep(anyAdmits, entry), link: anyAt.any});
			if (best.allowed && entry.decision === 'Allowed' && entry.conditions.length === 0) {
				const {admits, at} = best.allowed;
				reach.allowed = shorter(reach.allowed, {first: () => accountStep(admits, entry), link: at.allowed!});
			}
			addActions(reach, best.actions);
			addScope(reach, best.scope);
		}
	}
	return byUser;
};

/** The user's best path: Allowed all the way if one is, else the shortest. */
const bestPath = (reach: UserReach): RolePath => {
	const {first, link} = reach.allowed ?? reach.any!;
	return pathOf([first(), ...tailOf(link)], link.grant);
};

/** Per user entry of an answer with paths through roles: the entry it was made from, and its best path's decision. */
const lazyEntries = new WeakMap<WhoCanEntry, {base: WhoCanEntry; best: 'Allowed' | 'Conditional'}>();

/**
 * The decision of the path `throughRoles` holds (its first and only one, the best: Allowed first), read without
 * building it; undefined for an entry that reaches nothing through roles or was not made by who-can.
 */
export const throughRolesDecision = (entry: WhoCanEntry): 'Allowed' | 'Conditional' | undefined => lazyEntries.get(entry)?.best;

/** `base` with the decision through roles and `throughRoles` built on first read (then kept). */
const withLazyPaths = (base: WhoCanEntry, decision: WhoCanEntry['decision'], best: 'Allowed' | 'Conditional', build: () => RolePath[]): WhoCanEntry => {
	let paths: RolePath[] | undefined;
	// An accessor in the literal: an own, enumerable property as a data one would be, made without redefining the object.
	const made: WhoCanEntry = {
		...base,
		decision,
		get throughRoles(): RolePath[] {
			return (paths ??= build());
		},
		set throughRoles(value: RolePath[]) {
			paths = value;
		},
	};
	lazyEntries.set(made, {base, best});
	return made;
};

/**
 * `entry` with another decision (or fewer actions), its paths through roles still unbuilt when they were: a
 * spread would read the accessor and build them for every entry an SCP makes Conditional. The copy reads the same paths.
 */
export const revised = (entry: WhoCanEntry, change: Partial<Pick<WhoCanEntry, 'decision' | 'actions'>>): WhoCanEntry => {
	const lazy = lazyEntries.get(entry);
	if (!lazy) return {...entry, ...change};
	return withLazyPaths({...lazy.base, ...change}, change.decision ?? entry.decision, lazy.best, () => entry.throughRoles!);
};

/** Each holder's place in who-can's sorted list of users, worked out once per holder index. */
const positionsKept = new WeakMap<object, Map<string, number>>();
const positionsIn = (holders: Array<{name: string}>): Map<string, number> => {
	let found = positionsKept.get(holders);
	if (!found) positionsKept.set(holders, (found = new Map(holders.map((u, n) => [u.name, n]))));
	return found;
};

/** The identity-only answer, with roles as rows and each user's best role path merged in. */
export const withRoles = async (model: AccessModel, answer: WhoCanAnswer): Promise<WhoCanAnswer> => {
	withRoleStatements(model);
	const classes = actionClasses(holderIndex(model).catalogue, answer.actions);
	const granting: RoleGrant[] = [];
	for (const role of rolesOf(model)) {
		const grant = await roleGrantOf(model, rolePrincipal(model, role), role, answer.actions, classes, answer.resource);
		if (grant) granting.push(grant);
	}
	const roleNotes: RoleTrustNote[] = [];
	for (const grant of granting) for (const note of outsideTrust(trustOf(grant.role), model.accountId)) roleNotes.push({role: grant.role.name, note});

	const assumersOf = (role: Role) => assumersFor(model, role);
	const any = await walk(model, granting, false, assumersOf, callersOf);
	const allowed = await walk(model, granting, true, assumersOf, callersOf);
	const reached = new Map<string, Reached>();
	for (const [name, link] of any) {
		const chain = allowed.get(name);
		reached.set(name, {assumers: await assumersOf(link.role), any: link, ...(chain ? {allowed: chain} : {})});
	}
	// On a wildcard resource a user's row says what their grants cover, through roles as directly.
	const wildcard = answer.resource.includes('*');
	const byUser = usersReach(reached, answer.actions.length > 1 ? actionsInReach(answer.actions, granting, reached) : undefined, wildcard ? scopesInReach(granting, reached) : undefined);

	// Users reached only through roles: their ARN and problems from who-can's holders, not a whole principal
	// built for each. Holders are sorted as the answer lists users: each entry is put at its holder's place.
	const holders = holderIndex(model).users;
	const positions = positionsIn(holders);
	const byPosition = new Array<WhoCanEntry | undefined>(holders.length);
	for (const entry of answer.users) byPosition[positions.get(entry.name)!] = entry;
	// Users reached by the same roles reach the same actions: each set of them listed once.
	const listed = new Map<string, string[]>();
	const actionsOf = (bits: Bits): string[] => {
		const key = bits.join(',');
		let found = listed.get(key);
		if (!found) listed.set(key, (found = answer.actions.filter((_, b) => (bits[b >>> 5]! & (1 << (b & 31))) !== 0)));
		return found;
	};
	for (const [name, reach] of byUser) {
		const reachedHow = reach.allowed ? 'Allowed' : 'Conditional';
		const paths = () => [bestPath(reach)];
		const at = positions.get(name)!;
		const entry = byPosition[at];
		const throughRoles = reach.scope ?? EVERYWHERE;
		if (entry) {
			// Allowed directly and only Conditional through roles: the direct grant is what is certain, its scope stands.
			const own = scopeOf(entry);
			const joined = wildcard && (reach.allowed || entry.decision !== 'Allowed') ? joinScopes(own, throughRoles) : own;
			byPosition[at] = withLazyPaths(joined === own ? entry : withScope(entry, joined), entry.decision === 'Allowed' ? 'Allowed' : reachedHow, reachedHow, paths);
			continue;
		}
		const user = holders[at]!;
		const actions = reach.actions ? actionsOf(reach.actions) : answer.actions;
		const reachedOnly: WhoCanEntry = {kind: 'user', name, arn: user.arn, decision: reachedHow, via: [], actions, conditions: [], incomplete: user.problems.length > 0};
		byPosition[at] = withLazyPaths(throughRoles === EVERYWHERE ? reachedOnly : withScope(reachedOnly, throughRoles), reachedHow, reachedHow, paths);
	}
	const users = byUser.size > 0 ? byPosition.filter((entry): entry is WhoCanEntry => entry !== undefined) : [...answer.users];
	const roles = granting.sort((a, b) => collator.compare(a.role.name, b.role.name)).map(g => entryOf(g, rolePrincipal(model, g.role).problems.length > 0));
	return {...answer, users, roles, roleNotes};
};
