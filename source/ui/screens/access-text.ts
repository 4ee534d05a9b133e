// How who-has-what answers read on screen: grant paths (user → group → policy → statement), decisions,
// conditions and model errors. Pure text, shared by WhoCan, Access and Explain.
import type {AccessError, ConditionShown, Decision, PolicySource, StatementRef} from '../../model/access.js';
import {conditionWords} from '../../model/decision-words.js';
import type {Tone} from '../theme.js';

export const sourceText = (source: PolicySource): string => {
	const kind = source.kind === 'boundary' ? 'boundary' : source.kind === 'inline' ? 'inline policy' : 'policy';
	return `${source.viaGroup ? `group ${source.viaGroup}` : source.role ? `role ${source.role}` : 'user'} → ${kind} ${source.name}`;
};

/** e.g. "group Developers → policy DevelopersEc2 → statement #1 (AllowEc2)". */
export const pathText = (statement: StatementRef): string =>
	`${sourceText(statement.source)} → statement #${statement.statementIndex}${statement.sid ? ` (${statement.sid})` : ''}`;

export const decisionText: Record<Decision, string> = {
	Allowed: 'Allowed',
	ExplicitDeny: 'Denied (explicit)',
	ImplicitDeny: 'Denied (implicit)',
	Conditional: 'Conditional',
};

/** Allowed reads as done, Conditional as a warning, either denial as an error. */
export const decisionTone = (decision: Decision): Tone =>
	decision === 'Allowed' ? 'success' : decision === 'Conditional' ? 'warning' : 'error';

/** e.g. "if aws:SourceIp IpAddress 10.0.0.0/8" or "unless aws:MultiFactorAuthPresent Bool false". */
export const conditionText = (condition: ConditionShown): string => conditionWords(condition);

export const errorText = (error: AccessError): string =>
	error.suggestions.length > 0 ? `${error.message} — did you mean ${error.suggestions.join(', ')}?` : error.message;

/** The longest prefix every candidate shares (case-insensitive), in the first candidate's spelling. */
export const commonPrefix = (candidates: string[]): string => {
	if (candidates.length === 0) return '';
	let prefix = candidates[0]!;
	for (const name of candidates)
		while (!name.toLowerCase().startsWith(prefix.toLowerCase())) prefix = prefix.slice(0, -1);
	return prefix;
};
