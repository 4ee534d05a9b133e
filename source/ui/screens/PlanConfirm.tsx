// The confirmation every write goes through: the plan's steps with their `aws iam` equivalents and
// the preview (gains, losses, kept through another path). y/enter runs it, n/esc cancels; a deletion
// needs its name typed, and a change that locks the operator out needs "lock me out" typed. Afterwards
// each step shows done / failed / skipped / not run, and enter or esc goes back. When a plan stopped
// part-way, u offers a plan that takes back the steps that went through (and says what cannot be).
import {Box, Text} from 'ink';
import {useState} from 'react';
import {describeError} from '../../model/errors.js';
import {planLines, type PlanLine} from '../../model/plans/describe.js';
import {reportLines, type ExecutionReport} from '../../model/plans/execute.js';
import type {Plan} from '../../model/plans/types.js';
import type {UndoProposal} from '../../model/plans/undo.js';
import {sanitize} from '../../model/sanitize.js';
import {useCommands} from '../hooks/keyboard.js';
import {useFooterScope} from '../hooks/footer-scope.js';
import type {RunPlan} from '../hooks/plan-runner.js';
import {scrollHandlers} from '../components/list-window.js';
import {StatusRows, statusRows} from '../components/StatusRows.js';
import {wrapText} from '../components/text.js';
import {TextField} from '../components/TextField.js';
import {planLineTone, toneProps, useTheme} from '../theme.js';

type Phase = {name: 'confirm'} | {name: 'running'} | {name: 'done'; report: ExecutionReport} | {name: 'crashed'; message: string};

const resultLines = (report: ExecutionReport, undo: UndoProposal | undefined): PlanLine[] => [
	{depth: 0, text: report.ok ? 'Done' : 'Stopped at the first failure: later steps were not sent'},
	...reportLines(report).map((text, n) => {
		const status = report.outcomes[n]!.status;
		return {depth: 1, text, tone: status === 'failed' ? 'loss' : status === 'done' ? 'gain' : 'dim'} as PlanLine;
	}),
	...(undo?.plan ? [{depth: 0, text: 'u: undo — a plan that takes back what went through (shown before anything is sent)'} as PlanLine] : []),
	...(undo?.cannotUndo ?? []).map(line => ({depth: 1, text: `cannot be undone: ${line}`, tone: 'warning'}) as PlanLine),
];

/** What must be typed before the plan runs, if anything: the lockout phrase wins over a name. */
export const LOCKOUT_PHRASE = 'lock me out';
export const typedConfirmation = (plan: Plan): string | undefined => (plan.lockout ? LOCKOUT_PHRASE : plan.confirmName);

export function PlanConfirm(props: {
	plan: Plan;
	runPlan: RunPlan;
	/** After a run: the report, so the caller can go on (e.g. to SecretOnce); else onDone. */
	onFinished?: (report: ExecutionReport) => void;
	onDone: () => void;
	/** The plan already ran elsewhere (before its secrets were shown): start on this report. */
	finished?: ExecutionReport;
	/** After a failed run: what could be taken back; `onUndo` shows that plan for confirmation. */
	undoFor?: (report: ExecutionReport) => UndoProposal;
	onUndo?: (plan: Plan) => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const theme = useTheme();
	const {plan} = props;
	const [phase, setPhase] = useState<Phase>(props.finished ? {name: 'done', report: props.finished} : {name: 'confirm'});
	const [top, setTop] = useState(0);
	const [typed, setTyped] = useState('');
	const [mismatch, setMismatch] = useState(false);
	const sendable = plan.steps.filter(s => !s.noop).length;
	const expected = sendable > 0 ? typedConfirmation(plan) : undefined;

	const run = () => {
		setPhase({name: 'running'});
		props.runPlan(plan).then(
			report => {
				setPhase({name: 'done', report});
				props.onFinished?.(report);
			},
			(error: unknown) => setPhase({name: 'crashed', message: describeError(error)}),
		);
	};
	const submitTyped = (value: string) => {
		if (value.trim() === expected) run();
		else setMismatch(true);
	};
	const typing = expected !== undefined && phase.name === 'confirm';
	const finished = phase.name === 'done' || phase.name === 'crashed';
	const undo = phase.name === 'done' && !phase.report.ok ? props.undoFor?.(phase.report) : undefined;
	const undoPlan = undo?.plan;
	const paging = scrollHandlers(delta => setTop(current => Math.max(0, current + delta)), props.height - 3);
	// Once it ran, the plan's own keys (y run, n cancel) are gone: enter or esc goes back, u may take back.
	useCommands(
		finished ? 'plan-done' : 'plan',
		finished
			? {'close-plan': props.onDone, 'undo-plan': undoPlan && props.onUndo ? () => props.onUndo!(undoPlan) : () => {}, ...paging}
			: {
					'run-plan': phase.name === 'confirm' && !typing ? run : () => {},
					'cancel-plan': phase.name === 'confirm' ? props.onDone : () => {},
					back: phase.name === 'running' ? () => {} : props.onDone,
					...paging,
				},
		props.focused,
	);
	useFooterScope(finished ? 'plan-done' : undefined, props.focused);

	const confirmStatus =
		sendable === 0
			? 'Nothing to send: every step is already done. y/enter or esc goes back.'
			: typing
				? `${plan.lockout ? `${plan.lockout}. ` : ''}Type "${expected}" and press enter to run ${sendable} step${sendable === 1 ? '' : 's'} · esc cancels (nothing is sent)`
				: `${plan.dangerous ? 'This takes access away. ' : ''}y/enter runs ${sendable} step${sendable === 1 ? '' : 's'} · n/esc cancels (nothing is sent)`;
	const status =
		phase.name === 'confirm'
			? confirmStatus
			: phase.name === 'running'
				? 'Running…'
				: phase.name === 'crashed'
					? `Failed: ${phase.message} · enter/esc goes back`
					: undoPlan
						? `Stopped part-way: u plans taking back the ${undoPlan.steps.length} change${undoPlan.steps.length === 1 ? '' : 's'} that went through · enter/esc goes back`
						: 'enter/esc goes back';
	const lines = [...(phase.name === 'done' ? resultLines(phase.report, undo) : []), ...planLines(plan)];
	// Wrapped, never cut: a plan must show the whole name of what it changes (IAM names differ at the end).
	const statusLines = statusRows(status, props.width);
	const rows = lines.flatMap(line => {
		const indent = '  '.repeat(line.depth);
		return wrapText(`${indent}${sanitize(line.text)}`, props.width, `${indent}  `).map(text => ({line, text}));
	});
	const visible = Math.max(1, props.height - statusLines.length - (typing ? 1 : 0));
	const start = Math.min(top, Math.max(0, rows.length - visible));
	return (
		<Box flexDirection="column">
			<StatusRows rows={statusLines} alarm={plan.dangerous && phase.name === 'confirm'} />
			{typing ? (
				<Box>
					<Text color={mismatch ? theme.error : theme.warning}>{mismatch ? 'does not match — type exactly: ' : 'confirm: '}</Text>
					<TextField
						value={typed}
						onChange={value => {
							setTyped(value);
							setMismatch(false);
						}}
						onSubmit={submitTyped}
						onCancel={props.onDone}
						focused={props.focused}
						placeholder={expected}
					/>
				</Box>
			) : null}
			{rows.slice(start, start + visible).map(({line, text}, n) => (
				<Text
					key={`${start + n}`}
					bold={line.depth === 0}
					{...toneProps(theme, line.depth === 0 ? 'accent' : planLineTone(line.tone))}
					wrap="truncate-end"
				>
					{text}
				</Text>
			))}
		</Box>
	);
}
