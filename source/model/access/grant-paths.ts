// Who-can's paths: one GrantPath per distinct path (group, policy, statement) with the query's actions it
// grants, not one per (path, action). A wildcard query grants hundreds of actions through the same few
// statements; listing each pair cost thousands of objects per principal, and every reader regrouped them.
import type {GrantPath, StatementRef} from './types.js';

/** The path's identity as the operator reads it: the same statement reached the same way is one path. */
export const pathKey = (ref: StatementRef): string => {
	let key = keys.get(ref);
	if (key === undefined) keys.set(ref, (key = `${ref.source.kind}|${ref.source.arn ?? ref.source.name}|${ref.source.viaGroup ?? ''}|${ref.source.role ?? ''}#${ref.statementIndex}`));
	return key;
};
// Refs are made once per held statement and read by every query: their keys too.
const keys = new WeakMap<StatementRef, string>();

/**
 * Collects paths in the order first seen, each with its actions in the query's order (`order`: an
 * action's position in the query). A list handed to add() whole is kept, not copied, until a second one
 * joins it: principals sharing a kind of answer share its action list.
 */
export class GrantPaths {
	readonly #paths: GrantPath[] = [];
	/** owned: the path's action list is its own (appended to), not a shared one. */
	readonly #byKey = new Map<string, {path: GrantPath; owned: boolean}>();
	constructor(private readonly order: (action: string) => number) {}

	/** The path grants `actions` (a list that may be shared: it is not changed). */
	add(ref: StatementRef, actions: readonly string[]): void {
		if (actions.length === 0) return;
		const known = this.#byKey.get(pathKey(ref));
		if (!known) return this.#start(ref, actions as string[], false);
		if (known.path.actions === actions) return;
		this.#own(known);
		for (const action of actions) known.path.actions.push(action);
	}

	/** The path grants one more action. */
	addAction(ref: StatementRef, action: string): void {
		const known = this.#byKey.get(pathKey(ref));
		if (!known) return this.#start(ref, [action], true);
		this.#own(known);
		known.path.actions.push(action);
	}

	/** The paths, each one's actions in query order without repeats. */
	list(): GrantPath[] {
		for (const {path, owned} of this.#byKey.values()) if (owned && !this.#inOrder(path.actions)) path.actions = [...new Set(path.actions)].sort((a, b) => this.order(a) - this.order(b));
		return this.#paths;
	}

	#start(ref: StatementRef, actions: string[], owned: boolean): void {
		const path = {statement: ref, actions};
		this.#byKey.set(pathKey(ref), {path, owned});
		this.#paths.push(path);
	}

	#own(known: {path: GrantPath; owned: boolean}): void {
		if (known.owned) return;
		known.path.actions = [...known.path.actions];
		known.owned = true;
	}

	/** Strictly in query order (as a role's grants are added, action by action): nothing to sort. */
	#inOrder(actions: string[]): boolean {
		for (let n = 1; n < actions.length; n++) if (this.order(actions[n - 1]!) >= this.order(actions[n]!)) return false;
		return true;
	}
}

const orders = new WeakMap<readonly string[], (action: string) => number>();
/** An action's position in `actions` (a query's list), the map made once per list. */
export const orderIn = (actions: readonly string[]): ((action: string) => number) => {
	let found = orders.get(actions);
	if (!found) {
		const at = new Map(actions.map((action, n) => [action, n]));
		orders.set(actions, (found = action => at.get(action) ?? -1));
	}
	return found;
};
