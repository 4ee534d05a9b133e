// Who-can's role paths, merged into the identity-only answer once per query. Backwards from each role
// whose own policies grant the action: the roles that may assume it (chains to MAX_CHAIN, cycles cut),
// each role's assumers computed once per model (role-assumers.ts). Users admitted through an account
// trust are who-can's answer for sts:AssumeRole, shared by every role of a signature: so a user's
// decision comes from a few shared facts, and the user's paths — possibly thousands of them, one per
// (role reached, role assumed first) — are built only when read (`throughRoles` is a lazy property).
import type {Role} from '../snapshot.js';
import {outsideTrust} from './assume-role.js';
import {holderIndex} from './holders.js';
import {principalFor, type AccessModel} from './model.js';
import {accountStep, assumersFor, roleCallers, withRoleStatements, type AccountAdmits, type Assumers} from './role-assumers.js';
import {roleGrantOf, type RoleGrant} from './role-grants.js';
import {MAX_CHAIN, pathOf} from './role-reach.js';
import {roleByName, rolePrincipal, rolesOf, trustOf} from './roles.js';
import type {AssumeStep, RolePath, WhoCanAnswer, WhoCanEntry} from './types.js';
import {actionClasses} from './who-can-classes.js';

interface TreeNode {
	role: Role;
	/** The role this one assumes on the way to the granting one, and the step (made when read). */
	parent?: {node: TreeNode; step: () => AssumeStep};
	/** Every step on the way is Allowed, and so is the grant. */
	allowed: boolean;
}

/** The role steps from the node's role to the granting one. */
const tailOf = (node: TreeNode): AssumeStep[] => {
	const tail: AssumeStep[] = [];
	for (let at: TreeNode | undefined = node; at?.parent; at = at.parent.node) tail.push(at.parent.step());
	return tail;
};

interface Tree {
	grant: RoleGrant;
	/** In the order the chains are walked: the granting role, then who assumes it, … */
	nodes: TreeNode[];
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
});

/** The roles from which `grant`'s role is reached, breadth first (each once, at its shortest chain). */
const treeOf = async (model: AccessModel, grant: RoleGrant, assumers: Map<string, Assumers>, callersOf: Map<Assumers, ReturnType<typeof roleCallers>>): Promise<Tree> => {
	const nodes: TreeNode[] = [];
	let frontier: TreeNode[] = [{role: grant.role, allowed: grant.decision === 'Allowed'}];
	const seen = new Set([grant.role.name]);
	// A role assumed by the same roles as one expanded before adds none not seen (itself is seen).
	const expanded = new Set<string>();
	for (let depth = 0; depth < MAX_CHAIN && frontier.length > 0; depth++) {
		const next: TreeNode[] = [];
		for (const node of frontier) {
			nodes.push(node);
			let found = assumers.get(node.role.name);
			if (!found) assumers.set(node.role.name, (found = await assumersFor(model, node.role)));
			if (found.rolesKey !== undefined) {
				if (expanded.has(found.rolesKey)) continue;
				expanded.add(found.rolesKey);
			}
			let callers = callersOf.get(found);
			if (!callers) callersOf.set(found, (callers = roleCallers(found, node.role)));
			for (const caller of callers) {
				if (seen.has(caller.name)) continue;
				seen.add(caller.name);
				next.push({role: roleByName(model, caller.name)!, parent: {node, step: caller.step}, allowed: node.allowed && caller.allowed});
			}
		}
		frontier = next;
	}
	return {grant, nodes};
};

/** What a user's paths come to: reached through some tree, Allowed by some path, and which trees (lists shared). */
interface Reach {
	allowed: boolean;
	trees: number[][];
}

const reachOf = (byUser: Map<string, Reach>, name: string): Reach => {
	let reach = byUser.get(name);
	if (!reach) byUser.set(name, (reach = {allowed: false, trees: []}));
	return reach;
};

