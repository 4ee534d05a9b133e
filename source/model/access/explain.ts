// "Can USER do ACTION on RESOURCE?" — the decision, the statements that decided it, and the
// conditions it hangs on.
import type {SnapshotIndex} from '../indexes.js';
import {onlyOn, PARTLY_DENIED} from '../decision-words.js';
import {accessError, resolveActions, type ResolvedActions} from './catalogue.js';
import type {EvalFailure, RawCondition, RawStatement} from './evaluator.js';
import {evaluatePrincipal, principalFor, statementRefs, toModel, type AccessModel, type Principal} from './model.js';
import {unknownPrincipal} from './roles.js';
import type {AccessError, ConditionShown, Explanation, ExplainResult, StatementRef} from './types.js';
import {unreadBoundaryNote, unreadBoundaryOf} from './unread-boundary.js';
import {unevaluatedFor, unevaluatedNote} from './unevaluated-policies.js';

export {boundaryText} from './unread-boundary.js';

/**
 * What an answer on a wildcard resource does not cover: the resources its grant is limited to, and the
 * denies that cut into it. Said wherever the answer is read (can, Explain): "Allowed on *" must not read
 * as allowed on every resource.
 */
export const scopeLines = (answer: Pick<Explanation, 'resource' | 'resourcePatterns' | 'partialDenies'>, pathText: (statement: StatementRef) => string): string[] => [
	...(answer.resource.includes('*') && answer.resourcePatterns.length > 0 && !answer.resourcePatterns.includes('*') ? [onlyOn(answer.resourcePatterns)] : []),
	...answer.partialDenies.map(deny => `${PARTLY_DENIED} by ${pathText(deny)}`),
];

export const fromFailure = (failure: EvalFailure): AccessError => accessError(failure.kind, failure.message);

/** '*' or something shaped like an ARN; anything else is refused before the simulator sees it. */
export const checkResource = (resource: string): AccessError | undefined => {
	if (resource === '*') return undefined;
	if (!resource.trim()) return accessError('bad-resource', 'the resource is empty: give an ARN, or * for every resource');
	const parts = resource.split(':');
	if (parts[0] !== 'arn' || parts.length < 6 || !parts[1] || !parts[2]) {
		return accessError('bad-resource', `"${resource}" is not an ARN (arn:partition:service:region:account:resource) or *`);
	}
	return undefined;
};

/**
 * A request names one resource, taken as written: "${aws:username}" in it is those characters, which a policy's
 * variable (filled in per principal) never becomes. Answered as asked (such a key can exist), with this said.
 */
export const resourceVariableNote = (resource: string): string | undefined => {
	const variable = /\$\{[^}]*\}/.exec(resource);
	if (!variable) return undefined;
	return `the resource is taken as written: ${variable[0]} in it is those characters, not a variable (only a policy's variables are filled in, per principal) — to ask about one principal's own, name it (e.g. ${resource.replace(variable[0], 'ana.silva')}); * shows each grant's resources`;
};

/** The simulator's condition as shown at one path to its statement. */
export const shownAt = (c: RawCondition, statement: StatementRef): ConditionShown => ({operator: c.operator, key: c.key, values: c.values, effect: c.effect, statement});

/** Each condition at every path `refs` gives to its statement. */
export const conditionsAt = (conditions: RawCondition[], refs: (raw: RawStatement) => StatementRef[]): ConditionShown[] =>
	conditions.flatMap(c => refs(c.statement).map(statement => shownAt(c, statement)));

export const conditionsShown = (principal: Principal, conditions: RawCondition[]): ConditionShown[] => conditionsAt(conditions, raw => statementRefs(principal, raw));

/** Explain one user's access to one action (wildcards must resolve to a single action). */
export const explain = async (
	source: SnapshotIndex | AccessModel,
	userName: string,
	action: string,
	resource = '*',
): Promise<ExplainResult> => {
	const model = toModel(source);
	const principal = principalFor(model, 'user', userName);
	if (!principal) return unknownPrincipal(model, 'user', userName);
	return explainFor(model, principal, action, resource);
};

/**
 * A question's action and resource, checked before anything is read (an organization's accounts, say): the
 * actions it stands for, or what is wrong with it. A question of one principal (`can`, Explain) names one action.
 */
export const checkedQuestion = async (action: string, resource: string, oneAction: boolean): Promise<ResolvedActions> => {
	const badResource = checkResource(resource);
	if (badResource) return badResource;
	const resolved = await resolveActions(action);
	if (!resolved.ok || !oneAction || resolved.actions.length === 1) return resolved;
	// A pattern is a fair question, not a typo: who-can answers it (Allowed all / Partly some). The matches are
	// offered only when they are few enough to be all of them; the first 20 of 826 are no suggestion.
	const many = resolved.actions.length > 20;
	return accessError(
		'ambiguous-action',
		`"${action}" matches ${resolved.actions.length} actions; name one — who-can answers for a pattern (:whocan, iamtui who-can)`,
		many ? [] : resolved.actions,
	);
};

/** Explain one principal's (a user's or a role's) access to one action, by its identity policies. */
export const explainFor = async (model: AccessModel, principal: Principal, action: string, resource = '*'): Promise<ExplainResult> => {
	const resolved = await checkedQuestion(action, resource, true);
	if (!resolved.ok) return resolved;
	const wanted = resolved.actions[0]!;
	const outcome = await evaluatePrincipal(model, principal, wanted, resource);
	if (!outcome.ok) return fromFailure(outcome);
	const refs = (raws: typeof outcome.statements) => raws.flatMap(r => statementRefs(principal, r));
	// A boundary whose document is not known (not in the export, unreadable) may cut any allow: never certain.
	const unread = unreadBoundaryOf(principal);
	const unreadBoundary = unread && (outcome.decision === 'Allowed' || outcome.decision === 'Conditional');
	// An identity policy that could not be evaluated may allow or deny it: only a known explicit deny is certain.
	const unevaluated = outcome.decision === 'ExplicitDeny' ? [] : unevaluatedFor(principal, [wanted]);
	return {
		ok: true,
		userName: principal.name,
		action: wanted,
		resource,
		decision: unreadBoundary || unevaluated.length > 0 ? 'Conditional' : outcome.decision,
		statements: refs(outcome.statements),
		conditions: conditionsShown(principal, outcome.conditions),
		partialDenies: refs(outcome.partialDenies),
		blockedByBoundary: outcome.blockedByBoundary,
		...(principal.boundary ? {boundary: principal.boundary.source} : {}),
		resourcePatterns: outcome.resourcePatterns,
		couldNotEvaluate: principal.problems,
		notes: [
			...outcome.notes,
			...(unreadBoundary ? [unreadBoundaryNote(unread, wanted)] : []),
			...unevaluated.map(problem => unevaluatedNote(problem, wanted)),
			...[resourceVariableNote(resource)].filter(n => n !== undefined),
		],
		...(outcome.decidedBy.length > 0
			? {decidedBy: outcome.decidedBy.flatMap(c => statementRefs(principal, c.statement).map(statement => ({...c, statement})))}
			: {}),
	};
};
