// A role's answer for one action on who-can's road: the simulator sees the distinct statements that can
// match (one-statement policies), so roles holding the same statements through different policies share
// one evaluation, as users do. Roles with a boundary, or statements reading principal facts, take the
// principal's own evaluation (model.ts), which gives the same answer. A query of many actions reads the
// role's statements once per class of actions (actions that the same statements can match).
import type {Role} from '../snapshot.js';
import {grantsAccess, type EvalAnswer, type EvalFailure, type EvalPolicy, type RawStatement} from './evaluator.js';
import {holderIndex} from './holders.js';
import {evaluatePrincipal, relevantSet, statementRefs, type AccessModel, type Principal} from './model.js';
import {statementsAnswer} from './shared-knowledge.js';
import {preparedStatement, statementIdOf, statementsOf, type DistinctStatement} from './statements.js';
import {conditionsAt} from './explain.js';
import {GrantPaths, orderIn} from './grant-paths.js';
import type {GrantPath, RolePath, StatementRef} from './types.js';
import {unreadBoundaryCondition, unreadBoundaryNote, unreadBoundaryOf} from './unread-boundary.js';
import {spokenActions, undeniedActions, unevaluatedCondition, unevaluatedFor} from './unevaluated-policies.js';
import {scopeOfGrant} from './who-can-scope.js';

export interface RoleAnswer {
	answer: EvalAnswer | EvalFailure;
	/** The role's paths to a statement of the answer. */
	refs: (raw: RawStatement) => StatementRef[];
}

export interface RoleGrant {
	role: Role;
	decision: 'Allowed' | 'Conditional';
	via: GrantPath[];
	conditions: RolePath['conditions'];
	actions: string[];
	/** On a wildcard resource: the resources the grant is limited to (undefined: every resource). */
	resources: string[] | undefined;
	/** On a wildcard resource: a deny cuts into the grant. */
	partlyDenied: true | undefined;
}

/**
 * The role's statements that `matches` picks, with their paths: null when none is an Allow (nothing is
 * granted), undefined when the role's own evaluation must answer (facts, or one the simulator refuses alone).
 */
const viewOf = (model: AccessModel, principal: Principal, matches: (statement: DistinctStatement) => boolean) => {
	const {catalogue} = holderIndex(model);
	const byId = new Map<number, StatementRef[]>();
	let allows = false;
	for (const entry of principal.entries) {
		if (!entry.evalPolicy || !entry.read) continue;
		statementsOf(catalogue, entry.read).forEach((statement, i) => {
			if (!matches(statement)) return;
			const parsed = entry.statements[i]!;
			if (statement.effect === 'Allow') allows = true;
			const refs = byId.get(statement.id) ?? [];
			for (const source of principal.sources.get(entry.key) ?? []) {
				refs.push({source, statementIndex: parsed.index, ...(parsed.sid === undefined ? {} : {sid: parsed.sid}), effect: parsed.effect});
			}
			byId.set(statement.id, refs);
		});
	}
	if (!allows) return null;
	const ids = [...byId.keys()].sort((a, b) => a - b);
	const statements = ids.map(id => catalogue.all[id]!);
	const policies = statements.map(preparedStatement);
	if (statements.some(s => s.usesFacts) || policies.some(p => p === null)) return undefined;
	return {ids, key: ids.join(','), byId, policies: policies as EvalPolicy[]};
};

type View = NonNullable<ReturnType<typeof viewOf>>;
type Settled = EvalAnswer | EvalFailure;

/**
 * Per model, per (statements of a view, resource): each action's answer, settled. Roles holding the same
 * matching statements share them, and a wildcard query's hundreds of actions are read without a key or
 * an await each. Kept: no query changes them (the principal's ARN is not read: no statement reads facts).
 */
const settledKept = new WeakMap<AccessModel, Map<string, Map<string, Settled>>>();

const settledOn = async (model: AccessModel, principal: Principal, view: View, actions: string[], resource: string): Promise<Map<string, Settled>> => {
	let byView = settledKept.get(model);
	if (!byView) settledKept.set(model, (byView = new Map()));
	const key = `${view.key}|${resource}`;
	let answers = byView.get(key);
	if (!answers) byView.set(key, (answers = new Map()));
	const missing = actions.filter(action => !answers.has(action));
	if (missing.length > 0) {
		const settled = await Promise.all(missing.map(action => statementsAnswer(model, view.ids, view.policies, principal.arn, action, resource)));
		missing.forEach((action, n) => answers.set(action, settled[n]!));
	}
	return answers;
};

