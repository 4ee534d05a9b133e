// Whether service control policies let an action through in one account (AWS: Organizations User Guide,
// "SCP evaluation"): every level of the path (root, each OU, the account) must have an SCP allowing it,
// and no SCP anywhere on the path may deny it. The management account is exempt.
import type {DecidingCondition} from '../access/context-decided.js';
import {evaluate, preparePolicy, type RawCondition} from '../access/evaluator.js';
import type {RequestContext} from '../access/request-context.js';
import {pathToAccount, type Organization, type OrgTarget, type ServiceControlPolicy} from './organization.js';

export interface ScpDecider {
	scp?: ServiceControlPolicy;
	target: Pick<OrgTarget, 'id' | 'name' | 'kind'>;
}

/** A condition of an SCP (or RCP) that the request context given settled, and where that policy hangs. */
export interface SettledBy {
	condition: DecidingCondition;
	decider: ScpDecider;
}

/** `settled`: with a request context, the conditions it settled that made the verdict what it is. */
export type ScpVerdict =
	| {kind: 'exempt'; reason: string}
	| {kind: 'permitted'; settled?: SettledBy[]}
	| {kind: 'conditional'; conditions: RawCondition[]; deciders: ScpDecider[]; reason?: string}
	| {kind: 'denied'; how: 'explicit-deny' | 'no-allow'; decider: ScpDecider; settled?: SettledBy[]}
	/** `notActedOn`: the action does not act on the resource asked about (a wildcard's such actions are no question). */
	| {kind: 'unknown'; reason: string; notActedOn?: boolean}
	/** A query of many actions whose verdicts differ: each group of actions with its own (control-verdicts.ts). */
	| {kind: 'partly'; groups: Array<{actions: string[]; verdict: SingleVerdict}>};

/** A verdict on one action (or on every action of a query alike). */
export type SingleVerdict = Exclude<ScpVerdict, {kind: 'partly'}>;

type Statement = Record<string, unknown>;
/** `decided`: the conditions on context keys the answer turned on, whether each held. */
export type Check = {decision: 'yes' | 'maybe' | 'no'; conditions: RawCondition[]; decided?: DecidingCondition[]} | {decision: 'error'; reason: string; notActedOn?: boolean};

const statementsOf = (document: unknown): Statement[] => {
	const statement = (document as {Statement?: unknown} | null)?.Statement;
	if (Array.isArray(statement)) return statement as Statement[];
	return statement && typeof statement === 'object' ? [statement as Statement] : [];
};

/**
 * Do these statements (all turned into Allow) match the request? Turning denies into allows lets the one
 * evaluator say whether a deny applies for certain, only under conditions, or not at all.
 */
export const matches = async (statements: Statement[], accountId: string, action: string, resource: string, facts: RequestContext = {}): Promise<Check> => {
	if (statements.length === 0) return {decision: 'no', conditions: []};
	// An RCP names its principal ("*" is all it may); an identity-shaped policy has none.
	const prepared = preparePolicy({Version: '2012-10-17', Statement: statements.map(({Principal: _p, NotPrincipal: _n, ...s}) => ({...s, Effect: 'Allow'}))});
	if (!prepared.ok) return {decision: 'error', reason: prepared.reason};
	const answer = await evaluate({
		principalArn: `arn:aws:iam::${accountId}:root`,
		accountId,
		action,
		resource,
		policies: [{key: 'scp', handle: prepared.handle}],
		// As request context, not principal facts: those would make every principal tag known (and absent),
		// and an SCP or RCP speaks for any principal of the account, whose tags are not known here.
		context: facts,
	});
	if (!answer.ok) return {decision: 'error', reason: answer.message, ...(answer.kind === 'bad-resource' ? {notActedOn: true} : {})};
	const decided = answer.decidedBy.length > 0 ? {decided: answer.decidedBy.map(({statement: _s, ...c}) => c)} : {};
	if (answer.decision === 'Allowed') return {decision: 'yes', conditions: [], ...decided};
	if (answer.decision === 'Conditional') return {decision: 'maybe', conditions: answer.conditions};
	return {decision: 'no', conditions: [], ...decided};
};

/** The verdict when a policy could not be evaluated: unknown, saying which policy and why. */
export const unknownVerdict = (policy: ServiceControlPolicy, check: Extract<Check, {decision: 'error'}>): SingleVerdict => ({
	kind: 'unknown',
	reason: `${policy.name}: ${check.reason}`,
	...(check.notActedOn ? {notActedOn: true} : {}),
});

