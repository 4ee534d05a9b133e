// "Who can do ACTION (on RESOURCE)?" over the whole snapshot. Fast because the simulator sees each
// distinct set of statements that can match an action once (statements.ts), however many policies
// and principals hold it; principals are compared by which of those statements they hold (a bit mask,
// who-can-classes.ts); and principals with no matching Allow skip evaluation. A wildcard query's
// actions fall into a few classes, so its hundreds of actions cost one simulation per distinct
// statement set each, not one per principal.
import type {SnapshotIndex} from '../indexes.js';
import {accessError, resolveActions} from './catalogue.js';
import {evaluationSets, type EvalSet, type Settled} from './eval-sets.js';
import {grantsAccess, noResourceNote, type EvalFailure} from './evaluator.js';
import {checkResource, fromFailure, resourceVariableNote} from './explain.js';
import {holderIndex, type Holder} from './holders.js';
import {LazyEntry} from './lazy-entry.js';
import {principalFor, toModel, type AccessModel} from './model.js';
import type {PolicyProblem, WhoCanAnswer, WhoCanEntry, WhoCanResult} from './types.js';
import {actionClasses, isUser} from './who-can-classes.js';
import {entryMaker} from './who-can-entries.js';
import {scopedEntries} from './who-can-scope.js';
import {rolesOf} from './roles.js';
import {unreadBoundaryCondition, unreadBoundaryNote} from './unread-boundary.js';
import {spokenActions, undeniedActions, unevaluatedCondition, unevaluatedOfHolder} from './unevaluated-policies.js';
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

/** Some of a query's actions, named: the first few, and how many in all. */
const fewOf = (actions: string[]): string => (actions.length <= 5 ? actions.join(', ') : `${actions.slice(0, 5).join(', ')}, … (${actions.length} in all)`);

/**
 * Notes per action (in query order), and whether anything could be evaluated at all. A wildcard's actions that
 * do not act on the resource asked about, and those that take no resource, are said once each, not per action.
 */
const notesOf = (actions: string[], settled: Settled[][], position: Map<string, Array<{set: number; index: number}>>, resource: string) => {
	const notes: string[] = [];
	const notActedOn: Array<{action: string; message: string}> = [];
	const noResource: string[] = [];
	let answered = 0;
	let firstFailure: WhoCanResult | undefined;
	for (const action of actions) {
		let failed: EvalFailure | undefined;
		let succeeded = 0;
		let resourceless = false;
		for (const {set, index} of position.get(action) ?? []) {
			const result = settled[set]![index]!;
			if (!result.ok) {
				failed ??= result;
				firstFailure ??= fromFailure(result);
				continue;
			}
			succeeded++;
			if (result.noResource) resourceless = true;
			for (const note of result.notes) if (!(result.noResource && note === noResourceNote(action)) && !notes.includes(note)) notes.push(note);
		}
		if (resourceless) noResource.push(action);
		if (failed && succeeded === 0 && failed.kind === 'bad-resource') notActedOn.push({action, message: failed.message});
		else if (failed) notes.push(`${succeeded > 0 ? 'partly evaluated' : 'skipped'} ${action}: ${failed.message}`);
		if (succeeded > 0 || !failed) answered++;
	}
	const [one] = notActedOn;
	if (one && notActedOn.length === 1) notes.push(`skipped ${one.action}: ${one.message}`);
	else if (one) notes.push(`skipped ${notActedOn.length} of ${actions.length} actions: ${resource} is not a resource they act on (${fewOf(notActedOn.map(n => n.action))})`);
	if (noResource.length === 1) notes.push(noResourceNote(noResource[0]!));
	else if (noResource.length > 1) notes.push(`${noResource.length} actions take no resource; evaluated on * (${fewOf(noResource)})`);
	return {notes, answered, firstFailure};
};

/**
 * For a query of one action: the principal's entry with its paths built when read (undefined when nothing
 * grants), its decision and whether it has conditions read off its answers as `make` would read them.
 */
const lazyEntryOf = (
	principal: Holder,
	sets: Array<EvalSet | undefined>,
	settled: Settled[][],
	actions: string[],
	unreadBoundary: boolean,
	build: (principal: Holder, sets: Array<EvalSet | undefined>) => WhoCanEntry | undefined,
): WhoCanEntry | undefined => {
	let granted = false;
	let allowed = false;
	let conditional = unreadBoundary;
	for (const set of sets) {
		const answer = set ? settled[set.index]![0] : undefined;
		if (!grantsAccess(answer)) continue;
		granted = true;
		if (answer.decision === 'Allowed') allowed = true;
		if (answer.conditions.length > 0) conditional = true;
	}
	if (!granted) return undefined;
	const decision = allowed && !unreadBoundary ? 'Allowed' : 'Conditional';
	return new LazyEntry(principal, sets, {decision, actions, conditional}, (p, s) => build(p, s)!);
};

