// The access model of one snapshot: every policy parsed and validated once, every principal's
// policy set keyed so that principals sharing groups/attachments share one evaluation (memoised).
import {policiesReachingUser, type SnapshotIndex} from '../indexes.js';
import type {Group, Role, User} from '../snapshot.js';
import {
	evaluate,
	preparePolicy,
	type EvalAnswer,
	type EvalFailure,
	type EvalPolicy,
	type PreparedPolicy,
	type RawStatement,
} from './evaluator.js';
import {actionReach, parseStatements, usesPrincipalFacts, type ParsedStatement} from './patterns.js';
import type {HolderIndex} from './holders.js';
import type {PolicyProblem, PolicySource, ReachingPolicy, StatementRef} from './types.js';
import type {RequestContext} from './request-context.js';
import {sharedKnowledge, type SharedKnowledge} from './shared-knowledge.js';
import {roleFacts, userFacts} from './principal-facts.js';

export interface PolicyEntry {
	key: string;
	/** Short id for set keys (keys of thousands of principals are built from these). */
	id: number;
	statements: ParsedStatement[];
	/** Set when the policy is usable by the evaluator. */
	evalPolicy?: EvalPolicy;
	problem?: string;
	usesFacts: boolean;
	/** Lower-cased action → whether any statement (and any Allow) can match it (made on first use: who-can never needs it). */
	reach?: Map<string, {allow: boolean; any: boolean}>;
	/** The document as read, shared by every entry with the same text (who-can splits it into statements). */
	read?: ReadDocument;
}

/** One policy text, parsed once (and validated once, when first evaluated) however many policies carry it. */
export interface ReadDocument {
	parsed: unknown;
	statements: ParsedStatement[];
	usesFacts: boolean;
	/** See preparedOf. */
	prepared?: PreparedPolicy;
	/** Set by who-can: the distinct-statement id of each statement, aligned with `statements`. */
	statementIds?: number[];
	/** Set by the admin badge: some statement allows * on * unconditionally. */
	allowsAll?: boolean;
}

/** The document validated for the simulator (once; each distinct statement once per model). */
export const preparedOf = (model: AccessModel, read: ReadDocument): PreparedPolicy =>
	(read.prepared ??= preparePolicy(read.parsed, model.knowledge.validations));

export interface Principal {
	kind: 'user' | 'group' | 'role';
	name: string;
	arn: string;
	reaching: ReachingPolicy[];
	boundary?: ReachingPolicy;
	/** Evaluator key → the paths by which that document reaches the principal. */
	sources: Map<string, PolicySource[]>;
	entries: PolicyEntry[];
	boundaryEntry?: PolicyEntry;
	problems: PolicyProblem[];
	/** Identical for principals whose evaluation is identical. */
	setKey: string;
	/** Some policy reads principal facts (aws:username, tags…): evaluated for this principal alone. */
	personal: boolean;
	user?: User;
	role?: Role;
}

export interface AccessModel {
	kind: 'access-model';
	index: SnapshotIndex;
	accountId: string;
	policies: Map<string, PolicyEntry>;
	principals: Map<string, Principal>;
	memo: Map<string, Promise<EvalAnswer | EvalFailure>>;
	/** Documents, statements and statement answers: this model's own, or shared with other accounts'. */
	knowledge: SharedKnowledge;
	/** Built by who-can on first use (who holds which statements). */
	whoCanIndex?: HolderIndex;
	/** Request context the operator stated (--context): every answer of this model assumes it. */
	context?: RequestContext;
}

export const isAccessModel = (value: SnapshotIndex | AccessModel): value is AccessModel =>
	(value as AccessModel).kind === 'access-model';

const accountOf = (index: SnapshotIndex): string => {
	const arn = index.snapshot.users[0]?.arn ?? index.snapshot.groups[0]?.arn ?? index.snapshot.roles?.[0]?.arn ?? '';
	return /^\d{12}$/.test(arn.split(':')[4] ?? '') ? arn.split(':')[4]! : '000000000000';
};

/**
 * Build the model once per snapshot; hold on to it (e.g. in a memo) so its caches pay off. Models of one
 * organization's accounts pass one `knowledge`, so a policy they all carry is read and simulated once.
 */
export const buildAccessModel = (index: SnapshotIndex, context?: RequestContext, knowledge: SharedKnowledge = sharedKnowledge()): AccessModel => ({
	kind: 'access-model',
	index,
	accountId: accountOf(index),
	policies: new Map(),
	principals: new Map(),
	memo: new Map(),
	knowledge,
	...(context && Object.keys(context).length > 0 ? {context} : {}),
});

