// Pieces the write forms share: a labelled row with its problem under it, a password input that shows
// bullets (never the text), and a choice shown as its current value.
import {Box, Text} from 'ink';
import {useRef, type ReactNode} from 'react';
import {sanitize} from '../../model/sanitize.js';
import {PASS, priority, useKeys} from '../state/keyboard.js';

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

/**
 * A password input: keys edit the value like TextField, but the screen shows one bullet per character.
 * Arrows and tab pass to the form.
 */
export function MaskedField(props: {
	value: string;
	onChange: (value: string) => void;
	onSubmit?: () => void;
	onCancel?: () => void;
	focused: boolean;
	placeholder?: string;
}) {
	// Keys can arrive faster than renders: edit the latest value, not the one this render saw.
	const latest = useRef(props.value);
	latest.current = props.value;
	const change = (value: string) => {
		latest.current = value;
		props.onChange(value);
	};
	useKeys(
		(input, key) => {
			if (key.return) props.onSubmit?.();
			else if (key.escape) props.onCancel?.();
			else if (key.backspace || key.delete) change(Array.from(latest.current).slice(0, -1).join(''));
			else if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab) return PASS;
			else if (key.ctrl && input === 'u') change('');
			else if (!key.ctrl && !key.meta && input) change(latest.current + input);
		},
		{active: props.focused, priority: priority.text},
	);
	const bullets = '•'.repeat(Array.from(props.value).length);
	return (
		<Text>
			{bullets}
			{props.focused ? <Text inverse> </Text> : null}
			{!bullets && props.placeholder && props.focused ? <Text dimColor>{props.placeholder}</Text> : null}
		</Text>
	);
}
