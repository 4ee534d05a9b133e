// With request context given, which conditions it settled: each condition on a context key, in a
// statement whose action and resource match, with whether it held. That is what turned a Conditional
// answer into Allowed or a deny (an allow's condition held or failed, a deny's held or spared it).
import type {RequestAnalysis} from '@cloud-copilot/iam-simulate';
import type {StatementAnalysis} from './condition-unknowns.js';
import {asWritten} from './policy-version.js';
import {contextText, type RequestContext} from './request-context.js';

export interface DecidingCondition {
	operator: string;
	key: string;
	values: string[];
	effect: 'Allow' | 'Deny';
	/** Whether the condition held for the context given. */
	holds: boolean;
	/** The context entry that decided it, as given (KEY=VALUE). */
	given: string;
}

/** "decided by KEY=VALUE: Bool KEY true holds (where)": one wording for can, Explain and trust policies. */
export const decidedText = (given: string, written: string, holds: boolean, where: string): string =>
	`decided by ${given}: ${written} ${holds ? 'holds' : 'does not hold'} (${where})`;

/** One condition as written in a policy: "Bool aws:MultiFactorAuthPresent true". */
export const writtenCondition = (c: {operator: string; key: string; values: string[]}): string => `${c.operator} ${c.key} ${c.values.join(',')}`;

export const decidedByContext = <S>(
	analyses: RequestAnalysis[],
	context: RequestContext,
	refOf: (s: StatementAnalysis) => S,
): Array<DecidingCondition & {statement: S}> => {
	const keys = new Set(Object.keys(context).map(k => k.toLowerCase()));
	if (keys.size === 0) return [];
	const found = new Map<string, DecidingCondition & {statement: S}>();
	for (const analysis of analyses) {
		for (const group of [analysis.identityAnalysis, analysis.permissionBoundaryAnalysis]) {
			if (!group) continue;
			for (const s of [...group.allowStatements, ...group.denyStatements, ...group.unmatchedStatements]) {
				if (!s.actionMatch || !s.resourceMatch) continue;
				const written = s.statement.conditions();
				for (const explained of s.explain.conditions ?? []) {
					const key = explained.conditionKeyValue;
					if (!keys.has(key.toLowerCase())) continue;
					const same = written.find(c => c.operation().value() === explained.operator && c.conditionKey() === key);
					const effect = s.statement.isDeny() ? 'Deny' : 'Allow';
					const id = `${s.policyId}#${s.statement.index()}|${explained.operator}|${key}`;
					found.set(id, {
						operator: explained.operator,
						key,
						values: (same?.conditionValues() ?? []).map(asWritten),
						effect,
						holds: explained.matches,
						given: contextText(context, key),
						statement: refOf(s),
					});
				}
			}
		}
	}
	return [...found.values()];
};
