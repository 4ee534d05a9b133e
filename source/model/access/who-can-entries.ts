// Who-can's answer for one principal: the granted actions in the query's order, the principal's paths
// to the statements that allow them (each path once, with its actions), and the conditions. A wildcard
// query repeats the same paths for hundreds of actions across thousands of users, so: what a set grants
// is worked out once per set, answers with the same Allow statements share a number (a kind) and an
// action list, a principal maps each kind to its paths once, one GrantPath object stands for each (path,
// action list) in a query, and principals with the same paths and sets share their lists. The usual principal (one set, no boundary) takes a quicker
// road that gives the same answer (who-can-quick.ts).
import {grantsAccess, type EvalAnswer, type RawStatement} from './evaluator.js';
import type {EvalSet, Settled} from './eval-sets.js';
import type {Holder} from './holders.js';
import {statementRefs} from './model.js';
import {statementIdOf} from './statements.js';
import type {ConditionShown, GrantPath, StatementRef, WhoCanEntry} from './types.js';
import {heldIn, isUser, type ActionClass} from './who-can-classes.js';
import {idsOf, quickEntries} from './who-can-quick.js';
import {shownAt} from './explain.js';
import {GrantPaths, orderIn, sharedGrantPaths} from './grant-paths.js';

export interface Grant {
	/** The action's number in the query's order. */
	action: number;
	answer: EvalAnswer;
	/** Answers with the same Allow statements share a number (per query). */
	kind: number;
}

export interface SetGrants {
	grants: Grant[];
	actions: string[];
	allowed: boolean;
	/** One grant of each kind of answer. */
	kinds: Grant[];
	/** Per kind (as `kinds`): the actions answers of that kind grant, in query order (shared by every principal). */
	kindActions: string[][];
	conditional: boolean;
}

const allowsOf = (answer: EvalAnswer): RawStatement[] => answer.statements.filter(s => s.effect === 'Allow');

