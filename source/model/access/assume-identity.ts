// A caller's identity answer for sts:AssumeRole on a role ARN, as evaluatePrincipal gives it, but
// simulated on the caller's distinct statements that can match the action (one-statement policies, as
// who-can does): callers holding the same such statements share one simulation per ARN, whatever else
// their policies say. The answer's statements are then mapped back to the caller's own policies, in
// policy order. A boundary, or a matching statement that reads principal facts, takes the caller's own
// evaluation (its answer is its own).
import type {EvalAnswer, EvalFailure, EvalPolicy, RawStatement} from './evaluator.js';
import {holderIndex} from './holders.js';
import {evaluatePrincipal, type AccessModel, type Principal} from './model.js';
import {statementsAnswer} from './shared-knowledge.js';
import {preparedStatement, statementIdOf, statementsOf} from './statements.js';

const ASSUME = 'sts:AssumeRole';

interface View {
	/** The matching distinct statements, ascending. */
	ids: number[];
	policies: EvalPolicy[];
	/** Distinct statement → its copies in the caller's policies. */
	copies: Map<number, RawStatement[]>;
	/** A copy's place in the caller's policy order. */
	order: Map<RawStatement, number>;
}

// Principals belong to one model (kept in it), so the principal is a key fine enough.
const views = new WeakMap<Principal, View | null>();

const viewOf = (model: AccessModel, caller: Principal): View | null => {
	const known = views.get(caller);
	if (known !== undefined) return known;
	let view: View | null = null;
	if (!caller.boundaryEntry) {
		const {catalogue} = holderIndex(model);
		const copies = new Map<number, RawStatement[]>();
		const order = new Map<RawStatement, number>();
		let own = false;
		for (const entry of caller.entries) {
			if (!entry.evalPolicy || !entry.read) continue;
			const statements = statementsOf(catalogue, entry.read);
			for (let i = 0; i < statements.length && !own; i++) {
				const statement = statements[i]!;
				if (!statement.matches(ASSUME)) continue;
				if (statement.usesFacts || !preparedStatement(statement)) own = true;
				const {index, sid, effect} = entry.statements[i]!;
				const copy: RawStatement = sid === undefined ? {policyKey: entry.evalPolicy.key, statementIndex: index, effect} : {policyKey: entry.evalPolicy.key, statementIndex: index, sid, effect};
				order.set(copy, order.size);
				const list = copies.get(statement.id);
				if (list) list.push(copy);
				else copies.set(statement.id, [copy]);
			}
		}
		if (!own) {
			const ids = [...copies.keys()].sort((a, b) => a - b);
			view = {ids, policies: ids.map(id => preparedStatement(catalogue.all[id]!)!), copies, order};
		}
	}
	views.set(caller, view);
	return view;
};

/** The answer in the caller's own policies: each distinct statement as each of its copies, in policy order. */
const asCaller = (view: View, answer: EvalAnswer): EvalAnswer => {
	const copiesOf = (raw: RawStatement) => view.copies.get(statementIdOf(raw.policyKey) ?? -1) ?? [raw];
	const place = (raw: RawStatement) => view.order.get(raw) ?? -1;
	const statements = (raws: RawStatement[]) => raws.flatMap(copiesOf).sort((a, b) => place(a) - place(b));
	const withCopies = <T extends {statement: RawStatement}>(items: T[]): T[] =>
		items.flatMap(item => copiesOf(item.statement).map(statement => ({...item, statement}))).sort((a, b) => place(a.statement) - place(b.statement));
	return {
		...answer,
		statements: statements(answer.statements),
		conditions: withCopies(answer.conditions),
		partialDenies: statements(answer.partialDenies),
		decidedBy: withCopies(answer.decidedBy),
	};
};

/** evaluatePrincipal(model, caller, sts:AssumeRole, on), shared by callers with the same matching statements. */
export const assumeIdentity = async (model: AccessModel, caller: Principal, on: string): Promise<EvalAnswer | EvalFailure> => {
	const view = viewOf(model, caller);
	if (!view) return evaluatePrincipal(model, caller, ASSUME, on);
	const settled = await statementsAnswer(model, view.ids, view.policies, caller.arn, ASSUME, on);
	return settled.ok ? asCaller(view, settled) : settled;
};
