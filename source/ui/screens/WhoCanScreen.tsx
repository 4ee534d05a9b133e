// Who can do ACTION (on RESOURCE)? Type the action (tab completes from the catalogue), optionally a
// resource ARN, enter runs the model's whoCan; the answer lists users and groups with their grant paths.
// Enter on a user opens the User screen with the cursor on the group that granted it (the path under the
// cursor, else the first), so `x` there removes them from that group; a direct grant opens on the policy.
// `o` asks the organization instead (opened first when it is not): every account, SCPs applied, with the
// Identity Center people who reach the action through a permission set.
// `c` sets a request context (as on the Access view): the answer assumes it — across the organization, every
// account's and its SCPs' and RCPs' — and in this account says at its end whom it changed among those
// Conditional without it, with what decided.
import {Box, Text} from 'ink';
import {useEffect, useMemo, useRef, useState} from 'react';
import {prepareWhoCan, whoCan, type AccessError, type AccessModel, type WhoCanAnswer} from '../../model/access.js';
import {contextEffects, type ContextEffects} from '../../model/access/who-can-context.js';
import {describeError} from '../../model/errors.js';
import {ActionQuery, type ActionQueryValue} from '../components/ActionQuery.js';
import {DetailList, note} from '../components/DetailList.js';
import {useAskedAgain} from '../hooks/asked-again.js';
import {priority, useCommands} from '../hooks/keyboard.js';
import type {UserLineFocus} from '../hooks/routes.js';
import {errorText} from './access-text.js';
import {whoCanLines} from './whocan-lines.js';
import {useRequestContext} from './ContextField.js';
import {useTheme} from '../theme.js';
import type {OrgAccountAnswer} from '../../model/org/org-who-can.js';
import {readingIdentityCenter} from '../../model/org/org-session.js';
import type {OrganizationContext, OrgState} from '../hooks/organization.js';
import {orgWhoCanLines, type OrgLineTarget} from './org-whocan-lines.js';

/** How far the organization's opening is, in a few words. */
const orgProgress = (state: OrgState | undefined): string => {
	if (state?.status !== 'opening') return 'reading its tree';
	const reported = state.accounts.filter(a => a.load.kind !== 'loading').length;
	return `${reported} of ${state.accounts.length} accounts read`;
};

type Answer =
	| {status: 'idle'}
	| {status: 'evaluating'; query: ActionQueryValue}
	| {status: 'error'; error: AccessError}
	/** effects: with a request context, what it changed (undefined while worked out). */
	| {status: 'done'; answer: WhoCanAnswer; effects?: ContextEffects; effectsError?: string}
	/** Asked of the organization while it opens: answered once it is open. */
	| {status: 'waiting-org'; query: ActionQueryValue}
	| {status: 'org-done'; query: ActionQueryValue; answers: OrgAccountAnswer[]; total: number};

type Scope = 'account' | 'organization';

const failedAnswer = (error: unknown): Answer => ({status: 'error', error: {ok: false, kind: 'evaluation-failed', message: describeError(error), suggestions: []}});

