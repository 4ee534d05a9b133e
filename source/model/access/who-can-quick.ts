// Who-can's entries in the usual case, where thousands of principals differ only by which groups they
// are in: one set grants, it was evaluated on distinct statements, and no boundary is involved. Then a
// principal's paths to any statement are its own policies' copies of it, then each group's — and a
// group's copies are worked out once per query, not once per member. A principal's sequence names the
// copies it would list; principals with the same sequence share one answer, built once.
import type {EvalSet} from './eval-sets.js';
import type {HeldStatement, Holder} from './holders.js';
import {statementIdOf} from './statements.js';
import {shownAt} from './explain.js';
import {GrantPaths} from './grant-paths.js';
import type {ConditionShown, GrantPath, StatementRef, WhoCanEntry} from './types.js';
import {groupHeld, isUser, type ActionClass} from './who-can-classes.js';
import type {SetGrants} from './who-can-entries.js';

type Shape = Pick<WhoCanEntry, 'decision' | 'via' | 'actions' | 'conditions'>;

interface Selector {
	/** Position in the selector list (an index into each group's cache). */
	n: number;
	ids: Set<number>;
}

interface Chosen {
	/** Unique per (group, selector). */
	id: number;
	held: HeldStatement[];
}

interface Seen {
	setIndex: number;
	sequence: number[];
	shape: Shape;
}

export interface QuickContext {
	bySet: SetGrants[];
	/** Per kind of answer: the distinct statements its Allows are (undefined: some is not one). */
	kindIds: Array<Set<number> | undefined>;
	/** An action's position in the query. */
	order: (action: string) => number;
	/** The query's GrantPath of a path and an action list (one object each, shared by principals). */
	shared: (ref: StatementRef, actions: string[]) => GrantPath;
}

const NO_GROUPS: Holder[] = [];

/** The distinct statements the simulator's statements are, or undefined when some is not one. */
export const idsOf = (statements: Array<{policyKey: string}>): Set<number> | undefined => {
	const ids = statements.map(s => statementIdOf(s.policyKey));
	return ids.every(id => id !== undefined) ? new Set(ids as number[]) : undefined;
};

