// A role's answer for one action on who-can's road: the simulator sees the distinct statements that can
// match (one-statement policies), so roles holding the same statements through different policies share
// one evaluation, as users do. Roles with a boundary, or statements reading principal facts, take the
// principal's own evaluation (model.ts), which gives the same answer.
import {evaluate, type EvalAnswer, type EvalFailure, type EvalPolicy, type RawStatement} from './evaluator.js';
import {holderIndex} from './holders.js';
import {evaluatePrincipal, relevantSet, statementRefs, type AccessModel, type Principal} from './model.js';
import {preparedStatement, statementIdOf, statementsOf} from './statements.js';
import type {StatementRef} from './types.js';

export interface RoleAnswer {
	answer: EvalAnswer | EvalFailure;
	/** The role's paths to a statement of the answer. */
	refs: (raw: RawStatement) => StatementRef[];
}

export const evaluateRole = async (model: AccessModel, principal: Principal, action: string, resource: string): Promise<RoleAnswer | undefined> => {
	const own = async (): Promise<RoleAnswer | undefined> => {
		const set = relevantSet(principal, action, resource);
		if (!set.mayAllow) return undefined;
		return {answer: await evaluatePrincipal(model, principal, action, resource, set), refs: raw => statementRefs(principal, raw)};
	};
	if (principal.boundaryEntry) return own();
	const {catalogue} = holderIndex(model);
	const byId = new Map<number, StatementRef[]>();
	let allows = false;
	for (const entry of principal.entries) {
		if (!entry.evalPolicy || !entry.read) continue;
		const distinct = statementsOf(catalogue, entry.read);
		distinct.forEach((statement, i) => {
			if (!statement.matches(action)) return;
			const parsed = entry.statements[i]!;
			if (statement.effect === 'Allow') allows = true;
			const refs = byId.get(statement.id) ?? [];
			for (const source of principal.sources.get(entry.key) ?? []) {
				refs.push({source, statementIndex: parsed.index, ...(parsed.sid === undefined ? {} : {sid: parsed.sid}), effect: parsed.effect});
			}
			byId.set(statement.id, refs);
		});
	}
	if (!allows) return undefined;
	const ids = [...byId.keys()].sort((a, b) => a - b);
	const statements = ids.map(id => catalogue.all[id]!);
	const policies = statements.map(preparedStatement);
	if (statements.some(s => s.usesFacts) || policies.some(p => p === null)) return own();
	const memoKey = `role-statements:${ids.join(',')}|${action}|${resource}`;
	let answer = model.memo.get(memoKey);
	if (!answer) {
		answer = evaluate({principalArn: principal.arn, accountId: model.accountId, action, resource, policies: policies as EvalPolicy[]});
		model.memo.set(memoKey, answer);
	}
	return {answer: await answer, refs: raw => byId.get(statementIdOf(raw.policyKey) ?? -1) ?? statementRefs(principal, raw)};
};
