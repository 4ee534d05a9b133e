// A user at IAM's two-key limit asked for a new key: say so (IAM's LimitExceeded, with the oldest
// key's age and last use) and offer the two ways out. Choosing one shows its plan; nothing is sent here.
import {Box, Text} from 'ink';
import {useState} from 'react';
import {sanitize} from '../../model/sanitize.js';
import {truncate} from '../components/text.js';
import {fieldStepCommands} from '../components/use-field-step.js';
import {useCommands} from '../hooks/keyboard.js';
import {useTheme} from '../theme.js';

export interface KeyLimitOption {
	label: string;
	detail: string;
}

export function KeyLimitChoice(props: {
	user: string;
	/** The refusal, as the plan builder words it. */
	message: string;
	hint: string;
	options: KeyLimitOption[];
	onChoose: (option: number) => void;
	onBack: () => void;
	focused: boolean;
	width: number;
}) {
	const theme = useTheme();
	const [selected, setSelected] = useState(0);
	const count = props.options.length;
	useCommands(
		'wizard',
		{
			...fieldStepCommands(setSelected, count),
			'form-next': () => props.onChoose(selected),
			'form-back': props.onBack,
		},
		props.focused,
	);
	const line = (text: string) => truncate(sanitize(text), Math.max(1, props.width - 1));
	return (
		<Box flexDirection="column">
			<Text bold>{line(`New access key for ${props.user}`)}</Text>
			<Text color={theme.warning} wrap="wrap">
				{sanitize(`LimitExceeded: ${props.message}`)}
			</Text>
			<Text dimColor={theme.muted} wrap="wrap">
				{sanitize(props.hint)}
			</Text>
			<Text> </Text>
			{props.options.map((option, n) => (
				<Box key={option.label} flexDirection="column">
					<Text inverse={n === selected && props.focused && theme.selection} bold={n === selected}>
						{line(`${n === selected ? '›' : ' '} ${option.label}`)}
					</Text>
					<Text dimColor={theme.muted} wrap="wrap">{`    ${sanitize(option.detail)}`}</Text>
				</Box>
			))}
			<Text> </Text>
			<Text dimColor={theme.muted}>{line('↑↓ choose · enter shows the plan · esc cancels (nothing is sent)')}</Text>
		</Box>
	);
}
