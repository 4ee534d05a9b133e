import {Box, Text} from 'ink';
import {isIamError} from '../../model/errors.js';
import {sanitize} from '../../model/sanitize.js';
import {useTheme} from '../theme.js';

/** A failure with what to do next; never a stack trace. */
export function ErrorPanel(props: {title: string; error: unknown; actions?: string}) {
	const theme = useTheme();
	const {error} = props;
	const message = error instanceof Error ? error.message : String(error);
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold color={theme.error} wrap="truncate-end">
				{props.title}
			</Text>
			<Text wrap="wrap">{sanitize(isIamError(error) ? `${error.kind}: ${message}` : message)}</Text>
			{isIamError(error) && error.hint ? <Text color={theme.warning} wrap="wrap">{sanitize(error.hint)}</Text> : null}
			{props.actions ? (
				<Box marginTop={1}>
					<Text dimColor={theme.muted} wrap="truncate-end">
						{props.actions}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
