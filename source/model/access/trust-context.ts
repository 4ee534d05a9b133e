// With request context given (--context, --mfa, --source-ip), a trust statement's conditions are settled as an
// identity policy's are: by the simulator, on the statement's own Condition block against the context. Only
// when the context names every key the statement reads: a key it does not name (aws:PrincipalTag/…, an
// ExternalId) leaves the statement open, its conditions shown, so the answer is never wrongly certain.
import type {TrustCondition, TrustStatement} from '../trust-principals.js';
import {evaluate, preparePolicy} from './evaluator.js';
import type {AccessModel} from './model.js';
import {decidedText, writtenCondition} from './context-decided.js';
import {contextText} from './request-context.js';

/** What the context makes of a statement's conditions: they hold, they fail, or they are still open. */
export type TrustVerdict = 'holds' | 'fails' | 'open';

export interface TrustSettled {
	verdict: TrustVerdict;
	/** When settled: what decided, in words ("decided by aws:MultiFactorAuthPresent=true: Bool … holds (…)"). */
	decided: string[];
}

const OPEN: TrustSettled = {verdict: 'open', decided: []};

const conditionBlock = (conditions: TrustCondition[]): Record<string, Record<string, string[]>> => {
	const block: Record<string, Record<string, string[]>> = {};
	for (const c of conditions) (block[c.operator] ??= {})[c.key] = c.values;
	return block;
};

const settle = async (model: AccessModel, s: TrustStatement, roleArn: string, where: string): Promise<TrustSettled> => {
	const context = model.context!;
	const prepared = preparePolicy({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*', Condition: conditionBlock(s.conditions)}]});
	if (!prepared.ok) return OPEN;
	// The caller is not read: every key the conditions read is in the context.
	const answer = await evaluate({principalArn: roleArn, accountId: model.accountId, action: 'sts:AssumeRole', resource: roleArn, policies: [{key: `trust ${roleArn}`, handle: prepared.handle}], context});
	if (!answer.ok || answer.decision === 'Conditional' || answer.decision === 'ExplicitDeny') return OPEN;
	const verdict = answer.decision === 'Allowed' ? 'holds' : 'fails';
	// A block of several conditions holds or fails as one.
	const written = s.conditions.map(writtenCondition).join(' and ');
	const given = [...new Set(s.conditions.map(c => contextText(context, c.key)))].join(' ');
	return {verdict, decided: [decidedText(given, written, verdict === 'holds', where)]};
};

const kept = new WeakMap<AccessModel, WeakMap<TrustStatement, Promise<TrustSettled>>>();

/**
 * The statement's conditions against the model's request context (once per model and statement): the
 * statement at `index` (0-based) of the role's trust policy, said as "trust policy of Deploy, statement #1".
 */
export const trustSettled = (model: AccessModel, s: TrustStatement, role: {name: string; arn: string}, index: number): Promise<TrustSettled> => {
	const context = model.context;
	if (!context || s.conditions.length === 0) return Promise.resolve(OPEN);
	const given = new Set(Object.keys(context).map(key => key.toLowerCase()));
	if (!s.conditions.every(c => given.has(c.key.toLowerCase()))) return Promise.resolve(OPEN);
	let byStatement = kept.get(model);
	if (!byStatement) kept.set(model, (byStatement = new WeakMap()));
	let found = byStatement.get(s);
	if (!found) byStatement.set(s, (found = settle(model, s, role.arn, `trust policy of ${role.name}, statement #${index + 1}`)));
	return found;
};
