// Credential hygiene (`:hygiene`): every user of the credential report with password, MFA and keys
// (age, last use), the findings flagged — a cell over the threshold starts with `!` — sortable and
// filterable (by name or by finding: "no mfa", "old key"). From a row: enter opens the user, R starts a
// key rotation, O an offboarding. Tab switches to the roles: unused for 90 days (service-linked roles are
// AWS's, marked and not flagged) and trust reaching outside the account, named.
import {Box, Text} from 'ink';
import {useMemo, useState, type ReactNode} from 'react';
import {describeTime, latestOf, timeProblem} from '../../model/hygiene-time.js';
import {DEFAULT_THRESHOLDS, FLAG_LABELS, filterHygieneRows, hygieneRows, hygieneSortColumns, type HygieneFlag, type HygieneRow, type HygieneThresholds, type KeyHygiene} from '../../model/hygiene.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import {filterRoleHygiene, roleFindingCounts, roleHygieneRows, roleHygieneSortColumns, type RoleHygiene} from '../../model/role-hygiene.js';
import {sanitize} from '../../model/sanitize.js';
import {formatAgo} from '../../model/views.js';
import type {Column} from '../components/Table.js';
import {ListScreen} from './ListScreen.js';
import {toneProps, useTheme, type Theme, type Tone} from '../theme.js';

/** Marks a cell whose value is over a threshold (visible without colour). */
export const FLAGGED = '!';

const mark = (flagged: boolean, text: string) => (flagged ? `${FLAGGED}${text}` : text);

const days = (value: number | null) => (value === null ? '?' : `${Math.floor(value)}d`);

const keyCell = (key: KeyHygiene | undefined, row: HygieneRow, now: Date): string => {
	if (!key) return '-';
	// A key made in the future has no age; one cannot be used before it was made (or before its user).
	const age = key.lastRotated && timeProblem(key.lastRotated, now) ? '?' : days(key.ageDays);
	const used = key.lastUsedDate ? describeTime(key.lastUsedDate, now, key.lastRotated ?? row.userCreationTime) : 'never';
	return mark(key.old || key.unused, `${key.active ? '' : 'off '}${age} / ${used}`);
};

/** When the report was made; it cannot predate the newest user it lists. */
const generated = (at: string | null, rows: Array<{userCreationTime: string | null}>, now: Date): string => {
	if (!at) return 'at an unknown time';
	const notBefore = latestOf(rows.map(row => row.userCreationTime));
	return timeProblem(at, now, notBefore) ? `(${describeTime(at, now, notBefore)} UTC)` : `${formatAgo(at, now)} (${at.slice(0, 16).replace('T', ' ')} UTC)`;
};

const columns = (now: Date): Array<Column<HygieneRow>> => [
	{id: 'user', header: 'USER', width: 12, grow: true, cell: r => r.user},
	{id: 'console', header: 'CONSOLE', width: 7, dropOrder: 2, cell: r => (r.passwordEnabled ? 'yes' : 'no')},
	{
		id: 'password',
		header: 'PW USED',
		width: 10,
		align: 'right',
		dropOrder: 3,
		cell: r => (r.passwordEnabled ? mark(r.passwordUnused, r.passwordLastUsed ? describeTime(r.passwordLastUsed, now, r.userCreationTime) : 'never') : '-'),
	},
	{id: 'mfa', header: 'MFA', width: 4, cell: r => mark(r.mfaMissing, r.mfaActive ? 'yes' : 'no')},
	{id: 'key1', header: 'KEY 1 AGE/USED', width: 19, cell: r => keyCell(r.keys[0], r, now)},
	{id: 'key2', header: 'KEY 2 AGE/USED', width: 19, dropOrder: 1, cell: r => keyCell(r.keys[1], r, now)},
	{id: 'flags', header: 'FINDINGS', width: 12, grow: true, cell: r => r.flags.map(f => FLAG_LABELS[f]).join(', ')},
];

const roleColumns = (now: Date): Array<Column<RoleHygiene>> => [
	{id: 'role', header: 'ROLE', width: 14, grow: true, ellipsis: 'middle', cell: r => r.name},
	{id: 'kind', header: 'KIND', width: 10, cell: r => (r.serviceLinked ? 'svc-linked' : '')},
	{
		id: 'lastUsed',
		header: 'LAST USED',
		width: 10,
		cell: r => mark(r.findings.some(f => f.kind === 'unused' || f.kind === 'never-used'), r.lastUsed ? formatAgo(r.lastUsed, now) : 'never'),
	},
	{id: 'findings', header: 'FINDINGS', width: 24, grow: true, cell: r => r.findings.map(f => f.text).join(' · ') || (r.serviceLinked ? '(service-linked: AWS keeps it)' : '')},
];

const counts = (rows: HygieneRow[]): string => {
	const tally = new Map<HygieneFlag, number>();
	for (const row of rows) for (const flag of row.flags) tally.set(flag, (tally.get(flag) ?? 0) + 1);
	const parts = (Object.keys(FLAG_LABELS) as HygieneFlag[]).filter(f => tally.has(f)).map(f => `${tally.get(f)} ${FLAG_LABELS[f]}`);
	return parts.length > 0 ? parts.join(' · ') : 'no findings';
};

