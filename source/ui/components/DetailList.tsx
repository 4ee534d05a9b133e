// A scrollable list of lines under section headings, for the detail screens. The cursor moves over
// every non-heading line; lines with an `open` action react to enter; tab jumps to the next section.
import {Box, Text} from 'ink';
import {useLayoutEffect, useMemo, useRef, useState} from 'react';
import {sanitize} from '../../model/sanitize.js';
import {useCommands} from '../hooks/keyboard.js';
import type {KeyScope} from '../key-scopes.js';
import type {CommandId} from '../keymap.js';
import {clamp, moveCursor, movementHandlers, windowTop} from './list-window.js';
import {truncate, truncateMiddle, wrapText} from './text.js';
import {useTheme} from '../theme.js';

export interface DetailLine {
	key: string;
	text: string;
	heading?: boolean;
	/** Greyed out: loading, empty sections, notes. */
	dim?: boolean;
	tone?: 'warning' | 'error';
	open?: () => void;
	/** The entity this line stands for (a group name, a member), for the screen's own commands. */
	value?: string;
	/** The section it belongs to ('groups', 'members'…). */
	section?: string;
	/** Marked with space, for commands on several lines. */
	marked?: boolean;
	/** Where the cursor goes if this line disappears under it (a grant line: its service's line). */
	anchor?: string;
}

export const heading = (key: string, text: string): DetailLine => ({key, text, heading: true});
export const note = (key: string, text: string, tone?: DetailLine['tone']): DetailLine => ({key, text, dim: !tone, tone});

/**
 * A line whose text is made when it is first drawn, then kept: the list reads `text` only for the rows on screen and
 * the selected one, and a who-can answer has tens of thousands of lines whose words need paths built first.
 */
export const drawnLine = (line: Omit<DetailLine, 'text'>, make: () => string): DetailLine => {
	let text: string | undefined;
	return {
		...line,
		get text() {
			return (text ??= make());
		},
	};
};

/** The selected line whole, wrapped into at most `rows` rows, when the list shows it cut; else nothing. */
const wholeRows = (line: DetailLine | undefined, width: number, rows: number): string[] => {
	if (!line || rows === 0) return [];
	const text = sanitize(line.text);
	// As the list cuts it: to the width less the cursor's two columns.
	if (Array.from(text).length <= Math.max(1, width - 2)) return [];
	const wrapped = wrapText(text.trim(), Math.max(1, width - 4), '  ').map(row => `  ${row}`);
	return wrapped.length > rows ? [...wrapped.slice(0, rows - 1), truncate(wrapped[rows - 1]!, Math.max(1, width - 1))] : wrapped;
};

/** The positions the cursor may stand on: every line but the headings. */
const selectableOf = (lines: DetailLine[]): number[] => {
	const positions: number[] = [];
	for (let position = 0; position < lines.length; position++) if (!lines[position]!.heading) positions.push(position);
	return positions;
};

