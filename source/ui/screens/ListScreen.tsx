// What every list screen shares: title, `/` filter as you type, `s`/`S` sort, a virtualized table and
// the cursor. Rows come in memoised; sorting runs when the order changes, filtering when the query does.
import {Box, Text} from 'ink';
import {useEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import {nextSortColumn, sortRows, type SortColumn, type SortState} from '../../model/views.js';
import {FilterBar} from '../components/FilterBar.js';
import {movementHandlers} from '../components/list-window.js';
import {Table, type Column} from '../components/Table.js';
import {truncate} from '../components/text.js';
import {useListCursor} from '../components/use-list-cursor.js';
import type {KeyScope} from '../key-scopes.js';
import type {CommandId} from '../keymap.js';
import {useCommands} from '../hooks/keyboard.js';

export interface ListScreenProps<Row> {
	scope: KeyScope;
	title: string;
	rows: Row[];
	rowKey: (row: Row) => string;
	columns: Array<Column<Row>>;
	filter: (rows: Row[], query: string) => Row[];
	sortColumns?: Array<SortColumn<Row>>;
	/** Enter on a row: open it (or switch, on profiles). */
	onOpen?: (row: Row) => void;
	onBack?: () => void;
	/** Extra commands of this screen, given the selected row. */
	actions?: Partial<Record<CommandId, (row: Row | undefined) => void>>;
	/** Lines between the title and the table (e.g. why a column is empty). */
	notice?: ReactNode;
	noticeLines?: number;
	emptyText?: string;
	/** A row to select (a user, group or policy just created); a new `seq` selects again. */
	select?: {key: string; seq: number} | undefined;
	focused: boolean;
	width: number;
	height: number;
}

export function ListScreen<Row>(props: ListScreenProps<Row>) {
	const {rows, filter, sortColumns} = props;
	const [query, setQuery] = useState('');
	const [editing, setEditing] = useState(false);
	const [sort, setSort] = useState<SortState>({column: sortColumns?.[0]?.id ?? '', descending: false});

	// Sort once per order, then filter the sorted rows per key: filtering keeps the order.
	const ordered = useMemo(() => (sortColumns ? sortRows(rows, sortColumns, sort) : rows), [rows, sortColumns, sort]);
	const sorted = useMemo(() => filter(ordered, query), [filter, ordered, query]);

	const showFilter = editing || query !== '';
	const chrome = 2 + (props.noticeLines ?? 0) + (showFilter ? 1 : 0);
	const tableHeight = Math.max(1, props.height - chrome);
	const list = useListCursor(sorted.length, tableHeight);
	const selected = sorted[list.cursor];

	// A row asked for (just created) is selected once it is in the rows; a filter that hides it is cleared.
	const wanted = useRef<{key?: string; seq?: number}>({seq: props.select?.seq});
	if (props.select && props.select.seq !== wanted.current.seq) wanted.current = {...props.select};
	// Clearing the filter or sorting keeps the row the operator was on, not whichever row lands at its
	// position: the cursor is placed in the rows to come in the same render, so no frame shows another row.
	const keepSelectedIn = (rowsToCome: Row[]) => {
		if (!selected) return;
		const key = props.rowKey(selected);
		const at = rowsToCome.findIndex(row => props.rowKey(row) === key);
		if (at >= 0) list.set(at, rowsToCome.length);
	};
	const clearFilter = () => {
		keepSelectedIn(filter(ordered, ''));
		setQuery('');
		setEditing(false);
	};

	const handlers: Partial<Record<CommandId, () => void>> = {
		filter: () => setEditing(true),
		back: () => (query ? clearFilter() : props.onBack?.()),
		open: () => selected && props.onOpen?.(selected),
		'switch-profile': () => selected && props.onOpen?.(selected),
	};
	if (sortColumns) {
		const sortBy = (next: SortState) => {
			keepSelectedIn(filter(sortRows(rows, sortColumns, next), query));
			setSort(next);
		};
		handlers.sort = () => sortBy(nextSortColumn(sortColumns, sort));
		handlers.reverse = () => sortBy({...sort, descending: !sort.descending});
	}
	for (const [id, action] of Object.entries(props.actions ?? {}))
		handlers[id as CommandId] = () => action?.(selected);
	const moves = movementHandlers(list.move);
	Object.assign(handlers, moves);
	// While the filter is typed, its text field takes every key but the arrows: they still move the cursor.
	useCommands(props.scope, editing ? moves : handlers, props.focused);

	useEffect(() => {
		const key = wanted.current.key;
		if (key === undefined) return;
		const at = sorted.findIndex(row => props.rowKey(row) === key);
		if (at >= 0) {
			wanted.current = {seq: wanted.current.seq};
			list.set(at);
		} else if (query && ordered.some(row => props.rowKey(row) === key)) {
			setQuery('');
			setEditing(false);
		}
	});

	const sortLabel = sortColumns?.find(c => c.id === sort.column)?.label;
	// A list longer than the screen says where the cursor is in it (row 12/40).
	const position = sorted.length > tableHeight && selected ? ` · row ${list.cursor + 1}/${sorted.length}` : '';
	const counts = `(${query ? `${sorted.length}/${rows.length}` : rows.length})${
		sortLabel ? ` · sorted by ${sortLabel} ${sort.descending ? '↓' : '↑'}` : ''
	}${position}`;
	// A long title (a picker's, at 80 columns) is cut before the count and position, not them.
	const title = `${truncate(props.title, Math.max(1, props.width - Array.from(counts).length - 1))} ${counts}`;
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{title}
			</Text>
			{props.notice}
			{showFilter ? (
				<FilterBar
					value={query}
					editing={editing && props.focused}
					matches={sorted.length}
					total={rows.length}
					onChange={value => {
						setQuery(value);
						list.set(0);
					}}
					onDone={() => setEditing(false)}
					onClear={clearFilter}
				/>
			) : null}
			<Table
				columns={props.columns}
				rows={sorted}
				rowKey={props.rowKey}
				cursor={list.cursor}
				top={list.top}
				height={tableHeight}
				width={props.width}
				focused={props.focused}
				emptyText={query ? `Nothing matches “${query}”.` : props.emptyText}
			/>
		</Box>
	);
}
