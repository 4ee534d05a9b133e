// "can USER do ACTION [on RESOURCE]?" under the Access view: the decision (Allowed, Denied explicit or
// implicit, Conditional) and the statements that decided it. enter asks, esc closes.
import {Box, Text} from 'ink';
import {useRef, useState} from 'react';
import {explain, type AccessModel, type ExplainResult, type Explanation} from '../../model/access.js';
import {describeError} from '../../model/errors.js';
import {sanitize} from '../../model/sanitize.js';
import {ActionQuery, type ActionQueryValue} from '../components/ActionQuery.js';
import {truncate} from '../components/text.js';
import {conditionText, decisionColor, decisionText, errorText, pathText} from './access-text.js';

type State = {status: 'idle'} | {status: 'evaluating'} | {status: 'done'; result: ExplainResult};

const detailLines = (answer: Explanation): string[] => {
	const lines: string[] = [];
	const deciding = answer.decision === 'ExplicitDeny' ? 'denied by' : answer.decision === 'ImplicitDeny' ? 'blocked' : 'granted by';
	for (const statement of answer.statements) lines.push(`${deciding} ${statement.effect.toLowerCase()}: ${pathText(statement)}`);
	if (answer.decision === 'ImplicitDeny' && answer.statements.length === 0) lines.push('no statement allows it');
	for (const condition of answer.conditions) lines.push(`${conditionText(condition)}  (${pathText(condition.statement)})`);
	if (answer.blockedByBoundary) lines.push('the identity policies allow it, the permissions boundary does not');
	for (const deny of answer.partialDenies) lines.push(`partly denied (some resources) by ${pathText(deny)}`);
	if (answer.resourcePatterns.length > 0 && !answer.resourcePatterns.includes('*')) lines.push(`on ${answer.resourcePatterns.join(', ')} only`);
	for (const problem of answer.couldNotEvaluate) lines.push(`could not evaluate ${problem.source.name}: ${problem.reason}`);
	lines.push(...answer.notes);
	return lines;
};

export function ExplainPanel(props: {model: AccessModel; userName: string; active: boolean; width: number; height: number; onClose: () => void}) {
	const [state, setState] = useState<State>({status: 'idle'});
	const generation = useRef(0);
	const ask = (query: ActionQueryValue) => {
		if (!query.action) return;
		const mine = ++generation.current;
		setState({status: 'evaluating'});
		explain(props.model, props.userName, query.action, query.resource).then(
			result => generation.current === mine && setState({status: 'done', result}),
			(error: unknown) =>
				generation.current === mine &&
				setState({status: 'done', result: {ok: false, kind: 'evaluation-failed', message: describeError(error), suggestions: []}}),
		);
	};
	const width = Math.max(1, props.width - 2);
	const room = Math.max(1, props.height - 5);
	let body = <Text dimColor>enter asks · esc closes</Text>;
	if (state.status === 'evaluating') body = <Text color="cyan">evaluating…</Text>;
	else if (state.status === 'done' && !state.result.ok) body = <Text color="red">{truncate(errorText(state.result), width)}</Text>;
	else if (state.status === 'done' && state.result.ok) {
		const answer = state.result;
		body = (
			<Box flexDirection="column">
				<Text bold color={decisionColor(answer.decision)}>
					{truncate(`${decisionText[answer.decision]} — ${answer.action} on ${answer.resource}`, width)}
				</Text>
				{detailLines(answer)
					.slice(0, room - 1)
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
			<ActionQuery scope="access" prompt={`can ${sanitize(props.userName)} do`} active={props.active} width={width} onSubmit={ask} onCancel={props.onClose} />
			{body}
		</Box>
	);
}
