// Conditions the simulator decides although their outcome depends on the request.
//
// iam-simulate's Discovery mode reports ("ignores") an Allow's condition only when it did not match,
// or matched through an …IfExists or negated operator on an absent key. It misses the other operators
// that are true when their key is absent — ForAllValues with a plain operator (true for an empty set)
// and Null "true" — so such an allow comes back certain. Here every condition of a matching Allow
// whose key (or a variable in its values) is not a known fact of the principal or given as request
// context counts as unknown, and the answer is Conditional on it.
import type {RequestAnalysis} from '@cloud-copilot/iam-simulate';

type Analysis = NonNullable<RequestAnalysis['identityAnalysis']>;
export type StatementAnalysis = Analysis['allowStatements'][number];
export type PolicyCondition = ReturnType<StatementAnalysis['statement']['conditions']>[number];

/** Whether a context key's presence and value are known for this request (lower-case comparison). */
export type KnownKey = (key: string) => boolean;

/** Known keys: the principal's facts (any principal tag: presence is known) and the request context given. */
export const knownKeys = (facts: Record<string, unknown> | undefined, context: Record<string, unknown> = {}): KnownKey => {
	const names = new Set([...Object.keys(facts ?? {}), ...Object.keys(context)].map(k => k.toLowerCase()));
	// A user always has a name; a role's session never has one (the key is known to be absent).
	if (facts) names.add('aws:username');
	return key => {
		const lower = key.toLowerCase();
		return names.has(lower) || (facts !== undefined && lower.startsWith('aws:principaltag/'));
	};
};

const VARIABLE = /\$\{([^}]*)\}/g;
const SPECIALS = new Set(['*', '?', '$']);

/** Variables a condition value reads (`${key}` or `${key, 'default'}`), specials left out. */
const variablesIn = (value: string): string[] =>
	[...value.matchAll(VARIABLE)].map(m => (m[1] ?? '').split(',')[0]!.trim()).filter(v => v !== '' && !SPECIALS.has(v));

const conditionId = (c: PolicyCondition) => `${c.operation().value().toLowerCase()}|${c.conditionKey().toLowerCase()}`;

/** A matching Allow's conditions that hang on something unknown but that the simulator did not report. */
export const unreportedConditions = (s: StatementAnalysis, known: KnownKey): PolicyCondition[] => {
	if (s.statement.isDeny()) return [];
	const reported = new Set((s.ignoredConditions ?? []).map(conditionId));
	return s.statement.conditions().filter(
		c => !reported.has(conditionId(c)) && (!known(c.conditionKey()) || c.conditionValues().some(v => variablesIn(v).some(name => !known(name)))),
	);
};

/** The Allow statements' conditions as the answer must show them: the simulator's plus those it missed. */
export const allowConditions = (s: StatementAnalysis, known: KnownKey): PolicyCondition[] => [
	...(s.ignoredConditions ?? []),
	...unreportedConditions(s, known),
];

/** Whether some matching Allow of the group holds whatever the request carries. */
const certainGroup = (group: Analysis | undefined, known: KnownKey): boolean =>
	!group || group.allowStatements.some(s => allowConditions(s, known).length === 0);

/** An analysis the simulator found certain stays so only when no allow it rests on has a missed condition. */
export const certainAllow = (analysis: RequestAnalysis, known: KnownKey): boolean =>
	(!analysis.conditions || analysis.conditions.conditionType === 'always') &&
	certainGroup(analysis.identityAnalysis, known) &&
	certainGroup(analysis.permissionBoundaryAnalysis, known);
