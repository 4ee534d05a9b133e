// Two fields, ACTION and RESOURCE, for who-can and explain: the action completes from the catalogue
// (tab takes the common prefix, the suggestions show below), wildcards pass through; ↑↓ switch fields,
// enter submits, esc cancels.
import {Box, Text} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {completeAction} from '../../model/access.js';
import type {KeyScope} from '../key-scopes.js';
import {useFooterScope} from '../hooks/footer-scope.js';
import {priority, useCommands} from '../hooks/keyboard.js';
import {commonPrefix} from '../screens/access-text.js';
import {truncate} from './text.js';
import {TextField} from './TextField.js';
import {useTheme} from '../theme.js';

export interface ActionQueryValue {
	action: string;
	resource: string;
}

const SHOWN = 6;

/** Suggestions for the typed action, refreshed as it changes (stale answers are dropped). */
const useSuggestions = (action: string): string[] => {
	const [suggestions, setSuggestions] = useState<string[]>([]);
	useEffect(() => {
		let current = true;
		if (!action.trim() || /[*?]/.test(action)) setSuggestions([]);
		else void completeAction(action).then(list => current && setSuggestions(list));
		return () => {
			current = false;
		};
	}, [action]);
	return suggestions;
};

export function ActionQuery(props: {
	scope: KeyScope;
	/** Words before the action field, e.g. "can ana.silva do". */
	prompt: string;
	initial?: ActionQueryValue;
	active: boolean;
	width: number;
	onSubmit: (value: ActionQueryValue) => void;
	onCancel: () => void;
}) {
	const theme = useTheme();
	const [action, setAction] = useState(props.initial?.action ?? '');
	const [resource, setResource] = useState(props.initial?.resource ?? '');
	const [field, setField] = useState<'action' | 'resource'>('action');
	const suggestions = useSuggestions(action);
	// Tab can come before the suggestions of the latest keystroke: complete from the text it was pressed on.
	const latest = useRef(action);
	latest.current = action;

	const complete = () => {
		const typed = latest.current;
		if (field !== 'action' || !typed.trim()) return;
		void completeAction(typed).then(list => {
			const prefix = commonPrefix(list);
			if (latest.current === typed && prefix.length > typed.trim().length) setAction(prefix);
		});
	};
	const other = () => setField(current => (current === 'action' ? 'resource' : 'action'));
	// Above the screen, below the text field: the field keeps printable keys, arrows and tab come here.
	useCommands(props.scope, {complete, up: other, down: other}, props.active, {priority: priority.screen + 5});
	useFooterScope('query', props.active);

	const submit = () => props.onSubmit({action: action.trim(), resource: resource.trim() || '*'});
	const more = suggestions.length > SHOWN ? ` +${suggestions.length - SHOWN} more` : '';
	return (
		<Box flexDirection="column">
			<Box>
				{/* The words before the field keep their width: a long placeholder must not squeeze them. */}
				<Box flexShrink={0}>
					<Text>{`${props.prompt} `}</Text>
				</Box>
				<TextField
					value={action}
					onChange={setAction}
					onSubmit={submit}
					onCancel={props.onCancel}
					focused={props.active && field === 'action'}
					placeholder="service:Action (tab completes, * and ? allowed)"
				/>
			</Box>
			<Box>
				<Box flexShrink={0}>
					<Text>{'on '}</Text>
				</Box>
				<TextField
					value={resource}
					onChange={setResource}
					onSubmit={submit}
					onCancel={props.onCancel}
					focused={props.active && field === 'resource'}
					placeholder="* (or a resource ARN)"
				/>
				{!resource && !(props.active && field === 'resource') ? <Text dimColor={theme.muted}>*</Text> : null}
			</Box>
			{props.active ? (
				<Text dimColor={theme.muted} wrap="truncate-end">
					{truncate(suggestions.length > 0 ? `  ${suggestions.slice(0, SHOWN).join('  ')}${more}` : '  ↑↓ switch field · enter runs · esc cancels', Math.max(1, props.width))}
				</Text>
			) : null}
		</Box>
	);
}
