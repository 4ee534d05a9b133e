// With request context given, who-can says what the context changed: principals Conditional without it that it
// settles (now Allowed, or gone from the answer), each with what decided, as `can` says it for one person. Only
// rows Conditional without the context can change (an Allowed one hangs on nothing the context gives), so the
// same question is asked once without it (sharing the knowledge) and only those rows are worked out.
import {decidedText, writtenCondition} from './context-decided.js';
import {refusedByContext} from './context-refused.js';
import {explainFor} from './explain.js';
import {withContext, type AccessModel, type Principal} from './model.js';
import {statementText} from './role-path-text.js';
import {principalNamed} from './roles.js';
import type {WhoCanAnswer, WhoCanEntry} from './types.js';
import {whoCan} from './who-can.js';

/** Principals worked out one by one at most (each is a `can` of its own): the rest are named, `can` answers for each. */
export const CONTEXT_EFFECTS_WORKED_OUT = 20;

export interface ContextEffect {
	kind: WhoCanEntry['kind'];
	name: string;
	/** Its answer with the context: Allowed (it was Conditional without), or absent from the answer. */
	decision: 'Allowed' | 'NotAllowed';
	/** What decided, in words: the conditions the context settled, and the role paths it took away (the first few only). */
	decided?: string[];
}

export interface ContextEffects {
	/** Every principal the context changed, in the answer's order; the first CONTEXT_EFFECTS_WORKED_OUT with what decided. */
	changed: ContextEffect[];
}

const NONE: ContextEffects = {changed: []};

/** A principal of an answer by kind and name (an effect, a row). */
export const entryKey = (entry: {kind: string; name: string}): string => `${entry.kind}:${entry.name}`;

/** The conditions the context settled in the principal's own policies, for the first action it was Conditional on. */
const ownDecided = async (model: AccessModel, principal: Principal, action: string, resource: string): Promise<string[]> => {
	const answer = await explainFor(model, principal, action, resource);
	if (!answer.ok) return [];
	return (answer.decidedBy ?? []).map(c => decidedText(c.given, writtenCondition(c), c.holds, statementText(c.statement)));
};

/** What decided for one principal: the conditions settled in its own policies, then through roles. */
const decidedFor = async (model: AccessModel, openModel: AccessModel, open: WhoCanEntry, now: WhoCanEntry | undefined, resource: string): Promise<string[] | undefined> => {
	const principal = principalNamed(model, open.kind, open.name);
	const action = open.actions[0];
	if (!principal || !action) return undefined;
	const decided = open.via.length > 0 ? await ownDecided(model, principal, action, resource) : [];
	if (now) {
		// Settled through a role: each step says what the context decided in its trust, the role what it decided in its own policies.
		for (const path of now.throughRoles ?? []) {
			for (const step of path.steps) decided.push(...(step.decided ?? []));
			const role = principalNamed(model, 'role', path.role);
			if (role) decided.push(...(await ownDecided(model, role, action, resource)));
		}
	} else if (open.throughRoles && principal.kind !== 'group') {
		for (const refused of await refusedByContext(model, principal, action, resource, [], openModel)) {
			decided.push(`not through role ${refused.role}`, ...refused.decided.map(d => `  ${d}`));
		}
	}
	return decided;
};

/**
 * What the model's request context changed in the answer to `action` on `resource` (`answer`, asked with it):
 * the rows Conditional without the context that it made Allowed or took away, in the answer's order. `withoutContext`:
 * the same account's model without a context, if the caller has one.
 */
export const contextEffects = async (model: AccessModel, action: string, resource: string, answer: WhoCanAnswer, withoutContext?: AccessModel): Promise<ContextEffects> => {
	if (!model.context) return NONE;
	// The same account without the context: the caller's (whose answers may be known already), else one sharing this one's structures.
	const openModel = withoutContext ?? withContext(model);
	const open = await whoCan(openModel, action, resource);
	if (!open.ok) return NONE;
	const now = new Map([...answer.users, ...answer.groups, ...answer.roles].map(entry => [entryKey(entry), entry]));
	const changed = [...open.users, ...open.groups, ...open.roles].filter(entry => entry.decision === 'Conditional' && now.get(entryKey(entry))?.decision !== 'Conditional');
	const effects: ContextEffect[] = [];
	for (const [n, entry] of changed.entries()) {
		const withIt = now.get(entryKey(entry));
		const effect: ContextEffect = {kind: entry.kind, name: entry.name, decision: withIt ? 'Allowed' : 'NotAllowed'};
		if (n < CONTEXT_EFFECTS_WORKED_OUT) {
			const decided = await decidedFor(model, openModel, entry, withIt, resource);
			if (decided) effect.decided = decided;
		}
		effects.push(effect);
	}
	return {changed: effects};
};