/**
 * The same account's model assuming another request context (none: the open question). What does not depend on
 * the context is shared — parsed policies, assembled principals, who-can's holder index — so a context costs only
 * its own answers, not a second model built from the snapshot.
 */
export const withContext = (base: AccessModel, context?: RequestContext): AccessModel => {
	const {context: _theirs, memo: _answers, ...shared} = base;
	return {...shared, memo: new Map(), ...(context && Object.keys(context).length > 0 ? {context} : {})};
};

export const toModel = (source: SnapshotIndex | AccessModel): AccessModel =>
	isAccessModel(source) ? source : buildAccessModel(source);

export const readDocument = (model: AccessModel, text: string): ReadDocument | {error: string} => {
	const known = model.knowledge.documents.get(text);
	if (known) return known;
	let read: ReadDocument | {error: string};
	try {
		const parsed: unknown = JSON.parse(text);
		read = {parsed, statements: parseStatements(parsed), usesFacts: usesPrincipalFacts(text)};
	} catch (error) {
		read = {error: `invalid JSON: ${(error as Error).message}`};
	}
	model.knowledge.documents.set(text, read);
	return read;
};

export const entryFor = (model: AccessModel, key: string, document: string | undefined, evalName: string): PolicyEntry => {
	const cacheKey = evalName === key ? key : `${evalName}\u0000${key}`;
	const cached = model.policies.get(cacheKey);
	if (cached) return cached;
	const id = model.policies.size;
	const problem = (reason: string): PolicyEntry => ({key, id, statements: [], problem: reason, usesFacts: false});
	let entry: PolicyEntry;
	if (document === undefined) entry = problem('the policy is not in the snapshot');
	else if (document.trim() === '') entry = problem('the policy document was not loaded');
	else {
		const read = readDocument(model, document);
		if ('error' in read) entry = problem(read.error);
		else {
			entry = {key, id, statements: read.statements, usesFacts: read.usesFacts, read};
			const prepared = preparedOf(model, read);
			if (prepared.ok) entry.evalPolicy = {key: evalName, handle: prepared.handle};
			else entry.problem = prepared.reason;
		}
	}
	model.policies.set(cacheKey, entry);
	return entry;
};

export const keyOf = (owner: string, source: PolicySource): string =>
	source.kind === 'inline' ? `${source.viaGroup ? `group/${source.viaGroup}` : source.role ? `role/${source.role}` : `user/${owner}`}/inline/${source.name}` : source.arn!;

export const inlineDocument = (holder: User | Group | Role, name: string) => holder.inlinePolicies.find(p => p.name === name)?.document;

export const assemble = (model: AccessModel, kind: Principal['kind'], holder: User | Group | Role, reachingSources: PolicySource[], boundaryArn?: string): Principal => {
	const {index} = model;
	const reaching: ReachingPolicy[] = reachingSources.map(source => {
		const key = keyOf(holder.name, source);
		const owner = source.viaGroup ? index.groupByName.get(source.viaGroup) : holder;
		const document = source.kind === 'inline' ? (owner ? inlineDocument(owner, source.name) : undefined) : index.policyByArn.get(source.arn!)?.document;
		return {key, source, document: document ?? ''};
	});
	const sources = new Map<string, PolicySource[]>();
	const entries: PolicyEntry[] = [];
	const problems: PolicyProblem[] = [];
	for (const policy of reaching) {
		const known = sources.get(policy.key);
		if (known) {
			known.push(policy.source);
			continue;
		}
		sources.set(policy.key, [policy.source]);
		const missing = policy.source.kind === 'managed' && !index.policyByArn.has(policy.source.arn!);
		const entry = entryFor(model, policy.key, missing ? undefined : policy.document, policy.key);
		entries.push(entry);
		if (entry.problem) problems.push({source: policy.source, reason: entry.problem});
	}
	let boundary: ReachingPolicy | undefined;
	let boundaryEntry: PolicyEntry | undefined;
	if (boundaryArn) {
		const managed = index.policyByArn.get(boundaryArn);
		const source: PolicySource = {kind: 'boundary', name: managed?.name ?? boundaryArn.split('/').pop()!, arn: boundaryArn};
		boundary = {key: boundaryArn, source, document: managed?.document ?? ''};
		boundaryEntry = entryFor(model, boundaryArn, managed?.document, `boundary:${boundaryArn}`);
		sources.set(`boundary:${boundaryArn}`, [source]);
		if (boundaryEntry.problem) problems.push({source, reason: boundaryEntry.problem});
	}
	const ids = entries.filter(e => e.evalPolicy).map(e => e.id).sort((a, b) => a - b);
	const personal = entries.some(e => e.usesFacts) || boundaryEntry?.usesFacts;
	const setKey = `${ids.join(',')}|${boundaryEntry?.evalPolicy ? boundaryEntry.id : ''}|${personal ? `${kind}:${holder.name}` : ''}`;
	const principal: Principal = {kind, name: holder.name, arn: holder.arn, reaching, sources, entries, problems, setKey, personal: Boolean(personal)};
	if (boundary) principal.boundary = boundary;
	if (boundaryEntry) principal.boundaryEntry = boundaryEntry;
	if (kind === 'user') principal.user = holder as User;
	if (kind === 'role') principal.role = holder as Role;
	return principal;
};

