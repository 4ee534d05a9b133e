// Offboarding an Identity Center person everywhere (X on a person; issue 19 item 5): the plan first — the
// Identity Center removals with what each takes away, per account the IAM users that look like the person
// with why, each unchecked until the operator checks it with space (a name match is a guess) — then enter,
// the person's name typed, and the run with each step's state as the record is saved; a failure in one
// account stops no other. Props in: the prepared plan and the run come from EverywhereRoute.
import {Box, Text} from 'ink';
import {useMemo, useReducer, useState} from 'react';
import {describeError} from '../../model/errors.js';
import type {EverywherePlan} from '../../model/org/offboard-everywhere.js';
import type {EverywhereRecord} from '../../model/org/offboard-everywhere-record.js';
import {sanitize} from '../../model/sanitize.js';
import {ErrorPanel} from '../components/ErrorPanel.js';
import {scrollHandlers} from '../components/list-window.js';
import {StatusRows, statusRows} from '../components/StatusRows.js';
import {truncate, wrapText} from '../components/text.js';
import {TextField} from '../components/TextField.js';
import {useCommands} from '../hooks/keyboard.js';
import {planLineTone, toneProps, useTheme} from '../theme.js';
import {candidateKey, candidatesOf, planView, progressView, summaryView, type Candidate, type EverywhereLine} from './everywhere-lines.js';
import {everywhereReducer, initialEverywhereState} from './everywhere-state.js';

/** The plan as read now, and the record a run starts from (the unfinished one resumed, or a new one). */
export interface PreparedEverywhere {
	plan: EverywherePlan;
	base: EverywhereRecord;
	resumedFrom?: string;
	found: string[];
	/** Interrupted plans of the person's Identity Center removals, all done now: enter closes them when nothing is left. */
	settled: string[];
}

/** Runs it with the look-alikes checked; `onSaved` after every step (the record and where it is). */
export type RunEverywhere = (checked: Candidate[], onSaved: (record: EverywhereRecord, path: string) => void) => Promise<void>;

export interface EverywhereScreenProps {
	/** The person as the route knows them before the plan is read. */
	label: string;
	prepared?: PreparedEverywhere;
	error?: unknown;
	run: RunEverywhere;
	/** Closes `prepared.settled` in the journal; the plan ids closed. */
	closeSettled: () => string[];
	focused: boolean;
	width: number;
	height: number;
	onBack: () => void;
}

