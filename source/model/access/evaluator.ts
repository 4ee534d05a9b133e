// The one door to the policy simulator (@cloud-copilot/iam-simulate, AGPL). Everything else in the
// access model speaks the neutral shapes below, so this file is all that changes to swap evaluators.
import {createValidatedPolicy, validateIdentityPolicy} from '@cloud-copilot/iam-policy';
import {runSimulation, type RequestAnalysis, type RunSimulationResults} from '@cloud-copilot/iam-simulate';
import {substituted} from './arn-variables.js';
import {allowConditions, certainAllow, knownKeys, type KnownKey} from './condition-unknowns.js';
import {decidedByContext, type DecidingCondition} from './context-decided.js';
import {asWritten, withLiteralVariables} from './policy-version.js';
import {contextText, type RequestContext} from './request-context.js';

/** A policy document checked once; `handle` is opaque to callers. */
export type PreparedPolicy = {ok: true; handle: unknown} | {ok: false; reason: string};

export interface EvalPolicy {
	key: string;
	handle: unknown;
}

export interface EvalRequest {
	principalArn: string;
	accountId: string;
	action: string;
	resource: string;
	policies: EvalPolicy[];
	boundary?: EvalPolicy;
	/** Facts we know for certain about the principal (aws:username, aws:PrincipalTag/…). */
	principalFacts?: Record<string, string>;
	/** What the request carries, as the operator stated it (--context): keys given are known. */
	context?: RequestContext;
}

export interface RawStatement {
	policyKey: string;
	statementIndex: number;
	sid?: string;
	effect: 'Allow' | 'Deny';
}

export interface RawCondition {
	operator: string;
	key: string;
	values: string[];
	effect: 'Allow' | 'Deny';
	statement: RawStatement;
}

export interface EvalAnswer {
	ok: true;
	decision: 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny' | 'Conditional';
	statements: RawStatement[];
	conditions: RawCondition[];
	partialDenies: RawStatement[];
	blockedByBoundary: boolean;
	resourcePatterns: string[];
	notes: string[];
	/** The action takes no resource: evaluated on "*" whatever was asked (its note, noResourceNote, is among `notes`). */
	noResource?: true;
	/** With context given: the conditions it settled, and whether each held. */
	decidedBy: Array<DecidingCondition & {statement: RawStatement}>;
}

/** What an answer says of an action that takes no resource. */
export const noResourceNote = (action: string) => `${action} takes no resource; evaluated on *`;

export type EvalFailure = {
	ok: false;
	kind: 'unknown-service' | 'unknown-action' | 'bad-resource' | 'evaluation-failed';
	message: string;
};

/** An answer that grants: Allowed, or Conditional on what it names (never a failure or a deny). */
export const grantsAccess = (answer: EvalAnswer | EvalFailure | undefined): answer is EvalAnswer =>
	answer?.ok === true && (answer.decision === 'Allowed' || answer.decision === 'Conditional');

type ValidationError = ReturnType<typeof validateIdentityPolicy>[number];

/** Statement JSON → its validation errors (paths as for a lone statement): shared by every document holding it. */
export type StatementValidations = Map<string, ValidationError[]>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const LONE = 'Statement[0]';

/**
 * The simulator's identity-policy validation, statement by statement: a document's errors are those of
 * its envelope (keys, Version, Id) plus each statement's own (no rule spans statements), so accounts that
 * repeat the same statements in hundreds of policies validate each statement once.
 */
const validateWith = (known: StatementValidations) => (document: unknown): ValidationError[] => {
	const raw = isObject(document) ? document['Statement'] : undefined;
	const list = Array.isArray(raw) ? raw : isObject(raw) ? [raw] : [];
	if (!isObject(document) || list.length === 0 || !list.every(isObject)) return validateIdentityPolicy(document);
	// The envelope too, once per distinct envelope (nearly every document has the same one).
	const envelope = {...document, Statement: []};
	const envelopeKey = `envelope:${JSON.stringify(envelope)}`;
	let shared = known.get(envelopeKey);
	if (!shared) known.set(envelopeKey, (shared = validateIdentityPolicy(envelope)));
	const errors = [...shared];
	list.forEach((statement, i) => {
		const text = JSON.stringify(statement);
		let own = known.get(text);
		if (!own) known.set(text, (own = validateIdentityPolicy({Statement: [statement]})));
		const path = Array.isArray(raw) ? `Statement[${i}]` : 'Statement';
		for (const error of own) errors.push({...error, path: error.path.startsWith(LONE) ? path + error.path.slice(LONE.length) : error.path});
	});
	return errors;
};