export function DetailList(props: {
	scope: KeyScope;
	lines: DetailLine[];
	height: number;
	width: number;
	focused: boolean;
	onBack?: () => void;
	/** The screen's own commands, given the selected line. */
	actions?: Partial<Record<CommandId, (line: DetailLine | undefined) => void>>;
	/** The key of the line the cursor starts on (read once, when the list first renders). */
	initialKey?: string;
	/** A long list (the Access view's services, who-can's answers): its last row says where the cursor is. */
	position?: boolean;
	/**
	 * Rows kept below the list for the selected line when it is too long for the width (who-can's role
	 * paths): shown there whole, wrapped, so nothing the operator selects stays cut.
	 */
	wholeSelected?: number;
}) {
	const theme = useTheme();
	const {lines} = props;
	// Once per list, not per key: a who-can answer in a large account has tens of thousands of lines.
	const selectable = useMemo(() => selectableOf(lines), [lines]);
	const whole = props.wholeSelected !== undefined && props.height > props.wholeSelected + 3 ? props.wholeSelected : 0;
	const room = props.height - whole;
	const positioned = props.position === true && lines.length > room && room > 2;
	const height = Math.max(1, room - (positioned ? 1 : 0));
	const [state, setState] = useState(() => {
		const start = props.initialKey === undefined ? -1 : selectable.findIndex(position => lines[position]!.key === props.initialKey);
		if (start <= 0) return {cursor: 0, top: 0};
		const line = selectable[start]!;
		// Its heading in view too, as place() keeps it.
		const anchor = lines[line - 1]?.heading ? line - 1 : line;
		return {cursor: start, top: Math.min(anchor, windowTop(0, line, height, lines.length))};
	});
	// When the lines change under a still cursor (a service folds, the account reloads), the cursor stays on
	// the line it was on, or on that line's `anchor` (a folded service's own line) if it went away.
	const held = useRef<{cursor: number; key?: string; anchor?: string}>({cursor: -1});
	let cursor = clamp(state.cursor, 0, Math.max(0, selectable.length - 1));
	if (held.current.cursor === state.cursor && held.current.key !== undefined && lines[selectable[cursor] ?? -1]?.key !== held.current.key) {
		const found = [held.current.key, held.current.anchor].map(key => selectable.findIndex(position => lines[position]!.key === key)).find(at => at >= 0);
		if (found !== undefined) cursor = found;
	}
	useLayoutEffect(() => {
		const line = lines[selectable[cursor] ?? -1];
		held.current = {cursor, key: line?.key, anchor: line?.anchor};
		if (cursor !== state.cursor) setState(current => ({cursor, top: windowTop(current.top, selectable[cursor] ?? 0, height, lines.length)}));
	});

	// Updates start from the latest state, so keys arriving faster than renders all count.
	const place = (next: (cursor: number) => number) =>
		setState(current => {
			const from = clamp(current.cursor, 0, Math.max(0, selectable.length - 1));
			const nextCursor = clamp(next(from), 0, Math.max(0, selectable.length - 1));
			const line = selectable[nextCursor] ?? 0;
			// Keep the heading above the selected line in view.
			const anchor = line > 0 && lines[line - 1]?.heading ? line - 1 : line;
			let top = windowTop(current.top, line, height, lines.length);
			if (anchor < top) top = anchor;
			if (nextCursor === 0) top = 0;
			return {cursor: nextCursor, top};
		});

	// From the latest cursor, not this render's: tabs typed faster than renders each jump a section.
	const nextSection = () =>
		place(from => {
			const line = selectable[from] ?? 0;
			const nextHeading = lines.findIndex((l, position) => position > line && l.heading);
			const target = nextHeading < 0 ? 0 : selectable.findIndex(position => position > nextHeading);
			return target < 0 ? 0 : target;
		});

	const moves = movementHandlers(movement => place(from => moveCursor(from, movement, selectable.length, height - 1)));
	const selectedLine = selectable[cursor];
	const actions = Object.fromEntries(
		Object.entries(props.actions ?? {}).map(([id, action]) => [id, () => action?.(lines[selectedLine ?? -1])]),
	);
	useCommands(
		props.scope,
		{
			...moves,
			open: () => lines[selectable[cursor] ?? -1]?.open?.(),
			// Screens that unfold lines (the Access view) bind enter and → to expand instead of open.
			expand: () => lines[selectable[cursor] ?? -1]?.open?.(),
			back: props.onBack,
			'next-section': nextSection,
			...actions,
		},
		props.focused,
	);

	const top = clamp(state.top, 0, Math.max(0, lines.length - height));
	return (
		<Box flexDirection="column">
			{lines.slice(top, top + height).map((line, offset) => {
				const position = top + offset;
				const selected = position === selectedLine;
				// A line that is just a name keeps its end: IAM names may differ only there.
				const text = (line.value !== undefined && line.text === line.value ? truncateMiddle : truncate)(sanitize(line.text), Math.max(1, props.width - 2));
				if (line.heading)
					return (
						<Text key={line.key} bold color={theme.accent} wrap="truncate-end">
							{text}
						</Text>
					);
				return (
					<Text
						key={line.key}
						inverse={selected && props.focused && theme.selection}
						dimColor={line.dim && theme.muted}
						color={line.tone === undefined ? undefined : theme[line.tone]}
						wrap="truncate-end"
					>
						{(selected ? '› ' : '  ') + (line.marked ? '✓ ' : '') + text}
					</Text>
				);
			})}
			{positioned ? <Text dimColor={theme.muted}>{`  row ${cursor + 1}/${selectable.length}`}</Text> : null}
			{wholeRows(lines[selectedLine ?? -1], props.width, whole).map((row, n) => (
				<Text key={`whole-${n}`} dimColor={theme.muted} wrap="truncate-end">
					{row}
				</Text>
			))}
		</Box>
	);
}
