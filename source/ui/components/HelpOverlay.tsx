import {Box, Text} from 'ink';
import {commandLineEntries} from '../jump-targets.js';
import type {KeyScope} from '../key-scopes.js';
import {commandsFor} from '../keymap.js';
import {priority, useCommands} from '../hooks/keyboard.js';
import {fit} from './text.js';
import {scrollHandlers} from './list-window.js';
import {useListCursor} from './use-list-cursor.js';
import {useTheme} from '../theme.js';

/** Every key of the current screen and the global ones, from the keymap; scrolls in small terminals. */
export function HelpOverlay(props: {screen: KeyScope | undefined; readOnly: boolean; height: number; onClose: () => void}) {
	const theme = useTheme();
	const lines = [
		...commandsFor(props.screen, {readOnly: props.readOnly}).map(cmd => `${fit(cmd.keys.join(' '), 12)} ${cmd.description}`),
		...commandLineEntries.map(entry => `${fit(`:${entry.name}`, 12)} ${entry.description}`),
	];
	const visible = Math.max(1, props.height - 2);
	// The cursor drives scrolling only: put it just past the window's edge, so the window moves by `delta`.
	const list = useListCursor(lines.length, visible);
	useCommands(
		'users',
		{
			back: props.onClose,
			...scrollHandlers(delta => list.set(delta < 0 ? list.top + delta : list.top + visible - 1 + delta), visible),
			top: () => list.set(0),
			bottom: () => list.set(lines.length - 1),
		},
		true,
		{
			priority: priority.overlay,
			// Modal: every other key stops here.
			onOtherKey: input => {
				if (input === '?' || input === 'q') props.onClose();
			},
		},
	);
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold wrap="truncate-end">
				{`Keys${props.screen ? ` — ${props.screen}` : ''}${props.readOnly ? ' (read-only)' : ''}`}
			</Text>
			{lines.slice(list.top, list.top + visible).map(line => (
				<Text key={line} wrap="truncate-end">
					{line}
				</Text>
			))}
			<Text dimColor={theme.muted} wrap="truncate-end">
				{lines.length > visible ? '↑↓ scroll · esc or ? close' : 'esc or ? close'}
			</Text>
		</Box>
	);
}
