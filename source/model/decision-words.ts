// How a who-can row is worded when the query named many actions (a wildcard such as lightsail:*): a
// principal allowed only some of them is "Partly", never "Allowed", so nobody reads a partial grant
// as the whole service.
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