/** Validate a parsed identity policy once, so each simulation reuses it (`known`: statements validated before). */
export const preparePolicy = (document: unknown, known?: StatementValidations): PreparedPolicy => {
	try {
		// A 2008-10-17 (or versionless) document has no policy variables: the simulator must not substitute them.
		const validated = createValidatedPolicy(withLiteralVariables(document), known ? validateWith(known) : validateIdentityPolicy);
		if (validated.errors.length > 0) {
			return {ok: false, reason: validated.errors.map(e => `${e.path}: ${e.message}`).join('; ')};
		}
		return {ok: true, handle: validated};
	} catch (error) {
		return {ok: false, reason: `the simulator rejected it: ${(error as Error).message}`};
	}
};

type StatementAnalysis = NonNullable<RequestAnalysis['identityAnalysis']>['allowStatements'][number];

const ref = (s: StatementAnalysis): RawStatement => ({
	policyKey: s.policyId,
	statementIndex: s.statement.index(),
	...(s.statement.sid() === undefined ? {} : {sid: s.statement.sid()}),
	effect: s.statement.isDeny() ? 'Deny' : 'Allow',
});

const refKey = (r: RawStatement) => `${r.policyKey}#${r.statementIndex}`;

const dedupe = <T>(items: T[], key: (t: T) => string): T[] => {
	const seen = new Map<string, T>();
	for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
	return [...seen.values()];
};

