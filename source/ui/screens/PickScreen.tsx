// Choosing what a membership change applies to: a filterable list (`/`), space marks several when
// `multiple`, enter chooses the marked rows (or the selected one), esc cancels.
import {useMemo, useState} from 'react';
import {exactNameFirst} from '../../model/match-rank.js';
import type {Column} from '../components/Table.js';
import {ListScreen} from './ListScreen.js';

export interface PickRow {
	name: string;
	detail: string;
}

interface Row extends PickRow {
	marked: boolean;
}

/** Rows whose name or detail holds the query, the exact name first (as every picker ranks them). */
const filterRows = (rows: Row[], query: string) => {
	const q = query.toLowerCase();
	return q ? exactNameFirst(rows.filter(r => r.name.toLowerCase().includes(q) || r.detail.toLowerCase().includes(q)), q, r => r.name) : rows;
};

export function PickScreen(props: {
	title: string;
	rows: PickRow[];
	multiple: boolean;
	emptyText: string;
	/** The columns' headers when the rows are not users or groups (a policy picker: POLICY, ABOUT). */
	headers?: {name: string; detail: string};
	onPick: (names: string[]) => void;
	onBack: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
	const rows = useMemo(() => props.rows.map(r => ({...r, marked: marked.has(r.name)})), [props.rows, marked]);
	const columns = useMemo<Array<Column<Row>>>(
		() => [
			...(props.multiple ? [{id: 'mark', header: ' ', width: 1, cell: (r: Row) => (r.marked ? '✓' : ' ')}] : []),
			{id: 'name', header: props.headers?.name ?? 'NAME', width: 16, grow: true, ellipsis: 'middle', cell: r => r.name},
			{id: 'detail', header: props.headers?.detail ?? (props.multiple ? 'GROUPS' : 'POLICIES'), width: 12, grow: true, dropOrder: 1, cell: r => r.detail},
		],
		[props.multiple, props.headers?.name, props.headers?.detail],
	);
	const toggle = (row: Row | undefined) => {
		if (!row || !props.multiple) return;
		setMarked(current => {
			const next = new Set(current);
			if (next.has(row.name)) next.delete(row.name);
			else next.add(row.name);
			return next;
		});
	};
	const title = marked.size > 0 ? `${props.title} · ${marked.size} marked` : props.title;
	return (
		<ListScreen
			scope="picker"
			title={title}
			rows={rows}
			rowKey={r => r.name}
			columns={columns}
			filter={filterRows}
			actions={{
				mark: toggle,
				pick: row => {
					const names = marked.size > 0 ? [...marked] : row ? [row.name] : [];
					if (names.length > 0) props.onPick(names);
				},
			}}
			onBack={props.onBack}
			emptyText={props.emptyText}
			focused={props.focused}
			width={props.width}
			height={props.height}
		/>
	);
}
