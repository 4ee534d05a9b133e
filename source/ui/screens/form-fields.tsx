// Pieces the write forms share: a labelled row with its problem under it, and a choice shown as its current value.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {sanitize} from '../../model/sanitize.js';

export const LABEL_WIDTH = 22;

export function FieldRow(props: {label: string; active: boolean; problem?: string; children: ReactNode}) {
	return (
		<Box flexDirection="column">
			<Box>
				<Text color={props.active ? 'cyan' : undefined} bold={props.active}>
					{`${props.active ? '›' : ' '} ${props.label.padEnd(LABEL_WIDTH)}`}
				</Text>
				{props.children}
			</Box>
			{props.problem ? <Text color="red" wrap="wrap">{`    ${sanitize(props.problem)}`}</Text> : null}
		</Box>
	);
}

/** A choice: its value, and how to change it while selected. */
export function ChoiceValue(props: {text: string; active: boolean}) {
	return (
		<Text>
			{sanitize(props.text)}
			{props.active ? <Text dimColor>{'  (space changes)'}</Text> : null}
		</Text>
	);
}

