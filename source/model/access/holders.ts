// Who holds which statements, built once per access model for who-can: each group's policies, each
// user's own policies plus their groups (shared objects, so a group's statements are read once however
// many members it has), the boundary, and the policies that could not be evaluated.
import type {Group, User} from '../snapshot.js';
import {entryFor, keyOf, type AccessModel, type PolicyEntry} from './model.js';
import {statementsOf, type DistinctStatement, type StatementCatalogue} from './statements.js';
import type {PolicyProblem, PolicySource, StatementRef} from './types.js';

/** One statement of one policy as it reaches its holder: what it is, and the path to show. */
export interface HeldStatement {
	/** Unique per (policy path, statement): who-can compares principals by these. */
	id: number;
	statement: DistinctStatement;
	ref: StatementRef;
}

export interface Holder {
	kind: 'user' | 'group';
	/** Position among the holders of its kind (a short id for signatures). */
	ordinal: number;
	name: string;
	arn: string;
	/** Statements of the holder's own evaluable policies, in policy order. */
	statements: HeldStatement[];
	/** Unevaluable policies reaching the holder (with a user's groups' ones). */
	problems: PolicyProblem[];
}

export interface UserHolder extends Holder {
	kind: 'user';
	user: User;
	groups: Holder[];
	boundary?: {entry: PolicyEntry; source: PolicySource; statements: DistinctStatement[]};
	/** A boundary the evaluator cannot use (not in the snapshot, unreadable): any allow hangs on it. */
	unreadBoundary?: PolicySource;
}

export interface HolderIndex {
	catalogue: StatementCatalogue;
	/** Sorted by name, as answers list them. */
	users: UserHolder[];
	groups: Holder[];
}

interface HeldPolicy {
	key: string;
	statements: HeldStatement[];
	problem?: PolicyProblem;
}

interface Builder {
	model: AccessModel;
	catalogue: StatementCatalogue;
	nextId: number;
	/** Managed policies attached to users directly read the same for each of them: by ARN. */
	direct: Map<string, HeldPolicy>;
}

const NONE: never[] = [];

const held = (builder: Builder, owner: string, source: PolicySource, document: string | undefined): HeldPolicy => {
	const key = keyOf(owner, source);
	const entry = entryFor(builder.model, key, document, key);
	if (entry.problem || !entry.read) return {key, statements: NONE, problem: {source, reason: entry.problem ?? 'unreadable'}};
	const statements = statementsOf(builder.catalogue, entry.read).map((statement, i): HeldStatement => {
		const {index: statementIndex, sid, effect} = entry.statements[i]!;
		// Two literals rather than a spread: thousands are made before the code is optimised.
		const ref: StatementRef = sid === undefined ? {source, statementIndex, effect} : {source, statementIndex, sid, effect};
		return {id: builder.nextId++, statement, ref};
	});
	return {key, statements};
};

// The keys match the access model's principals (model.ts keyOf), so both share one entry per policy.
const policiesOf = (builder: Builder, owner: User | Group, viaGroup?: string): HeldPolicy[] => {
	const {policyByArn} = builder.model.index;
	const found: HeldPolicy[] = [];
	for (const {name, arn} of owner.attachedPolicies) {
		const known = viaGroup ? undefined : builder.direct.get(arn);
		if (known) {
			found.push(known);
			continue;
		}
		const source: PolicySource = viaGroup ? {kind: 'managed', name, arn, viaGroup} : {kind: 'managed', name, arn};
		const policy = held(builder, owner.name, source, policyByArn.get(arn)?.document);
		if (!viaGroup) builder.direct.set(arn, policy);
		found.push(policy);
	}
	for (const {name, document} of owner.inlinePolicies) {
		found.push(held(builder, owner.name, viaGroup ? {kind: 'inline', name, viaGroup} : {kind: 'inline', name}, document));
	}
	return found;
};

type ProblemKey = {key: string; problem: PolicyProblem};

const problemKeysOf = (policies: HeldPolicy[]): ProblemKey[] =>
	hasProblem(policies) ? policies.flatMap(p => (p.problem ? [{key: p.key, problem: p.problem}] : [])) : NONE;

const hasProblem = (policies: HeldPolicy[]): boolean => {
	for (const p of policies) if (p.problem) return true;
	return false;
};

