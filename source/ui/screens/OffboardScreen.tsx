// Offboarding a user (W7): show what the record says they have (OffboardRoute reads it, or the
// unfinished record of an earlier run) and the plan with its `aws iam` equivalents, choose delete or keep
// (legal hold), type the user's name — and "lock me out" when the self-lockout guard says it locks you
// out — then run it step by step. Props in: the record, the guard and the run come from the route; the
// screen's own state is a reducer (offboard-state.ts).
import {Box, Text} from 'ink';
import {useEffect, useMemo, useReducer} from 'react';
import {describeError} from '../../model/errors.js';
import type {OffboardRecord} from '../../model/offboard/record.js';
import {planLines, type PlanLine} from '../../model/plans/describe.js';
import type {ExecutionReport, StepOutcome} from '../../model/plans/execute.js';
import {planOffboard} from '../../model/plans/offboard.js';
import type {Plan} from '../../model/plans/types.js';
import {sanitize} from '../../model/sanitize.js';
import {ErrorPanel} from '../components/ErrorPanel.js';
import {scrollHandlers} from '../components/list-window.js';
import {StatusRows, statusRows} from '../components/StatusRows.js';
import {truncate, wrapText} from '../components/text.js';
import {TextField} from '../components/TextField.js';
import type {LoadedRecord} from '../offboard-record.js';
import {useFooterScope} from '../hooks/footer-scope.js';
import {useCommands} from '../hooks/keyboard.js';
import {LOCKOUT_PHRASE} from './PlanConfirm.js';
import {progressLines, recordLines} from './offboard-lines.js';
import {initialOffboardState, offboardReducer, typedAnswer} from './offboard-state.js';
import {planLineTone, toneProps, useTheme} from '../theme.js';

/** The self-lockout guard's answer for a plan (the plan as built when it cannot tell). */
export type GuardPlan = (plan: Plan) => Promise<Plan>;
/** Runs the offboarding: each step's outcome as it comes, and where the record was saved after each. */
export type RunOffboarding = (
	record: OffboardRecord,
	plan: Plan,
	events: {onStep: (outcome: StepOutcome, position: number) => void; onSaved: (path: string) => void},
) => Promise<{report: ExecutionReport; record: OffboardRecord}>;

export interface OffboardScreenProps {
	name: string;
	/** The record to offboard from, once read. */
	loaded?: LoadedRecord;
	/** Why there is no record (nothing was sent). */
	error?: unknown;
	/** Undefined until it can answer (the caller's identity is on its way): nothing is confirmed before. */
	guard?: GuardPlan;
	run: RunOffboarding;
	focused: boolean;
	width: number;
	height: number;
	onBack: () => void;
}

