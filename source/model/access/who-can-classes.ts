// Who-can's grouping. Actions that the same distinct statements can match form one class (a wildcard
// query's hundreds of actions are usually one or a few). Within a class, a principal's answer depends
// only on which of those statements it holds (plus its boundary, and its own facts when a statement
// reads them): that set is the principal's key, a bit mask when the class has few statements (the
// usual case: no allocation per principal), else the sorted ids.
import type {HeldStatement, Holder, UserHolder} from './holders.js';
import {statementsMatching, type StatementCatalogue} from './statements.js';

/** Bits per mask: small integers stay fast in V8. */
const MASK_BITS = 30;

export interface ActionClass {
	/** Query actions in this class, in the query's order. */
	actions: string[];
	/** Ids of the distinct statements that can match them. */
	matching: Set<number>;
	/** Statement id → bit, when the class has at most MASK_BITS statements. */
	bits?: Map<number, number>;
	/** Per group (by ordinal): its statements that can match (once per query, shared by the members). */
	byGroup: Array<{held: HeldStatement[]; key: number | number[]}>;
}

/** What a principal holds that can match one class: equal keys, equal answers (boundary and facts aside). */
export type ClassKey = number | string;

export const isUser = (holder: Holder): holder is UserHolder => holder.kind === 'user';

export const actionClasses = (catalogue: StatementCatalogue, actions: string[]): ActionClass[] => {
	const byKey = new Map<string, ActionClass>();
	for (const action of actions) {
		const ids = statementsMatching(catalogue, action)
			.map(s => s.id)
			.sort((a, b) => a - b);
		const key = ids.join(',');
		let found = byKey.get(key);
		if (!found) {
			found = {actions: [], matching: new Set(ids), byGroup: []};
			if (ids.length <= MASK_BITS) found.bits = new Map(ids.map((id, bit) => [id, 1 << bit]));
			byKey.set(key, found);
		}
		found.actions.push(action);
	}
	return [...byKey.values()];
};

const ownKey = (statements: HeldStatement[], actionClass: ActionClass): number | number[] => {
	const {bits} = actionClass;
	if (bits) {
		let mask = 0;
		for (const s of statements) mask |= bits.get(s.statement.id) ?? 0;
		return mask;
	}
	return statements.filter(s => actionClass.matching.has(s.statement.id)).map(s => s.statement.id);
};

const groupView = (group: Holder, actionClass: ActionClass) =>
	(actionClass.byGroup[group.ordinal] ??= {held: group.statements.filter(s => actionClass.matching.has(s.statement.id)), key: ownKey(group.statements, actionClass)});

/** A group's statements that can match the class (computed once per query, shared by its members). */
export const groupHeld = (group: Holder, actionClass: ActionClass): HeldStatement[] => groupView(group, actionClass).held;

/** The principal's key for the class. */
export const classKey = (principal: Holder, actionClass: ActionClass): ClassKey => {
	const own = ownKey(principal.statements, actionClass);
	const groups = isUser(principal) ? principal.groups : [];
	if (typeof own === 'number') {
		let mask = own;
		for (const group of groups) mask |= groupView(group, actionClass).key as number;
		return mask;
	}
	const ids = new Set(own);
	for (const group of groups) for (const id of groupView(group, actionClass).key as number[]) ids.add(id);
	return [...ids].sort((a, b) => a - b).join(',');
};

/** The statement ids a key stands for, ascending. */
export const idsOfKey = (key: ClassKey, actionClass: ActionClass): number[] => {
	if (typeof key === 'string') return key === '' ? [] : key.split(',').map(Number);
	return [...actionClass.bits!].filter(([, bit]) => (key & bit) !== 0).map(([id]) => id);
};

/** The principal's statements that can match the class, in its policy order: own policies, then each group's. */
export const heldIn = (principal: Holder, actionClass: ActionClass): HeldStatement[] => {
	const own = principal.statements.filter(s => actionClass.matching.has(s.statement.id));
	if (!isUser(principal) || principal.groups.length === 0) return own;
	return [...own, ...principal.groups.flatMap(g => groupView(g, actionClass).held)];
};