/** The principal's policies, built on first use and kept in the model. */
export const principalFor = (model: AccessModel, kind: 'user' | 'group', name: string): Principal | undefined => {
	const cacheKey = `${kind}:${name}`;
	const cached = model.principals.get(cacheKey);
	if (cached) return cached;
	let principal: Principal | undefined;
	if (kind === 'user') {
		const user = model.index.userByName.get(name);
		if (user) principal = assemble(model, 'user', user, policiesReachingUser(model.index, user), user.permissionsBoundaryArn);
	} else {
		const group = model.index.groupByName.get(name);
		if (group) {
			const sources: PolicySource[] = [
				...group.attachedPolicies.map(p => ({kind: 'managed' as const, name: p.name, arn: p.arn, viaGroup: group.name})),
				...group.inlinePolicies.map(p => ({kind: 'inline' as const, name: p.name, viaGroup: group.name})),
			];
			principal = assemble(model, 'group', group, sources);
		}
	}
	if (principal) model.principals.set(cacheKey, principal);
	return principal;
};

/** Whether any statement (and any Allow) of the policy can match the action, kept per entry. */
export const reachOf = (entry: PolicyEntry, action: string) => {
	entry.reach ??= new Map();
	let reach = entry.reach.get(action);
	if (!reach) entry.reach.set(action, (reach = actionReach(entry.statements, action)));
	return reach;
};

export interface RelevantSet {
	/** Memo key: the same for every principal whose answer for this action is the same. */
	key: string;
	policies: EvalPolicy[];
	boundary?: EvalPolicy;
	/** Some identity Allow could match the action (else the answer is a deny without simulating). */
	mayAllow: boolean;
}

/**
 * The policies that matter for one action: statements that cannot match it never change the answer,
 * so principals whose matching policies are the same share one evaluation ("index by service").
 */
export const relevantSet = (principal: Principal, action: string, resource: string): RelevantSet => {
	const wanted = action.toLowerCase();
	const entries = principal.entries.filter(e => e.evalPolicy && reachOf(e, wanted).any);
	const boundaryEntry = principal.boundaryEntry?.evalPolicy ? principal.boundaryEntry : undefined;
	const mayAllow = entries.some(e => reachOf(e, wanted).allow) && (!boundaryEntry || reachOf(boundaryEntry, wanted).allow);
	const personal = entries.some(e => e.usesFacts) || boundaryEntry?.usesFacts;
	const ids = entries.map(e => e.id).sort((a, b) => a - b).join(',');
	const key = `${ids}|${boundaryEntry?.id ?? ''}|${personal ? `${principal.kind}:${principal.name}` : ''}|${wanted}|${resource}`;
	const set: RelevantSet = {key, policies: entries.map(e => e.evalPolicy!), mayAllow};
	if (boundaryEntry) set.boundary = boundaryEntry.evalPolicy!;
	return set;
};

/** Evaluate one principal (memoised by the relevant policy set, action and resource). */
export const evaluatePrincipal = (model: AccessModel, principal: Principal, action: string, resource: string, set = relevantSet(principal, action, resource)): Promise<EvalAnswer | EvalFailure> => {
	const cached = model.memo.get(set.key);
	if (cached) return cached;
	const result = evaluate({
		principalArn: principal.arn,
		accountId: model.accountId,
		action,
		resource,
		policies: set.policies,
		...(set.boundary ? {boundary: set.boundary} : {}),
		...(principal.user ? {principalFacts: userFacts(model, principal.user)} : {}),
		...(principal.role ? {principalFacts: roleFacts(model, principal.role)} : {}),
		...(model.context ? {context: model.context} : {}),
	});
	model.memo.set(set.key, result);
	return result;
};

/** A raw statement as the operator reads it: one ref per path by which its policy reaches the principal. */
export const statementRefs = (principal: Principal, raw: RawStatement): StatementRef[] =>
	(principal.sources.get(raw.policyKey) ?? [{kind: 'inline' as const, name: raw.policyKey}]).map(source => ({
		source,
		statementIndex: raw.statementIndex,
		...(raw.sid === undefined ? {} : {sid: raw.sid}),
		effect: raw.effect,
	}));
