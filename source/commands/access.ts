// Headless `who-can ACTION` and `can USER ACTION`: the access model's answers for scripts.
// `can` exits 0 when allowed, 1 when denied, 2 when conditional (errors use other codes).
import {explain, whoCan, type AccessError, type GrantPath, type StatementRef} from '../model/access.js';
import {IamError} from '../model/errors.js';
import {sanitize} from '../model/sanitize.js';
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import type {CommandResult} from './result.js';
import {textTable} from './text-table.js';

const refuse = (error: AccessError): never => {
	const hint = error.suggestions.length > 0 ? `did you mean: ${error.suggestions.join(', ')}?` : '';
	throw new IamError(error.kind === 'unknown-user' ? 'NotFound' : 'Invalid', error.message, hint);
};

const statementShape = (statement: StatementRef) => ({
	...(statement.source.viaGroup ? {GroupName: statement.source.viaGroup} : {}),
	PolicyName: statement.source.name,
	PolicyType: statement.source.kind,
	...(statement.source.arn ? {PolicyArn: statement.source.arn} : {}),
	StatementIndex: statement.statementIndex,
	...(statement.sid ? {Sid: statement.sid} : {}),
	Effect: statement.effect,
});

const pathText = (statement: StatementRef): string =>
	[statement.source.viaGroup ? `group ${statement.source.viaGroup}` : 'direct', statement.source.name, `#${statement.statementIndex}${statement.sid ? ` (${statement.sid})` : ''}`].join(' → ');

const distinctPaths = (via: GrantPath[]) => {
	const seen = new Map<string, GrantPath>();
	for (const grant of via) seen.set(`${grant.statement.source.viaGroup}|${grant.statement.source.name}|${grant.statement.statementIndex}`, grant);
	return [...seen.values()];
};

export const whoCanCommand = async (gateway: IamGateway, action: string | undefined, resource: string | undefined, json: boolean): Promise<CommandResult> => {
	if (!action) throw new IamError('Invalid', 'who-can needs an action', 'usage: iamtui who-can ACTION [--resource ARN] [--json]');
	const index = buildIndex(await gateway.loadSnapshot());
	const answer = await whoCan(index, action, resource ?? '*');
	if (!answer.ok) return refuse(answer);
	const principals = [...answer.users, ...answer.groups].map(entry => ({
		...(entry.kind === 'user' ? {UserName: entry.name} : {GroupName: entry.name}),
		Arn: entry.arn,
		Decision: entry.decision,
		Actions: entry.actions,
		Via: distinctPaths(entry.via).map(grant => statementShape(grant.statement)),
		...(entry.conditions.length > 0 ? {Conditions: entry.conditions.map(c => ({Operator: c.operator, Key: c.key, Values: c.values, Effect: c.effect}))} : {}),
		...(entry.incomplete ? {Incomplete: true} : {}),
	}));
	if (json) return {stdout: JSON.stringify(principals, null, 2)};
	const rows = [...answer.users, ...answer.groups].map(entry => [
		entry.kind,
		entry.name,
		entry.decision,
		distinctPaths(entry.via).map(grant => pathText(grant.statement)).join('; '),
	]);
	const notes = [...answer.notes, ...answer.couldNotEvaluate.map(p => `could not evaluate ${p.source.name}: ${p.reason}`)].map(sanitize);
	return {stdout: [textTable(['KIND', 'NAME', 'DECISION', 'VIA'], rows), ...notes].join('\n')};
};

const EXIT_BY_DECISION = {Allowed: 0, ExplicitDeny: 1, ImplicitDeny: 1, Conditional: 2} as const;

export const canCommand = async (
	gateway: IamGateway,
	userName: string | undefined,
	action: string | undefined,
	resource: string | undefined,
	json: boolean,
): Promise<CommandResult> => {
	if (!userName || !action) throw new IamError('Invalid', 'can needs a user and an action', 'usage: iamtui can USER ACTION [--resource ARN] [--json]');
	const index = buildIndex(await gateway.loadSnapshot());
	const answer = await explain(index, userName, action, resource ?? '*');
	if (!answer.ok) return refuse(answer);
	const exitCode = EXIT_BY_DECISION[answer.decision];
	if (json) {
		return {
			exitCode,
			stdout: JSON.stringify(
				{
					UserName: answer.userName,
					Action: answer.action,
					Resource: answer.resource,
					Decision: answer.decision,
					Statements: answer.statements.map(statementShape),
					Conditions: answer.conditions.map(c => ({...statementShape(c.statement), Operator: c.operator, Key: c.key, Values: c.values})),
					BlockedByBoundary: answer.blockedByBoundary,
					CouldNotEvaluate: answer.couldNotEvaluate.map(p => ({PolicyName: p.source.name, Reason: p.reason})),
					Notes: answer.notes,
				},
				null,
				2,
			),
		};
	}
	const lines = [
		`${answer.userName} ${answer.action} on ${answer.resource}: ${answer.decision}`,
		...answer.statements.map(s => `  ${s.effect === 'Deny' ? 'denied by' : 'granted by'} ${pathText(s)}`),
		...answer.conditions.map(c => `  if ${c.operator} ${c.key} ${c.values.join(',')} (${pathText(c.statement)})`),
		...(answer.blockedByBoundary ? ['  the permissions boundary does not allow it'] : []),
		...answer.notes.map(n => `  note: ${n}`),
	];
	// User, group, policy names and condition values come from the account: untrusted, made inert.
	return {stdout: lines.map(sanitize).join('\n'), exitCode};
};