/** A principal's paths to an answer's statements, listed in its policy order, with a key naming them. */
const pathsFor = (principal: Holder, actionClass: ActionClass, whole: EvalSet['whole']) => {
	let held: ReturnType<typeof heldIn> | undefined;
	return (raws: RawStatement[]): {refs: StatementRef[]; key: string} => {
		if (whole) return {refs: raws.flatMap(r => statementRefs(whole, r)), key: `${principal.kind}:${principal.name}|${raws.map(r => `${r.policyKey}#${r.statementIndex}`).join(' ')}`};
		held ??= heldIn(principal, actionClass);
		const ids = new Set(raws.map(r => statementIdOf(r.policyKey)));
		const chosen = held.filter(h => ids.has(h.statement.id));
		const boundary = isUser(principal) ? principal.boundary : undefined;
		// Boundary statements (in a conditional answer) keep their own policy.
		const others = raws
			.filter(r => statementIdOf(r.policyKey) === undefined)
			.map(r => ({
				source: boundary && r.policyKey === boundary.entry.evalPolicy?.key ? boundary.source : {kind: 'inline' as const, name: r.policyKey},
				statementIndex: r.statementIndex,
				...(r.sid === undefined ? {} : {sid: r.sid}),
				effect: r.effect,
			}));
		const key = `${chosen.map(h => h.id).join(',')}|${others.map(o => `${o.source.name}#${o.statementIndex}`).join(',')}`;
		return {refs: [...chosen.map(h => h.ref), ...others], key: others.length > 0 && boundary ? `${key}|${principal.kind}:${principal.name}` : key};
	};
};

/** Builds entries for one query: `settled[set.index][i]` is the answer for the i-th action of the set's class. */
export const entryMaker = (actions: string[], classes: ActionClass[], sets: EvalSet[], settled: Settled[][]) => {
	const order = orderIn(actions);
	const kinds = new Map<string, number>();
	/** Per kind: the distinct statements its Allows are (undefined when one is not a distinct statement). */
	const kindIds: Array<Set<number> | undefined> = [];
	const kindOf = (answer: EvalAnswer) => {
		const allows = allowsOf(answer);
		const key = allows.map(s => `${s.policyKey}#${s.statementIndex}`).join(' ');
		let kind = kinds.get(key);
		if (kind === undefined) {
			kinds.set(key, (kind = kinds.size));
			kindIds.push(idsOf(allows));
		}
		return kind;
	};
	const bySet: SetGrants[] = sets.map(set => {
		const classActions = classes[set.classIndex]!.actions;
		const found: Grant[] = [];
		settled[set.index]!.forEach((answer, i) => {
			if (grantsAccess(answer)) found.push({action: order(classActions[i]!), answer, kind: kindOf(answer)});
		});
		const byKind = new Map<number, {grant: Grant; actions: string[]}>();
		for (const g of found) {
			const kind = byKind.get(g.kind);
			if (kind) kind.actions.push(actions[g.action]!);
			else byKind.set(g.kind, {grant: g, actions: [actions[g.action]!]});
		}
		const conditional = found.some(g => g.answer.conditions.length > 0);
		return {
			grants: found,
			actions: found.map(g => actions[g.action]!),
			allowed: found.some(g => g.answer.decision === 'Allowed'),
			kinds: [...byKind.values()].map(k => k.grant),
			kindActions: [...byKind.values()].map(k => k.actions),
			conditional,
		};
	});
	const shared = sharedGrantPaths();
	// Principals whose sets and paths are the same share one list of GrantPaths.
	const vias = new Map<string, GrantPath[]>();

	const quick = quickEntries({bySet, kindIds, order, shared});

	return (principal: Holder, principalSets: Array<EvalSet | undefined>): WhoCanEntry | undefined => {
		let only = -1;
		for (let n = 0; n < principalSets.length; n++) {
			const set = principalSets[n];
			if (!set || bySet[set.index]!.grants.length === 0) continue;
			only = only === -1 ? n : -2;
		}
		if (only === -1) return undefined;
		const usual = only >= 0 ? quick(principal, principalSets[only]!, classes[only]!) : undefined;
		if (usual) return usual;
		const parts = principalSets.flatMap((set, classIndex) => {
			const granted = set ? bySet[set.index]! : undefined;
			if (!set || !granted || granted.grants.length === 0) return [];
			// Each class's answers map to this principal's paths once per kind of answer.
			const paths = pathsFor(principal, classes[classIndex]!, set.whole);
			const byKind = new Map<number, {refs: StatementRef[]; key: string}>();
			const refsOf = (grant: Grant) => byKind.get(grant.kind) ?? byKind.set(grant.kind, paths(allowsOf(grant.answer))).get(grant.kind)!;
			return [{set, granted, paths, refsOf}];
		});
		if (parts.length === 0) return undefined;
		// Grants in the query's order (one class is in it already; several interleave).
		const ordered = () =>
			parts.length === 1
				? parts[0]!.granted.grants.map(grant => ({grant, part: parts[0]!}))
				: parts.flatMap(part => part.granted.grants.map(grant => ({grant, part}))).sort((a, b) => a.grant.action - b.grant.action);
		const viaKey = parts.map(p => `${p.set.index}:${p.granted.kinds.map(g => p.refsOf(g).key).join('/')}`).join(';');
		let via = vias.get(viaKey);
		if (!via) {
			const paths = new GrantPaths(order, shared);
			// Kinds in the order their first grant comes (one class); several classes interleave by action.
			const kinds = parts.flatMap(part => part.granted.kinds.map((grant, n) => ({part, grant, actions: part.granted.kindActions[n]!})));
			if (parts.length > 1) kinds.sort((a, b) => a.grant.action - b.grant.action);
			for (const {part, grant, actions} of kinds) for (const ref of part.refsOf(grant).refs) paths.add(ref, actions);
			vias.set(viaKey, (via = paths.list()));
		}
		const conditions: ConditionShown[] = [];
		if (parts.some(p => p.granted.conditional)) {
			for (const {grant, part} of ordered()) {
				for (const c of grant.answer.conditions) {
					for (const statement of part.paths([c.statement]).refs) conditions.push(shownAt(c, statement));
				}
			}
		}
		return {
			kind: principal.kind,
			name: principal.name,
			arn: principal.arn,
			decision: parts.some(p => p.granted.allowed) ? 'Allowed' : 'Conditional',
			via,
			actions: parts.length === 1 ? parts[0]!.granted.actions : ordered().map(({grant}) => actions[grant.action]!),
			conditions,
			incomplete: principal.problems.length > 0,
		};
	};
};
