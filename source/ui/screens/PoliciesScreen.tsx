import {useMemo} from 'react';
import type {SnapshotIndex} from '../../model/indexes.js';
import {filterPolicyRows, policyRows, policySortColumns, type PolicyRow} from '../../model/views.js';
import type {Column} from '../components/Table.js';
import type {CommandId} from '../keymap.js';
import {ListScreen} from './ListScreen.js';

const columns: Array<Column<PolicyRow>> = [
	{id: 'name', header: 'NAME', width: 16, grow: true, cell: r => r.name},
	{id: 'type', header: 'TYPE', width: 8, cell: r => r.type},
	{id: 'attachments', header: 'ATTACHED', width: 8, align: 'right', cell: r => String(r.attachmentCount)},
	{id: 'arn', header: 'ARN', width: 10, grow: true, dropOrder: 1, cell: r => r.arn},
];

/** AWS managed policies that are attached, and every customer managed one. */
export function PoliciesScreen(props: {
	index: SnapshotIndex;
	onOpenPolicy: (arn: string) => void;
	/** `n`: the template wizard for a new customer managed policy. */
	onNewPolicy?: () => void;
	/** `D`: plan deleting the selected customer managed policy. */
	onDeletePolicy?: (arn: string) => void;
	onBack?: () => void;
	/** The row to select (one just created). */
	select?: {key: string; seq: number} | undefined;
	focused: boolean;
	width: number;
	height: number;
}) {
	const rows = useMemo(() => policyRows(props.index), [props.index]);
	const {onNewPolicy, onDeletePolicy} = props;
	const actions: Partial<Record<CommandId, (row: PolicyRow | undefined) => void>> = {
		...(onNewPolicy ? {'create-policy': () => onNewPolicy()} : {}),
		...(onDeletePolicy ? {'delete-policy': (row: PolicyRow | undefined) => row && onDeletePolicy(row.arn)} : {}),
	};
	return (
		<ListScreen
			scope="policies"
			title="Policies"
			rows={rows}
			rowKey={r => r.arn}
			columns={columns}
			filter={filterPolicyRows}
			sortColumns={policySortColumns}
			onOpen={row => props.onOpenPolicy(row.arn)}
			actions={actions}
			onBack={props.onBack}
			select={props.select}
			emptyText="No customer managed policies, and no AWS managed policy is attached."
			focused={props.focused}
			width={props.width}
			height={props.height}
		/>
	);
}
