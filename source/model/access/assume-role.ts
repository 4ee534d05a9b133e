// Who may assume a role in the same account, by AWS's rules (IAM User Guide):
// - "Policy evaluation for requests within a single account" (reference_policies_evaluation-logic_policy-eval-basics):
//   role trust policies are an exception to "a resource policy alone is enough": the trust must name the principal
//   or its account. When it names the account (arn:aws:iam::ACCOUNT:root or the bare id), the account delegates to
//   its identity policies: the caller's identity policy must allow sts:AssumeRole on the role (boundary applied).
// - "Permissions boundaries for IAM entities" (access_policies_boundaries, "Resource-based policies"): a trust that
//   names an IAM user ARN is "not limited by an implicit deny in an identity-based policy or permissions boundary";
//   one that names an IAM role ARN "is limited by an implicit deny in a permissions boundary". An explicit deny in any
//   identity policy or boundary still denies.
// "*" and other accounts admit principals outside this account: named in `outside`, never counted as people here.
import type {TrustCondition, TrustDocument, TrustPrincipal, TrustStatement} from '../trust-principals.js';
import type {Role} from '../snapshot.js';
import {conditionsShown} from './explain.js';
import {evaluate, grantsAccess, type EvalAnswer, type EvalFailure} from './evaluator.js';
import {evaluatePrincipal, statementRefs, type AccessModel, type Principal} from './model.js';
import {actionMatches} from './patterns.js';
import {trustOf} from './roles.js';
import type {AssumeCondition, AssumeStep, TrustRef} from './types.js';
import {trustSettled, type TrustSettled} from './trust-context.js';

export const ASSUME = 'sts:AssumeRole';

export const appliesToAssume = (s: TrustStatement): boolean =>
	s.notActions ? !s.notActions.some(p => actionMatches(p, ASSUME)) : s.actions.some(p => actionMatches(p, ASSUME));

/** How a principal entry names the caller: its account, the caller itself, or not at all. */
const names = (p: TrustPrincipal, caller: Principal, accountId: string): 'account' | 'direct' | undefined => {
	if (p.kind === 'account' && p.accountId === accountId) return 'account';
	if (p.raw === caller.arn) return 'direct';
	// What IAM leaves when the named entity was recreated or deleted: its unique id.
	const id = caller.user?.id ?? caller.role?.id;
	if (p.kind === 'unknown' && id && p.raw === id) return 'direct';
	return undefined;
};

const matchOf = (s: TrustStatement, caller: Principal, accountId: string): 'account' | 'direct' | undefined => {
	if (s.notPrincipal) {
		// NotPrincipal: everyone except those listed. Only a Deny is honoured (an Allow is reported, not counted).
		if (s.effect !== 'Deny') return undefined;
		return s.notPrincipal.some(p => names(p, caller, accountId)) ? undefined : 'direct';
	}
	let found: 'account' | 'direct' | undefined;
	for (const p of s.principals) {
		const how = names(p, caller, accountId);
		if (how === 'direct') return how;
		found ??= how;
	}
	return found;
};

export const trustConditions = (conditions: TrustCondition[], effect: 'Allow' | 'Deny'): AssumeCondition[] =>
	conditions.map(c => ({operator: c.operator, key: c.key, values: c.values, where: 'trust' as const, effect}));

export const refOf = (role: Role, s: TrustStatement, index: number, principal: TrustRef['principal']): TrustRef => ({
	role: role.name,
	statementIndex: index + 1,
	...(s.sid ? {sid: s.sid} : {}),
	principal,
	effect: s.effect === 'Deny' ? 'Deny' : 'Allow',
});

