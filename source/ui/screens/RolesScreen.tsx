// The account's roles: name, path, who may assume them in short, last use; service-linked and service
// roles marked, trust reaching outside the account visible in the TRUSTED column ("* (anyone!)"), the
// admin-equivalent badge and the hygiene findings (unused for 90 days, trust outside the account).
import {useMemo} from 'react';
import type {AccessModel} from '../../model/access/model.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import {filterRoleRows, roleFindingsCell, roleRows, roleSortColumns, type RoleRow} from '../../model/role-views.js';
import {formatAgo} from '../../model/views.js';
import type {Column} from '../components/Table.js';
import {ListScreen} from './ListScreen.js';

const kindText: Record<RoleRow['kind'], string> = {'service-linked': 'svc-linked', service: 'service', '': ''};

const columnsAt = (now: Date): Array<Column<RoleRow>> => [
	{id: 'name', header: 'NAME', width: 14, grow: true, ellipsis: 'middle', cell: r => r.name},
	{id: 'kind', header: 'KIND', width: 10, cell: r => kindText[r.kind]},
	{id: 'trusted', header: 'TRUSTED', width: 16, grow: true, cell: r => r.trusted.join(', ') || '(nobody)'},
	// Never dropped: an admin-equivalent role is the one row an operator must not miss.
	{id: 'admin', header: 'ADMIN', width: 5, cell: r => (r.admin ? 'admin' : '')},
	{id: 'lastUsed', header: 'LAST USED', width: 10, cell: r => formatAgo(r.lastUsed, now) || 'never'},
	{id: 'findings', header: 'FINDINGS', width: 14, grow: true, dropOrder: 2, cell: roleFindingsCell},
	{id: 'path', header: 'PATH', width: 8, grow: true, dropOrder: 1, cell: r => r.path},
];

export function RolesScreen(props: {
	index: SnapshotIndex;
	now: Date;
	/** The session's access model of this snapshot (its parsed policies are reused); else one is built. */
	accessModel?: AccessModel;
	onOpenRole: (name: string) => void;
	onBack?: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {index, now, accessModel} = props;
	const rows = useMemo(() => roleRows(index, now, accessModel), [index, now, accessModel]);
	const columns = useMemo(() => columnsAt(props.now), [props.now]);
	return (
		<ListScreen
			scope="roles"
			title="Roles"
			rows={rows}
			rowKey={r => r.arn || r.name}
			columns={columns}
			filter={filterRoleRows}
			sortColumns={roleSortColumns}
			onOpen={row => props.onOpenRole(row.name)}
			onBack={props.onBack}
			emptyText="No roles in this account."
			focused={props.focused}
			width={props.width}
			height={props.height}
		/>
	);
}