const viewRefs = (principal: Principal, view: View) => (raw: RawStatement) => view.byId.get(statementIdOf(raw.policyKey) ?? -1) ?? statementRefs(principal, raw);

const onView = async (model: AccessModel, principal: Principal, view: View, action: string, resource: string): Promise<RoleAnswer> => {
	const answers = await settledOn(model, principal, view, [action], resource);
	return {answer: answers.get(action)!, refs: viewRefs(principal, view)};
};

const own = async (model: AccessModel, principal: Principal, action: string, resource: string): Promise<RoleAnswer | undefined> => {
	const set = relevantSet(principal, action, resource);
	if (!set.mayAllow) return undefined;
	return {answer: await evaluatePrincipal(model, principal, action, resource, set), refs: raw => statementRefs(principal, raw)};
};

/** A granting answer made Conditional when the role's boundary could not be read (as `can` answers). */
const behindUnreadBoundary = (principal: Principal, found: RoleAnswer | undefined, action: string): RoleAnswer | undefined => {
	const boundary = unreadBoundaryOf(principal);
	const answer = found?.answer;
	if (!boundary || !grantsAccess(answer)) return found;
	return {...found!, answer: {...answer, decision: 'Conditional', notes: [...answer.notes, unreadBoundaryNote(boundary, action)]}};
};

export const evaluateRole = async (model: AccessModel, principal: Principal, action: string, resource: string): Promise<RoleAnswer | undefined> => {
	if (principal.boundaryEntry) return behindUnreadBoundary(principal, await own(model, principal, action, resource), action);
	const view = viewOf(model, principal, statement => statement.matches(action));
	if (view === null) return undefined;
	return view ? onView(model, principal, view, action, resource) : own(model, principal, action, resource);
};

/**
 * The query's actions in no class (none when the classes were made from them), worked out once per list of
 * classes and actions: a query's thousand roles would otherwise each look every action up.
 */
const outsideKept = new WeakMap<object, {actions: string[]; outside: string[]}>();
const outsideClasses = (classes: Array<{actions: string[]}>, actions: string[]): string[] => {
	const kept = outsideKept.get(classes);
	if (kept?.actions === actions) return kept.outside;
	const held = new Set(classes.flatMap(c => c.actions));
	const outside = actions.filter(action => !held.has(action));
	outsideKept.set(classes, {actions, outside});
	return outside;
};

/** What a view's answers grant over one class of actions: the same for every role holding those statements. */
interface ViewGrants {
	/** The class's granted actions (in its order, the query's) with their answers. */
	granted: Array<{action: string; answer: EvalAnswer}>;
	allowed: boolean;
	/** Each Allow statement of those answers (first seen first) and the actions it grants. */
	allows: Array<{raw: RawStatement; actions: string[]}>;
}

/** Per view's answers (one map per model, statements and resource), per class of actions: worked out once. */
const viewGrantsKept = new WeakMap<Map<string, Settled>, WeakMap<string[], ViewGrants>>();
const viewGrantsOf = (answers: Map<string, Settled>, actions: string[]): ViewGrants => {
	let byClass = viewGrantsKept.get(answers);
	if (!byClass) viewGrantsKept.set(answers, (byClass = new WeakMap()));
	let found = byClass.get(actions);
	if (found) return found;
	found = {granted: [], allowed: false, allows: []};
	const allows = new Map<string, {raw: RawStatement; actions: string[]}>();
	for (const action of actions) {
		const answer = answers.get(action);
		if (!grantsAccess(answer)) continue;
		found.granted.push({action, answer});
		if (answer.decision === 'Allowed') found.allowed = true;
		for (const raw of answer.statements) {
			if (raw.effect !== 'Allow') continue;
			const key = `${raw.policyKey}#${raw.statementIndex}`;
			const known = allows.get(key);
			if (known) known.actions.push(action);
			else allows.set(key, {raw, actions: [action]});
		}
	}
	found.allows = [...allows.values()];
	byClass.set(actions, found);
	return found;
};

const NO_CONDITIONS: RolePath['conditions'] = [];
const conditionsOf = (answer: EvalAnswer, refs: RoleAnswer['refs']): RolePath['conditions'] => (answer.conditions.length === 0 ? NO_CONDITIONS : conditionsAt(answer.conditions, refs));