// Discovery mode must trust what we know about the principal, or tag and username conditions would
// come back "Conditional" although the answer is certain. Only what the facts hold is known: a role's
// session has no aws:username (known absent) and an aws:userid we cannot know (role id:session name).
const knownKey = (keyName: string) => ({keyName, presenceIsKnown: true as const, valueIsKnown: true as const});
const factConstraints = (facts: Record<string, string>) => [
	knownKey('aws:username'),
	knownKey('/^aws:principaltag\\/.*/'),
	...Object.keys(facts).filter(k => !/^aws:principaltag\//i.test(k) && k.toLowerCase() !== 'aws:username').map(knownKey),
];

type Policies = ReturnType<typeof substituted>;

const constraintsFor = (request: EvalRequest) => [
	...(request.principalFacts ? factConstraints(request.principalFacts) : []),
	...Object.keys(request.context ?? {}).map(knownKey),
];

const simulate = async (request: EvalRequest, policies: Policies, resource: string, withBoundary: boolean) =>
	runSimulation(
		{
			request: {
				principal: request.principalArn,
				action: request.action,
				resource: {resource, accountId: request.accountId},
				contextVariables: {...request.context, ...request.principalFacts},
			},
			identityPolicies: policies.identity,
			serviceControlPolicies: [],
			resourceControlPolicies: [],
			...(withBoundary && policies.boundary ? {permissionBoundaryPolicies: [policies.boundary]} : {}),
		},
		{simulationMode: 'Discovery', discoveryContextKeyConstraints: constraintsFor(request)},
	);

const failure = (kind: EvalFailure['kind'], message: string): EvalFailure => ({ok: false, kind, message});

const errorFor = (request: EvalRequest, resource: string, message: string): EvalFailure => {
	if (message === 'invalid.service') return failure('unknown-service', `unknown service in ${request.action}`);
	if (message === 'invalid.action') return failure('unknown-action', `unknown action ${request.action}`);
	if (message === 'no.resource.types' || message === 'multiple.resource.types') {
		return failure('bad-resource', `${resource} is not a resource ${request.action} acts on`);
	}
	return failure('evaluation-failed', `the simulator could not evaluate ${request.action}: ${message}`);
};

const analysesOf = (run: Exclude<RunSimulationResults, {resultType: 'error'}>) =>
	run.resultType === 'single'
		? [{analysis: run.result.analysis, pattern: undefined as string | undefined}]
		: run.results.map(r => ({analysis: r.analysis, pattern: r.resourcePattern as string | undefined}));

const conditionsOf = (analyses: RequestAnalysis[], known: KnownKey): RawCondition[] => {
	const found: RawCondition[] = [];
	for (const a of analyses) {
		const groups = [a.identityAnalysis, a.permissionBoundaryAnalysis];
		for (const group of groups) {
			if (!group) continue;
			// Matching allows: with the conditions the simulator missed (condition-unknowns.ts).
			const matching = new Set(group.allowStatements);
			for (const s of [...group.allowStatements, ...group.denyStatements, ...group.unmatchedStatements]) {
				for (const c of matching.has(s) ? allowConditions(s, known) : (s.ignoredConditions ?? [])) {
					const statement = ref(s);
					found.push({
						operator: c.operation().value(),
						key: c.conditionKey(),
						values: c.conditionValues().map(asWritten),
						effect: statement.effect,
						statement,
					});
				}
			}
		}
	}
	return dedupe(found, c => `${refKey(c.statement)}|${c.operator}|${c.key}`);
};

/**
 * An implicit deny on "*" leaves no analysis to read: the allows whose context conditions failed are
 * those the same request without the context would have hung on.
 */
const failedByContext = async (request: EvalRequest, resource: string): Promise<EvalAnswer['decidedBy']> => {
	const context = request.context ?? {};
	if (Object.keys(context).length === 0) return [];
	const {context: _given, ...bare} = request;
	const run = await simulate(bare, substituted(bare), resource, true);
	if (run.resultType === 'error' || run.overallResult !== 'Allowed') return [];
	const keys = new Set(Object.keys(context).map(k => k.toLowerCase()));
	return conditionsOf(analysesOf(run).map(r => r.analysis), knownKeys(bare.principalFacts))
		.filter(c => c.effect === 'Allow' && keys.has(c.key.toLowerCase()))
		.map(c => ({...c, holds: false, given: contextText(context, c.key)}));
};

/** Evaluate one request against a principal's identity policies (and boundary). Never throws. */
export const evaluate = async (request: EvalRequest): Promise<EvalAnswer | EvalFailure> => {
	let resource = request.resource;
	const known = knownKeys(request.principalFacts, request.context);
	const policies = substituted(request);
	const notes: string[] = [...policies.filled];
	try {
		let run = await simulate(request, policies, resource, true);
		if (run.resultType === 'error' && run.errors.message === 'must.use.wildcard') {
			// AWS evaluates such actions on "*" whatever resource was asked about.
			notes.push(noResourceNote(request.action));
			resource = '*';
			run = await simulate(request, policies, resource, true);
		}
		if (run.resultType === 'error') return errorFor(request, resource, run.errors.message);

		const all = analysesOf(run);
		const allowed = all.filter(r => r.analysis.result === 'Allowed');
		// Denies that match the action but not every resource the wildcard stands for. One that missed on its
		// condition alone is a conditional deny, shown with its condition instead.
		const partialDenies = resource.includes('*')
			? all.flatMap(r => r.analysis.identityAnalysis?.unmatchedStatements ?? [])
					.filter(s => s.statement.isDeny() && s.actionMatch && !s.resourceMatch)
					.map(ref)
			: [];
		const decidedBy = decidedByContext(all.map(r => r.analysis), request.context ?? {}, ref);
		const base = {ok: true as const, partialDenies: dedupe(partialDenies, refKey), notes, blockedByBoundary: false, decidedBy, ...(resource === request.resource ? {} : {noResource: true as const})};

		if (run.overallResult === 'Allowed') {
			const certain = allowed.some(r => certainAllow(r.analysis, known));
			const statements = allowed.flatMap(r => r.analysis.identityAnalysis?.allowStatements ?? []).map(ref);
			const conditions = certain ? [] : conditionsOf(allowed.map(r => r.analysis), known);
			return {
				...base,
				decision: certain ? 'Allowed' : 'Conditional',
				statements: dedupe([...statements, ...conditions.map(c => c.statement)], refKey),
				conditions,
				resourcePatterns: [...new Set(allowed.map(r => asWritten(policies.written.get(r.pattern ?? '') ?? r.pattern ?? resource)))],
			};
		}
		if (run.overallResult === 'ExplicitlyDenied') {
			const denies = all.flatMap(r => [
				...(r.analysis.identityAnalysis?.denyStatements ?? []),
				...(r.analysis.permissionBoundaryAnalysis?.denyStatements ?? []),
			]);
			return {...base, decision: 'ExplicitDeny', statements: dedupe(denies.map(ref), refKey), conditions: [], resourcePatterns: []};
		}
		// Implicit deny: say so when identity policies alone would have allowed (the boundary cut it).
		if (request.boundary) {
			const without = await simulate(request, policies, resource, false);
			if (without.resultType !== 'error' && without.overallResult === 'Allowed') {
				const statements = analysesOf(without)
					.flatMap(r => r.analysis.identityAnalysis?.allowStatements ?? [])
					.map(ref);
				return {
					...base,
					decision: 'ImplicitDeny',
					statements: dedupe(statements, refKey),
					conditions: [],
					blockedByBoundary: true,
					resourcePatterns: [],
				};
			}
		}
		return {...base, decision: 'ImplicitDeny', statements: [], conditions: [], resourcePatterns: [], decidedBy: base.decidedBy.length > 0 ? base.decidedBy : await failedByContext(request, resource)};
	} catch (error) {
		return failure('evaluation-failed', `the simulator failed on ${request.action}: ${(error as Error).message}`);
	}
};
