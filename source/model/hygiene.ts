// Credential hygiene from the credential report: per user, the console password, MFA and each access
// key with its age and last use, and the findings an audit would raise — an old key, a key or password
// nobody used for a long time, a console user without MFA, a user who never did anything. Pure: the
// report rows and `now` come in, rows with flags go out.
import type {CredentialReportRow} from './snapshot.js';
import type {SortColumn} from './views.js';

export interface HygieneThresholds {
	/** Active keys older than this many days are flagged (rotate them). */
	keyAgeDays: number;
	/** Keys and passwords not used for this many days are flagged (remove them). */
	unusedDays: number;
}

/** AWS's own advice (Security Hub, IAM best practices) is 90 days for both. */
export const DEFAULT_THRESHOLDS: HygieneThresholds = {keyAgeDays: 90, unusedDays: 90};

export type HygieneFlag = 'old-key' | 'unused-key' | 'unused-password' | 'console-without-mfa' | 'no-activity';

export const FLAG_LABELS: Record<HygieneFlag, string> = {
	'old-key': 'old key',
	'unused-key': 'unused key',
	'unused-password': 'unused password',
	'console-without-mfa': 'no MFA',
	'no-activity': 'no activity',
};

export interface KeyHygiene {
	active: boolean;
	/** Days since the key was created (or last rotated); null when the report does not say. */
	ageDays: number | null;
	lastUsedDate: string | null;
	lastUsedService: string | null;
	/** When it was made (or last rotated): what its last use cannot precede. */
	lastRotated: string | null;
	/** Active and older than keyAgeDays. */
	old: boolean;
	/** Active and not used (or never used) for unusedDays. */
	unused: boolean;
}

export interface HygieneRow {
	user: string;
	arn: string;
	passwordEnabled: boolean;
	passwordLastUsed: string | null;
	/** When the user was made: no use of theirs can be older. */
	userCreationTime: string | null;
	/** A console password nobody signed in with for unusedDays. */
	passwordUnused: boolean;
	mfaActive: boolean;
	/** A console password without MFA. */
	mfaMissing: boolean;
	keys: KeyHygiene[];
	/** Latest use of the password or of any key; null when never. */
	lastActivity: string | null;
	flags: HygieneFlag[];
}

const DAY = 86_400_000;

const daysSince = (iso: string | null, now: Date): number | null => {
	if (!iso) return null;
	const time = Date.parse(iso);
	return Number.isNaN(time) ? null : (now.getTime() - time) / DAY;
};

/** Not used for `days`: last used that long ago, or never used though it exists for that long. */
const unusedFor = (lastUsed: string | null, since: string | null, days: number, now: Date): boolean => {
	const idle = daysSince(lastUsed ?? since, now);
	return idle !== null && idle >= days;
};

const latest = (dates: Array<string | null>): string | null =>
	dates.reduce<string | null>((best, date) => (date && (!best || Date.parse(date) > Date.parse(best)) ? date : best), null);

export const hygieneRow = (row: CredentialReportRow, now: Date, thresholds: HygieneThresholds = DEFAULT_THRESHOLDS): HygieneRow => {
	// A slot that never held a key (inactive, never rotated) is not a key, whoever built the row.
	const keys = row.accessKeys.filter(k => k.active || k.lastRotated !== null).map((key): KeyHygiene => {
		const ageDays = daysSince(key.lastRotated, now);
		return {
			active: key.active,
			ageDays,
			lastUsedDate: key.lastUsedDate,
			lastUsedService: key.lastUsedService,
			lastRotated: key.lastRotated,
			old: key.active && ageDays !== null && ageDays >= thresholds.keyAgeDays,
			unused: key.active && unusedFor(key.lastUsedDate, key.lastRotated, thresholds.unusedDays, now),
		};
	});
	const passwordUnused =
		row.passwordEnabled && unusedFor(row.passwordLastUsed, row.passwordLastChanged ?? row.userCreationTime, thresholds.unusedDays, now);
	const mfaMissing = row.passwordEnabled && !row.mfaActive;
	const lastActivity = latest([row.passwordLastUsed, ...row.accessKeys.map(k => k.lastUsedDate)]);
	// Never signed in nor used a key, though the newest credential (or the user) is that old: dormant.
	const newest = daysSince(latest([row.userCreationTime, row.passwordLastChanged, ...row.accessKeys.map(k => k.lastRotated)]), now);
	const noActivity = lastActivity === null && (newest === null || newest >= thresholds.unusedDays);
	const flags: HygieneFlag[] = [
		...(keys.some(k => k.old) ? (['old-key'] as const) : []),
		...(keys.some(k => k.unused) ? (['unused-key'] as const) : []),
		...(passwordUnused ? (['unused-password'] as const) : []),
		...(mfaMissing ? (['console-without-mfa'] as const) : []),
		...(noActivity ? (['no-activity'] as const) : []),
	];
	return {
		user: row.user,
		arn: row.arn,
		passwordEnabled: row.passwordEnabled,
		passwordLastUsed: row.passwordLastUsed,
		userCreationTime: row.userCreationTime,
		passwordUnused,
		mfaActive: row.mfaActive,
		mfaMissing,
		keys,
		lastActivity,
		flags,
	};
};

export const hygieneRows = (rows: CredentialReportRow[], now: Date, thresholds: HygieneThresholds = DEFAULT_THRESHOLDS): HygieneRow[] =>
	rows.map(row => hygieneRow(row, now, thresholds));

/** Matches the user name, the ARN and the flags' words ("no mfa", "old key", "unused"). */
export const filterHygieneRows = (rows: HygieneRow[], query: string): HygieneRow[] => {
	const needle = query.trim().toLowerCase();
	if (!needle) return rows;
	return rows.filter(row => [row.user, row.arn, ...row.flags.map(f => FLAG_LABELS[f])].some(field => field.toLowerCase().includes(needle)));
};

const oldestActiveKeyAge = (row: HygieneRow): number | null => {
	const ages = row.keys.filter(k => k.active && k.ageDays !== null).map(k => k.ageDays!);
	return ages.length > 0 ? Math.max(...ages) : null;
};

const time = (iso: string | null): number | null => (iso ? Date.parse(iso) : null);

export const hygieneSortColumns: Array<SortColumn<HygieneRow>> = [
	{id: 'user', label: 'user', value: r => r.user},
	{id: 'flags', label: 'findings', value: r => r.flags.length},
	{id: 'keyAge', label: 'oldest active key', value: oldestActiveKeyAge},
	{id: 'lastActivity', label: 'last activity', value: r => time(r.lastActivity)},
	{id: 'password', label: 'password last used', value: r => (r.passwordEnabled ? time(r.passwordLastUsed) : null)},
	{id: 'mfa', label: 'MFA', value: r => r.mfaActive},
];
