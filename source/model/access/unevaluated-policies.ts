// An identity policy iamtui could not evaluate (not in the export, not JSON, refused by the simulator) may
// allow or deny what is asked, so an answer it could change is never certain: Conditional, naming it. A
// policy whose statements were read can speak only of the actions its Action/NotAction match; one that could
// not be read, of any. (A boundary that could not be read is unread-boundary.ts's: it can only cut.)
import {evaluatePrincipal, keyOf, reachOf, type AccessModel, type PolicyEntry, type Principal} from './model.js';
import {statementEntries} from './patterns.js';
import type {ConditionShown, PolicyProblem, PolicySource} from './types.js';
import {sentenceCondition} from './unread-boundary.js';

const NONE: PolicyProblem[] = [];

/**
 * Whether a policy that could not be evaluated may still speak of one of the actions: unread, or with a
 * statement too malformed to read (an Effect that is neither Allow nor Deny), it may speak of any.
 */
const maySpeakOf = (entry: PolicyEntry | undefined, actions: string[]): boolean =>
	!entry?.read || entry.statements.length < statementEntries(entry.read.parsed).length || actions.some(action => reachOf(entry, action).any);

/** The principal's identity policies that could not be evaluated and may speak of one of the actions (can, Explain, a role's grant). */
export const unevaluatedFor = (principal: Principal, actions: string[]): PolicyProblem[] => {
	if (principal.problems.length === 0) return NONE;
	const found: PolicyProblem[] = [];
	for (const entry of principal.entries) {
		if (!entry.problem || !maySpeakOf(entry, actions)) continue;
		for (const source of principal.sources.get(entry.key) ?? []) found.push({source, reason: entry.problem});
	}
	return found;
};

/**
 * Who-can's holders keep only their problems: the entry is found again by the key holders.ts made it under
 * (the holder's name for its own inline policies, the group's for a group's, the ARN for a managed one).
 */
export const unevaluatedOfHolder = (model: AccessModel, holder: {name: string; problems: PolicyProblem[]}, actions: string[]): PolicyProblem[] => {
	if (holder.problems.length === 0) return NONE;
	return holder.problems.filter(p => p.source.kind !== 'boundary' && maySpeakOf(model.policies.get(keyOf(holder.name, p.source)), actions));
};

/** The actions `problemsOf` finds a policy that may speak of, each asked on its own (a wildcard query's many). */
export const spokenActions = (actions: string[], problemsOf: (actions: string[]) => PolicyProblem[]): string[] => actions.filter(action => problemsOf([action]).length > 0);

/**
 * Of the actions (those such a policy may speak of), the ones no known explicit deny settles for the principal:
 * only on those can the policy change the answer.
 */
export const undeniedActions = async (model: AccessModel, principal: Principal, actions: string[], resource: string): Promise<string[]> => {
	const open: string[] = [];
	for (const action of actions) {
		const outcome = await evaluatePrincipal(model, principal, action, resource);
		if (!outcome.ok || outcome.decision !== 'ExplicitDeny') open.push(action);
	}
	return open;
};

const SUBJECT = (source: PolicySource) => `the policy ${source.name}${source.viaGroup ? ` (group ${source.viaGroup})` : ''}`;
const VERDICT = 'could not be evaluated: it may allow or deny';

/** e.g. "the policy Broken could not be evaluated: it may allow or deny ec2:TerminateInstances". */
export const unevaluatedNote = (problem: PolicyProblem, what: string): string => `${SUBJECT(problem.source)} ${VERDICT} ${what}`;

/** The same sentence as a condition, for who-can's rows (key, operator and values read as the note; no statement known: #0). */
export const unevaluatedCondition = (problem: PolicyProblem, actions: string[]): ConditionShown => sentenceCondition(SUBJECT(problem.source), VERDICT, problem.source, actions);