/** Trust principals outside this account's users and roles, in words ("* (anyone)", "account 999…", services…). */
export const outsideTrust = (trust: TrustDocument, accountId: string): string[] => {
	const found = new Set<string>();
	for (const s of trust.statements) {
		if (s.effect !== 'Allow') continue;
		if (s.notPrincipal) found.add(`NotPrincipal (anyone except ${s.notPrincipal.map(p => p.raw).join(', ')}): not counted`);
		for (const p of s.principals) {
			if (p.kind === 'anyone') found.add('* (anyone, in any account)');
			else if (p.kind === 'service') found.add(`service ${p.value}`);
			else if (p.kind === 'federated') found.add(p.value ? `federated ${p.value}` : 'federated (no provider)');
			else if (p.accountId && p.accountId !== accountId) found.add(`${p.kind === 'account' ? 'account' : p.kind} ${p.raw} (another account)`);
			else if (p.kind === 'unknown') found.add(`unknown principal ${p.raw}`);
		}
	}
	for (const problem of trust.problems) found.add(`malformed trust policy: ${problem}`);
	return [...found];
};

const step = (caller: Principal, role: Role, decision: AssumeStep['decision'], reason: string, {decided, ...extra}: Partial<AssumeStep> = {}): AssumeStep => ({
	caller: {kind: caller.kind === 'role' ? 'role' : 'user', name: caller.name},
	role: role.name,
	roleArn: role.arn,
	decision,
	identity: [],
	conditions: [],
	reason,
	...extra,
	...(decided && decided.length > 0 ? {decided} : {}),
});

/**
 * Whether `caller` (a user or a role of this account) may assume `role`. Never throws. `evaluatedOn`: an ARN
 * the same identity statements match as the role's (its identity answer is shared, so evaluated once).
 */
export const canAssume = (model: AccessModel, caller: Principal, role: Role, evaluatedOn = role.arn): Promise<AssumeStep> =>
	canAssumeGiven(model, caller, role, () => evaluatePrincipal(model, caller, ASSUME, evaluatedOn));

/**
 * canAssume with the caller's identity answer for sts:AssumeRole on the role given (asked only when the
 * trust leaves it to decide): roles of one signature share it, however many trust texts they have.
 */
