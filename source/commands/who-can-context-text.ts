// `who-can` with request context: what the context changed, under the table — the principals Conditional
// without it that it made Allowed or took away, each with what decided (as `can` says it for one person).
import type {ContextEffects} from '../model/access/who-can-context.js';
import {contextText, type RequestContext} from '../model/access/request-context.js';

/** Names listed of those not worked out, before a count. */
const NAMED = 20;

export const contextEffectLines = (context: RequestContext, {changed}: ContextEffects): string[] => {
	if (changed.length === 0) return [];
	const given = Object.keys(context)
		.map(key => contextText(context, key))
		.join(' ');
	const workedOut = changed.filter(c => c.decided);
	const rest = changed.filter(c => !c.decided);
	const named = rest.slice(0, NAMED).map(c => `${c.kind} ${c.name} (${c.decision === 'Allowed' ? 'Allowed' : 'not'})`);
	return [
		`with the context given (${given}), of those Conditional without it:`,
		...workedOut.flatMap(effect => [
			`  ${effect.kind} ${effect.name}: ${effect.decision === 'Allowed' ? 'Allowed' : 'not with the context given'}`,
			...effect.decided!.map(line => `    ${line}`),
		]),
		...(rest.length > 0
			? [
					`  and ${rest.length} more: ${named.join(', ')}${rest.length > NAMED ? ` and ${rest.length - NAMED} others` : ''}`,
					'  (`iamtui can NAME ACTION` with the same context says what decided for each; without the context, who-can lists them all)',
				]
			: []),
	];
};
