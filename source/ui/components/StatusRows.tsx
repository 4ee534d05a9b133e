// A plan screen's status (what to do next) in bold, wrapped to the width instead of cut: at 80 columns its
// end — how to confirm, that esc sends nothing — matters most. Red while it asks for a confirmation.
import {Text} from 'ink';
import {sanitize} from '../../model/sanitize.js';
import {wrapText} from './text.js';
import {useTheme} from '../theme.js';

/** The status's rows (callers size the rest of the screen by how many there are). */
export const statusRows = (status: string, width: number): string[] => wrapText(sanitize(status), width);

export function StatusRows(props: {rows: string[]; alarm: boolean}) {
	const theme = useTheme();
	return (
		<>
			{props.rows.map((row, n) => (
				<Text key={`status-${n}`} bold color={props.alarm ? theme.error : undefined} wrap="truncate-end">
					{row}
				</Text>
			))}
		</>
	);
}
