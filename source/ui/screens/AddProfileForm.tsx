// Name, region, endpoint: ↑↓ or tab move between fields, enter on the last field saves, esc cancels.
import {Box, Text} from 'ink';
import {useState} from 'react';
import type {StoredProfile} from '../../store/config.js';
import {TextField} from '../components/TextField.js';
import {ToneText} from '../components/ToneText.js';
import {useFieldCycle} from '../components/use-field-step.js';
import {useFooterScope} from '../hooks/footer-scope.js';
import {FieldRow, labelColumn} from './form-fields.js';
import {validateProfile, type ProfileField, type ProfileInput} from './profile-form.js';

const fields: Array<{id: ProfileField; label: string; placeholder: string}> = [
	{id: 'name', label: 'Name', placeholder: 'e.g. prod'},
	{id: 'region', label: 'Region', placeholder: 'optional, e.g. us-east-1'},
	{id: 'endpoint', label: 'Endpoint', placeholder: 'optional, e.g. http://127.0.0.1:5000'},
];
const labelWidth = labelColumn(fields.map(f => f.label));

export function AddProfileForm(props: {
	onSave: (profile: StoredProfile) => string | undefined;
	/** The profiles of ~/.aws/config and ~/.aws/credentials, where the keys live (iamtui stores none). */
	awsProfiles?: string[];
	onCancel: () => void;
	focused: boolean;
}) {
	const [input, setInput] = useState<ProfileInput>({name: '', region: '', endpoint: ''});
	const [active, setActive] = useState(0);
	const [errors, setErrors] = useState<Partial<Record<ProfileField | 'save', string>>>({});
	useFooterScope('form', props.focused);

	useFieldCycle(setActive, fields.length, props.focused);

	const submit = () => {
		if (active < fields.length - 1) {
			setActive(active + 1);
			return;
		}
		const result = validateProfile(input);
		if (!result.ok) {
			setErrors(result.errors);
			setActive(fields.findIndex(f => result.errors[f.id]));
			return;
		}
		const failure = props.onSave(result.profile);
		if (failure) setErrors({save: failure});
	};

	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>Add a profile</Text>
			{fields.map((field, position) => (
				<Box key={field.id} flexDirection="column">
					<FieldRow label={field.label} labelWidth={labelWidth} active={position === active} problem={errors[field.id]}>
						<TextField
							value={input[field.id]}
							onChange={value => {
								setInput(current => ({...current, [field.id]: value}));
								setErrors(current => ({...current, [field.id]: undefined, save: undefined}));
							}}
							onSubmit={submit}
							onCancel={props.onCancel}
							focused={props.focused && position === active}
							placeholder={field.placeholder}
						/>
					</FieldRow>
					{field.id === 'name' && !errors.name ? <CredentialsNote name={input.name.trim()} awsProfiles={props.awsProfiles} /> : null}
				</Box>
			))}
			{errors.save ? <ToneText tone="error" wrap="truncate-end">{errors.save}</ToneText> : null}
			<ToneText tone="muted" wrap="truncate-end">
				↑↓ field · enter next/save · esc cancel
			</ToneText>
		</Box>
	);
}

/** Where the profile's keys will come from: iamtui stores none, so they must be in ~/.aws. */
function CredentialsNote(props: {name: string; awsProfiles: string[] | undefined}) {
	if (!props.name || !props.awsProfiles) return null;
	if (props.awsProfiles.includes(props.name)) return <ToneText tone="muted" wrap="truncate-end">{`  keys: [${props.name}] in ~/.aws`}</ToneText>;
	return (
		<ToneText tone="warning" wrap="truncate-end">
			{`  no [${props.name}] in ~/.aws yet: add its keys with aws configure --profile ${props.name} before switching (iamtui stores no keys)`}
		</ToneText>
	);
}
