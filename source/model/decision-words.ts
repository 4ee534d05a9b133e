// How a who-can row is worded when the query named many actions (a wildcard such as lightsail:*): a
// principal allowed only some of them is "Partly", never "Allowed", so nobody reads a partial grant
// as the whole service; and on a wildcard resource, a grant limited to some resources says which.
import type {WhoCanEntry} from './access.js';

/** Allowed / Partly / Conditional for a row of an answer covering `total` actions. */
export const decisionWord = (entry: Pick<WhoCanEntry, 'decision' | 'actions'>, total: number): string => {
	if (entry.decision === 'Conditional') return 'Conditional';
	if (entry.decision !== 'Allowed') return entry.decision;
	return total > 1 && entry.actions.length < total ? 'Partly' : 'Allowed';
};

/** "59 of 200 actions" (or "all 200 actions"), for a query of several actions; empty for one. */
export const actionsCovered = (entry: Pick<WhoCanEntry, 'actions'>, total: number): string =>
	total <= 1 ? '' : entry.actions.length >= total ? `all ${total} actions` : `${entry.actions.length} of ${total} actions`;

/** A grant on a wildcard resource limited to these patterns: "on arn:aws:s3:::reports/* only". */
export const onlyOn = (patterns: string[]): string => `on ${patterns.join(', ')} only`;

/** A deny cutting into a grant on a wildcard resource. */
export const PARTLY_DENIED = 'partly denied (some resources)';

/** What a row's grant on a wildcard resource does not cover; empty when it covers every resource. */
export const resourcesCovered = (entry: Pick<WhoCanEntry, 'resources' | 'partlyDenied'>): string =>
	[entry.resources ? onlyOn(entry.resources) : '', entry.partlyDenied ? PARTLY_DENIED : ''].filter(Boolean).join('; ');

/** A condition an answer hangs on, as it is shown: an Allow's must hold ("if"), a Deny's must not ("unless"). */
export const conditionWords = (condition: {effect: 'Allow' | 'Deny'; key: string; operator: string; values: string[]}): string =>
	`${condition.effect === 'Allow' ? 'if' : 'unless'} ${condition.key} ${condition.operator} ${condition.values.join(', ')}`;
