// Rows for the list screens, computed from a SnapshotIndex, plus filtering, sorting and age formatting.
// Pure: `now` is passed in, nothing reads the clock.
import {distinctPolicyCount, policiesReachingUser, type SnapshotIndex} from './indexes.js';
import type {CredentialReportRow, ManagedPolicy} from './snapshot.js';

export interface UserRow {
	name: string;
	arn: string;
	groups: string[];
	policyCount: number;
	/** Report-fed: null when the credential report has nothing for this user. */
	consoleAccess: boolean | null;
	mfaActive: boolean | null;
	/** Age in milliseconds of the oldest active access key; null when none or unknown. */
	oldestActiveKeyAgeMs: number | null;
	/** Latest of password last used and key last used (ISO); null when never or unknown. */
	lastActivity: string | null;
	/** False when the report has no row for the user (unavailable, or the user is newer than it). */
	inReport: boolean;
	/** Name, ARN and groups in lower case, one per line: what the filter searches, built once per snapshot. */
	search: string;
}

export interface GroupRow {
	name: string;
	arn: string;
	memberCount: number;
	policies: string[];
}

export interface PolicyRow {
	name: string;
	arn: string;
	type: 'AWS' | 'customer';
	attachmentCount: number;
}

const DAY = 86_400_000;

const latest = (dates: Array<string | null>): string | null => {
	let best: string | null = null;
	let bestTime = -Infinity;
	for (const date of dates) {
		if (!date) continue;
		const time = Date.parse(date);
		if (!Number.isNaN(time) && time > bestTime) {
			best = date;
			bestTime = time;
		}
	}
	return best;
};

const oldestActiveKeyAge = (report: CredentialReportRow, now: Date): number | null => {
	const ages = report.accessKeys
		.filter(key => key.active && key.lastRotated)
		.map(key => now.getTime() - Date.parse(key.lastRotated!))
		.filter(age => !Number.isNaN(age));
	return ages.length > 0 ? Math.max(...ages) : null;
};

export const userRows = (index: SnapshotIndex, now: Date): UserRow[] =>
	index.snapshot.users.map(user => {
		const report = index.reportByUser.get(user.name);
		return {
			name: user.name,
			arn: user.arn,
			groups: user.groups,
			policyCount: distinctPolicyCount(policiesReachingUser(index, user)),
			consoleAccess: report ? report.passwordEnabled : null,
			mfaActive: report ? report.mfaActive : null,
			oldestActiveKeyAgeMs: report ? oldestActiveKeyAge(report, now) : null,
			lastActivity: report
				? latest([report.passwordLastUsed, ...report.accessKeys.map(key => key.lastUsedDate)])
				: null,
			inReport: Boolean(report),
			search: [user.name, user.arn, ...user.groups].join('\n').toLowerCase(),
		};
	});

export const groupRows = (index: SnapshotIndex): GroupRow[] =>
	index.snapshot.groups.map(group => ({
		name: group.name,
		arn: group.arn,
		memberCount: index.membersByGroup.get(group.name)?.length ?? 0,
		policies: [...group.attachedPolicies.map(p => p.name), ...group.inlinePolicies.map(p => p.name)],
	}));

/** What the Policies screen lists: AWS managed policies that are attached, and every customer managed one. */
export const listedPolicies = (index: SnapshotIndex): ManagedPolicy[] =>
	index.snapshot.policies.filter(policy => !policy.awsManaged || attachmentCount(index, policy) > 0);

const attachmentCount = (index: SnapshotIndex, policy: ManagedPolicy): number => {
	const found = index.attachments.get(policy.arn);
	const roles = index.roleAttachments.get(policy.arn)?.length ?? 0;
	// IAM's own count (moto's may lag); never fewer than the attachments the snapshot holds.
	return Math.max(policy.attachmentCount, (found ? found.users.length + found.groups.length : 0) + roles);
};

export const policyRows = (index: SnapshotIndex): PolicyRow[] =>
	listedPolicies(index).map(policy => ({
		name: policy.name,
		arn: policy.arn,
		type: policy.awsManaged ? 'AWS' : 'customer',
		attachmentCount: attachmentCount(index, policy),
	}));

// ---- filtering ----

const matches = (query: string, fields: string[]): boolean => {
	const needle = query.trim().toLowerCase();
	if (!needle) return true;
	return fields.some(field => field.toLowerCase().includes(needle));
};

