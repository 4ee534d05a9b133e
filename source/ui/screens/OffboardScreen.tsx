// Offboarding a user (W7): record what they have (or pick up the unfinished record of an earlier run,
// re-reading the user so what it gained since is revoked too), show it and the plan with its `aws iam` equivalents, choose delete or keep (legal hold), type the
// user's name — and "lock me out" when the self-lockout guard (model/plans/lockout.ts, the one every write
// uses) says it locks you out — then run it step by step. The record is saved
// before the first write and after every step, so an interruption resumes here later.
import {Box, Text} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import {describeError} from '../../model/errors.js';
import {buildIndex, type SnapshotIndex} from '../../model/indexes.js';
import {collectRecord} from '../../model/offboard/collect.js';
import type {OffboardRecord} from '../../model/offboard/record.js';
import {resumeRecord} from '../../model/offboard/resume.js';
import {runOffboarding} from '../../model/offboard/run.js';
import {planLines, type PlanLine} from '../../model/plans/describe.js';
import type {ExecutionReport} from '../../model/plans/execute.js';
import {actorFor} from '../../model/plans/actor.js';
import {guardLockout} from '../../model/plans/lockout.js';
import {planOffboard} from '../../model/plans/offboard.js';
import type {Plan} from '../../model/plans/types.js';
import {sanitize} from '../../model/sanitize.js';
import {ErrorPanel} from '../components/ErrorPanel.js';
import {truncate, wrapText} from '../components/text.js';
import {TextField} from '../components/TextField.js';
import {useConnection} from '../state/connection.js';
import {useCommands} from '../state/keyboard.js';
import {useServices} from '../state/services-context.js';
import {useSnapshot} from '../state/snapshot.js';
import {LOCKOUT_PHRASE} from './PlanConfirm.js';
import {progressLines, recordLines, type StepProgress} from './offboard-lines.js';

/**
 * `now`: on a resume, what the user has now (undefined when it is gone); the plan starts from it.
 * `index`: the account the record was read from, for the lockout guard.
 */
type Loaded = {record: OffboardRecord; index: SnapshotIndex; resumedFrom?: string; now?: OffboardRecord};
type Phase =
	| {name: 'confirm'}
	| {name: 'running'}
	| {name: 'finished'; report: ExecutionReport; record: OffboardRecord}
	| {name: 'crashed'; message: string};

const toneColor = (tone: PlanLine['tone']) => (tone === 'loss' ? 'red' : tone === 'gain' ? 'green' : tone === 'kept' || tone === 'warning' ? 'yellow' : undefined);

/** The record: the unfinished one of an earlier run for this user, else collected now. */
const useRecord = (name: string, index: SnapshotIndex): {loaded?: Loaded; error?: unknown} => {
	const services = useServices();
	const {gateway, identity, identityError} = useConnection();
	const [state, setState] = useState<{loaded?: Loaded; error?: unknown}>({});
	useEffect(() => {
		if (!identity) return;
		let live = true;
		const load = async (): Promise<Loaded> => {
			const resumed = services.records.unfinished(identity.account).find(r => r.record.user.name === name);
			const collect = (from: SnapshotIndex, keepUser: boolean) =>
				collectRecord(name, {gateway, index: from, account: identity.account, callerArn: identity.arn, now: services.now(), keepUser});
			if (!resumed) return {record: await collect(index, false), index};
			// A resume re-reads the account: the snapshot on screen may predate what the user gained since.
			const fresh = buildIndex(await gateway.loadSnapshot());
			const now = fresh.userByName.has(name) ? await collect(fresh, resumed.record.keepUser) : undefined;
			return {record: resumeRecord(resumed.record, now, services.now()).record, index: fresh, resumedFrom: resumed.path, ...(now ? {now} : {})};
		};
		load().then(
			loaded => live && setState({loaded}),
			(error: unknown) => live && setState({error}),
		);
		return () => {
			live = false;
		};
		// Once per user and caller: after the run the index changes, and the record shown must stay.
	}, [name, identity, gateway, services]);
	if (!identity && identityError) return {error: new Error(`cannot tell which account this profile opens (sts:GetCallerIdentity failed): ${identityError}`)};
	return state;
};

/**
 * The plan once the self-lockout guard has answered for it (undefined until then): nothing can be
 * confirmed before. Only a failed GetCallerIdentity (or a guard that cannot evaluate) leaves the plan
 * as built, with no claim either way — as on every other plan screen (PlanRoute).
 */
const useGuarded = (built: Plan | undefined, index: SnapshotIndex | undefined): Plan | undefined => {
	const {identity, identityError} = useConnection();
	const [guarded, setGuarded] = useState<{from: Plan; plan: Plan} | undefined>(undefined);
	useEffect(() => {
		if (!built || !index) return;
		if (!identity) {
			if (identityError !== undefined) setGuarded({from: built, plan: built});
			return;
		}
		let live = true;
		guardLockout(index, built, identity).then(
			plan => live && setGuarded({from: built, plan}),
			() => live && setGuarded({from: built, plan: built}),
		);
		return () => {
			live = false;
		};
	}, [built, index, identity, identityError]);
	return guarded && guarded.from === built ? guarded.plan : undefined;
};

