// Key rotation (W6) for a user with one active key: create the second key (the plan, then SecretOnce
// shows its secret once) → the operator switches the tool → verify the last use of both keys (r
// reloads) → deactivate the old key (a plan) → delete it (a plan, confirmed). The stage lives in the
// rotation store (key ids only) and is reconciled with the keys IAM lists whenever this screen is shown,
// so it picks up after a plan ran, after a crash, or another day.
import {Box, Text} from 'ink';
import {useCallback, useEffect, useState} from 'react';
import {describeError, isIamError} from '../../model/errors.js';
import type {AccessKeyDetail} from '../../model/gateway.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import {
	confirmStage,
	reconcileRotation,
	rotationPlan,
	ROTATION_STAGES,
	STAGES,
	startRotation,
	verifyRotation,
	type RotationProgress,
} from '../../model/rotation.js';
import {sanitize} from '../../model/sanitize.js';
import {formatAgo} from '../../model/views.js';
import {truncate} from '../components/text.js';
import {useConnection} from '../state/connection.js';
import {matchCommand} from '../keymap.js';
import {PASS, priority, useCommands, useKeys} from '../state/keyboard.js';
import {useNavigation} from '../state/navigation.js';
import {useServices} from '../state/services-context.js';

type Line = {text: string; tone?: 'done' | 'current' | 'warning' | 'error' | 'dim'};

type State =
	| {status: 'loading'}
	| {status: 'error'; message: string}
	/** No rotation yet: what starting one would be, or why it cannot start. */
	| {status: 'ready'; keys: AccessKeyDetail[]; progress: RotationProgress; stored: boolean; problem?: string}
	| {status: 'refused'; keys: AccessKeyDetail[]; message: string; hint?: string};

const toneColor: Record<NonNullable<Line['tone']>, string | undefined> = {done: 'green', current: 'cyan', warning: 'yellow', error: 'red', dim: undefined};

