// Who-can's entries in the usual case, where thousands of principals differ only by which groups they
// are in: one set grants, it was evaluated on distinct statements, and no boundary is involved. Then a
// principal's paths to any statement are its own policies' copies of it, then each group's — and a
// group's copies are worked out once per query, not once per member. A principal's key names the
// copies it would list; principals with the same key share one answer, built once.
import type {EvalSet} from './eval-sets.js';
import type {HeldStatement, Holder} from './holders.js';
import {statementIdOf} from './statements.js';
import type {ConditionShown, GrantPath, StatementRef, WhoCanEntry} from './types.js';
import {groupHeld, isUser, type ActionClass} from './who-can-classes.js';
import type {SetGrants} from './who-can-entries.js';

type Shape = Pick<WhoCanEntry, 'decision' | 'via' | 'actions' | 'conditions'>;

interface Selector {
	/** Position in the selector list (an index into each group's cache). */
	n: number;
	ids: Set<number>;
}

export interface QuickContext {
	bySet: SetGrants[];
	/** Per kind of answer: the distinct statements its Allows are (undefined: some is not one). */
	kindIds: Array<Set<number> | undefined>;
	pathsInto: (via: GrantPath[], refs: StatementRef[], action: number) => void;
}

/** The distinct statements the simulator's statements are, or undefined when some is not one. */
export const idsOf = (statements: Array<{policyKey: string}>): Set<number> | undefined => {
	const ids = statements.map(s => statementIdOf(s.policyKey));
	return ids.every(id => id !== undefined) ? new Set(ids as number[]) : undefined;
};

/** Returns a function answering for one principal, or undefined when its case is not the usual one. */
export const quickEntries = ({bySet, kindIds, pathsInto}: QuickContext) => {
	const kindSelectors: Selector[] = [];
	// Per set: the statements its conditions come from (null: some is not a distinct statement).
	const conditionSelectors = new Map<number, Selector | null>();
	let selectors = 0;
	const selector = (ids: Set<number>): Selector => ({n: selectors++, ids});
	const kindSelector = (kind: number): Selector | undefined => {
		const ids = kindIds[kind];
		if (!ids) return undefined;
		return (kindSelectors[kind] ??= selector(ids));
	};
	const conditionSelector = (set: EvalSet, granted: SetGrants): Selector | null => {
		let found = conditionSelectors.get(set.index);
		if (found === undefined) {
			const ids = idsOf(granted.grants.flatMap(g => g.answer.conditions.map(c => c.statement)));
			conditionSelectors.set(set.index, (found = ids ? selector(ids) : null));
		}
		return found;
	};

	const groupChosen = new Map<Holder, Array<{key: string; held: HeldStatement[]}>>();
	const chosenIn = (group: Holder, actionClass: ActionClass, s: Selector) => {
		let cache = groupChosen.get(group);
		if (!cache) groupChosen.set(group, (cache = []));
		let chosen = cache[s.n];
		if (!chosen) {
			const held = groupHeld(group, actionClass).filter(h => s.ids.has(h.statement.id));
			cache[s.n] = chosen = {key: held.map(h => h.id).join(','), held};
		}
		return chosen;
	};
	// The copies in order (groups that hold none add nothing): equal keys, equal paths.
	const keyOf = (principal: Holder, groups: Holder[], actionClass: ActionClass, s: Selector) => {
		let key = '/';
		for (const h of principal.statements) if (s.ids.has(h.statement.id)) key += `${h.id},`;
		for (const group of groups) {
			const chosen = chosenIn(group, actionClass, s).key;
			if (chosen) key += `${chosen},`;
		}
		return key;
	};
	const refsOf = (principal: Holder, groups: Holder[], actionClass: ActionClass, s: Selector, only?: number): StatementRef[] => {
		const picked = (h: HeldStatement) => (only === undefined ? s.ids.has(h.statement.id) : h.statement.id === only);
		const refs = principal.statements.filter(picked).map(h => h.ref);
		for (const group of groups) for (const h of chosenIn(group, actionClass, s).held) if (picked(h)) refs.push(h.ref);
		return refs;
	};

	const shapes = new Map<string, Shape>();
	return (principal: Holder, set: EvalSet, actionClass: ActionClass): WhoCanEntry | undefined => {
		const granted = bySet[set.index]!;
		if (set.whole || (isUser(principal) && principal.boundary)) return undefined;
		const kinds: Selector[] = [];
		for (const {kind} of granted.kinds) {
			const s = kindSelector(kind);
			if (!s) return undefined;
			kinds.push(s);
		}
		const conditions = granted.conditional ? conditionSelector(set, granted) : undefined;
		if (conditions === null) return undefined;
		const groups = isUser(principal) ? principal.groups : [];
		let key = `${set.index}`;
		for (const s of kinds) key += keyOf(principal, groups, actionClass, s);
		if (conditions) key += `#${keyOf(principal, groups, actionClass, conditions)}`;
		let shape = shapes.get(key);
		if (!shape) {
			const refsByKind = new Map(granted.kinds.map((g, n) => [g.kind, refsOf(principal, groups, actionClass, kinds[n]!)]));
			const via: GrantPath[] = [];
			for (const grant of granted.grants) pathsInto(via, refsByKind.get(grant.kind)!, grant.action);
			const shown: ConditionShown[] = [];
			for (const grant of conditions ? granted.grants : []) {
				for (const c of grant.answer.conditions) {
					for (const statement of refsOf(principal, groups, actionClass, conditions!, statementIdOf(c.statement.policyKey))) {
						shown.push({operator: c.operator, key: c.key, values: c.values, effect: c.effect, statement});
					}
				}
			}
			shape = {decision: granted.allowed ? 'Allowed' : 'Conditional', via, actions: granted.actions, conditions: shown};
			shapes.set(key, shape);
		}
		return {kind: principal.kind, name: principal.name, arn: principal.arn, ...shape, incomplete: principal.problems.length > 0};
	};
};
