// A one-line text input we control fully: printable keys append, backspace deletes, enter submits,
// esc cancels. Arrows and tab are left to the parent (forms move between fields with them). With `mask`
// (a password) the screen shows one bullet per character, never the text.
import {Text} from 'ink';
import {useRef} from 'react';
import {sanitize} from '../../model/sanitize.js';
import {useFooterTyping} from '../hooks/footer-scope.js';
import {PASS, priority, useKeys} from '../hooks/keyboard.js';
import {useTheme} from '../theme.js';

export function TextField(props: {
	value: string;
	onChange: (value: string) => void;
	onSubmit?: (value: string) => void;
	onCancel?: () => void;
	focused: boolean;
	placeholder?: string;
	mask?: boolean;
}) {
	const theme = useTheme();
	// Keys can arrive faster than renders: edit the latest value, not the one this render saw.
	const latest = useRef(props.value);
	latest.current = props.value;
	const change = (value: string) => {
		latest.current = value;
		props.onChange(value);
	};
	// While it has the keys, the footer leaves out the keys that type a character.
	useFooterTyping(props.focused);
	// Takes every key while focused (so `q` types a q), except arrows and tab, which a form may want.
	useKeys(
		(input, key) => {
			if (key.return) props.onSubmit?.(latest.current);
			else if (key.escape) props.onCancel?.();
			else if (key.backspace || key.delete) change(Array.from(latest.current).slice(0, -1).join(''));
			else if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab) return PASS;
			else if (key.ctrl && input === 'u') change('');
			else if (!key.ctrl && !key.meta && input) change(latest.current + sanitize(input));
		},
		{active: props.focused, priority: priority.text},
	);
	if (!props.value && props.placeholder && props.focused)
		return (
			<Text>
				<Text inverse={theme.cursor}> </Text>
				<Text dimColor={theme.muted}>{props.placeholder}</Text>
			</Text>
		);
	return (
		<Text>
			{props.mask ? '•'.repeat(Array.from(props.value).length) : sanitize(props.value)}
			{props.focused ? <Text inverse={theme.cursor}> </Text> : null}
		</Text>
	);
}
