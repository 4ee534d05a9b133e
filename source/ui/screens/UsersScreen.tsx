import {Text} from 'ink';
import {useMemo} from 'react';
import type {SnapshotIndex} from '../../model/indexes.js';
import {sanitize} from '../../model/sanitize.js';
import {filterUserRows, formatAge, formatDuration, userRows, userSortColumns, type UserRow} from '../../model/views.js';
import type {Column} from '../components/Table.js';
import {ListScreen} from './ListScreen.js';
import {useTheme} from '../theme.js';

/** Shown in the report-fed columns when the credential report has nothing for a user. */
export const UNKNOWN = '?';

const yesNo = (value: boolean | null): string => (value === null ? UNKNOWN : value ? 'yes' : 'no');

const columns = (now: Date, admins?: ReadonlySet<string>, rotating?: ReadonlySet<string>): Array<Column<UserRow>> => [
	{id: 'name', header: 'NAME', width: 12, grow: true, cell: r => r.name},
	{id: 'groups', header: 'GROUPS', width: 10, grow: true, dropOrder: 3, cell: r => r.groups.join(', ')},
	{id: 'policies', header: 'POLICIES', width: 8, align: 'right', dropOrder: 2, cell: r => String(r.policyCount)},
	{id: 'console', header: 'CONSOLE', width: 7, dropOrder: 4, cell: r => yesNo(r.consoleAccess)},
	{id: 'mfa', header: 'MFA', width: 3, cell: r => yesNo(r.mfaActive)},
	{
		id: 'keyAge',
		header: 'KEY AGE',
		width: 7,
		align: 'right',
		dropOrder: 5,
		cell: r => (!r.inReport ? UNKNOWN : r.oldestActiveKeyAgeMs === null ? '-' : formatDuration(r.oldestActiveKeyAgeMs)),
	},
	{
		id: 'lastActivity',
		header: 'LAST ACTIVE',
		width: 11,
		align: 'right',
		dropOrder: 1,
		cell: r => (!r.inReport ? UNKNOWN : r.lastActivity ? formatAge(r.lastActivity, now) : 'never'),
	},
	// Never dropped: an admin-equivalent user is the one row an operator must not miss.
	...(admins ? [{id: 'admin', header: 'ADMIN', width: 5, cell: (r: UserRow) => (admins.has(r.name) ? 'admin' : '')}] : []),
	// A key rotation left half-way (store/rotations.ts): shown until it is finished or forgotten.
	...(rotating && rotating.size > 0 ? [{id: 'rotation', header: 'ROTATION', width: 8, cell: (r: UserRow) => (rotating.has(r.name) ? 'rotating' : '')}] : []),
];

export function UsersScreen(props: {
	index: SnapshotIndex;
	now: Date;
	/** Admin-equivalent users (allow * on *, no deny): marked in an ADMIN column. */
	adminUsers?: ReadonlySet<string>;
	/** Users with a key rotation in progress: marked in a ROTATION column. */
	rotating?: ReadonlySet<string>;
	onOpenUser: (name: string) => void;
	/** `n`: the create-user wizard. */
	onCreateUser?: () => void;
	onBack?: () => void;
	/** The row to select (one just created). */
	select?: {key: string; seq: number} | undefined;
	focused: boolean;
	width: number;
	height: number;
}) {
	const theme = useTheme();
	const {index, now} = props;
	const rows = useMemo(() => userRows(index, now), [index, now]);
	const tableColumns = useMemo(() => columns(now, props.adminUsers, props.rotating), [now, props.adminUsers, props.rotating]);
	const report = index.snapshot.credentialReport;
	const notice =
		report.status === 'unavailable' ? (
			<Text color={theme.warning} wrap="truncate-end">
				{`${UNKNOWN} = credential report unavailable: ${sanitize(report.reason)}`}
			</Text>
		) : null;
	return (
		<ListScreen
			scope="users"
			title="Users"
			rows={rows}
			rowKey={r => r.name}
			columns={tableColumns}
			filter={filterUserRows}
			sortColumns={userSortColumns}
			onOpen={row => props.onOpenUser(row.name)}
			actions={props.onCreateUser ? {'create-user': props.onCreateUser} : undefined}
			onBack={props.onBack}
			select={props.select}
			notice={notice}
			noticeLines={notice ? 1 : 0}
			emptyText="No users in this account."
			focused={props.focused}
			width={props.width}
			height={props.height}
		/>
	);
}
