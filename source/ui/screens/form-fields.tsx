// Pieces the write forms share: a labelled row with its problem (or hint) under it, and a choice shown
// as its current value. Every form lays its labels out through FieldRow: the label has a column of its
// own and the value the rest, so neither a long label nor a long value can run into the other.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {sanitize} from '../../model/sanitize.js';
import {ToneText} from '../components/ToneText.js';

export const LABEL_WIDTH = 22;
/** The selection mark before the label, and the gap between label and value. */
const MARK = 2;
const GAP = 2;

/**
 * The label column of a form: as wide as its longest label, but at most 40% of the screen, so the
 * value keeps most of an 80-column line; a label longer than that wraps inside its column.
 */
export const labelColumn = (labels: readonly string[], width?: number): number => {
	const longest = Math.max(1, ...labels.map(label => Array.from(label).length));
	return width === undefined ? longest : Math.max(8, Math.min(longest, Math.floor(width * 0.4)));
};

export function FieldRow(props: {
	label: string;
	active: boolean;
	problem?: string | undefined;
	/** Shown dim under the row while it is active and has no problem. */
	hint?: string | undefined;
	/** From labelColumn over the form's labels (all rows of a form share it); LABEL_WIDTH if not given. */
	labelWidth?: number;
	children: ReactNode;
}) {
	const labelWidth = props.labelWidth ?? LABEL_WIDTH;
	const tone = props.active ? 'focus' : undefined;
	return (
		<Box flexDirection="column">
			<Box>
				<Box width={MARK} flexShrink={0}>
					<ToneText tone={tone}>{props.active ? '›' : ' '}</ToneText>
				</Box>
				<Box width={labelWidth} flexShrink={0} marginRight={GAP}>
					<ToneText tone={tone} wrap="wrap">
						{sanitize(props.label)}
					</ToneText>
				</Box>
				<Box flexGrow={1} flexShrink={1}>
					{props.children}
				</Box>
			</Box>
			{/* Indented as a block: a problem or hint that wraps keeps its margin on every line. */}
			{props.problem ? (
				<Box paddingLeft={4}>
					<ToneText tone="error" wrap="wrap">
						{sanitize(props.problem)}
					</ToneText>
				</Box>
			) : props.active && props.hint ? (
				<Box paddingLeft={4}>
					<ToneText tone="muted" wrap="wrap">
						{sanitize(props.hint)}
					</ToneText>
				</Box>
			) : null}
		</Box>
	);
}

/** A choice: its value, and how to change it while selected. */
export function ChoiceValue(props: {text: string; active: boolean}) {
	return (
		<Text>
			{sanitize(props.text)}
			{props.active ? <ToneText tone="muted">{'  (space changes)'}</ToneText> : null}
		</Text>
	);
}
