// Key rotation (W6) for a user with one active key: create the second key (the plan, then SecretOnce
// shows its secret once) → the operator switches the tool → verify the last use of both keys (r
// reloads) → deactivate the old key (a plan) → delete it (a plan, confirmed). The stage lives in the
// rotation store (key ids only) and is reconciled with the keys IAM lists whenever this screen is shown,
// so it picks up after a plan ran, after a crash, or another day. Props in: the keys, the store and the
// plan runner are actions from RotationRoute; the wizard's own state is a reducer (rotation-state.ts).
import {Box, Text} from 'ink';
import {useEffect, useReducer} from 'react';
import {describeError} from '../../model/errors.js';
import type {AccessKeyDetail} from '../../model/gateway.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import type {Plan} from '../../model/plans/types.js';
import {confirmStage, rotationPlan, ROTATION_STAGES, STAGES, verifyRotation, type RotationProgress} from '../../model/rotation.js';
import {sanitize} from '../../model/sanitize.js';
import {formatAgo} from '../../model/views.js';
import {truncate, wrapText} from '../components/text.js';
import {matchCommand} from '../keymap.js';
import {PASS, priority, useCommands, useKeys} from '../hooks/keyboard.js';
import {initialRotationState, rotationReducer, type RotationLine as Line, type SettledRotation} from './rotation-state.js';
import {toneProps, useTheme, type Tone} from '../theme.js';

/** What the wizard reads and writes, bound to the account and the user (RotationRoute). */
export interface RotationActions {
	/** The user's access keys as IAM lists them now, with their last use. */
	readKeys(): Promise<AccessKeyDetail[]>;
	/** The stored stage reconciled with these keys (saved when it moved), or why a rotation cannot start. */
	settle(keys: AccessKeyDetail[]): SettledRotation;
	/** Keeps the stage in the rotation store. */
	save(progress: RotationProgress): void;
	/** Drops the stored rotation; the keys stay as they are. */
	forget(): void;
	now(): Date;
	/** Opens a stage's plan for confirmation. */
	runPlan(plan: Plan): void;
}

/** A wizard line's tone as a theme tone. */
const THEME_TONES: Record<NonNullable<Line['tone']>, Tone> = {done: 'success', current: 'accent', warning: 'warning', error: 'error', dim: 'muted'};

export function RotationWizard(props: {
	name: string;
	index: SnapshotIndex;
	/** Undefined until the account is known (rotations are kept per account). */
	actions?: RotationActions;
	/** Why the account cannot be known (GetCallerIdentity failed). */
	identityError?: string;
	focused: boolean;
	width: number;
	height: number;
	onBack: () => void;
}) {
	const theme = useTheme();
	const {name, index, actions, identityError} = props;
	const [{view: state, message, anyway, asked}, dispatch] = useReducer(rotationReducer, initialRotationState);

	useEffect(() => {
		if (!props.focused || !actions) return;
		let live = true;
		actions.readKeys().then(
			keys => live && dispatch({type: 'loaded', settled: actions.settle(keys)}),
			(error: unknown) => live && dispatch({type: 'failed', message: describeError(error)}),
		);
		return () => {
			live = false;
		};
		// Shown again (after a plan or SecretOnce), or the account reloaded (r): ask IAM again.
	}, [props.focused, actions, asked]);
	// r (the global reload) also asks IAM for the keys' last use again; the key goes on to the reload.
	useKeys(
		(input, key) => {
			if (matchCommand('global', input, key) === 'reload') dispatch({type: 'reload'});
			return PASS;
		},
		{active: props.focused, priority: priority.screen},
	);

	const save = (progress: RotationProgress) => {
		actions?.save(progress);
		dispatch({type: 'saved', progress});
	};
	const runStage = (progress: RotationProgress, keys: AccessKeyDetail[]) => {
		try {
			const plan = rotationPlan(progress, index, keys);
			if (!plan) return;
			save(progress);
			actions?.runPlan(plan);
		} catch (error) {
			dispatch({type: 'message', line: {text: describeError(error), tone: 'error'}});
		}
	};
	const next = () => {
		if (!actions || state.status !== 'ready' || state.problem) return;
		const {progress, keys} = state;
		dispatch({type: 'message'});
		if (progress.stage === 'done') return props.onBack();
		if (progress.stage === 'switch') {
			// Verify is about the keys' last use since the switch: read it from IAM now, not the list from before.
			actions.save(confirmStage(progress, actions.now()));
			return dispatch({type: 'switched'});
		}
		if (progress.stage === 'verify') {
			if (!verifyRotation(progress, keys).ready && !anyway) return dispatch({type: 'verify-unchecked'});
			return save(confirmStage(progress, actions.now()));
		}
		runStage(progress, keys);
	};
	const forget = () => {
		if (!actions) return;
		actions.forget();
		dispatch({type: 'message', line: {text: 'Rotation forgotten: the keys stay as they are.', tone: 'dim'}});
		if (state.status === 'ready' || state.status === 'refused') dispatch({type: 'loaded', settled: actions.settle(state.keys)});
	};
	useCommands('rotate', {'rotation-next': next, 'forget-rotation': forget, back: props.onBack}, props.focused);

	const title = <Text bold wrap="truncate-end">{`Key rotation: ${sanitize(name)}`}</Text>;
	if (!actions) return <Box flexDirection="column">{title}<Text {...toneProps(theme, identityError ? 'error' : 'muted')}>{identityError ? `Cannot tell which account this profile opens: ${sanitize(identityError)}` : 'Asking who we are…'}</Text></Box>;
	if (state.status === 'loading') return <Box flexDirection="column">{title}<Text dimColor={theme.muted}>Listing the access keys…</Text></Box>;
	if (state.status === 'error') return <Box flexDirection="column">{title}<Text color={theme.error}>{sanitize(state.message)}</Text><Text dimColor={theme.muted}>esc goes back</Text></Box>;

	const now = actions.now();
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
			{/* What a stage says wraps (a cut instruction or key id misleads); the key rows fit one row each. */}
			{[...lines.flatMap(line => wrapText(sanitize(line.text), props.width, '  ').map(text => ({...line, text}))), ...keyLines.map(line => ({...line, text: truncate(sanitize(line.text), props.width)}))]
				.slice(0, Math.max(1, props.height - 1))
				.map((line, n) => (
					<Text key={n} {...toneProps(theme, line.tone && THEME_TONES[line.tone])} bold={line.tone === 'current'} wrap="truncate-end">
						{line.text}
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
