// A role path in words, the same in the TUI and headless output:
// "group Developers → inline policy AssumeAdmin → statement #1 → role Admin (trust statement #1: the account)
//  → inline policy Everything → statement #1". Pure text; callers make it safe for the terminal.
import {resourcesCovered} from '../decision-words.js';
import type {AssumeCondition, AssumeStep, RolePath, StatementRef, TrustRef} from './types.js';

const holderText = (statement: StatementRef): string =>
	statement.source.viaGroup ? `group ${statement.source.viaGroup} → ` : statement.source.role ? `role ${statement.source.role} → ` : '';

/** "group G → inline policy P → statement #1 (Sid)", or for a role's own policy "role R → policy P → …". */
export const statementText = (statement: StatementRef, withHolder = true): string => {
	const kind = statement.source.kind === 'boundary' ? 'boundary' : statement.source.kind === 'inline' ? 'inline policy' : 'policy';
	const sid = statement.sid ? ` (${statement.sid})` : '';
	return `${withHolder ? holderText(statement) : ''}${kind} ${statement.source.name} → statement #${statement.statementIndex}${sid}`;
};

/** "trust statement #1 Sid", and how it names the caller: "the account", or "names WHOM". */
export const trustStatementText = (trust: TrustRef): string => `trust statement #${trust.statementIndex}${trust.sid ? ` ${trust.sid}` : ''}`;
export const trustNamesText = (trust: TrustRef, whom: string): string => (trust.principal === 'account' ? 'the account' : `names ${whom}`);

/** One assume step: the caller's allowing statement (account trust) then the role and the trust statement. */
export const stepText = (step: AssumeStep): string => {
	const trust = step.trust ? ` (${trustStatementText(step.trust)}: ${trustNamesText(step.trust, `${step.caller.kind} ${step.caller.name}`)})` : '';
	const allowedBy = step.identity[0];
	// A role's own statement is already under that role in the path: no holder repeated.
	const lead = allowedBy ? `${statementText(allowedBy, step.caller.kind === 'user')} → ` : '';
	return `${lead}assume role ${step.role}${trust}`;
};

export const assumeConditionText = (c: AssumeCondition): string =>
	`${c.effect === 'Allow' ? 'if' : 'unless'} ${c.key} ${c.operator} ${c.values.join(', ')} (${c.where === 'trust' ? 'trust policy' : 'identity policy'})`;

/** The whole path, from the principal to the role's statement that grants. */
export const rolePathText = (path: RolePath): string => {
	const grant = path.via[0];
	return [...path.steps.map(stepText), ...(grant ? [statementText(grant.statement, false)] : [])].join(' → ');
};

/** The path's decision with what its grant covers on a wildcard resource: "Allowed on arn:aws:s3:::r/* only". */
export const rolePathDecision = (path: RolePath): string => [path.decision, resourcesCovered(path)].filter(Boolean).join(' ');

/** Every condition the path hangs on: each step's, then the role's own. */
export const rolePathConditions = (path: RolePath): string[] => [
	...path.steps.flatMap(s => [...s.conditions.map(assumeConditionText), ...(s.decided ?? [])]),
	...path.conditions.map(c => `${c.effect === 'Allow' ? 'if' : 'unless'} ${c.key} ${c.operator} ${c.values.join(', ')} (role ${path.role})`),
];
