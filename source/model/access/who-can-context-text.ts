// Who-can with request context: what the context changed, in words — the principals Conditional without it
// that it made Allowed or took away, each with what decided (as `can` says it for one person). The command
// line prints these lines under its table; the TUI's Who-can screen shows the same wording as lines to open.
import type {ContextEffect, ContextEffects} from './who-can-context.js';
import {contextText, type RequestContext} from './request-context.js';

/** Names listed of those not worked out, before a count. */
const NAMED = 20;

/** The context as given, e.g. "aws:MultiFactorAuthPresent=true aws:SourceIp=10.0.0.1". */
export const contextGivenText = (context: RequestContext): string =>
	Object.keys(context)
		.map(key => contextText(context, key))
		.join(' ');

/** What the context made of one principal. */
export const effectOutcome = (effect: ContextEffect): string => (effect.decision === 'Allowed' ? 'Allowed' : 'not with the context given');

/** The line above the principals the context changed. */
export const effectsHeading = (context: RequestContext): string => `with the context given (${contextGivenText(context)}), of those Conditional without it:`;

/** The command line's lines under who-can's table; `ask`: the command that says what decided for one of them. */
export const contextEffectLines = (context: RequestContext, {changed}: ContextEffects, ask = 'iamtui can NAME ACTION'): string[] => {
	if (changed.length === 0) return [];
	const workedOut = changed.filter(c => c.decided);
	const rest = changed.filter(c => !c.decided);
	const named = rest.slice(0, NAMED).map(c => `${c.kind} ${c.name} (${c.decision === 'Allowed' ? 'Allowed' : 'not'})`);
	return [
		effectsHeading(context),
		...workedOut.flatMap(effect => [`  ${effect.kind} ${effect.name}: ${effectOutcome(effect)}`, ...effect.decided!.map(line => `    ${line}`)]),
		...(rest.length > 0
			? [
					`  and ${rest.length} more: ${named.join(', ')}${rest.length > NAMED ? ` and ${rest.length - NAMED} others` : ''}`,
					`  (\`${ask}\` with the same context says what decided for each; without the context, who-can lists them all)`,
				]
			: []),
	];
};
