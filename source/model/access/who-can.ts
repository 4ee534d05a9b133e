// "Who can do ACTION (on RESOURCE)?" over the whole snapshot. Fast because the simulator sees each
// distinct set of statements that can match an action once (statements.ts), however many policies
// and principals hold it; principals are compared by which of those statements they hold (a bit mask,
// who-can-classes.ts); and principals with no matching Allow skip evaluation. A wildcard query's
// actions fall into a few classes, so its hundreds of actions cost one simulation per distinct
// statement set each, not one per principal.
import type {SnapshotIndex} from '../indexes.js';
import {accessError, resolveActions} from './catalogue.js';
import {evaluationSets, type Settled} from './eval-sets.js';
import {checkResource, fromFailure} from './explain.js';
import {holderIndex, type Holder} from './holders.js';
import {toModel, type AccessModel} from './model.js';
import type {WhoCanAnswer, WhoCanEntry, WhoCanResult} from './types.js';
import {actionClasses, isUser} from './who-can-classes.js';
import {entryMaker} from './who-can-entries.js';
import {rolesOf} from './roles.js';
import {unreadBoundaryCondition, unreadBoundaryNote} from './unread-boundary.js';
import {withRoles} from './who-can-roles.js';

const problemsOf = (principals: Holder[]): WhoCanAnswer['couldNotEvaluate'] => {
	const byPolicy = new Map<string, WhoCanAnswer['couldNotEvaluate'][number]>();
	for (const principal of principals) {
		for (const problem of principal.problems) {
			const key = `${problem.source.kind}|${problem.source.arn ?? ''}|${problem.source.viaGroup ?? ''}|${problem.source.name}`;
			let entry = byPolicy.get(key);
			if (!entry) byPolicy.set(key, (entry = {...problem, users: [], groups: []}));
			(principal.kind === 'user' ? entry.users : entry.groups).push(principal.name);
		}
	}
	return [...byPolicy.values()];
};

/** Notes per action (in query order), and whether anything could be evaluated at all. */
const notesOf = (actions: string[], settled: Settled[][], position: Map<string, Array<{set: number; index: number}>>) => {
	const notes: string[] = [];
	let answered = 0;
	let firstFailure: WhoCanResult | undefined;
	for (const action of actions) {
		let failed: string | undefined;
		let succeeded = 0;
		for (const {set, index} of position.get(action) ?? []) {
			const result = settled[set]![index]!;
			if (!result.ok) {
				failed ??= result.message;
				firstFailure ??= fromFailure(result);
				continue;
			}
			succeeded++;
			for (const note of result.notes) if (!notes.includes(note)) notes.push(note);
		}
		if (failed) notes.push(`${succeeded > 0 ? 'partly evaluated' : 'skipped'} ${action}: ${failed}`);
		if (succeeded > 0 || !failed) answered++;
	}
	return {notes, answered, firstFailure};
};

/** Every user, group and role that is Allowed or Conditional for the action (wildcards expanded), users also through roles. */
export const whoCan = async (source: SnapshotIndex | AccessModel, action: string, resource = '*'): Promise<WhoCanResult> => {
	const model = toModel(source);
	const direct = await whoCanDirect(model, action, resource);
	// Role paths are worked out once per query, after the identity-only answer, and merged into it.
	return direct.ok && rolesOf(model).length > 0 ? withRoles(model, direct) : direct;
};

/** Who-can by identity policies alone (users and groups; no roles). */
export const whoCanDirect = async (source: SnapshotIndex | AccessModel, action: string, resource = '*'): Promise<WhoCanResult> => {
	const model = toModel(source);
	const badResource = checkResource(resource);
	if (badResource) return badResource;
	const resolved = await resolveActions(action);
	if (!resolved.ok) return resolved;

	const index = holderIndex(model);
	const classes = actionClasses(index.catalogue, resolved.actions);
	const {sets, setsOf} = evaluationSets(model, index, classes, resource);
	const settled = await Promise.all(sets.map(set => Promise.all(set.evaluations)));

	// Where each action was evaluated: (set, position in its class), for the notes.
	const position = new Map<string, Array<{set: number; index: number}>>();
	sets.forEach((set, s) =>
		classes[set.classIndex]!.actions.forEach((wanted, i) => {
			const list = position.get(wanted);
			if (list) list.push({set: s, index: i});
			else position.set(wanted, [{set: s, index: i}]);
		}),
	);
	const {notes, answered, firstFailure} = notesOf(resolved.actions, settled, position);
	if (answered === 0 && firstFailure) return firstFailure;
	if (answered === 0) return accessError('evaluation-failed', `nothing could be evaluated for ${action}`);

	// Holders are sorted by name already.
	const make = entryMaker(resolved.actions, classes, sets, settled);
	// A boundary that could not be read may cut any allow (as `can` answers): Conditional, and said why.
	const unread = new Map<string, string>();
	const what = resolved.actions.length === 1 ? resolved.actions[0]! : action.trim();
	const answerFor = (principals: Holder[]): WhoCanEntry[] => {
		const found: WhoCanEntry[] = [];
		for (const p of principals) {
			const entry = make(p, setsOf.get(p)!);
			if (!entry) continue;
			const boundary = isUser(p) ? p.unreadBoundary : undefined;
			if (!boundary) {
				found.push(entry);
				continue;
			}
			unread.set(boundary.arn ?? boundary.name, unreadBoundaryNote(boundary, what));
			found.push({...entry, decision: 'Conditional', conditions: [...entry.conditions, unreadBoundaryCondition(boundary, entry.actions)]});
		}
		return found;
	};
	const users = answerFor(index.users);
	return {
		ok: true,
		actions: resolved.actions,
		resource,
		users,
		groups: answerFor(index.groups),
		roles: [],
		roleNotes: [],
		couldNotEvaluate: problemsOf([...index.users, ...index.groups]),
		notes: unread.size > 0 ? [...notes, ...unread.values()] : notes,
	};
};
