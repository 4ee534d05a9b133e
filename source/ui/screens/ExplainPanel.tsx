// "can USER (or ROLE) do ACTION [on RESOURCE]?" under the Access view: the decision (Allowed, Denied explicit or
// implicit, Conditional) and the statements that decided it. enter asks and leaves the fields (the answer
// stays, so r and the list work), esc leaves them too. The answer is asked again whenever the model
// changes (r, a write, another request context), as who-can's is: it is never the old snapshot's.
import {Box, Text} from 'ink';
import {useRef, useState} from 'react';
import {throughRoles, type AccessModel, type ExplainResult, type Explanation, type RolePath} from '../../model/access.js';
import {boundaryText, explainFor, scopeLines} from '../../model/access/explain.js';
import {refusedByContext, type RefusedPath} from '../../model/access/context-refused.js';
import {principalNamed, unknownPrincipal} from '../../model/access/roles.js';
import {rolePathConditions, rolePathDecision, rolePathText} from '../../model/access/role-path-text.js';
import {describeError} from '../../model/errors.js';
import {capReach, cappedLines, widestReach, type AccountCap, type CappedReach} from '../../model/org/account-cap.js';
import {sanitize} from '../../model/sanitize.js';
import {ActionQuery, type ActionQueryValue} from '../components/ActionQuery.js';
import {useAskedAgain} from '../hooks/asked-again.js';
import {fitRows, truncate, wrapText} from '../components/text.js';
import {ToneText} from '../components/ToneText.js';
import {conditionText, decisionTone, decisionText, errorText, pathText} from './access-text.js';

type State = {status: 'idle'} | {status: 'evaluating'} | {status: 'done'; result: ExplainResult; paths?: RolePath[]; refused?: RefusedPath[]; capped?: CappedReach};

/** Whose access is explained: a user, or a role (from the Role screen). */
export interface Asked {
	kind: 'user' | 'role';
	name: string;
}

/** Explain, and the roles the principal may assume that allow it (shown first: they are what the direct answer misses). */
const ask = async (model: AccessModel, asked: Asked, query: ActionQueryValue, cap: AccountCap | undefined): Promise<State> => {
	const principal = principalNamed(model, asked.kind, asked.name);
	if (!principal) return {status: 'done', result: unknownPrincipal(model, asked.kind, asked.name)};
	const result = await explainFor(model, principal, query.action, query.resource);
	if (!result.ok) return {status: 'done', result};
	const paths = await throughRoles(model, principal, result.action, result.resource);
	// With a request context set: the role paths it took away, and what decided.
	const refused = await refusedByContext(model, principal, result.action, result.resource, paths);
	// In a member account of an organization: the widest reach as its SCPs and RCPs leave it.
	const capped = cap ? await capReach(cap, principal, widestReach(result.decision, paths), result.action, result.resource) : undefined;
	return {status: 'done', result, paths, refused, ...(capped ? {capped} : {})};
};

const roleLines = (paths: RolePath[], refused: RefusedPath[]): string[] => [
	...paths.flatMap(p => [`through role ${p.role}: ${rolePathDecision(p)}: ${rolePathText(p)}`, ...rolePathConditions(p).map(c => `  ${c}`)]),
	...refused.flatMap(r => [`not through role ${r.role} with the context set`, ...r.decided.map(d => `  ${d}`)]),
];

const detailLines = (answer: Explanation): string[] => {
	const lines: string[] = [];
	const deciding = answer.decision === 'ExplicitDeny' ? 'denied by' : answer.decision === 'ImplicitDeny' ? 'blocked' : 'granted by';
	for (const statement of answer.statements) lines.push(`${deciding} ${statement.effect.toLowerCase()}: ${pathText(statement)}`);
	if (answer.decision === 'ImplicitDeny' && answer.statements.length === 0) lines.push('no statement allows it');
	for (const condition of answer.conditions) lines.push(`${conditionText(condition)}  (${pathText(condition.statement)})`);
	for (const decided of answer.decidedBy ?? [])
		lines.push(`decided by ${decided.given}: ${conditionText(decided)} ${decided.holds ? 'holds' : 'does not hold'}  (${pathText(decided.statement)})`);
	if (answer.blockedByBoundary) lines.push(`the identity policies allow it, the permissions boundary ${boundaryText(answer.boundary)} does not`);
	lines.push(...scopeLines(answer, pathText));
	for (const problem of answer.couldNotEvaluate) lines.push(`could not evaluate ${problem.source.name}: ${problem.reason}`);
	lines.push(...answer.notes);
	return lines;
};