type NoticeLine = {text: string; tone?: Tone};

const noticeOf = (lines: NoticeLine[], theme: Theme): ReactNode => (
	<Box flexDirection="column">
		{lines.map(line => (
			<Text key={line.text} {...toneProps(theme, line.tone ?? 'muted')} wrap="truncate-end">
				{sanitize(line.text)}
			</Text>
		))}
	</Box>
);

export function HygieneScreen(props: {
	index: SnapshotIndex;
	now: Date;
	/** The config store's preference: keys older than this are flagged (unused: DEFAULT_THRESHOLDS). */
	keyAgeDays?: number;
	onOpenUser: (name: string) => void;
	/** Enter on a role of the roles view. */
	onOpenRole?: (name: string) => void;
	/** R on a row: the key rotation wizard (absent in read-only mode). */
	onRotate?: (name: string) => void;
	/** O on a row: the offboarding screen (absent in read-only mode). */
	onOffboard?: (name: string) => void;
	onBack?: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const theme = useTheme();
	const {index, now} = props;
	const keyAgeDays = props.keyAgeDays ?? DEFAULT_THRESHOLDS.keyAgeDays;
	const thresholds = useMemo<HygieneThresholds>(() => ({...DEFAULT_THRESHOLDS, keyAgeDays}), [keyAgeDays]);
	const report = index.snapshot.credentialReport;
	const rows = useMemo(() => (report.status === 'ok' ? hygieneRows(report.rows, now, thresholds) : []), [report, now, thresholds]);
	const tableColumns = useMemo(() => columns(now), [now]);
	const missing = useMemo(() => index.snapshot.users.filter(u => !index.reportByUser.has(u.name)).length, [index]);

	const lines: NoticeLine[] =
		report.status === 'unavailable'
			? [
					{text: `The credential report is unavailable: ${report.reason}`, tone: 'warning'},
					{text: 'This view reads it (iam:GenerateCredentialReport, iam:GetCredentialReport) · r tries again'},
				]
			: [
					{
						text: `Credential report generated ${generated(report.generatedAt, report.rows, now)} · AWS regenerates it at most every 4 hours${
							missing > 0 ? ` · ${missing} user${missing === 1 ? ' is' : 's are'} newer than the report` : ''
						}`,
					},
					{text: `${FLAGGED} = key older than ${thresholds.keyAgeDays} days, key or password unused for ${thresholds.unusedDays} days, console without MFA`},
					{text: `Findings: ${counts(rows)}`, tone: 'warning'},
				];
	const [view, setView] = useState<'users' | 'roles'>('users');
	const toggle = () => setView(current => (current === 'users' ? 'roles' : 'users'));
	const roles = useMemo(() => roleHygieneRows(index.snapshot.roles ?? [], now, thresholds.unusedDays), [index, now, thresholds]);
	const roleTableColumns = useMemo(() => roleColumns(now), [now]);
	if (report.status === 'ok' || roles.length > 0) lines.push({text: `Roles: ${roleFindingCounts(roles)} · tab shows them`});
	if (view === 'roles') {
		const roleLines: NoticeLine[] = [
			{text: `${FLAGGED} = unused for ${thresholds.unusedDays} days (never used: none since it was made) · service-linked roles are AWS's: not flagged for use`},
			{text: `Findings: ${roleFindingCounts(roles)} · tab: back to users`, tone: 'warning'},
		];
		return (
			<ListScreen
				key="roles"
				scope="hygiene"
				title="Role hygiene"
				rows={roles}
				rowKey={r => r.arn || r.name}
				columns={roleTableColumns}
				filter={filterRoleHygiene}
				sortColumns={roleHygieneSortColumns}
				onOpen={row => props.onOpenRole?.(row.name)}
				onBack={props.onBack}
				actions={{'hygiene-view': toggle}}
				notice={noticeOf(roleLines, theme)}
				noticeLines={roleLines.length}
				emptyText="No roles in this account."
				focused={props.focused}
				width={props.width}
				height={props.height}
			/>
		);
	}
	const {onRotate, onOffboard} = props;
	return (
		<ListScreen
			key="users"
			scope="hygiene"
			title="Credential hygiene"
			rows={rows}
			rowKey={r => r.user}
			columns={tableColumns}
			filter={filterHygieneRows}
			sortColumns={hygieneSortColumns}
			onOpen={row => props.onOpenUser(row.user)}
			onBack={props.onBack}
			actions={{
				'hygiene-view': toggle,
				...(onRotate ? {'rotate-key': (row: HygieneRow | undefined) => row && onRotate(row.user)} : {}),
				...(onOffboard ? {'offboard-user': (row: HygieneRow | undefined) => row && onOffboard(row.user)} : {}),
			}}
			notice={noticeOf(lines, theme)}
			noticeLines={lines.length}
			emptyText={report.status === 'unavailable' ? 'No credential report: nothing to show.' : 'No users in the credential report.'}
			focused={props.focused}
			width={props.width}
			height={props.height}
		/>
	);
}
