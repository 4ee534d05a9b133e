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
 * joins it: principals sharing a kind of answer share its action list, and with `shared` (one GrantPath
 * per path and list, made once a query) the GrantPath itself.
 */
export class GrantPaths {
	readonly #paths: GrantPath[] = [];
	/** owned: the path (and its action list) is this collection's own, appended to; else a shared one. */
	readonly #byKey = new Map<string, {at: number; owned: boolean}>();
	constructor(
		private readonly order: (action: string) => number,
		private readonly shared: (ref: StatementRef, actions: string[]) => GrantPath = (statement, actions) => ({statement, actions}),
	) {}

	/** The path grants `actions` (a list that may be shared: it is not changed). */
	add(ref: StatementRef, actions: readonly string[]): void {
		if (actions.length === 0) return;
		const known = this.#byKey.get(pathKey(ref));
		if (!known) return this.#start(ref, this.shared(ref, actions as string[]), false);
		if (this.#paths[known.at]!.actions === actions) return;
		const path = this.#own(known);
		for (const action of actions) path.actions.push(action);
	}

	/** The path grants one more action. */
	addAction(ref: StatementRef, action: string): void {
		const known = this.#byKey.get(pathKey(ref));
		if (!known) return this.#start(ref, {statement: ref, actions: [action]}, true);
		this.#own(known).actions.push(action);
	}

	/** The paths, each one's actions in query order without repeats. */
	list(): GrantPath[] {
		for (const {at, owned} of this.#byKey.values()) {
			const path = this.#paths[at]!;
			if (owned && !this.#inOrder(path.actions)) path.actions = [...new Set(path.actions)].sort((a, b) => this.order(a) - this.order(b));
		}
		return this.#paths;
	}

	#start(ref: StatementRef, path: GrantPath, owned: boolean): void {
		this.#byKey.set(pathKey(ref), {at: this.#paths.length, owned});
		this.#paths.push(path);
	}

	/** The path at `known`, made this collection's own (copied from the shared one) to append to. */
	#own(known: {at: number; owned: boolean}): GrantPath {
		if (!known.owned) {
			const path = this.#paths[known.at]!;
			this.#paths[known.at] = {statement: path.statement, actions: [...path.actions]};
			known.owned = true;
		}
		return this.#paths[known.at]!;
	}

	/** Strictly in query order (as a role's grants are added, action by action): nothing to sort. */
	#inOrder(actions: string[]): boolean {
		for (let n = 1; n < actions.length; n++) if (this.order(actions[n - 1]!) >= this.order(actions[n]!)) return false;
		return true;
	}
}

/** One GrantPath per (path, action list), made on first use: principals with the same paths share them. */
export const sharedGrantPaths = (): ((ref: StatementRef, actions: string[]) => GrantPath) => {
	const byList = new Map<string[], Map<StatementRef, GrantPath>>();
	return (statement, actions) => {
		let byRef = byList.get(actions);
		if (!byRef) byList.set(actions, (byRef = new Map()));
		let path = byRef.get(statement);
		if (!path) byRef.set(statement, (path = {statement, actions}));
		return path;
	};
};

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
