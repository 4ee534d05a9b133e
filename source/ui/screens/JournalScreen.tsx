// `:journal`: the audit journal, newest first — time, operation, target, outcome, error code — and
// who acted (profile, caller). Filter with `/` like the other lists. Read when the screen opens.
// `t` on an UNFINISHED row opens the take-back of its plan (ui/hooks/take-back.ts), in the normal plan
// confirmation; the key is dangerous, so a read-only session has none.
import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import {describeError} from '../../model/errors.js';
import type {JournalEntry} from '../../model/plans/execute.js';
import {outcomeLabel, resolvedPlanIds, targetWords} from '../../model/plans/journal-plans.js';
import {sanitize} from '../../model/sanitize.js';
import type {Column} from '../components/Table.js';
import {JournalEntryDetail} from './JournalEntryDetail.js';
import {ListScreen} from './ListScreen.js';
import {fitRows, wrapText} from '../components/text.js';
import {useTheme} from '../theme.js';

export interface JournalRow {
	key: string;
	time: string;
	operation: string;
	target: string;
	/** ok, failed, refused; UNFINISHED for a request whose outcome was never recorded. */
	outcome: string;
	errorCode: string;
	who: string;
	/** The plan of an UNFINISHED row (what `t` takes back). */
	unfinishedPlan?: string;
}

/** 2024-06-01T12:00:00.000Z → 2024-06-01 12:00:00 (UTC, as written). */
const shortTime = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');

const targetText = (target: JournalEntry['target']): string =>
	Object.entries(target)
		.map(([field, value]) => `${field}=${value}`)
		.join(' ');

/** Newest first; entries with the same time keep the reverse of the order they were written in. */
export const journalRows = (entries: JournalEntry[]): JournalRow[] => {
	const resolved = resolvedPlanIds(entries);
	return entries
		.map((entry, position) => ({entry, position}))
		.sort((a, b) => b.entry.time.localeCompare(a.entry.time) || b.position - a.position)
		.map(({entry, position}) => ({
			...(outcomeLabel(entry, resolved) === 'UNFINISHED' && entry.planId ? {unfinishedPlan: entry.planId} : {}),
			key: String(position),
			time: shortTime(entry.time),
			operation: entry.operation.replace(/^iam(tui)?:/, ''),
			target: [targetText(entry.target), targetWords(entry)].filter(Boolean).join(' '),
			outcome: outcomeLabel(entry, resolved),
			errorCode: entry.errorCode ?? '',
			who: [entry.profile, entry.callerArn].filter(Boolean).join(' '),
		}));
};

export const filterJournalRows = (rows: JournalRow[], query: string): JournalRow[] => {
	const q = query.trim().toLowerCase();
	return q ? rows.filter(r => [r.time, r.operation, r.target, r.outcome, r.errorCode, r.who].some(text => text.toLowerCase().includes(q))) : rows;
};

const columns: Array<Column<JournalRow>> = [
	{id: 'time', header: 'TIME (UTC)', width: 19, cell: r => r.time},
	{id: 'operation', header: 'OPERATION', width: 22, cell: r => r.operation},
	{id: 'target', header: 'TARGET', width: 20, grow: true, cell: r => r.target},
	{id: 'outcome', header: 'OUTCOME', width: 10, cell: r => r.outcome},
	{id: 'error', header: 'ERROR', width: 14, dropOrder: 2, cell: r => r.errorCode},
	{id: 'who', header: 'WHO', width: 14, grow: true, dropOrder: 1, cell: r => r.who},
];

/** At most this many rows of notice above the list; a longer one ends in "…" on its last row. */
const NOTICE_ROWS = 4;


export function JournalScreen(props: {
	/** Reads the journal (oldest first, as stored). */
	read: () => JournalEntry[];
	onBack?: () => void;
	/** Opens the take-back of an unfinished plan; resolves to a line to show when none opens. */
	onTakeBack?: (planId: string) => Promise<string | undefined>;
	focused: boolean;
	width: number;
	height: number;
}) {
	const theme = useTheme();
	const [said, setSaid] = useState<string | undefined>(undefined);
	const load = (): {entries: JournalEntry[]; error?: string} => {
		try {
			return {entries: props.read()};
		} catch (error) {
			return {entries: [], error: describeError(error)};
		}
	};
	const [read, setRead] = useState(load);
	// Back from a take-back (the screen stays mounted under it): read again, so the plan reads resolved.
	const [wasFocused, setWasFocused] = useState(props.focused);
	if (wasFocused !== props.focused) {
		setWasFocused(props.focused);
		if (props.focused) {
			setRead(load());
			setSaid(undefined);
		}
	}
	const rows = useMemo(() => journalRows(read.entries), [read.entries]);
	const resolved = useMemo(() => resolvedPlanIds(read.entries), [read.entries]);
	// enter opens a row in full; the list stays mounted (hidden) so its filter and cursor are kept.
	const [opened, setOpened] = useState<JournalEntry | undefined>(undefined);
	const takeBack = (row: JournalRow | undefined) => {
		if (!row?.unfinishedPlan) return setSaid('Only an UNFINISHED row can be taken back: pick a row whose outcome reads UNFINISHED.');
		setSaid(`Reading what plan ${row.unfinishedPlan} left in the account…`);
		void props.onTakeBack?.(row.unfinishedPlan).then(setSaid, (error: unknown) => setSaid(describeError(error)));
	};
	const notice = read.error ? `The journal could not be read: ${read.error}` : said;
	// A take-back's answer can be long (each step of a person's Identity Center removals): wrapped, not cut.
	const noticeRows = notice ? fitRows(wrapText(sanitize(notice), props.width), NOTICE_ROWS) : [];
	return (
		<Box flexDirection="column">
			{opened ? <JournalEntryDetail entry={opened} resolved={resolved} onBack={() => setOpened(undefined)} focused={props.focused} width={props.width} /> : null}
			<Box display={opened ? 'none' : 'flex'} flexDirection="column">
				<ListScreen
					scope="journal"
					title="Journal: every write attempt, newest first"
					rows={rows}
					rowKey={r => r.key}
					columns={columns}
					filter={filterJournalRows}
					{...(noticeRows.length > 0
						? {
								notice: (
									<Box flexDirection="column">
										{noticeRows.map((row, n) => (
											<Text key={n} color={read.error ? theme.error : theme.warning} wrap="truncate-end">
												{row}
											</Text>
										))}
									</Box>
								),
								noticeLines: noticeRows.length,
							}
						: {})}
					{...(props.onTakeBack ? {actions: {'take-back': takeBack}} : {})}
					{...(props.onBack ? {onBack: props.onBack} : {})}
					onOpen={row => setOpened(read.entries[Number(row.key)])}
					emptyText="No write has been attempted with iamtui yet."
					focused={props.focused && !opened}
					width={props.width}
					height={props.height}
				/>
			</Box>
		</Box>
	);
}