/** Every user, group and role that is Allowed or Conditional for the action (wildcards expanded), users also through roles. */
export const whoCan = async (source: SnapshotIndex | AccessModel, action: string, resource = '*'): Promise<WhoCanResult> => {
	const model = toModel(source);
	const direct = await whoCanDirect(model, action, resource);
	// Role paths are worked out once per query, after the identity-only answer, and merged into it.
	return direct.ok && rolesOf(model).length > 0 ? withRoles(model, direct) : direct;
};

export interface DirectOptions {
	/**
	 * Users' paths (via, conditions) built when first read, for a query of one action: who may assume a
	 * role asks it over every user and reads the paths of a few.
	 */
	lazyPaths?: boolean;
}

/** A holder's policies that could not be evaluated, as far as the query goes. */
interface Unevaluated {
	/** Those that may speak of an action no known explicit deny settles. */
	problems: PolicyProblem[];
	/** Those actions. */
	actions: string[];
}

/**
 * A holder reached by a policy that could not be evaluated and may speak of the query: its entry Conditional,
 * naming the policy, or (when nothing else grants) an entry of its own for the actions the policy may speak of.
 */
const withUnevaluated = (p: Holder, entry: WhoCanEntry | undefined, unevaluated: Unevaluated | undefined): WhoCanEntry | undefined => {
	if (!unevaluated || unevaluated.problems.length === 0) return entry;
	const spoken = entry?.actions ?? unevaluated.actions;
	const base: WhoCanEntry = entry ?? {kind: p.kind, name: p.name, arn: p.arn, decision: 'Conditional', via: [], actions: spoken, conditions: [], incomplete: true};
	return {...base, decision: 'Conditional', conditions: [...base.conditions, ...unevaluated.problems.map(u => unevaluatedCondition(u, spoken))]};
};

/** Who-can by identity policies alone (users and groups; no roles). */
export const whoCanDirect = async (source: SnapshotIndex | AccessModel, action: string, resource = '*', options: DirectOptions = {}): Promise<WhoCanResult> => {
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
	const {notes, answered, firstFailure} = notesOf(resolved.actions, settled, position, resource);
	if (answered === 0 && firstFailure) return firstFailure;
	if (answered === 0) return accessError('evaluation-failed', `nothing could be evaluated for ${action}`);

	// Holders are sorted by name already.
	const make = entryMaker(resolved.actions, classes, sets, settled);
	const scoped = scopedEntries(resource, settled);
	// A boundary that could not be read may cut any allow (as `can` answers): Conditional, and said why.
	const unread = new Map<string, string>();
	const what = resolved.actions.length === 1 ? resolved.actions[0]! : action.trim();
	/** The entry as who-can lists it: a boundary that could not be read makes it Conditional, and says so. */
	const entryOf = (p: Holder, sets: Array<EvalSet | undefined>): WhoCanEntry | undefined => {
		const made = make(p, sets);
		const entry = made && scoped(made, sets);
		const boundary = entry && isUser(p) ? p.unreadBoundary : undefined;
		const bounded = boundary ? {...entry!, decision: 'Conditional' as const, conditions: [...entry!.conditions, unreadBoundaryCondition(boundary, entry!.actions)]} : entry;
		return withUnevaluated(p, bounded, unevaluatedBy.get(p));
	};
	// Holders a policy that could not be evaluated may speak of the query: the actions it may speak of that no
	// known explicit deny settles (each evaluated on its own: such holders are few), and the policies speaking of them.
	const unevaluatedBy = new Map<Holder, Unevaluated>();
	for (const p of [...index.users, ...index.groups]) {
		const problemsOf = (actions: string[]) => unevaluatedOfHolder(model, p, actions);
		if (problemsOf(resolved.actions).length === 0) continue;
		const actions = await undeniedActions(model, principalFor(model, p.kind, p.name)!, spokenActions(resolved.actions, problemsOf), resource);
		unevaluatedBy.set(p, {problems: actions.length > 0 ? problemsOf(actions) : [], actions});
	}
	const lazy = options.lazyPaths === true && resolved.actions.length === 1;
	const answerFor = (principals: Holder[]): WhoCanEntry[] => {
		const found: WhoCanEntry[] = [];
		for (const p of principals) {
			const sets = setsOf.get(p)!;
			const boundary = isUser(p) ? p.unreadBoundary : undefined;
			// A policy that could not be evaluated makes the entry (or one where none was) at once.
			const eager = !lazy || unevaluatedBy.has(p);
			const entry = eager ? entryOf(p, sets) : lazyEntryOf(p, sets, settled, resolved.actions, boundary !== undefined, entryOf);
			if (!entry) continue;
			if (boundary) unread.set(boundary.arn ?? boundary.name, unreadBoundaryNote(boundary, what));
			found.push(entry);
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
		notes: [...notes, ...unread.values(), ...[resourceVariableNote(resource)].filter(n => n !== undefined)],
	};
};
