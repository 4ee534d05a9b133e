// A permissions boundary whose document is not known (not in a filtered export, unreadable) may cut
// any allow, so an answer resting on identity policies alone is never certain: Conditional, naming the
// boundary in the words `can` uses. Shared by can/Explain, who-can's user rows and its role rows.
import type {Principal} from './model.js';
import type {ConditionShown, PolicySource} from './types.js';

/** How an answer names a permissions boundary: "DevBoundary (arn:aws:iam::…:policy/DevBoundary)". */
export const boundaryText = (boundary: PolicySource | undefined): string =>
	!boundary ? '' : boundary.arn && boundary.arn !== boundary.name ? `${boundary.name} (${boundary.arn})` : boundary.name;

const SUBJECT = (boundary: PolicySource) => `the permissions boundary ${boundaryText(boundary)}`;
const VERDICT = 'could not be read: allowed only if it allows';

/** e.g. "the permissions boundary DevBoundary (arn:…) could not be read: allowed only if it allows s3:GetObject". */
export const unreadBoundaryNote = (boundary: PolicySource, what: string): string => `${SUBJECT(boundary)} ${VERDICT} ${what}`;

/**
 * A note's sentence as a condition, for rows that show conditions but no notes (who-can's JSON and screen):
 * key, operator and values read as the note, the statement names the policy (none of its statements is
 * known: #0). Shared with unevaluated-policies.ts.
 */
export const sentenceCondition = (subject: string, verdict: string, source: PolicySource, actions: string[]): ConditionShown => ({
	operator: verdict,
	key: subject,
	values: actions,
	effect: 'Allow',
	statement: {source, statementIndex: 0, effect: 'Allow'},
});

/** The boundary's sentence as a condition (sentenceCondition). */
export const unreadBoundaryCondition = (boundary: PolicySource, actions: string[]): ConditionShown => sentenceCondition(SUBJECT(boundary), VERDICT, boundary, actions);

/** The principal's boundary when it has one the evaluator could not use, else undefined. */
export const unreadBoundaryOf = (principal: Principal): PolicySource | undefined =>
	principal.boundary && !principal.boundaryEntry?.evalPolicy ? principal.boundary.source : undefined;