// 5,000 users are filtered on every key typed: against the row's prepared lower-case text, not by
// lower-casing each field again. A needle never holds a newline (the filter field is one line).
export const filterUserRows = (rows: UserRow[], query: string): UserRow[] => {
	const needle = query.trim().toLowerCase();
	return needle ? rows.filter(row => row.search.includes(needle)) : rows;
};

export const filterGroupRows = (rows: GroupRow[], query: string): GroupRow[] =>
	query.trim() ? rows.filter(row => matches(query, [row.name, row.arn, ...row.policies])) : rows;

export const filterPolicyRows = (rows: PolicyRow[], query: string): PolicyRow[] =>
	query.trim() ? rows.filter(row => matches(query, [row.name, row.arn, row.type])) : rows;

// ---- sorting ----

export type SortValue = string | number | boolean | null;

export interface SortColumn<Row> {
	id: string;
	label: string;
	value: (row: Row) => SortValue;
}

export interface SortState {
	column: string;
	descending: boolean;
}

// One collator for every comparison: localeCompare with options builds one per call, ~100× slower on
// 5,000 rows. Case- and accent-insensitive (the filter is case-insensitive only).
const byText = new Intl.Collator(undefined, {sensitivity: 'base'});

const compareValues = (a: SortValue, b: SortValue): number =>
	typeof a === 'string' && typeof b === 'string' ? byText.compare(a, b) : Number(a) - Number(b);

/** Stable sort by one column; empty values (null) always last, whichever the direction. */
export const sortRows = <Row>(rows: Row[], columns: Array<SortColumn<Row>>, sort: SortState): Row[] => {
	const column = columns.find(c => c.id === sort.column) ?? columns[0];
	if (!column) return rows;
	const direction = sort.descending ? -1 : 1;
	const keyed = rows.map((row, position) => ({row, position, value: column.value(row)}));
	keyed.sort((a, b) => {
		if (a.value === null || b.value === null) {
			if (a.value === b.value) return a.position - b.position;
			return a.value === null ? 1 : -1;
		}
		return direction * compareValues(a.value, b.value) || a.position - b.position;
	});
	return keyed.map(k => k.row);
};

/** The next sort column in order; the direction resets to ascending. */
export const nextSortColumn = <Row>(columns: Array<SortColumn<Row>>, sort: SortState): SortState => {
	const position = columns.findIndex(c => c.id === sort.column);
	return {column: columns[(position + 1) % columns.length]!.id, descending: false};
};

export const userSortColumns: Array<SortColumn<UserRow>> = [
	{id: 'name', label: 'name', value: r => r.name},
	{id: 'groups', label: 'groups', value: r => r.groups.length},
	{id: 'policies', label: 'policies', value: r => r.policyCount},
	{id: 'console', label: 'console', value: r => r.consoleAccess},
	{id: 'mfa', label: 'MFA', value: r => r.mfaActive},
	{id: 'keyAge', label: 'key age', value: r => r.oldestActiveKeyAgeMs},
	{id: 'lastActivity', label: 'last activity', value: r => (r.lastActivity ? Date.parse(r.lastActivity) : null)},
];

export const groupSortColumns: Array<SortColumn<GroupRow>> = [
	{id: 'name', label: 'name', value: r => r.name},
	{id: 'members', label: 'members', value: r => r.memberCount},
	{id: 'policies', label: 'policies', value: r => r.policies.length},
];

export const policySortColumns: Array<SortColumn<PolicyRow>> = [
	{id: 'name', label: 'name', value: r => r.name},
	{id: 'type', label: 'type', value: r => r.type},
	{id: 'attachments', label: 'attachments', value: r => r.attachmentCount},
];

// ---- ages ----

/** A compact age: "now", "5m", "3h", "12d", "2y". Negative ages (clock skew) count as "now". */
export const formatDuration = (milliseconds: number): string => {
	const minutes = Math.floor(milliseconds / 60_000);
	if (minutes < 1) return 'now';
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours}h`;
	const days = Math.floor(milliseconds / DAY);
	if (days < 365) return `${days}d`;
	return `${Math.floor(days / 365)}y`;
};

/** Age of an ISO date relative to now; '' for a missing or unparsable date. */
export const formatAge = (iso: string | null | undefined, now: Date): string => {
	if (!iso) return '';
	const time = Date.parse(iso);
	return Number.isNaN(time) ? '' : formatDuration(now.getTime() - time);
};

/** "3d ago", or "just now" (never "now ago"); '' for a missing date. */
export const formatAgo = (iso: string | null | undefined, now: Date): string => {
	const age = formatAge(iso, now);
	return age === 'now' ? 'just now' : age ? `${age} ago` : '';
};
