import {Box, Text} from 'ink';
import {useState} from 'react';
import {sanitize} from '../../model/sanitize.js';
import {TextField} from './TextField.js';
import {useTheme} from '../theme.js';

/** Asks for the code of an MFA device (assume-role profiles with mfa_serial). */
export function MfaPrompt(props: {serial: string; onSubmit: (code: string) => void; onCancel: () => void}) {
	const theme = useTheme();
	const [code, setCode] = useState('');
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold wrap="truncate-end">
				MFA code needed
			</Text>
			<Text wrap="truncate-end">{`Device: ${sanitize(props.serial)}`}</Text>
			<Box>
				<Text>Code: </Text>
				<TextField
					value={code}
					onChange={value => setCode(value.replace(/\D/g, '').slice(0, 6))}
					onSubmit={value => value && props.onSubmit(value)}
					onCancel={props.onCancel}
					focused
				/>
			</Box>
			<Text dimColor={theme.muted} wrap="truncate-end">
				enter send · esc cancel
			</Text>
		</Box>
	);
}