export const canAssumeGiven = async (model: AccessModel, caller: Principal, role: Role, identityOf: () => Promise<EvalAnswer | EvalFailure>): Promise<AssumeStep> => {
	const trust = trustOf(role);
	const {accountId} = model;
	if (trust.statements.length === 0) {
		return step(caller, role, 'ImplicitDeny', `the trust policy of ${role.name} could not be read (${trust.problems.join('; ') || 'empty'})`);
	}
	const denies: Array<{s: TrustStatement; i: number; how: TrustRef['principal']}> = [];
	const allows: typeof denies = [];
	trust.statements.forEach((s, i) => {
		if (!appliesToAssume(s)) return;
		const how = matchOf(s, caller, accountId);
		if (!how) return;
		if (s.effect === 'Deny') denies.push({s, i, how});
		else if (s.effect === 'Allow') allows.push({s, i, how});
	});
	// With request context given, a statement whose conditions it settles is as good as unconditional, or gone.
	// Without (the common case, asked for every caller of every role) nothing is settled and nothing copied.
	const settled = model.context ? new Map<TrustStatement, TrustSettled>() : undefined;
	if (settled) for (const {s, i} of [...allows, ...denies]) if (s.conditions.length > 0) settled.set(s, await trustSettled(model, s, role, i));
	const conditionsOf = (s: TrustStatement) => (settled?.get(s)?.verdict === 'holds' ? [] : s.conditions);
	const live = (x: {s: TrustStatement}) => settled?.get(x.s)?.verdict !== 'fails';
	const decidedOf = (list: Array<{s: TrustStatement}>) => (settled ? list.flatMap(x => settled.get(x.s)?.decided ?? []) : []);
	const admitted = allows.length > 0;
	let spared: typeof denies = [];
	let refused: typeof allows = [];
	if (settled && settled.size > 0) {
		spared = denies.filter(d => !live(d));
		refused = allows.filter(a => !live(a));
		denies.splice(0, denies.length, ...denies.filter(live));
		allows.splice(0, allows.length, ...allows.filter(live));
	}
	const hardDeny = denies.find(d => conditionsOf(d.s).length === 0);
	if (hardDeny) return step(caller, role, 'ExplicitDeny', `the trust policy of ${role.name} denies it`, {trust: refOf(role, hardDeny.s, hardDeny.i, hardDeny.how), decided: decidedOf([hardDeny])});
	if (allows.length === 0) {
		const why = admitted ? `the trust policy of ${role.name} admits ${caller.name} only on conditions the context given does not meet` : `the trust policy of ${role.name} does not name ${caller.name} or this account`;
		return step(caller, role, 'ImplicitDeny', why, {decided: decidedOf(refused)});
	}
	// A direct naming needs less than an account one; an unconditional statement beats a conditional one.
	allows.sort((a, b) => Number(a.how !== 'direct') - Number(b.how !== 'direct') || conditionsOf(a.s).length - conditionsOf(b.s).length);
	const chosen = allows[0]!;
	const trustRef = refOf(role, chosen.s, chosen.i, chosen.how);
	const conditions = [...trustConditions(conditionsOf(chosen.s), 'Allow'), ...denies.flatMap(d => trustConditions(conditionsOf(d.s), 'Deny'))];

	const identity = await identityOf();
	if (!identity.ok) return step(caller, role, 'ImplicitDeny', `could not evaluate ${ASSUME} for ${caller.name}: ${identity.message}`, {trust: trustRef});
	const refs = (raws: typeof identity.statements) => raws.flatMap(r => statementRefs(caller, r));
	if (identity.decision === 'ExplicitDeny') {
		return step(caller, role, 'ExplicitDeny', `an identity policy or boundary of ${caller.name} denies ${ASSUME} on ${role.name}`, {trust: trustRef, identity: refs(identity.statements)});
	}
	const identityConditions = (): AssumeCondition[] =>
		conditionsShown(caller, identity.conditions).map(c => ({operator: c.operator, key: c.key, values: c.values, where: 'identity' as const, effect: c.effect}));
	let allowedBy = identity.decision === 'Allowed' || identity.decision === 'Conditional' ? identity : undefined;
	if (chosen.how === 'account') {
		if (!allowedBy) {
			const why = identity.blockedByBoundary ? `the permissions boundary of ${caller.name} does not allow ${ASSUME}` : `no identity policy of ${caller.name} allows ${ASSUME} on ${role.name} (the trust names the account, so one must)`;
			return step(caller, role, 'ImplicitDeny', why, {trust: trustRef});
		}
	} else if (caller.kind === 'role' && caller.boundaryEntry?.evalPolicy && !allowedBy) {
		// A trust naming a role ARN is limited by an implicit deny in that role's boundary.
		const bounded = await evaluate({principalArn: caller.arn, accountId, action: ASSUME, resource: role.arn, policies: [caller.boundaryEntry.evalPolicy]});
		if (!grantsAccess(bounded)) {
			return step(caller, role, 'ImplicitDeny', `the permissions boundary of role ${caller.name} does not allow ${ASSUME}`, {trust: trustRef});
		}
		if (bounded.decision === 'Conditional') conditions.push(...bounded.conditions.map(c => ({operator: c.operator, key: c.key, values: c.values, where: 'identity' as const, effect: c.effect})));
	}
	if (allowedBy?.decision === 'Conditional') conditions.push(...identityConditions());
	const decision = conditions.length > 0 ? 'Conditional' : 'Allowed';
	const how = chosen.how === 'account' ? `the trust names this account and ${caller.name}'s policies allow ${ASSUME}` : `the trust names ${caller.name}`;
	const decided = [...decidedOf([chosen]), ...decidedOf(spared)];
	return step(caller, role, decision, how, {trust: trustRef, identity: allowedBy ? refs(allowedBy.statements.filter(s => s.effect === 'Allow')) : [], conditions, ...(decided.length > 0 ? {decided} : {})});
};

export const grants = (s: AssumeStep): boolean => s.decision === 'Allowed' || s.decision === 'Conditional';
