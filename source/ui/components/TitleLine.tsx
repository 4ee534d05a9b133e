// A detail screen's first row: the name in bold, then its badges and hints. Always one row, since the list below
// is sized for one (a hint wrapping onto a second row made Ink draw two lines on the same row); a name too long
// keeps its start and its end, since IAM names may differ only at the end, and the badges stay whole.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';

export function TitleLine(props: {text: string; children?: ReactNode}) {
	return (
		<Box height={1}>
			<Text bold wrap="truncate-middle">
				{props.text}
			</Text>
			<Box flexShrink={0}>{props.children}</Box>
		</Box>
	);
}