export function ExplainPanel(props: {
	model: AccessModel;
	principal: Asked;
	/** The query fields have the keys; otherwise the answer is shown and the keys go to the list. */
	active: boolean;
	width: number;
	height: number;
	/** enter: the query runs; the fields give the keys back. */
	onAsked: () => void;
	/** esc in the fields: `answered` when an answer stays on screen. */
	onLeave: (answered: boolean) => void;
	/** Asked in a member account of an organization (the Account screen): its SCPs and RCPs cap the answer. */
	cap?: AccountCap;
}) {
	const [state, setState] = useState<State>({status: 'idle'});
	const generation = useRef(0);
	const onAsk = useAskedAgain(props.model, (query: ActionQueryValue, again: boolean) => {
		if (!query.action) return;
		if (!again) props.onAsked();
		const mine = ++generation.current;
		setState({status: 'evaluating'});
		ask(props.model, props.principal, query, props.cap).then(
			done => generation.current === mine && setState(done),
			(error: unknown) =>
				generation.current === mine &&
				setState({status: 'done', result: {ok: false, kind: 'evaluation-failed', message: describeError(error), suggestions: []}}),
		);
	});
	const width = Math.max(1, props.width - 2);
	const room = Math.max(1, props.height - 5);
	let body = <ToneText tone="muted">{props.active ? 'enter asks · esc closes' : 'e edits the question · esc closes'}</ToneText>;
	if (state.status === 'evaluating') body = <ToneText tone="accent">evaluating…</ToneText>;
	else if (state.status === 'done' && !state.result.ok) {
		// Wrapped within the panel (its suggestions are the end of it); cut only past the panel's rows.
		body = (
			<Box flexDirection="column">
				{fitRows(wrapText(errorText(state.result), width), room).map((row, n) => (
					<ToneText key={n} tone="error">
						{row}
					</ToneText>
				))}
			</Box>
		);
	}
	else if (state.status === 'done' && state.result.ok) {
		const answer = state.result;
		const inAccount = state.capped && props.cap ? cappedLines(props.cap.account, state.capped) : undefined;
		body = (
			<Box flexDirection="column">
				<ToneText tone={decisionTone(answer.decision)} bold>
					{truncate(`${inAccount ? 'by its own policies: ' : ''}${decisionText[answer.decision]}${state.paths?.length ? ' directly' : ''} — ${answer.action} on ${answer.resource}`, width)}
				</ToneText>
				{inAccount && state.capped ? (
					<ToneText tone={decisionTone(state.capped.effective)} bold>
						{truncate(sanitize(inAccount.head), width)}
					</ToneText>
				) : null}
				{[...(inAccount?.notes ?? []), ...roleLines(state.paths ?? [], state.refused ?? []), ...detailLines(answer)]
					.slice(0, room - 1 - (inAccount ? 1 : 0))
					.map((line, n) => (
						<Text key={n} wrap="truncate-end">
							{'  ' + truncate(sanitize(line), width - 2)}
						</Text>
					))}
			</Box>
		);
	}
	return (
		<Box flexDirection="column" borderStyle="single" borderTop={false} borderRight={false} borderBottom={false} paddingLeft={1}>
			<ActionQuery scope="access" prompt={`can ${props.principal.kind === 'role' ? 'role ' : ''}${sanitize(props.principal.name)} do`} active={props.active} width={width} onSubmit={onAsk} onCancel={() => props.onLeave(state.status !== 'idle')} />
			{body}
			{state.status === 'done' && !props.active ? <ToneText tone="muted">{truncate('e edits the question · esc closes', width)}</ToneText> : null}
		</Box>
	);
}

/** The panel in a box of its own height under a screen's title (Access, Account): the list below takes the rest. */
export function ExplainSlot(props: Parameters<typeof ExplainPanel>[0]) {
	return (
		<Box height={props.height} flexDirection="column" overflow="hidden">
			<ExplainPanel {...props} />
		</Box>
	);
}