/**
 * What one role's own policies grant for a query's actions, as evaluateRole answers action by action
 * (`classes`: the actions sharing their matching statements, from a catalogue holding the role's). Roles
 * holding the same matching statements share what the answers grant (viewGrantsOf): each maps it to its
 * own paths once per class, not once per action.
 */
export const roleGrantOf = async (model: AccessModel, principal: Principal, role: Role, actions: string[], classes: Array<{actions: string[]; matching: Set<number>}>, resource: string): Promise<RoleGrant | undefined> => {
	const order = orderIn(actions);
	const paths = new GrantPaths(order);
	let allowed = false;
	const granted: Array<{action: string; conditions: RolePath['conditions']}> = [];
	const answers: EvalAnswer[] = [];
	const take = (action: string, found: RoleAnswer | undefined) => {
		if (!found || !grantsAccess(found.answer)) return;
		const {answer, refs} = found;
		answers.push(answer);
		if (answer.decision === 'Allowed') allowed = true;
		granted.push({action, conditions: conditionsOf(answer, refs)});
		for (const raw of answer.statements) if (raw.effect === 'Allow') for (const statement of refs(raw)) paths.addAction(statement, action);
	};
	// Class by class (a wildcard query's hundreds of actions fall in a few), then any action outside them.
	for (const {actions: classActions, matching} of classes) {
		const view = viewOf(model, principal, statement => matching.has(statement.id));
		// Nothing of the class allowed by the role's own policies: nothing granted, boundary or not.
		if (view === null) continue;
		if (principal.boundaryEntry) {
			for (const each of classActions) take(each, await evaluateRole(model, principal, each, resource));
			continue;
		}
		if (view === undefined) {
			for (const each of classActions) take(each, await own(model, principal, each, resource));
			continue;
		}
		const shared = viewGrantsOf(await settledOn(model, principal, view, classActions, resource), classActions);
		const refs = viewRefs(principal, view);
		if (shared.allowed) allowed = true;
		for (const allow of shared.allows) for (const statement of refs(allow.raw)) paths.add(statement, allow.actions);
		for (const {action, answer} of shared.granted) {
			granted.push({action, conditions: conditionsOf(answer, refs)});
			answers.push(answer);
		}
	}
	for (const action of outsideClasses(classes, actions)) take(action, await evaluateRole(model, principal, action, resource));
	// A policy of the role's that could not be evaluated may grant or deny: never certain, and named.
	const unevaluated = unevaluatedFor(principal, actions);
	if (granted.length === 0) {
		if (unevaluated.length === 0) return undefined;
		// Nothing else grants: the actions it may speak of, but for those a known explicit deny settles.
		const spoken = await undeniedActions(model, principal, spokenActions(actions, some => unevaluatedFor(principal, some)), resource);
		if (spoken.length === 0) return undefined;
		const speaking = unevaluatedFor(principal, spoken);
		return {role, decision: 'Conditional', via: [], conditions: speaking.map(u => unevaluatedCondition(u, spoken)), actions: spoken, resources: undefined, partlyDenied: undefined};
	}
	// Classes interleave in the query: actions, conditions and paths put in its order, as action by action.
	const inOrder = granted.every((g, n) => n === 0 || order(granted[n - 1]!.action) < order(g.action));
	if (!inOrder) granted.sort((a, b) => order(a.action) - order(b.action));
	const via = paths.list();
	if (!inOrder) via.sort((a, b) => order(a.actions[0]!) - order(b.actions[0]!));
	const scope = scopeOfGrant(resource, answers);
	const found: RoleGrant = {role, decision: allowed ? 'Allowed' : 'Conditional', via, conditions: granted.flatMap(g => g.conditions), actions: granted.map(g => g.action), resources: scope.resources, partlyDenied: scope.partlyDenied};
	// The boundary the role's grants hang on, named once for all of them.
	const unread = unreadBoundaryOf(principal);
	if (unread) {
		found.decision = 'Conditional';
		found.conditions.push(unreadBoundaryCondition(unread, found.actions));
	}
	if (unevaluated.length > 0) {
		found.decision = 'Conditional';
		found.conditions.push(...unevaluated.map(u => unevaluatedCondition(u, found.actions)));
	}
	return found;
};