export function OffboardScreen(props: OffboardScreenProps) {
	const theme = useTheme();
	const {loaded, error, guard} = props;
	const [state, dispatch] = useReducer(offboardReducer, initialOffboardState);
	const {phase, typed, draft, mismatch, progress, messages, recordPath, top, refusedToggle} = state;
	const keep = state.keepUser ?? loaded?.record.keepUser ?? false;

	const record = useMemo(() => (loaded ? {...loaded.record, keepUser: keep} : undefined), [loaded, keep]);
	const built = useMemo(() => (record ? planOffboard(record, {keepUser: keep, ...(loaded?.now ? {now: loaded.now} : {})}) : undefined), [record, keep, loaded]);
	useEffect(() => {
		if (!built || !guard) return;
		let live = true;
		void guard(built).then(plan => live && dispatch({type: 'guarded', from: built, plan}));
		return () => {
			live = false;
		};
	}, [built, guard]);
	const plan = state.guarded && state.guarded.from === built ? state.guarded.plan : undefined;
	const sendable = plan ? plan.steps.filter(s => !s.noop).length : 0;
	const expected = plan && sendable > 0 ? [record!.user.name, ...(plan.lockout ? [LOCKOUT_PHRASE] : [])] : [];
	const typing = phase.name === 'confirm' && plan !== undefined && typed.length < expected.length;

	const run = () => {
		if (!record || !plan) return;
		dispatch({type: 'start', plan});
		props
			.run(record, plan, {
				onSaved: path => dispatch({type: 'saved', path}),
				onStep: (outcome, position) => dispatch({type: 'step', plan, position, status: outcome.status, ...(outcome.message === undefined ? {} : {message: outcome.message})}),
			})
			.then(
				({report, record: final}) => dispatch({type: 'finished', report, record: final}),
				(failure: unknown) => dispatch({type: 'crashed', message: describeError(failure)}),
			);
	};
	const submit = (value: string) => {
		dispatch({type: 'typed', value, expected});
		if (typedAnswer(typed, value, expected) === 'complete') run();
	};
	// A resume keeps the option it was started with: another one needs the record closed first.
	const toggle = () => dispatch({type: 'toggle-keep', keep, resuming: loaded?.resumedFrom !== undefined});
	const finished = phase.name === 'finished' || phase.name === 'crashed' || error !== undefined;
	const scroll = scrollHandlers(delta => dispatch({type: 'scroll', delta}), props.height - 4);
	// Once it ran, as a plan that ran: enter or esc goes back, and the footer no longer offers tab or run.
	useCommands(
		finished ? 'plan-done' : 'offboard',
		finished
			? {'close-plan': props.onBack, ...scroll}
			: {
					'toggle-keep-user': phase.name === 'confirm' && plan ? toggle : () => {},
					'confirm-offboard': phase.name === 'confirm' && plan && expected.length === 0 ? run : () => {},
					back: phase.name === 'running' ? () => {} : props.onBack,
					...scroll,
				},
		props.focused,
	);
	useFooterScope(finished ? 'plan-done' : undefined, props.focused);

	if (error) return <ErrorPanel title={`Cannot offboard ${sanitize(props.name)}`} error={error} actions="esc goes back · nothing was sent" />;
	if (!loaded || !record) return <Text dimColor={theme.muted}>{`Recording what ${sanitize(props.name)} has…`}</Text>;
	if (!plan) return <Text dimColor={theme.muted}>Checking whether this offboarding locks you out…</Text>;

	const user = record.user.name;
	const done = loaded.record.completed.length;
	const header: PlanLine[] = loaded.resumedFrom
		? [
				{depth: 0, text: `Resuming the offboarding started ${record.capturedAt.slice(0, 16).replace('T', ' ')} UTC (${done} step${done === 1 ? '' : 's'} done then)`, tone: 'warning'},
				{depth: 1, text: `record: ${loaded.resumedFrom}`},
				...(refusedToggle
					? [
							{depth: 0 as const, text: `Refused: this offboarding was started to ${keep ? 'keep the user (legal hold)' : 'delete the user'}, and a resume keeps that choice.`, tone: 'loss' as const},
							{depth: 1 as const, text: `To ${keep ? 'delete' : 'keep'} it instead, close the record, then press O again (it starts over from what ${user} has now):`},
							{depth: 2 as const, text: `iamtui records close ${loaded.resumedFrom}`},
						]
					: []),
			]
		: [];
	const outcome = (): PlanLine[] => {
		if (phase.name === 'crashed') return [{depth: 0, text: `Failed: ${phase.message}`, tone: 'loss'}];
		if (phase.name !== 'finished') return [];
		const where = recordPath ? `The record is ${recordPath}` : 'No record was written';
		if (phase.report.ok)
			return [
				{depth: 0, text: phase.record.keepUser ? `${user} has no access left; the user is kept (legal hold).` : `${user} is offboarded: the user is deleted.`, tone: 'gain'},
				{depth: 1, text: `${where} — \`iamtui restore\` can recreate the user, groups and policies from it.`},
			];
		const failed = phase.report.outcomes.findIndex(o => o.status === 'failed');
		return [
			{depth: 0, text: `Stopped at step ${failed + 1}: later steps were not sent.`, tone: 'loss'},
			{depth: 1, text: `${where}; it keeps the progress: press O on ${user} again (or \`iamtui offboard ${user}\`) to resume.`},
		];
	};
	const body: PlanLine[] =
		phase.name === 'confirm'
			? [...header, ...recordLines(record), ...planLines(plan)]
			: [...outcome(), ...header, {depth: 0, text: plan.title}, ...progressLines(plan, progress, messages)];

	const prompt = typing ? (typed.length === 0 ? `type ${user} to confirm: ` : `you lose your own access — type "${LOCKOUT_PHRASE}": `) : '';
	const status =
		phase.name === 'running'
			? 'Running… the record is saved after every step'
			: finished
				? 'enter/esc goes back'
				: sendable === 0
					? 'Nothing to send: every step is done. enter finishes the record · esc goes back'
					: `${plan.lockout ? 'This locks you out. ' : ''}Type the name, then enter · ${loaded.resumedFrom ? `resuming: ${keep ? 'the user is kept' : 'the user is deleted'}, as started` : `tab: ${keep ? 'keep the user (legal hold)' : 'delete the user'} ⇄ ${keep ? 'delete it' : 'keep it'}`} · esc cancels (nothing is sent)`;
	const choice = `outcome: ${keep ? '( ) delete the user   (•) keep the user, without access (legal hold)' : '(•) delete the user   ( ) keep the user, without access (legal hold)'}`;
	const statusLines = statusRows(status, props.width);
	const chrome = statusLines.length + (phase.name === 'confirm' ? 1 : 0) + (typing ? 1 : 0);
	const visible = Math.max(1, props.height - chrome);
	// Wrapped, never cut: a note's reason or a role path is often at its end.
	const rows = body.flatMap(line => {
		const indent = '  '.repeat(line.depth);
		return wrapText(`${indent}${sanitize(line.text)}`, props.width, `${indent}  `).map(text => ({...line, text}));
	});
	const start = Math.min(top, Math.max(0, rows.length - visible));
	return (
		<Box flexDirection="column">
			<StatusRows rows={statusLines} alarm={phase.name === 'confirm'} />
			{phase.name === 'confirm' ? <Text wrap="truncate-end">{truncate(choice, props.width)}</Text> : null}
			{typing ? (
				<Box>
					<Text color={mismatch ? theme.error : theme.warning} wrap="truncate-end">
						{truncate(sanitize(mismatch ? `does not match — ${prompt}` : prompt), Math.max(10, props.width - 20))}
					</Text>
					<TextField
						value={draft}
						onChange={value => dispatch({type: 'draft', value})}
						onSubmit={submit}
						onCancel={props.onBack}
						focused={props.focused}
					/>
				</Box>
			) : null}
			{rows.slice(start, start + visible).map((line, n) => (
				<Text
					key={`${start + n}`}
					bold={line.depth === 0}
					{...toneProps(theme, line.depth === 0 && !line.tone ? 'accent' : planLineTone(line.tone))}
					wrap="truncate-end"
				>
					{line.text}
				</Text>
			))}
		</Box>
	);
}
