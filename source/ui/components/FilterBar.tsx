import {Box, Text} from 'ink';
import {TextField} from './TextField.js';
import {useFooterScope} from '../hooks/footer-scope.js';
import {useTheme} from '../theme.js';

/** The `/` filter: edited as you type; stays visible (not editing) while a filter applies. */
export function FilterBar(props: {
	value: string;
	editing: boolean;
	matches: number;
	total: number;
	onChange: (value: string) => void;
	onDone: () => void;
	onClear: () => void;
}) {
	const theme = useTheme();
	useFooterScope('filter', props.editing);
	return (
		<Box>
			<Text color={theme.accent}>/</Text>
			<TextField
				value={props.value}
				onChange={props.onChange}
				onSubmit={props.onDone}
				onCancel={props.onClear}
				focused={props.editing}
				placeholder="type to filter"
			/>
			<Text dimColor={theme.muted} wrap="truncate-end">
				{`  ${props.matches} of ${props.total}` + (props.editing ? ' · enter keep · esc clear' : ' · esc clears')}
			</Text>
		</Box>
	);
}
