import {Text} from 'ink';
import {commandsFor, type ScreenId} from '../keymap.js';
import {truncate} from './text.js';

/** One line of "key label" pairs from the keymap, for the current screen. */
export function Footer(props: {screen: ScreenId | undefined; readOnly: boolean; width: number}) {
	const text = commandsFor(props.screen, {readOnly: props.readOnly})
		.filter(cmd => cmd.footer)
		.map(cmd => `${cmd.keys[0]} ${cmd.label}`)
		.join('  ');
	return (
		<Text dimColor wrap="truncate-end">
			{truncate(text, props.width)}
		</Text>
	);
}
