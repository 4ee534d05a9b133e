import {useMemo} from 'react';
import type {SnapshotIndex} from '../../model/indexes.js';
import {filterGroupRows, groupRows, groupSortColumns, type GroupRow} from '../../model/views.js';
import type {Column} from '../components/Table.js';
import type {CommandId} from '../keymap.js';
import {ListScreen} from './ListScreen.js';

const columns: Array<Column<GroupRow>> = [
	{id: 'name', header: 'NAME', width: 14, grow: true, ellipsis: 'middle', cell: r => r.name},
	{id: 'members', header: 'MEMBERS', width: 7, align: 'right', cell: r => String(r.memberCount)},
	{id: 'policies', header: 'POLICIES', width: 12, grow: true, dropOrder: 1, cell: r => r.policies.join(', ')},
];

export function GroupsScreen(props: {
	index: SnapshotIndex;
	onOpenGroup: (name: string) => void;
	/** `n`: the create-group form. */
	onCreateGroup?: () => void;
	/** `D`: plan deleting the selected group (members, policies first). */
	onDeleteGroup?: (name: string) => void;
	onBack?: () => void;
	/** The row to select (one just created). */
	select?: {key: string; seq: number} | undefined;
	focused: boolean;
	width: number;
	height: number;
}) {
	const rows = useMemo(() => groupRows(props.index), [props.index]);
	const {onCreateGroup, onDeleteGroup} = props;
	const actions: Partial<Record<CommandId, (row: GroupRow | undefined) => void>> = {
		...(onCreateGroup ? {'create-group': () => onCreateGroup()} : {}),
		...(onDeleteGroup ? {'delete-group': (row: GroupRow | undefined) => row && onDeleteGroup(row.name)} : {}),
	};
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
			actions={actions}
			onBack={props.onBack}
			select={props.select}
			emptyText="No groups in this account."
			focused={props.focused}
			width={props.width}
			height={props.height}
		/>
	);
}
