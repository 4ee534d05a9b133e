// A labelled one-line field over a screen (the request context on the Access view, the audit role on
// :accounts): enter hands the text to `submit`, which applies it or returns what is wrong with it; the
// problem stays under the field (the text with it, to fix), else a hint. The footer shows the field's keys.
import {Box} from 'ink';
import {useState} from 'react';
import {useFooterScope} from '../hooks/footer-scope.js';
import {FieldRow, labelColumn} from '../screens/form-fields.js';
import {TextField} from './TextField.js';
import {ToneText} from './ToneText.js';
import {truncate} from './text.js';

/** Applies the value, or says what is wrong with it (then the field stays open). */
export type LineSubmit = (value: string) => string | undefined | Promise<string | undefined>;

export function LineField(props: {label: string; initial: string; placeholder: string; hint: string; active: boolean; width: number; submit: LineSubmit; onCancel: () => void}) {
	const [text, setText] = useState(props.initial);
	const [error, setError] = useState<string | undefined>();
	const [checking, setChecking] = useState(false);
	useFooterScope('field', props.active);
	const submit = (value: string) => {
		setChecking(true);
		void Promise.resolve(props.submit(value)).then(problem => {
			setChecking(false);
			setError(problem);
		});
	};
	const width = Math.max(1, props.width);
	return (
		<Box flexDirection="column">
			<FieldRow label={props.label} labelWidth={labelColumn([props.label], width)} active={props.active}>
				<TextField
					value={text}
					onChange={value => {
						setText(value);
						setError(undefined);
					}}
					onSubmit={submit}
					onCancel={props.onCancel}
					focused={props.active && !checking}
					placeholder={props.placeholder}
				/>
			</FieldRow>
			{error ? (
				<ToneText tone="error" wrap="truncate-end">{truncate(error, width)}</ToneText>
			) : (
				<ToneText tone="muted" wrap="truncate-end">{truncate(props.hint, width)}</ToneText>
			)}
		</Box>
	);
}
