// Who can do ACTION (on RESOURCE)? Type the action (tab completes from the catalogue), optionally a
// resource ARN, enter runs the model's whoCan; the answer lists users and groups with their grant paths.
// Enter on a user opens the User screen with the cursor on the group that granted it (the path under the
// cursor, else the first), so `x` there removes them from that group; a direct grant opens on the policy.
import {Box, Text} from 'ink';
import {useEffect, useMemo, useRef, useState} from 'react';
import {prepareWhoCan, whoCan, type AccessError, type AccessModel, type WhoCanAnswer} from '../../model/access.js';
import {describeError} from '../../model/errors.js';
import {ActionQuery, type ActionQueryValue} from '../components/ActionQuery.js';
import {DetailList, note} from '../components/DetailList.js';
import {useAskedAgain} from '../state/asked-again.js';
import {useCommands} from '../state/keyboard.js';
import type {UserLineFocus} from '../state/routes.js';
import {errorText} from './access-text.js';
import {whoCanLines} from './whocan-lines.js';
import {useTheme} from '../theme.js';

type Answer =
	| {status: 'idle'}
	| {status: 'evaluating'; query: ActionQueryValue}
	| {status: 'error'; error: AccessError}
	| {status: 'done'; answer: WhoCanAnswer};

export function WhoCanScreen(props: {
	model: AccessModel;
	onOpenUser: (name: string, focus?: UserLineFocus) => void;
	onOpenGroup: (name: string) => void;
	onBack: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const theme = useTheme();
	const {onOpenUser, onOpenGroup} = props;
	const [editing, setEditing] = useState(true);
	const [answer, setAnswer] = useState<Answer>({status: 'idle'});
	// Only the latest query may land: an older, slower answer is dropped.
	const generation = useRef(0);
	// While the operator types the action, the model gets ready, so the first answer is not slower than the next.
	useEffect(() => {
		const stop = new AbortController();
		void prepareWhoCan(props.model, stop.signal).catch(() => undefined);
		return () => stop.abort();
	}, [props.model]);

	// After a reload or a write the same query runs again on the new model (a query being typed stays open).
	const run = useAskedAgain(props.model, (query: ActionQueryValue, again: boolean) => {
		if (!query.action) return;
		const mine = ++generation.current;
		setAnswer({status: 'evaluating', query});
		if (!again) setEditing(false);
		whoCan(props.model, query.action, query.resource).then(
			result => {
				if (generation.current !== mine) return;
				setAnswer(result.ok ? {status: 'done', answer: result} : {status: 'error', error: result});
				if (!result.ok) setEditing(true);
			},
			(error: unknown) => {
				if (generation.current !== mine) return;
				setAnswer({status: 'error', error: {ok: false, kind: 'evaluation-failed', message: describeError(error), suggestions: []}});
				setEditing(true);
			},
		);
	});

	const resultsFocused = props.focused && !editing;
	// Without an answer on screen there is no list to own esc: go back from here.
	useCommands('whocan', {'edit-query': () => setEditing(true), back: answer.status === 'done' ? undefined : props.onBack}, resultsFocused);

	const lines = useMemo(
		() => (answer.status === 'done' ? whoCanLines(answer.answer, onOpenUser, onOpenGroup) : []),
		[answer, onOpenUser, onOpenGroup],
	);
	const status =
		answer.status === 'evaluating' ? (
			<Text color={theme.accent}>{`evaluating ${answer.query.action} on ${answer.query.resource}…`}</Text>
		) : answer.status === 'error' ? (
			<Text color={theme.error} wrap="truncate-end">
				{errorText(answer.error)}
			</Text>
		) : answer.status === 'idle' ? (
			<Text dimColor={theme.muted}>
				{editing ? 'Type an action, e.g. ec2:TerminateInstances or s3:Delete*, then enter.' : '/ types an action · esc back · q quits'}
			</Text>
		) : (
			<Text dimColor={theme.muted}>{editing ? 'enter runs the query · esc back to the answer' : 'enter opens · / edits the query · esc back'}</Text>
		);
	const chrome = 1 + (editing && props.focused ? 3 : 2) + 1;
	return (
		<Box flexDirection="column">
			<Text bold>Who can…</Text>
			<ActionQuery
				scope="whocan"
				prompt="do"
				active={props.focused && editing}
				width={props.width}
				onSubmit={run}
				// esc leaves the fields, so q and : work again (the fields would type them).
				onCancel={() => setEditing(false)}
			/>
			{status}
			{answer.status === 'done' ? (
				<DetailList
					scope="whocan"
					lines={lines.length > 0 ? lines : [note('empty', 'nothing')]}
					height={props.height - chrome}
					width={props.width}
					focused={resultsFocused}
					onBack={props.onBack}
				/>
			) : null}
		</Box>
	);
}
