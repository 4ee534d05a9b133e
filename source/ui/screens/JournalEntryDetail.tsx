// One journal entry in full (enter on a `:journal` row): every field the line holds, wrapped rather than
// cut, so a long target or caller ARN can be read whole. esc goes back to the list where it was.
import {Box, Text} from 'ink';
import type {JournalEntry} from '../../model/plans/execute.js';
import {outcomeLabel} from '../../model/plans/journal-plans.js';
import {sanitize} from '../../model/sanitize.js';
import {useFooterScope} from '../hooks/footer-scope.js';
import {useCommands} from '../hooks/keyboard.js';
import {useTheme} from '../theme.js';

const LABEL = 12;

/** The entry's fields as label/value pairs, absent ones left out. */
export const journalEntryFields = (entry: JournalEntry, resolved: ReadonlySet<string>): Array<[string, string]> => {
	const fields: Array<[string, string | null | undefined]> = [
		['Time (UTC)', entry.time],
		['Operation', entry.operation],
		['Outcome', outcomeLabel(entry, resolved)],
		['Error code', entry.errorCode],
		...Object.entries(entry.target).map(([field, value]): [string, string] => [field, String(value)]),
		['Profile', entry.profile],
		['Account', entry.account],
		['Caller', entry.callerArn],
		['Plan', entry.planId],
		['Step', entry.step === undefined ? undefined : String(entry.step + 1)],
		['Sent by', entry.by === 'reconcile' ? 'reconcile (clean-up inside the step)' : undefined],
		['Resolves', entry.resolves],
	];
	return fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== null && f[1] !== '');
};

export function JournalEntryDetail(props: {entry: JournalEntry; resolved: ReadonlySet<string>; onBack: () => void; focused: boolean; width: number}) {
	const theme = useTheme();
	// Its own scope: the list's keys (enter, /, t) do nothing here, so the footer does not offer them.
	useCommands('journal-entry', {back: props.onBack}, props.focused);
	useFooterScope('journal-entry', props.focused);
	const valueWidth = Math.max(10, props.width - LABEL - 2);
	return (
		<Box flexDirection="column">
			<Text bold>Journal entry</Text>
			{journalEntryFields(props.entry, props.resolved).map(([label, value]) => (
				<Box key={label}>
					<Box width={LABEL + 2} flexShrink={0}>
						<Text dimColor={theme.muted}>{label}</Text>
					</Box>
					<Box width={valueWidth}>
						<Text wrap="wrap">{sanitize(value)}</Text>
					</Box>
				</Box>
			))}
			<Text dimColor={theme.muted}>esc back to the journal</Text>
		</Box>
	);
}
