// Credential-report timestamps that cannot be true: in the future, or before what they describe existed
// (a report generated before a user it lists, a key used before it was made, a password used before its
// user). Emulators and skewed clocks produce such dates; saying "11y ago" would present them as facts.
// Pure: dates in, a verdict or words out.
import {formatAgo} from './views.js';

/** Clock skew between this machine and AWS that is not worth a warning. */
const SLACK_MS = 24 * 3_600_000;

export type TimeProblem = 'future' | 'too-early' | 'unreadable';

/** Why `iso` cannot be right, given `now` and the earliest it could be (`notBefore`); undefined when plausible. */
export const timeProblem = (iso: string, now: Date, notBefore?: string | null): TimeProblem | undefined => {
	const time = Date.parse(iso);
	if (Number.isNaN(time)) return 'unreadable';
	if (time > now.getTime() + SLACK_MS) return 'future';
	const earliest = notBefore ? Date.parse(notBefore) : Number.NaN;
	if (!Number.isNaN(earliest) && time < earliest - SLACK_MS) return 'too-early';
	return undefined;
};

/** The date as written, to the minute, for a reader to judge (the raw text when it does not parse). */
const shown = (iso: string): string => {
	const time = Date.parse(iso);
	return Number.isNaN(time) ? iso.slice(0, 40) : new Date(time).toISOString().slice(0, 16).replace('T', ' ');
};

/** "3d ago", or "timestamp looks wrong: 2014-03-02 10:00" when it cannot be true. */
export const describeTime = (iso: string, now: Date, notBefore?: string | null): string =>
	timeProblem(iso, now, notBefore) ? `timestamp looks wrong: ${shown(iso)}` : formatAgo(iso, now);

/** The latest of some dates (the report cannot be older than the newest user it lists). */
export const latestOf = (dates: Array<string | null | undefined>): string | null => {
	let best: string | null = null;
	for (const date of dates) if (date && !Number.isNaN(Date.parse(date)) && (!best || Date.parse(date) > Date.parse(best))) best = date;
	return best;
};