export function WhoCanScreen(props: {
	model: AccessModel;
	/** Asked as the screen opens (`:whocan ACTION [RESOURCE]`), the fields holding it. */
	initial?: ActionQueryValue;
	onOpenUser: (name: string, focus?: UserLineFocus) => void;
	onOpenGroup: (name: string) => void;
	/** Enter on a role's row: its Role screen; absent: roles' rows open nothing. */
	onOpenRole?: (name: string) => void;
	onBack: () => void;
	/** The organization of the profile; absent: this account only (an export). */
	org?: OrganizationContext;
	/** Enter on a line of the organization's answer: the person, or the IAM principal in its account. */
	onOpenOrgLine?: (target: OrgLineTarget) => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const theme = useTheme();
	const {onOpenUser, onOpenGroup, onOpenRole, onOpenOrgLine, org} = props;
	const [editing, setEditing] = useState(true);
	const [answer, setAnswer] = useState<Answer>({status: 'idle'});
	const [scope, setScope] = useState<Scope>('account');
	const session = org?.state.status === 'open' ? org.state.session : undefined;
	// `c`: the request context the answer assumes (in either scope); the model is rebuilt with it, sharing what is known.
	const requestContext = useRequestContext(props.model);
	const {model} = requestContext;
	// Only the latest query may land: an older, slower answer is dropped.
	const generation = useRef(0);
	// While the operator types the action, the model gets ready, so the first answer is not slower than the next.
	useEffect(() => {
		const stop = new AbortController();
		void prepareWhoCan(model, stop.signal).catch(() => undefined);
		return () => stop.abort();
	}, [model]);
	// And with the organization open, every account's model, so the first org-wide answer is not the slowest; not
	// while this screen's own answer is being worked out (the operator's question comes first).
	const evaluating = useRef(false);
	evaluating.current = answer.status === 'evaluating';
	const opened = session?.opened;
	const warmUp = org?.warmUp;
	useEffect(() => {
		if (!opened || !warmUp) return;
		const stop = new AbortController();
		void warmUp(opened, stop.signal, () => evaluating.current);
		return () => stop.abort();
	}, [opened, warmUp]);

	// After a reload or a write the same query runs again on the new model (a query being typed stays open).
	// Asked again when the account's model changes (a reload, a write, another context), when the scope flips,
	// and when the organization opens.
	const orgAsked = session ?? org?.state.status;
	const askedOfOrg = useMemo(() => ({orgAsked, model}), [orgAsked, model]);
	const askedOf = scope === 'organization' ? askedOfOrg : model;
	const run = useAskedAgain(askedOf, (query: ActionQueryValue, again: boolean) => {
		if (!query.action) return;
		const mine = ++generation.current;
		if (!again) setEditing(false);
		if (scope === 'organization' && org) {
			if (!session) {
				if (org.state.status === 'failed') setAnswer(failedAnswer(org.state.error));
				else setAnswer({status: 'waiting-org', query});
				return;
			}
			setAnswer({status: 'evaluating', query});
			org.whoCan(session, query.action, query.resource, model.context).then(
				result => {
					if (generation.current !== mine) return;
					setAnswer(result.ok ? {status: 'org-done', query, answers: result.answers, total: result.total} : {status: 'error', error: result});
					if (!result.ok) setEditing(true);
				},
				(error: unknown) => generation.current === mine && setAnswer(failedAnswer(error)),
			);
			return;
		}
		setAnswer({status: 'evaluating', query});
		whoCan(model, query.action, query.resource).then(
			result => {
				if (generation.current !== mine) return;
				setAnswer(result.ok ? {status: 'done', answer: result} : {status: 'error', error: result});
				if (!result.ok) {
					setEditing(true);
					return;
				}
				// Then, with a context, whom it changed: shown under the answer once worked out.
				if (!model.context) return;
				// Asked without it on the screen's own model: its answer to the same query is often known already.
				contextEffects(model, query.action, result.resource, result, props.model).then(
					effects => generation.current === mine && setAnswer({status: 'done', answer: result, effects}),
					// The answer stands without it; the section says it could not be worked out.
					(error: unknown) => generation.current === mine && setAnswer({status: 'done', answer: result, effectsError: describeError(error)}),
				);
			},
			(error: unknown) => {
				if (generation.current !== mine) return;
				setAnswer(failedAnswer(error));
				setEditing(true);
			},
		);
	});

	// Asked once, as the screen opens: another `:whocan ACTION` opens the screen afresh.
	useEffect(() => {
		if (props.initial) run(props.initial);
	}, []);

	const resultsFocused = props.focused && !editing;
	const listed = answer.status === 'done' || answer.status === 'org-done';
	const flipScope = () => {
		if (!org) return;
		if (scope === 'account') org.open();
		setScope(scope === 'account' ? 'organization' : 'account');
	};
	// Without an answer on screen there is no list to own esc: go back from here.
	useCommands(
		'whocan',
		{
			'edit-query': () => setEditing(true),
			'org-scope': org ? flipScope : undefined,
			'request-context': requestContext.edit,
			back: listed ? undefined : props.onBack,
		},
		resultsFocused && !requestContext.editing,
	);
	// Across the organization, `r` reads it again (every account) and the same query is asked of it once open;
	// in this account the global `r` reloads the snapshot, as everywhere else.
	useCommands('global', {reload: org?.reload}, resultsFocused && scope === 'organization', {priority: priority.screen});

	// The openers as last drawn, read when a line is opened: the lines (tens of thousands in a large account) are
	// built once per answer, not again each time the screen's parent draws (the help opened, a message shown).
	const openers = useRef({onOpenUser, onOpenGroup, onOpenRole, onOpenOrgLine});
	useEffect(() => {
		openers.current = {onOpenUser, onOpenGroup, onOpenRole, onOpenOrgLine};
	});
	const hasRoleOpener = onOpenRole !== undefined;
	const hasOrgOpener = onOpenOrgLine !== undefined;
	const lines = useMemo(
		() =>
			answer.status === 'done'
				? whoCanLines(
						answer.answer,
						{
							user: (name, focus) => openers.current.onOpenUser(name, focus),
							group: name => openers.current.onOpenGroup(name),
							...(hasRoleOpener ? {role: (name: string) => openers.current.onOpenRole?.(name)} : {}),
						},
						model.context ? {context: model.context, effects: answer.effects, error: answer.effectsError} : undefined,
					)
				: answer.status === 'org-done'
					? orgWhoCanLines(answer.answers, answer.total, hasOrgOpener ? target => openers.current.onOpenOrgLine?.(target) : undefined)
					: [],
		[answer, model, hasRoleOpener, hasOrgOpener],
	);
	// Whom the context changed is listed at the end of the answer: the status line says how many, and how to get there.
	const changedCount = answer.status === 'done' ? answer.effects?.changed.length : undefined;
	const status =
		answer.status === 'evaluating' ? (
			<Text color={theme.accent} wrap="truncate-end">
				{scope === 'organization' && readingIdentityCenter(session)
					? `reading Identity Center (its people are in the answer), then ${answer.query.action} on ${answer.query.resource} in every account…`
					: `evaluating ${answer.query.action} on ${answer.query.resource}…`}
			</Text>
		) : answer.status === 'error' ? (
			// Whole, wrapped: the suggestions are the end of it, and no list is shown under an error.
			<Text color={theme.error} wrap="wrap">
				{errorText(answer.error)}
			</Text>
		) : answer.status === 'waiting-org' ? (
			<Text color={theme.accent} wrap="truncate-end">{`opening the organization (${orgProgress(org?.state)}), then ${answer.query.action} on ${answer.query.resource} in every account…`}</Text>
		) : answer.status === 'idle' ? (
			<Text dimColor={theme.muted} wrap="truncate-end">
				{editing ? 'Type an action, e.g. ec2:TerminateInstances or s3:Delete*, then enter.' : `/ types an action${org ? ' · o this account/the organization' : ''} · esc back`}
			</Text>
		) : (
			<Text dimColor={theme.muted} wrap="truncate-end">{editing ? 'enter runs the query · esc back to the answer' : `${answer.status === 'done' || onOpenOrgLine ? 'enter opens · ' : ''}/ edits the query · c request context${changedCount ? ` (it changed ${changedCount}: listed last, G)` : ''}${org ? ' · o this account/the organization' : ''}${scope === 'organization' ? ' · r reads the organization again' : ''} · esc back`}</Text>
		);
	const chrome = 1 + (editing && props.focused ? 3 : 2) + 1 + requestContext.height;
	return (
		<Box flexDirection="column">
			<Text bold>{`Who can… ${scope === 'organization' ? `(across the organization${session ? `: ${session.opened.accounts.length} accounts` : ''})` : '(in this account)'}`}</Text>
			<ActionQuery
				scope="whocan"
				prompt="do"
				initial={props.initial}
				active={props.focused && editing}
				width={props.width}
				onSubmit={run}
				// esc leaves the fields, so q and : work again (the fields would type them).
				onCancel={() => setEditing(false)}
			/>
			{requestContext.bar({active: props.focused, width: props.width, why: scope === 'organization' ? 'every account and its SCPs assume it' : ''})}
			{status}
			{listed ? (
				<DetailList
					scope="whocan"
					lines={lines.length > 0 ? lines : [note('empty', 'nothing')]}
					position
					// A role path is longer than most terminals: the selected one is shown whole below.
					wholeSelected={3}
					height={props.height - chrome}
					width={props.width}
					focused={resultsFocused}
					onBack={props.onBack}
				/>
			) : null}
		</Box>
	);
}