/** Users' reach, from the trees: one pass over the nodes, then one over each account answer's users. */
const usersReach = (trees: Tree[], assumers: Map<string, Assumers>): Map<string, Reach> => {
	const byUser = new Map<string, Reach>();
	// Per account answer (shared by roles of one signature): the nodes admitting its users.
	const byAnswer = new Map<WhoCanEntry[], Array<{tree: number; allowed: boolean; admits: AccountAdmits}>>();
	trees.forEach((tree, t) => {
		for (const node of tree.nodes) {
			const {account, userSteps} = assumers.get(node.role.name)!;
			for (const step of userSteps) {
				const reach = reachOf(byUser, step.caller.name);
				reach.trees.push([t]);
				reach.allowed ||= node.allowed && step.decision === 'Allowed';
			}
			if (!account || account.entries.length === 0) continue;
			const list = byAnswer.get(account.entries) ?? byAnswer.set(account.entries, []).get(account.entries)!;
			list.push({tree: t, allowed: node.allowed && account.conditions.length === 0, admits: account});
		}
	});
	for (const [entries, nodes] of byAnswer) {
		const skipped = new Set<string>();
		for (const admits of new Set(nodes.map(n => n.admits))) for (const name of admits.skip) skipped.add(name);
		const allTrees = [...new Set(nodes.map(n => n.tree))];
		const someAllowed = nodes.some(n => n.allowed);
		for (const entry of entries) {
			const unconditional = entry.decision === 'Allowed' && entry.conditions.length === 0;
			if (skipped.has(entry.name)) {
				const own = nodes.filter(n => !n.admits.skip.has(entry.name));
				if (own.length === 0) continue;
				const reach = reachOf(byUser, entry.name);
				reach.trees.push(own.map(n => n.tree));
				reach.allowed ||= unconditional && own.some(n => n.allowed);
				continue;
			}
			const reach = reachOf(byUser, entry.name);
			reach.trees.push(allTrees);
			reach.allowed ||= unconditional && someAllowed;
		}
	}
	return byUser;
};

/** One user's paths, in the order the trees were walked. */
const pathsOf = (name: string, trees: Tree[], assumers: Map<string, Assumers>): RolePath[] => {
	const paths: RolePath[] = [];
	for (const {grant, nodes} of trees) {
		for (const node of nodes) {
			const {account, userSteps} = assumers.get(node.role.name)!;
			const entry = account && !account.skip.has(name) ? account.byName.get(name) : undefined;
			const step = entry ? accountStep(account!, entry) : userSteps.find(s => s.caller.name === name);
			if (step) paths.push(pathOf([step, ...tailOf(node)], grant));
		}
	}
	return paths;
};

/** `entry` with `throughRoles` built on first read (then kept). */
const withLazyPaths = (entry: WhoCanEntry, build: () => RolePath[]): WhoCanEntry => {
	let paths: RolePath[] | undefined;
	return Object.defineProperty(entry, 'throughRoles', {
		enumerable: true,
		configurable: true,
		get: () => (paths ??= build()),
		set: (value: RolePath[]) => {
			paths = value;
		},
	});
};

/** The identity-only answer, with roles as rows and users' role paths merged in. */
export const withRoles = async (model: AccessModel, answer: WhoCanAnswer): Promise<WhoCanAnswer> => {
	withRoleStatements(model);
	const classes = actionClasses(holderIndex(model).catalogue, answer.actions);
	const granting: RoleGrant[] = [];
	for (const role of rolesOf(model)) {
		const grant = await roleGrantOf(model, rolePrincipal(model, role), role, answer.actions, classes, answer.resource);
		if (grant) granting.push(grant);
	}
	const roleNotes = new Set<string>();
	for (const grant of granting) for (const note of outsideTrust(trustOf(grant.role), model.accountId)) roleNotes.add(`${grant.role.name}: ${note}`);
	const assumers = new Map<string, Assumers>();
	const trees: Tree[] = [];
	// A role's callers are the same in every tree: listed once.
	const callersOf = new Map<Assumers, ReturnType<typeof roleCallers>>();
	for (const grant of granting) trees.push(await treeOf(model, grant, assumers, callersOf));
	const byUser = usersReach(trees, assumers);

	const users = [...answer.users];
	const known = new Map(users.map((u, n) => [u.name, n]));
	const paths = (name: string) => () => pathsOf(name, trees, assumers);
	for (const [name, reach] of byUser) {
		const reached = reach.allowed ? 'Allowed' : 'Conditional';
		const n = known.get(name);
		if (n !== undefined) {
			const entry = users[n]!;
			users[n] = withLazyPaths({...entry, decision: entry.decision === 'Allowed' ? 'Allowed' : reached}, paths(name));
			continue;
		}
		const user = principalFor(model, 'user', name)!;
		const actions = answer.actions.length === 1 ? answer.actions : [...new Set([...new Set(reach.trees.flat())].sort((a, b) => a - b).flatMap(t => trees[t]!.grant.actions))];
		users.push(withLazyPaths({kind: 'user', name, arn: user.arn, decision: reached, via: [], actions, conditions: [], incomplete: user.problems.length > 0}, paths(name)));
	}
	if (users.length > answer.users.length) {
		// Holders are sorted as the answer lists users: their positions order the merged list cheaply.
		const position = new Map(holderIndex(model).users.map((u, n) => [u.name, n]));
		users.sort((a, b) => position.get(a.name)! - position.get(b.name)!);
	}
	const roles = granting.sort((a, b) => collator.compare(a.role.name, b.role.name)).map(g => entryOf(g, rolePrincipal(model, g.role).problems.length > 0));
	return {...answer, users, roles, roleNotes: [...roleNotes]};
};