/** Returns a function answering for one principal, or undefined when its case is not the usual one. */
export const quickEntries = ({bySet, kindIds, order, shared}: QuickContext) => {
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

	// Per group (by ordinal), per selector: its copies of the selector's statements, numbered (for sequences).
	const groupChosen: Chosen[][] = [];
	let chosenCount = 0;
	const chosenIn = (group: Holder, actionClass: ActionClass, s: Selector): Chosen => {
		const cache = (groupChosen[group.ordinal] ??= []);
		return (cache[s.n] ??= {id: chosenCount++, held: groupHeld(group, actionClass).filter(h => s.ids.has(h.statement.id))});
	};
	// A principal's sequence: per selector, the copies it would list — its own (even numbers), then each
	// group's that holds some (odd) — ended by -1. Equal sequences, equal paths. Written into one scratch
	// array and hashed (mixed murmur-style: the numbers are small, a plain polynomial would collide), so
	// the usual principal (a shape seen before) allocates nothing.
	const scratch: number[] = [];
	const mix = (hash: number, value: number) => {
		const h = Math.imul(hash ^ value, 0x5bd1e995);
		return h ^ (h >>> 15);
	};
	const sequenceOf = (setIndex: number, principal: Holder, groups: Holder[], actionClass: ActionClass, selectors: Selector[]): number => {
		scratch.length = 0;
		let hash = setIndex;
		for (const s of selectors) {
			for (const h of principal.statements) {
				if (!s.ids.has(h.statement.id)) continue;
				scratch.push(h.id * 2);
				hash = mix(hash, h.id * 2);
			}
			for (const group of groups) {
				const chosen = chosenIn(group, actionClass, s);
				if (chosen.held.length === 0) continue;
				scratch.push(chosen.id * 2 + 1);
				hash = mix(hash, chosen.id * 2 + 1);
			}
			scratch.push(-1);
			hash = mix(hash, -1);
		}
		return hash;
	};
	const seenIn = (candidates: Seen[] | undefined, setIndex: number): Seen | undefined => {
		if (!candidates) return undefined;
		next: for (const seen of candidates) {
			if (seen.setIndex !== setIndex || seen.sequence.length !== scratch.length) continue;
			for (let n = 0; n < scratch.length; n++) if (seen.sequence[n] !== scratch[n]) continue next;
			return seen;
		}
		return undefined;
	};
	const refsOf = (principal: Holder, groups: Holder[], actionClass: ActionClass, s: Selector, only?: number): StatementRef[] => {
		const picked = (h: HeldStatement) => (only === undefined ? s.ids.has(h.statement.id) : h.statement.id === only);
		const refs: StatementRef[] = [];
		for (const h of principal.statements) if (picked(h)) refs.push(h.ref);
		for (const group of groups) for (const h of chosenIn(group, actionClass, s).held) if (picked(h)) refs.push(h.ref);
		return refs;
	};
	const shapeOf = (principal: Holder, groups: Holder[], granted: SetGrants, actionClass: ActionClass, kinds: Selector[], conditions: Selector | undefined): Shape => {
		// Each path once, with the actions of the kinds of answer that name it (one kind: its paths are distinct).
		let via: GrantPath[];
		if (granted.kinds.length === 1) via = refsOf(principal, groups, actionClass, kinds[0]!).map(ref => shared(ref, granted.kindActions[0]!));
		else {
			const paths = new GrantPaths(order, shared);
			granted.kinds.forEach((_, n) => {
				for (const ref of refsOf(principal, groups, actionClass, kinds[n]!)) paths.add(ref, granted.kindActions[n]!);
			});
			via = paths.list();
		}
		const shown: ConditionShown[] = [];
		for (const grant of conditions ? granted.grants : []) {
			for (const c of grant.answer.conditions) {
				for (const statement of refsOf(principal, groups, actionClass, conditions!, statementIdOf(c.statement.policyKey))) {
					shown.push(shownAt(c, statement));
				}
			}
		}
		return {decision: granted.allowed ? 'Allowed' : 'Conditional', via, actions: granted.actions, conditions: shown};
	};

	const shapes = new Map<number, Seen[]>();
	// Per set: the selectors of its kinds of answer, and of its conditions (null: not the usual case).
	const bySetSelectors: Array<{kinds: Selector[]; conditions: Selector | undefined; all: Selector[]} | null> = [];
	const selectorsOf = (set: EvalSet, granted: SetGrants) => {
		let found = bySetSelectors[set.index];
		if (found === undefined) {
			const kinds = granted.kinds.map(g => kindSelector(g.kind));
			const conditions = granted.conditional ? conditionSelector(set, granted) : undefined;
			found =
				kinds.some(k => !k) || conditions === null
					? null
					: {kinds: kinds as Selector[], conditions, all: conditions ? [...(kinds as Selector[]), conditions] : (kinds as Selector[])};
			bySetSelectors[set.index] = found;
		}
		return found;
	};
	return (principal: Holder, set: EvalSet, actionClass: ActionClass): WhoCanEntry | undefined => {
		const granted = bySet[set.index]!;
		if (set.whole || (isUser(principal) && principal.boundary)) return undefined;
		const selectors = selectorsOf(set, granted);
		if (!selectors) return undefined;
		const groups = isUser(principal) ? principal.groups : NO_GROUPS;
		const hash = sequenceOf(set.index, principal, groups, actionClass, selectors.all);
		let candidates = shapes.get(hash);
		let shape = seenIn(candidates, set.index)?.shape;
		if (!shape) {
			shape = shapeOf(principal, groups, granted, actionClass, selectors.kinds, selectors.conditions);
			if (!candidates) shapes.set(hash, (candidates = []));
			candidates.push({setIndex: set.index, sequence: scratch.slice(), shape});
		}
		return {
			kind: principal.kind,
			name: principal.name,
			arn: principal.arn,
			decision: shape.decision,
			via: shape.via,
			actions: shape.actions,
			conditions: shape.conditions,
			incomplete: principal.problems.length > 0,
		};
	};
};