export function EverywhereScreen(props: EverywhereScreenProps) {
	const theme = useTheme();
	const {prepared} = props;
	const [state, dispatch] = useReducer(everywhereReducer, initialEverywhereState);
	const candidates = useMemo(() => (prepared ? candidatesOf(prepared.plan) : []), [prepared]);
	const named = useMemo(() => new Set(prepared?.base.accounts.map(candidateKey)), [prepared]);
	const checked = candidates.filter(c => state.checked.has(candidateKey(c)) && !named.has(candidateKey(c)));
	const pendingIc = prepared?.base.identityCenter.filter(s => s.status !== 'done').length ?? 0;
	const pendingNamed = prepared?.base.accounts.filter(a => a.status !== 'done').length ?? 0;
	const toDo = pendingIc + pendingNamed + checked.length;
	const person = prepared?.plan.person.userName ?? props.label;
	const {phase} = state;
	const over = phase === 'finished' || phase === 'crashed' || props.error !== undefined;
	// Nothing left to remove, yet an earlier run killed mid-request left its plan open: closing it is the only step.
	const [closed, setClosed] = useState<string[] | undefined>(undefined);
	const settling = phase === 'plan' && toDo === 0 && (prepared?.settled.length ?? 0) > 0 && closed === undefined;

	const start = () => {
		dispatch({type: 'start'});
		props.run(checked, (record, path) => dispatch({type: 'saved', record, path})).then(
			() => dispatch({type: 'finished'}),
			(failure: unknown) => dispatch({type: 'crashed', message: describeError(failure)}),
		);
	};
	const submit = (value: string) => (value.trim() === person ? start() : dispatch({type: 'mismatch'}));
	const move = (delta: number) => (phase === 'plan' ? dispatch({type: 'move', delta, count: candidates.length}) : dispatch({type: 'scroll', delta}));
	const toggle = () => {
		const candidate = candidates[state.cursor];
		if (phase === 'plan' && candidate && !named.has(candidateKey(candidate))) dispatch({type: 'toggle', key: candidateKey(candidate)});
	};
	useCommands(
		'everywhere',
		{
			...scrollHandlers(move, props.height - 3),
			mark: toggle,
			'confirm-everywhere': over
				? props.onBack
				: settling
					? () => setClosed(props.closeSettled())
					: phase === 'plan' && prepared && toDo > 0
						? () => dispatch({type: 'confirm'})
						: () => {},
			back: phase === 'running' ? () => {} : props.onBack,
		},
		props.focused && phase !== 'confirm',
		// While it runs no key leaves the screen (q, :): the operator sees every step end. Ctrl-C still quits.
		phase === 'running' ? {onOtherKey: () => undefined} : {},
	);

	if (props.error) return <ErrorPanel title={`Cannot offboard ${sanitize(props.label)} everywhere`} error={props.error} actions="esc goes back · nothing was sent" />;
	if (!prepared) return <Text dimColor={theme.muted}>{`Reading the organization and Identity Center for ${sanitize(props.label)} (every account through the audit role)…`}</Text>;

	const body: EverywhereLine[] =
		phase === 'plan' || phase === 'confirm'
			? planView(prepared.plan, prepared.base, {checked: state.checked, cursor: state.cursor, found: prepared.found, ...(prepared.resumedFrom ? {resumedFrom: prepared.resumedFrom} : {})})
			: [
					...(phase === 'finished' && state.saved ? summaryView(state.saved.record, state.saved.path) : []),
					...(phase === 'crashed' ? [{depth: 0 as const, text: `Failed: ${state.failure ?? ''}${state.saved ? ` — the record is ${state.saved.path}` : ''}`, tone: 'loss' as const}] : []),
					...progressView(state.saved?.record ?? prepared.base, phase === 'running'),
				];
	const status =
		phase === 'running'
			? 'Running… the record is saved after every step'
			: over
				? 'enter/esc goes back'
				: phase === 'confirm'
					? `This removes ${pendingIc} Identity Center grant${pendingIc === 1 ? '' : 's'} and offboards ${pendingNamed + checked.length} IAM user${pendingNamed + checked.length === 1 ? '' : 's'} · esc goes back to the plan (nothing is sent)`
					: closed !== undefined && toDo === 0
						? closed.length > 0
							? `Closed in the journal: plan ${closed.join(', plan ')} (Identity Center removals all done) · esc goes back`
							: 'Nothing was closed: the journal could not be written · esc goes back'
						: settling
							? `Nothing left to do · enter closes ${prepared!.settled.length === 1 ? 'the interrupted plan' : `${prepared!.settled.length} interrupted plans`} in the journal (its removals are done) · esc goes back`
							: toDo === 0
								? 'Nothing left to do: no Identity Center grant, no IAM user checked · esc goes back'
						: `space checks the IAM user selected · enter confirms (${toDo} step${toDo === 1 ? '' : 's'}) · esc cancels (nothing is sent)`;
	const statusLines = statusRows(status, props.width);
	const chrome = statusLines.length + (phase === 'confirm' ? 1 : 0);
	const visible = Math.max(1, props.height - chrome);
	const rows = body.flatMap(line => {
		const indent = '  '.repeat(line.depth);
		return wrapText(`${indent}${sanitize(line.text)}`, props.width, `${indent}    `).map((text, n) => ({...line, text, first: n === 0}));
	});
	// The plan keeps the selected look-alike in view; afterwards the screen scrolls.
	const cursorRow = phase === 'plan' ? rows.findIndex(r => r.first && r.candidate === state.cursor) : -1;
	const top = cursorRow >= 0 ? Math.max(0, Math.min(cursorRow - Math.floor(visible / 2), rows.length - visible)) : Math.min(state.top, Math.max(0, rows.length - visible));
	const prompt = `type ${person} to offboard them everywhere: `;
	return (
		<Box flexDirection="column">
			<StatusRows rows={statusLines} alarm={phase === 'plan' || phase === 'confirm'} />
			{phase === 'confirm' ? (
				<Box>
					<Text color={state.mismatch ? theme.error : theme.warning} wrap="truncate-end">
						{truncate(sanitize(state.mismatch ? `does not match — ${prompt}` : prompt), Math.max(10, props.width - 20))}
					</Text>
					<TextField value={state.draft} onChange={value => dispatch({type: 'draft', value})} onSubmit={submit} onCancel={() => dispatch({type: 'back-to-plan'})} focused={props.focused} />
				</Box>
			) : null}
			{rows.slice(top, top + visible).map((line, n) => (
				<Text key={`${top + n}`} bold={line.depth === 0} {...toneProps(theme, line.depth === 0 && !line.tone ? 'accent' : planLineTone(line.tone))} wrap="truncate-end">
					{line.text}
				</Text>
			))}
		</Box>
	);
}