const statementsIn = (policies: HeldPolicy[]): HeldStatement[] => {
	if (policies.length === 0) return NONE;
	if (policies.length === 1) return policies[0]!.statements;
	const all: HeldStatement[] = [];
	for (const p of policies) for (const h of p.statements) all.push(h);
	return all;
};

// A policy reaching a principal twice is one problem (its first path), as the principal view counts it.
const distinctProblems = (found: ProblemKey[]): PolicyProblem[] => {
	if (found.length === 0) return NONE;
	const seen = new Set<string>();
	return found.filter(f => !seen.has(f.key) && seen.add(f.key)).map(f => f.problem);
};

const collator = new Intl.Collator();

/** Sorted as String.localeCompare sorts, cheaply when lower-case code order already agrees (the usual case). */
const sortedByName = <T extends {name: string}>(items: T[]): T[] => {
	const quick = items.map(item => ({item, low: item.name.toLowerCase()})).sort((a, b) => (a.low < b.low ? -1 : a.low > b.low ? 1 : 0));
	const agrees = quick.every((q, n) => n === 0 || collator.compare(quick[n - 1]!.item.name, q.item.name) < 0);
	return agrees ? quick.map(q => q.item) : items.slice().sort((a, b) => collator.compare(a.name, b.name));
};

const boundaryOf = (builder: Builder, arn: string): {boundary?: UserHolder['boundary']; problem?: PolicyProblem} => {
	const managed = builder.model.index.policyByArn.get(arn);
	const source: PolicySource = {kind: 'boundary', name: managed?.name ?? arn.split('/').pop()!, arn};
	const entry = entryFor(builder.model, arn, managed?.document, `boundary:${arn}`);
	if (entry.problem || !entry.read) return {problem: {source, reason: entry.problem ?? 'unreadable'}};
	return {boundary: {entry, source, statements: statementsOf(builder.catalogue, entry.read)}};
};

export const holderIndex = (model: AccessModel): HolderIndex => {
	if (model.whoCanIndex) return model.whoCanIndex;
	const builder: Builder = {model, catalogue: model.knowledge.catalogue, nextId: 0, direct: new Map()};
	const groupProblems = new Map<string, ProblemKey[]>();
	const groups = new Map<string, Holder>();
	model.index.snapshot.groups.forEach((group, ordinal) => {
		const policies = policiesOf(builder, group, group.name);
		const problemKeys = problemKeysOf(policies);
		groupProblems.set(group.name, problemKeys);
		const holder: Holder = {kind: 'group', ordinal, name: group.name, arn: group.arn, statements: statementsIn(policies), problems: distinctProblems(problemKeys)};
		groups.set(group.name, holder);
	});
	// Plain loops, no closures: this runs once per user, mostly before the code is optimised.
	const users = model.index.snapshot.users.map((user, ordinal): UserHolder => {
		const policies = user.attachedPolicies.length + user.inlinePolicies.length > 0 ? policiesOf(builder, user) : NONE;
		const memberOf: Holder[] = [];
		let groupProblem = false;
		for (const name of user.groups) {
			const group = groups.get(name);
			if (!group) continue;
			memberOf.push(group);
			if (group.problems.length > 0) groupProblem = true;
		}
		let problems: PolicyProblem[] = NONE;
		if (groupProblem || hasProblem(policies)) {
			const problemKeys = [...problemKeysOf(policies)];
			if (groupProblem) for (const g of memberOf) problemKeys.push(...groupProblems.get(g.name)!);
			problems = distinctProblems(problemKeys);
		}
		const holder: UserHolder = {kind: 'user', ordinal, name: user.name, arn: user.arn, statements: statementsIn(policies), problems, user, groups: memberOf};
		if (user.permissionsBoundaryArn) {
			const {boundary, problem} = boundaryOf(builder, user.permissionsBoundaryArn);
			if (boundary) holder.boundary = boundary;
			if (problem) {
				holder.problems = [...problems, problem];
				holder.unreadBoundary = problem.source;
			}
		}
		return holder;
	});
	const index: HolderIndex = {catalogue: builder.catalogue, users: sortedByName(users), groups: sortedByName([...groups.values()])};
	model.whoCanIndex = index;
	return index;
};