/** The conditions a check turned on that the operator's context settled (not the organization's own facts). */
export const settledBy = (check: Check, request: RequestContext | undefined, decider: ScpDecider): SettledBy[] => {
	if (!request || check.decision === 'error' || !check.decided) return [];
	const given = new Set(Object.keys(request).map(key => key.toLowerCase()));
	return check.decided.filter(c => given.has(c.key.toLowerCase())).map(condition => ({condition, decider}));
};

export const withEffect = (scp: ServiceControlPolicy, effect: 'Allow' | 'Deny') => statementsOf(scp.document).filter(s => s['Effect'] === effect);

export const deciderOf = (target: OrgTarget, scp?: ServiceControlPolicy): ScpDecider => ({scp, target: {id: target.id, name: target.name, kind: target.kind}});

/**
 * What is certain of every request iamtui asks about in an account of the organization: the principal and
 * the resource are both in that account, so in the organization, and the principal is an IAM identity, not
 * an AWS service. A data-perimeter condition on them (aws:PrincipalOrgID…) is then decided, not unknown.
 */
export const orgFacts = (org: Organization, accountId: string, request: RequestContext = {}): RequestContext => ({
	// What the operator says the request carries (--context); what the organization makes certain wins.
	...request,
	'aws:PrincipalAccount': accountId,
	'aws:ResourceAccount': accountId,
	'aws:PrincipalIsAWSService': 'false',
	...(org.id ? {'aws:PrincipalOrgID': org.id, 'aws:ResourceOrgID': org.id} : {}),
});

/** The SCPs' word on `action` on `resource` for principals in `accountId`, with the request context given (if any). */
export const scpVerdict = async (org: Organization, accountId: string, action: string, resource: string, request?: RequestContext): Promise<SingleVerdict> => {
	if (accountId === org.managementAccountId) return {kind: 'exempt', reason: 'SCPs do not apply to the management account'};
	const path = pathToAccount(org, accountId);
	if (!path) return {kind: 'unknown', reason: `account ${accountId} is not in the organization`};

	const conditions: RawCondition[] = [];
	const deciders: ScpDecider[] = [];
	// With a context: the conditions it settled on the way (a deny it spared, an allow it let through).
	const settled: SettledBy[] = [];
	const facts = orgFacts(org, accountId, request);
	// Deny wins wherever it hangs, so look for denies on the whole path first.
	for (const target of path) {
		for (const scp of target.scps) {
			const deny = await matches(withEffect(scp, 'Deny'), accountId, action, resource, facts);
			if (deny.decision === 'error') return unknownVerdict(scp, deny);
			const settledHere = settledBy(deny, request, deciderOf(target, scp));
			if (deny.decision === 'yes') return {kind: 'denied', how: 'explicit-deny', decider: deciderOf(target, scp), ...(settledHere.length > 0 ? {settled: settledHere} : {})};
			settled.push(...settledHere);
			if (deny.decision === 'maybe') {
				conditions.push(...deny.conditions.map(c => ({...c, effect: 'Deny' as const})));
				deciders.push(deciderOf(target, scp));
			}
		}
	}
	for (const target of path) {
		let best: {check: Check; scp: ServiceControlPolicy} | undefined;
		const refused: SettledBy[] = [];
		for (const scp of target.scps) {
			const allow = await matches(withEffect(scp, 'Allow'), accountId, action, resource, facts);
			if (allow.decision === 'error') return unknownVerdict(scp, allow);
			if (allow.decision === 'yes') {
				best = {check: allow, scp};
				settled.push(...settledBy(allow, request, deciderOf(target, scp)));
				break;
			}
			if (allow.decision === 'maybe' && !best) best = {check: allow, scp};
			// An allow the context made fail: what denies, if no other SCP here allows it.
			if (allow.decision === 'no') refused.push(...settledBy(allow, request, deciderOf(target, scp)));
		}
		if (!best) return {kind: 'denied', how: 'no-allow', decider: deciderOf(target), ...(refused.length > 0 ? {settled: refused} : {})};
		if (best.check.decision === 'maybe') {
			conditions.push(...best.check.conditions);
			deciders.push(deciderOf(target, best.scp));
		}
	}
	if (deciders.length > 0) return {kind: 'conditional', conditions, deciders};
	return settled.length > 0 ? {kind: 'permitted', settled} : {kind: 'permitted'};
};