export function OffboardScreen(props: {name: string; index: SnapshotIndex; focused: boolean; width: number; height: number; onBack: () => void}) {
	const services = useServices();
	const {gateway, settings, identity} = useConnection();
	const {apply} = useSnapshot();
	const {loaded, error} = useRecord(props.name, props.index);
	const [keepUser, setKeepUser] = useState<boolean | undefined>(undefined);
	const keep = keepUser ?? loaded?.record.keepUser ?? false;
	const [phase, setPhase] = useState<Phase>({name: 'confirm'});
	const [typed, setTyped] = useState<string[]>([]);
	const [draft, setDraft] = useState('');
	const [mismatch, setMismatch] = useState(false);
	const [progress, setProgress] = useState<StepProgress[]>([]);
	const [messages, setMessages] = useState<Array<string | undefined>>([]);
	const [recordPath, setRecordPath] = useState<string | undefined>(undefined);
	const [top, setTop] = useState(0);

	const record = useMemo(() => (loaded ? {...loaded.record, keepUser: keep} : undefined), [loaded, keep]);
	const built = useMemo(() => (record ? planOffboard(record, {keepUser: keep, ...(loaded?.now ? {now: loaded.now} : {})}) : undefined), [record, keep, loaded]);
	const plan = useGuarded(built, loaded?.index);
	const sendable = plan ? plan.steps.filter(s => !s.noop).length : 0;
	const expected = plan && sendable > 0 ? [record!.user.name, ...(plan.lockout ? [LOCKOUT_PHRASE] : [])] : [];
	const typing = phase.name === 'confirm' && plan !== undefined && typed.length < expected.length;

	const run = () => {
		if (!record || !plan) return;
		setPhase({name: 'running'});
		setProgress(plan.steps.map((s, n) => (s.noop ? 'skipped' : n === plan.steps.findIndex(t => !t.noop) ? 'running' : 'waiting')));
		runOffboarding(record, plan, {
			gateway,
			journal: services.journal,
			actor: actorFor(settings.profile, identity),
			now: () => services.now(),
			saveRecord: saved => setRecordPath(services.records.save(saved)),
			onStep: (outcome, position) => {
				setProgress(current => {
					const next = [...current];
					next[position] = outcome.status;
					const following = plan.steps.findIndex((s, n) => n > position && !s.noop);
					if (outcome.status === 'done' && following >= 0) next[following] = 'running';
					if (outcome.status === 'failed') for (let n = position + 1; n < next.length; n++) if (next[n] !== 'skipped') next[n] = 'not-run';
					return next;
				});
				setMessages(current => Object.assign([...current], {[position]: outcome.message}));
			},
		}).then(
			({report, record: final}) => {
				setPhase({name: 'finished', report, record: final});
				if (report.patch.changes.length > 0) apply(report.patch);
			},
			(failure: unknown) => setPhase({name: 'crashed', message: describeError(failure)}),
		);
	};

	const submit = (value: string) => {
		const want = expected[typed.length];
		if (value.trim() !== want) return setMismatch(true);
		const next = [...typed, value.trim()];
		setTyped(next);
		setDraft('');
		setMismatch(false);
		if (next.length === expected.length) run();
	};
	const [refusedToggle, setRefusedToggle] = useState(false);
	const toggle = () => {
		// A resume keeps the option it was started with: another one needs the record closed first.
		if (loaded?.resumedFrom) return setRefusedToggle(true);
		setKeepUser(!keep);
		setTyped([]);
		setDraft('');
		setMismatch(false);
	};
	const finished = phase.name === 'finished' || phase.name === 'crashed' || error !== undefined;
	const scroll = (delta: number) => () => setTop(current => Math.max(0, current + delta));
	useCommands(
		'offboard',
		{
			'toggle-keep-user': phase.name === 'confirm' && plan ? toggle : () => {},
			'confirm-offboard': finished ? props.onBack : phase.name === 'confirm' && plan && expected.length === 0 ? run : () => {},
			back: phase.name === 'running' ? () => {} : props.onBack,
			up: scroll(-1),
			down: scroll(1),
			'page-up': scroll(-(props.height - 4)),
			'page-down': scroll(props.height - 4),
		},
		props.focused,
	);

	if (error) return <ErrorPanel title={`Cannot offboard ${sanitize(props.name)}`} error={error} actions="esc goes back · nothing was sent" />;
	if (!loaded || !record) return <Text dimColor>{`Recording what ${sanitize(props.name)} has…`}</Text>;
	if (!plan) return <Text dimColor>Checking whether this offboarding locks you out…</Text>;

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
	const chrome = 1 + (phase.name === 'confirm' ? 1 : 0) + (typing ? 1 : 0);
	const visible = Math.max(1, props.height - chrome);
	// Wrapped, never cut: a note's reason or a role path is often at its end.
	const rows = body.flatMap(line => {
		const indent = '  '.repeat(line.depth);
		return wrapText(`${indent}${sanitize(line.text)}`, props.width, `${indent}  `).map(text => ({...line, text}));
	});
	const start = Math.min(top, Math.max(0, rows.length - visible));
	return (
		<Box flexDirection="column">
			<Text bold color={phase.name === 'confirm' ? 'red' : undefined} wrap="truncate-end">
				{truncate(sanitize(status), props.width)}
			</Text>
			{phase.name === 'confirm' ? <Text wrap="truncate-end">{truncate(choice, props.width)}</Text> : null}
			{typing ? (
				<Box>
					<Text color={mismatch ? 'red' : 'yellow'} wrap="truncate-end">
						{truncate(sanitize(mismatch ? `does not match — ${prompt}` : prompt), Math.max(10, props.width - 20))}
					</Text>
					<TextField
						value={draft}
						onChange={value => {
							setDraft(value);
							setMismatch(false);
						}}
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
					color={line.depth === 0 && !line.tone ? 'cyan' : toneColor(line.tone)}
					dimColor={line.tone === 'dim'}
					wrap="truncate-end"
				>
					{line.text}
				</Text>
			))}
		</Box>
	);
}
