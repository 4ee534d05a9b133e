// A form of one-line fields for the write wizards: ↑↓ or tab move between fields, enter goes to the
// next field and submits on the last one, esc cancels. Each field shows its hint and its error.
import {Box, Text} from 'ink';
import {useState} from 'react';
import {sanitize} from '../../model/sanitize.js';
import {TextField} from '../components/TextField.js';
import {ToneText} from '../components/ToneText.js';
import {truncate} from '../components/text.js';
import {useFieldCycle} from '../components/use-field-step.js';
import {useFooterScope} from '../hooks/footer-scope.js';
import {FieldRow, labelColumn} from './form-fields.js';
import type {FieldErrors, FieldValues, WizardField} from './policy-wizard.js';

export function WizardForm(props: {
	title: string;
	fields: WizardField[];
	values: FieldValues;
	errors: FieldErrors;
	/** A problem that belongs to no single field (e.g. IAM would refuse the plan). */
	formError?: string;
	onChange: (id: string, value: string) => void;
	/** Enter on the last field: returns the field to go back to when something is wrong. */
	onSubmit: () => string | undefined;
	onCancel: () => void;
	focused: boolean;
	width: number;
}) {
	const {fields} = props;
	const [active, setActive] = useState(0);
	useFooterScope('form', props.focused);
	useFieldCycle(setActive, fields.length, props.focused);
	const submit = () => {
		if (active < fields.length - 1) return setActive(active + 1);
		const wrong = props.onSubmit();
		const position = wrong === undefined ? -1 : fields.findIndex(f => f.id === wrong);
		if (position >= 0) setActive(position);
	};
	const labelWidth = labelColumn(fields.map(f => f.label), props.width);
	const line = (text: string) => truncate(sanitize(text), Math.max(1, props.width - 4));
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{line(props.title)}
			</Text>
			{fields.map((field, position) => (
				<FieldRow key={field.id} label={field.label} labelWidth={labelWidth} active={position === active} problem={props.errors[field.id]} hint={field.hint}>
					<TextField
						value={props.values[field.id] ?? ''}
						onChange={value => props.onChange(field.id, value)}
						onSubmit={submit}
						onCancel={props.onCancel}
						focused={props.focused && position === active}
						{...(field.placeholder ? {placeholder: field.placeholder} : {})}
					/>
				</FieldRow>
			))}
			{props.formError ? <ToneText tone="error" wrap="wrap">{sanitize(props.formError)}</ToneText> : null}
			<ToneText tone="muted" wrap="truncate-end">
				↑↓/tab field · enter next, on the last field continue · esc back
			</ToneText>
		</Box>
	);
}
