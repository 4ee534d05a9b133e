// The `:` command line: jumps like :users, tab completes, enter runs, esc cancels.
import {Box, Text} from 'ink';
import {useState} from 'react';
import {commandLineEntries, commandLineParts, whoCanArguments} from '../jump-targets.js';
import {PASS, priority, useKeys} from '../hooks/keyboard.js';
import {TextField} from './TextField.js';
import {useTheme} from '../theme.js';

export const completions = (text: string): string[] => {
	const prefix = text.trim().toLowerCase();
	return commandLineEntries.map(e => e.name).filter(name => name.startsWith(prefix));
};

/** The longest completion the typed text allows (the whole name when only one matches). */
export const complete = (text: string): string => {
	const matches = completions(text);
	if (matches.length === 0) return text;
	let common = matches[0]!;
	for (const name of matches) while (!name.startsWith(common)) common = common.slice(0, -1);
	return common.length > text.trim().length ? common : text;
};

export function CommandLine(props: {onRun: (command: string) => void; onCancel: () => void; width: number}) {
	const theme = useTheme();
	const [text, setText] = useState('');
	useKeys(
		(_input, key) => {
			if (!key.tab) return PASS;
			setText(current => complete(current));
		},
		{active: true, priority: priority.overlay},
	);
	// After a name and a space: what that command takes (only :whocan takes anything).
	const {name} = commandLineParts(text);
	const hints = /\s/.test(text.trimStart()) ? (name === 'whocan' ? whoCanArguments : '') : completions(text).map(entry => `:${entry}`).join(' ');
	return (
		<Box>
			{/* The prompt and what is typed keep their width; only the hints give way (at 80 columns they squeezed the ":" out). */}
			<Box flexShrink={0}>
				<Text color={theme.accent}>:</Text>
				<TextField value={text} onChange={setText} onSubmit={value => props.onRun(value.trim())} onCancel={props.onCancel} focused />
			</Box>
			<Text dimColor={theme.muted} wrap="truncate-end">
				{'  ' + hints}
			</Text>
		</Box>
	);
}
