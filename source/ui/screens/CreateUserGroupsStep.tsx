// The create-user wizard's groups step: the account's groups with what each carries, a cursor, `/` to
// keep only the groups whose name or policies hold the text, and a ✓ on the marked ones. The state lives
// in useGroupsStep so the wizard's one command table (↑↓, space, /, esc) can drive it.
import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import type {SnapshotIndex} from '../../model/indexes.js';
import {FilterBar} from '../components/FilterBar.js';
import {clamp, windowTop} from '../components/list-window.js';
import {fitMiddle} from '../components/text.js';
import {ToneText} from '../components/ToneText.js';
import {useTheme} from '../theme.js';

interface GroupRow {
	name: string;
	/** The policies the group carries, or "no policies". */
	detail: string;
}

export type GroupsStepState = ReturnType<typeof useGroupsStep>;

/** The groups list, its filter and its cursor; `height` is the wizard's. */
export function useGroupsStep(index: SnapshotIndex, height: number) {
	const [position, setPosition] = useState({cursor: 0, top: 0});
	// `/` on the groups step: only the groups whose name or policies hold the text (marks are kept).
	const [query, setQuery] = useState('');
	const [filtering, setFiltering] = useState(false);
	const rows = useMemo<GroupRow[]>(
		() =>
			index.snapshot.groups.map(g => {
				const carried = [...g.attachedPolicies.map(p => p.name), ...g.inlinePolicies.map(p => `${p.name} (inline)`)];
				return {name: g.name, detail: carried.length > 0 ? carried.join(', ') : 'no policies'};
			}),
		[index],
	);
	const order = useMemo(() => rows.map(r => r.name), [rows]);
	const shown = useMemo(() => {
		const q = query.toLowerCase();
		return q ? rows.filter(r => r.name.toLowerCase().includes(q) || r.detail.toLowerCase().includes(q)) : rows;
	}, [rows, query]);
	const filterShown = filtering || query !== '';
	const listHeight = Math.max(1, height - 6 - (filterShown ? 1 : 0));
	const cursor = clamp(position.cursor, 0, Math.max(0, shown.length - 1));
	return {
		rows,
		/** The account's order, which the marked groups keep. */
		order,
		shown,
		query,
		filtering,
		filterShown,
		listHeight,
		cursor,
		top: clamp(windowTop(position.top, cursor, listHeight, shown.length), 0, Math.max(0, shown.length - listHeight)),
		/** The group under the cursor, if any is shown. */
		current: shown[cursor],
		move: (delta: number) =>
			setPosition(current => {
				const next = clamp(current.cursor + delta, 0, Math.max(0, shown.length - 1));
				return {cursor: next, top: windowTop(current.top, next, listHeight, shown.length)};
			}),
		startFilter: () => setFiltering(true),
		setQuery: (value: string) => {
			setQuery(value);
			setPosition({cursor: 0, top: 0});
		},
		/** esc with a filter: the whole list again, the cursor where it is. */
		dropQuery: () => setQuery(''),
		stopFilter: () => setFiltering(false),
		clearFilter: () => {
			setQuery('');
			setFiltering(false);
		},
	};
}

export function CreateUserGroupsStep(props: {
	groups: GroupsStepState;
	marked: string[];
	/** Why the step cannot go on, once it should be said. */
	problem: string | undefined;
	focused: boolean;
	width: number;
	line: (content: string) => string;
}) {
	const theme = useTheme();
	const {groups, line} = props;
	// A long name keeps its end (names may differ only there); the policies get what is left.
	const longest = Math.max(0, ...groups.rows.map(row => Array.from(row.name).length));
	const nameWidth = Math.max(24, Math.min(longest, props.width - 1 - 4 - 1 - 16));
	return (
		<Box flexDirection="column">
			<ToneText tone="muted">{line(`Marked: ${props.marked.join(', ') || 'none'} · space marks, ↑↓ move, enter shows the plan`)}</ToneText>
			{groups.filterShown ? (
				<FilterBar
					value={groups.query}
					editing={groups.filtering && props.focused}
					matches={groups.shown.length}
					total={groups.rows.length}
					onChange={groups.setQuery}
					onDone={groups.stopFilter}
					onClear={groups.clearFilter}
				/>
			) : null}
			{groups.rows.length === 0 ? <ToneText tone="muted">This account has no groups.</ToneText> : null}
			{groups.shown.slice(groups.top, groups.top + groups.listHeight).map((row, n) => {
				const selected = groups.top + n === groups.cursor;
				const mark = props.marked.includes(row.name) ? '✓' : ' ';
				return (
					<Text key={row.name} inverse={selected && props.focused && theme.selection} wrap="truncate-end">
						{line(`${selected ? '›' : ' '} ${mark} ${fitMiddle(row.name, nameWidth)} ${row.detail}`)}
					</Text>
				);
			})}
			{props.problem ? <ToneText tone="error">{line(props.problem)}</ToneText> : null}
		</Box>
	);
}
