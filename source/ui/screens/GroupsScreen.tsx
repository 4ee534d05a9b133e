import {useMemo} from 'react';
import type {SnapshotIndex} from '../../model/indexes.js';
import {filterGroupRows, groupRows, groupSortColumns, type GroupRow} from '../../model/views.js';
import type {Column} from '../components/Table.js';
import {ListScreen} from './ListScreen.js';

const columns: Array<Column<GroupRow>> = [
	{id: 'name', header: 'NAME', width: 14, grow: true, cell: r => r.name},
	{id: 'members', header: 'MEMBERS', width: 7, align: 'right', cell: r => String(r.memberCount)},
	{id: 'policies', header: 'POLICIES', width: 12, grow: true, dropOrder: 1, cell: r => r.policies.join(', ')},
];

export function GroupsScreen(props: {
	index: SnapshotIndex;
	onOpenGroup: (name: string) => void;
	onBack?: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const rows = useMemo(() => groupRows(props.index), [props.index]);
	return (
		<ListScreen
			scope="groups"
			title="Groups"
			rows={rows}
			rowKey={r => r.name}
			columns={columns}
			filter={filterGroupRows}
			sortColumns={groupSortColumns}
			onOpen={row => props.onOpenGroup(row.name)}
			onBack={props.onBack}
			emptyText="No groups in this account."
			focused={props.focused}
			width={props.width}
			height={props.height}
		/>
	);
}
