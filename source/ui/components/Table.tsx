// A virtualized table: renders only the rows in view, truncates cells with …, highlights the cursor row.
// Every cell is sanitized here, so account text cannot reach the terminal raw.
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {sanitize} from '../../model/sanitize.js';
import {columnSize, shareWidths} from './column-widths.js';
import {fit, fitMiddle} from './text.js';
import {useTheme} from '../theme.js';

export interface Column<Row> {
	id: string;
	header: string;
	/** The minimum width (raised to the header's length); content longer than it widens the column while there is room. */
	width: number;
	/** Growing columns take the space that no column's content needs; every column widens to its content first. */
	grow?: boolean;
	align?: 'left' | 'right';
	/** Columns with a higher number are dropped first when the terminal is narrow. */
	dropOrder?: number;
	/** 'middle': an overlong cell keeps its end (names that differ only at the end stay distinct). */
	ellipsis?: 'end' | 'middle';
	/** A row's text: from the row alone (the table keeps it per row; new columns when anything else it reads changes). */
	cell: (row: Row) => string;
}

const GAP = 1;

/**
 * Which columns fit in `width`, and how wide each one is. `longest` (per column id) is the longest cell
 * of the rows shown: room beyond the minimums goes to content first (column-widths.ts), then to `grow`.
 */
export const layoutColumns = <Row,>(columns: Array<Column<Row>>, width: number, longest: ReadonlyMap<string, number> = new Map()): Array<Column<Row>> => {
	const minOf = (c: Column<Row>) => columnSize(c.width, c.header, 0).min;
	let shown = [...columns];
	const needed = (cols: Array<Column<Row>>) => cols.reduce((sum, c) => sum + minOf(c), 0) + GAP * (cols.length - 1);
	while (shown.length > 1 && needed(shown) > width) {
		const droppable = shown.filter(c => c.dropOrder !== undefined);
		if (droppable.length === 0) break;
		const drop = droppable.reduce((a, b) => (b.dropOrder! > a.dropOrder! ? b : a));
		shown = shown.filter(c => c !== drop);
	}
	const widths = shareWidths(
		shown.map(c => columnSize(c.width, c.header, longest.get(c.id) ?? 0, c.grow)),
		width - GAP * (shown.length - 1),
	);
	return shown.map((column, i) => ({...column, width: widths[i]!}));
};

/** The longest cell of each column over `rows`, each row's lengths read once per set of columns. */
const longestCells = <Row,>(columns: Array<Column<Row>>, rows: Row[], cache: WeakMap<object, number[]>): Map<string, number> => {
	const longest = columns.map(() => 0);
	for (const row of rows) {
		const cached = typeof row === 'object' && row !== null ? cache.get(row) : undefined;
		const lengths = cached ?? columns.map(column => Array.from(sanitize(column.cell(row))).length);
		if (!cached && typeof row === 'object' && row !== null) cache.set(row, lengths);
		lengths.forEach((length, i) => {
			if (length > longest[i]!) longest[i] = length;
		});
	}
	return new Map(columns.map((column, i) => [column.id, longest[i]!]));
};

const renderLine = <Row,>(columns: Array<Column<Row>>, cells: (column: Column<Row>) => string): string =>
	columns
		.map(column => (column.ellipsis === 'middle' ? fitMiddle : fit)(sanitize(cells(column)), column.width, column.align))
		.join(' '.repeat(GAP));

export function Table<Row>(props: {
	columns: Array<Column<Row>>;
	rows: Row[];
	rowKey: (row: Row) => string;
	cursor: number;
	top: number;
	/** Rows of data to show (the header takes one more line). */
	height: number;
	width: number;
	focused: boolean;
	emptyText?: string;
}) {
	const theme = useTheme();
	// Two columns for the cursor marker, so the selection shows even without colour.
	const lengths = useMemo(() => new WeakMap<object, number[]>(), [props.columns]);
	const longest = useMemo(() => longestCells(props.columns, props.rows, lengths), [props.columns, props.rows, lengths]);
	const columns = useMemo(() => layoutColumns(props.columns, props.width - 2, longest), [props.columns, props.width, longest]);
	// A row's text is laid out once per column layout: a key press re-renders only what moved.
	const lines = useMemo(() => new WeakMap<object, string>(), [columns]);
	const lineOf = (row: Row) => {
		if (typeof row !== 'object' || row === null) return renderLine(columns, column => column.cell(row));
		let line = lines.get(row);
		if (line === undefined) lines.set(row, (line = renderLine(columns, column => column.cell(row))));
		return line;
	};
	const visible = props.rows.slice(props.top, props.top + Math.max(1, props.height));
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{'  ' + renderLine(columns, column => column.header)}
			</Text>
			{visible.length === 0 ? (
				<Text dimColor={theme.muted} wrap="truncate-end">
					{props.emptyText ?? 'Nothing to show.'}
				</Text>
			) : (
				visible.map((row, offset) => {
					const selected = props.top + offset === props.cursor;
					return (
						<Text key={props.rowKey(row)} inverse={selected && props.focused && theme.selection} bold={selected} wrap="truncate-end">
							{(selected ? '› ' : '  ') + lineOf(row)}
						</Text>
					);
				})
			)}
		</Box>
	);
}
