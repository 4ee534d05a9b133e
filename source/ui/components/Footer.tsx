import {Text} from 'ink';
import type {KeyScope} from '../key-scopes.js';
import {commandsFor} from '../keymap.js';
import {truncate} from './text.js';
import {useDeclaredFooterScope} from '../hooks/footer-scope.js';
import {useTheme} from '../theme.js';

/** The keys that must always show, however narrow the terminal: the way to every other key, and out. */
const ALWAYS = new Set(['help', 'quit']);

/**
 * One line of "key label" pairs. When they do not all fit, whole pairs are dropped from the end of the
 * screen's own keys (never cut in the middle) and "…" says so; `? help` and `q quit` always stay.
 */
export const footerText = (pairs: Array<{id: string; text: string}>, width: number): string => {
	const all = pairs.map(p => p.text).join('  ');
	if (all.length <= width) return all;
	const kept = pairs.filter(p => ALWAYS.has(p.id)).map(p => p.text);
	const tail = ['…', ...kept].join('  ');
	const room = width - tail.length - 2;
	const shown: string[] = [];
	let used = 0;
	for (const pair of pairs.filter(p => !ALWAYS.has(p.id))) {
		const cost = pair.text.length + (shown.length > 0 ? 2 : 0);
		if (used + cost > room) break;
		shown.push(pair.text);
		used += cost;
	}
	return truncate([...shown, tail].join('  '), width);
};

// While a text field has the keys, a key that types a character is text, not a command.
const typesText = (key: string): boolean => key.length === 1 || key === 'space';

/** One line of "key label" pairs from the keymap: the focused screen's declared phase, or the route's scope. */
export function Footer(props: {screen: KeyScope | undefined; top?: number; readOnly: boolean; width: number; /** q quits only here; elsewhere it goes back. */ firstScreen?: boolean}) {
	const theme = useTheme();
	const declared = useDeclaredFooterScope(props.top);
	const typing = declared.typing;
	const pairs = commandsFor(declared.scope ?? props.screen, {readOnly: props.readOnly})
		.filter(cmd => cmd.footer)
		// q is "quit" on the first screen only: above it, it goes back (Shell), and the footer says so.
		.map(cmd => ({id: cmd.id, key: typing ? cmd.keys.find(key => !typesText(key)) : cmd.keys[0], label: cmd.id === 'quit' && props.firstScreen === false ? 'back' : cmd.label}))
		.filter(pair => pair.key !== undefined)
		.map(pair => ({id: pair.id, text: `${pair.key} ${pair.label}`}));
	return (
		<Text dimColor={theme.muted} wrap="truncate-end">
			{footerText(pairs, props.width)}
		</Text>
	);
}