export function RotationWizard(props: {name: string; index: SnapshotIndex; focused: boolean; width: number; height: number; onBack: () => void}) {
	const {name, index} = props;
	const services = useServices();
	const {gateway, identity, identityError} = useConnection();
	const navigation = useNavigation();
	const [state, setState] = useState<State>({status: 'loading'});
	const [message, setMessage] = useState<Line | undefined>();
	const [anyway, setAnyway] = useState(false);
	const [asked, setAsked] = useState(0);
	const account = identity?.account;

	/** Keys from IAM, then the stored stage reconciled with them (and saved when it moved). */
	const settle = useCallback(
		(keys: AccessKeyDetail[]) => {
			if (!account) return;
			const now = services.now();
			try {
				const stored = services.rotations.get(account, name);
				if (!stored) {
					setState({status: 'ready', keys, progress: startRotation(index, name, keys, {account, now}), stored: false});
					return;
				}
				const {progress, problem} = reconcileRotation(stored, keys, now);
				if (progress.stage === 'done') services.rotations.remove(account, name);
				else if (progress !== stored) services.rotations.save(progress);
				setState({status: 'ready', keys, progress, stored: progress.stage !== 'done', ...(problem ? {problem} : {})});
			} catch (error) {
				setState({status: 'refused', keys, message: isIamError(error) ? error.message : describeError(error), ...(isIamError(error) && error.hint ? {hint: error.hint} : {})});
			}
		},
		[account, name, index, services],
	);

	useEffect(() => {
		if (!props.focused || !account) return;
		let live = true;
		gateway.accessKeys(name).then(
			keys => live && settle(keys),
			(error: unknown) => live && setState({status: 'error', message: describeError(error)}),
		);
		return () => {
			live = false;
		};
		// Shown again (after a plan or SecretOnce), or the account reloaded (r): ask IAM again.
	}, [props.focused, account, gateway, name, index, settle, asked]);
	// r (the global reload) also asks IAM for the keys' last use again; the key goes on to the reload.
	useKeys(
		(input, key) => {
			if (matchCommand('global', input, key) === 'reload') setAsked(n => n + 1);
			return PASS;
		},
		{active: props.focused, priority: priority.screen},
	);

	const save = (progress: RotationProgress) => {
		services.rotations.save(progress);
		if (state.status === 'ready') setState({...state, progress, stored: true});
	};
	const runStage = (progress: RotationProgress, keys: AccessKeyDetail[]) => {
		try {
			const plan = rotationPlan(progress, index, keys);
			if (!plan) return;
			save(progress);
			navigation.push({screen: 'run-plan', plan});
		} catch (error) {
			setMessage({text: describeError(error), tone: 'error'});
		}
	};
	const next = () => {
		if (state.status !== 'ready' || state.problem) return;
		const {progress, keys} = state;
		setMessage(undefined);
		if (progress.stage === 'done') return props.onBack();
		if (progress.stage === 'switch') {
			// Verify is about the keys' last use since the switch: read it from IAM now, not the list from before.
			services.rotations.save(confirmStage(progress, services.now()));
			setState({status: 'loading'});
			return setAsked(n => n + 1);
		}
		if (progress.stage === 'verify') {
			if (!verifyRotation(progress, keys).ready && !anyway) {
				setAnyway(true);
				setMessage({text: 'The check did not pass: enter again deactivates the old key anyway (activating it again undoes that)', tone: 'warning'});
				return;
			}
			setAnyway(false);
			return save(confirmStage(progress, services.now()));
		}
		runStage(progress, keys);
	};
	const forget = () => {
		if (!account) return;
		services.rotations.remove(account, name);
		setMessage({text: 'Rotation forgotten: the keys stay as they are.', tone: 'dim'});
		if (state.status === 'ready' || state.status === 'refused') settle(state.keys);
	};
	useCommands('rotate', {'rotation-next': next, 'forget-rotation': forget, back: props.onBack}, props.focused);

	const title = <Text bold wrap="truncate-end">{`Key rotation: ${sanitize(name)}`}</Text>;
	if (!account) return <Box flexDirection="column">{title}<Text color={identityError ? 'red' : undefined} dimColor={!identityError}>{identityError ? `Cannot tell which account this profile opens: ${sanitize(identityError)}` : 'Asking who we are…'}</Text></Box>;
	if (state.status === 'loading') return <Box flexDirection="column">{title}<Text dimColor>Listing the access keys…</Text></Box>;
	if (state.status === 'error') return <Box flexDirection="column">{title}<Text color="red">{sanitize(state.message)}</Text><Text dimColor>esc goes back</Text></Box>;

	const now = services.now();
	const keyLines: Line[] = [
		{text: 'Access keys'},
		...state.keys.map(k => ({
			text: `  ${k.accessKeyId}  ${k.status}  created ${k.createDate.slice(0, 10)}  last used ${k.lastUsedDate ? `${formatAgo(k.lastUsedDate, now)}${k.lastUsedService ? ` (${k.lastUsedService})` : ''}` : 'never'}`,
			tone: k.status === 'Inactive' ? ('warning' as const) : undefined,
		})),
	];
	const lines: Line[] = [];
	if (state.status === 'refused')
		lines.push({text: `A rotation cannot start: ${state.message}`, tone: 'error'}, ...(state.hint ? [{text: `What to do: ${state.hint}`}] : []), {text: 'esc goes back', tone: 'dim'});
	else {
		const {progress} = state;
		const at = ROTATION_STAGES.indexOf(progress.stage);
		if (!state.stored) lines.push({text: `Starts from the one active key, ${progress.oldKeyId}; its progress is kept (key ids only) to finish another day.`, tone: 'dim'});
		ROTATION_STAGES.slice(0, -1).forEach((stage, n) => {
			const suffix = stage === 'create' && progress.newKeyId ? ` — ${progress.newKeyId}` : '';
			const tone = n < at ? 'done' : n === at ? 'current' : 'dim';
			lines.push({text: `${n < at ? '✓' : n === at ? '›' : ' '} ${n + 1}. ${STAGES[stage].title}${suffix}`, tone});
		});
		if (state.problem) lines.push({text: `Stopped: ${state.problem}. x forgets this rotation.`, tone: 'error'});
		else lines.push(...stageLines(progress, state.keys));
	}
	if (message) lines.push(message);
	return (
		<Box flexDirection="column">
			{title}
			{[...lines, ...keyLines].slice(0, Math.max(1, props.height - 1)).map((line, n) => (
				<Text key={n} color={line.tone ? toneColor[line.tone] : undefined} dimColor={line.tone === 'dim'} bold={line.tone === 'current'} wrap="truncate-end">
					{truncate(sanitize(line.text), props.width)}
				</Text>
			))}
		</Box>
	);
}

/** What the current stage says and asks for. */
const stageLines = (progress: RotationProgress, keys: AccessKeyDetail[]): Line[] => {
	const {oldKeyId, newKeyId} = progress;
	const needs: Line = {text: `Needs: ${STAGES[progress.stage].needs}`, tone: 'dim'};
	switch (progress.stage) {
		case 'create':
			return [needs, {text: `enter: create a second key beside ${oldKeyId} (the plan first; its secret is shown once) · x forgets · esc back`}];
		case 'switch':
			return [needs, {text: `Switch your tool to the new key ${newKeyId ?? ''}, then press enter.`, tone: 'warning'}, {text: 'Both keys work until the old one is deactivated.', tone: 'dim'}];
		case 'verify': {
			const check = verifyRotation(progress, keys);
			return [
				needs,
				...check.lines.map(text => ({text, tone: check.ready ? undefined : ('warning' as const)})),
				{text: 'r reloads the last use · enter: go on to deactivating the old key', tone: 'dim'},
			];
		}
		case 'deactivate':
			return [needs, {text: `enter: deactivate ${oldKeyId} (the plan first) · r reloads`}];
		case 'delete':
			return [needs, {text: `${oldKeyId} is inactive. Nothing broke? enter: delete it (the plan first; this cannot be undone)`}];
		case 'done':
			return [{text: `Rotation finished: ${newKeyId ?? 'the new key'} is the key now; ${oldKeyId} is deleted. enter/esc goes back`, tone: 'done'}];
	}
};
