// The SCPs' (or RCPs') word on a query of many actions (a wildcard: `s3:*` is 180 of them). The simulator
// answers one action at a time, so each action gets its own verdict — but asked once per class of actions
// that the same statements of the policies on the account's path take in (by Action and NotAction): on the
// same resource and context, those statements decide alike for every action of the class. Not when what
// they read is the action's own, and then each action is asked alone: a named resource (whether the action
// acts on it), a statement's resource other than "*" (the simulator matches it against the action's resource
// types), or a condition on a key outside the global ones (the simulator keeps only the action's keys).
import {parseStatements, statementEntries, statementMatches, type ParsedStatement} from '../access/patterns.js';
import type {ScpVerdict, SingleVerdict} from './scp-verdict.js';

/** Each action's verdict, and the query's as a whole: that verdict when all are alike, else 'partly' by group. */
export interface ControlVerdicts {
	overall: ScpVerdict;
	of: (action: string) => SingleVerdict;
}

const notActedOn = (verdict: SingleVerdict) => verdict.kind === 'unknown' && verdict.notActedOn === true;

/** Condition keys whose presence depends on the action or its resource type, though they are spelled aws:…. */
const ACTION_KEYS = /^aws:(resourcetag\/|requesttag\/|tagkeys$)/i;

/** Whether the statement decides alike for every action it takes in, on "*": its resource "*", its condition keys global ones. */
const decidesAlike = (s: ParsedStatement, raw: unknown): boolean => {
	if (s.notResources || (s.resources ?? ['*']).some(r => r !== '*')) return false;
	const condition = (raw as {Condition?: unknown} | undefined)?.Condition;
	if (!condition || typeof condition !== 'object') return true;
	return Object.values(condition as Record<string, unknown>).every(
		keys => keys !== null && typeof keys === 'object' && Object.keys(keys).every(key => /^aws:/i.test(key) && !ACTION_KEYS.test(key)),
	);
};

/**
 * `documents`: the policies on the account's path (every level's). `verdictOf` asks the simulator of one
 * action. Verdicts alike (same JSON) are one group, its actions in the query's order.
 */
export const controlVerdicts = async (
	documents: unknown[],
	actions: string[],
	resource: string,
	verdictOf: (action: string) => Promise<SingleVerdict>,
): Promise<ControlVerdicts> => {
	const statements = documents.flatMap(document => parseStatements(document).map(s => ({s, alike: decidesAlike(s, statementEntries(document)[s.index - 1])})));
	const classOf = (action: string): string => {
		if (resource !== '*') return action;
		let key = '';
		for (const {s, alike} of statements) {
			const matched = statementMatches(s, action);
			if (matched && !alike) return action;
			key += matched ? '1' : '0';
		}
		return key;
	};
	const byClass = new Map<string, Promise<SingleVerdict>>();
	const verdicts = await Promise.all(
		actions.map(action => {
			const key = classOf(action);
			let verdict = byClass.get(key);
			if (!verdict) byClass.set(key, (verdict = verdictOf(action)));
			return verdict;
		}),
	);
	const byAction = new Map(actions.map((action, n) => [action, verdicts[n]!]));
	const groups = new Map<string, {actions: string[]; verdict: SingleVerdict}>();
	// An action that does not act on the resource asked about is no question (the account's answer says it skipped it).
	const question = verdicts.some(verdict => !notActedOn(verdict));
	actions.forEach((action, n) => {
		const verdict = verdicts[n]!;
		if (question && notActedOn(verdict)) return;
		const key = JSON.stringify(verdict);
		const group = groups.get(key);
		if (group) group.actions.push(action);
		else groups.set(key, {actions: [action], verdict});
	});
	const all = [...groups.values()];
	const overall: ScpVerdict = all.length === 0 ? {kind: 'unknown', reason: 'no action was asked'} : all.length === 1 ? all[0]!.verdict : {kind: 'partly', groups: all};
	// An action outside the query (never asked) has no verdict of its own: the query's whole word stands.
	return {overall, of: action => byAction.get(action) ?? (overall.kind === 'partly' ? {kind: 'unknown', reason: `${action} was not asked`} : overall)};
};
