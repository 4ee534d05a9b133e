// Roles a trust admits through this account without naming them: they get in only with an identity
// allow of sts:AssumeRole on the role, so only roles whose policies may allow it are asked, their answer
// once per signature's representative ARN, and the steps once per (representative, admitting statement).
// Kept per model, as no query changes them. Part of role-assumers.ts (who may assume a role).
import type {Role} from '../snapshot.js';
import {assumeIdentity} from './assume-identity.js';
import {appliesToAssume, ASSUME, canAssumeGiven, grants} from './assume-role.js';
import {grantsAccess, type EvalAnswer} from './evaluator.js';
import {holderIndex} from './holders.js';
import type {AccessModel, PolicyEntry, Principal} from './model.js';
import {withRoleStatements} from './role-assumers.js';
import {statementsMatching, statementsOf} from './statements.js';
import {rolePrincipal, rolesOf, trustOf} from './roles.js';
import type {AssumeStep} from './types.js';

interface Kept {
	/** Roles whose policies may allow sts:AssumeRole at all (whatever the resource). */
	mayAssume?: Principal[];
	/** Representative | admitting statement | roles named → the roles' steps (for any role with those). */
	throughAccount: Map<string, Promise<AssumeStep[]>>;
	/** Representative ARN → the roles whose identity policies allow assuming it. */
	identityAllows: Map<string, Promise<Array<{caller: Principal; identity: EvalAnswer}>>>;
}

const keptOf = new WeakMap<AccessModel, Kept>();
const kept = (model: AccessModel): Kept => {
	let found = keptOf.get(model);
	if (!found) keptOf.set(model, (found = {throughAccount: new Map(), identityAllows: new Map()}));
	return found;
};

/** The trust statement that admits through this account with the fewest conditions (canAssume's pick). */
export const accountStatementsOf = (trust: ReturnType<typeof trustOf>, accountId: string) =>
	trust.statements
		.map((s, i) => ({s, i}))
		.filter(({s}) => appliesToAssume(s) && s.principals.some(p => p.kind === 'account' && p.accountId === accountId))
		.sort((a, b) => a.s.conditions.length - b.s.conditions.length);

export const accountStatementOf = (trust: ReturnType<typeof trustOf>, accountId: string) => accountStatementsOf(trust, accountId)[0];

/**
 * Roles whose policies may allow sts:AssumeRole on some resource (relevance does not depend on it): an
 * evaluable policy holding an Allow statement that can match it, and a boundary (if any) holding one too.
 * Read off the distinct statements that can match, not policy by policy: a thousand roles share a few.
 */
export const mayAssume = (model: AccessModel): Principal[] => {
	const cache = kept(model);
	if (!cache.mayAssume) {
		withRoleStatements(model);
		const {catalogue} = holderIndex(model);
		const allowing = new Set(statementsMatching(catalogue, ASSUME).flatMap(s => (s.effect === 'Allow' ? [s.id] : [])));
		const allows = (entry: PolicyEntry | undefined) => Boolean(entry?.evalPolicy && entry.read && statementsOf(catalogue, entry.read).some(s => allowing.has(s.id)));
		cache.mayAssume = rolesOf(model)
			.map(r => rolePrincipal(model, r))
			.filter(p => p.entries.some(allows) && (!p.boundaryEntry?.evalPolicy || allows(p.boundaryEntry)));
	}
	return cache.mayAssume;
};

/**
 * Roles admitted through the account (all but `namedRoles`, which the trust names and are asked on their
 * own), asked once per signature, admitting statement and roles named (for the first role seen with
 * them): those admit alike, and the identity answer is the signature's.
 */
export const throughAccount = (model: AccessModel, role: Role, namedRoles: Set<string>, on: string): Promise<AssumeStep[]> => {
	const cache = kept(model).throughAccount;
	const key = `${on}\u0000${admittingKey(model, role)}\u0000${[...namedRoles].sort().join(',')}`;
	let found = cache.get(key);
	if (!found) {
		found = identityAllows(model, on).then(allowing =>
			Promise.all(allowing.filter(({caller}) => !namedRoles.has(caller.name)).map(({caller, identity}) => canAssumeGiven(model, caller, role, () => Promise.resolve(identity)))).then(steps => steps.filter(grants)),
		);
		cache.set(key, found);
	}
	return found;
};

/**
 * What a trust makes of a role it does not name: in a trust of Allow statements only, just the account
 * statement with the fewest conditions counts (canAssume picks it), so trusts that differ elsewhere — an
 * ExternalId statement for a partner, a named user — admit alike. Other trusts: their whole text.
 */
const admittingKey = (model: AccessModel, role: Role): string => {
	const trust = trustOf(role);
	if (trust.statements.some(s => s.effect !== 'Allow' || s.notPrincipal)) return role.trustPolicy;
	const admitting = accountStatementOf(trust, model.accountId);
	return admitting ? `statement ${admitting.i} ${admitting.s.sid ?? ''}\u0000${JSON.stringify(admitting.s.conditions)}` : role.trustPolicy;
};

/**
 * Roles whose identity policies allow sts:AssumeRole on `on` (a signature's representative), with that
 * answer: a role the trust does not name gets in through the account only with it, so the others need
 * no step at all, and the answer is asked once per signature, not once per trust text.
 */
const identityAllows = (model: AccessModel, on: string): Promise<Array<{caller: Principal; identity: EvalAnswer}>> => {
	const cache = kept(model).identityAllows;
	let found = cache.get(on);
	if (!found) {
		found = Promise.all(mayAssume(model).map(async caller => ({caller, identity: await assumeIdentity(model, caller, on)}))).then(answers =>
			answers.flatMap(({caller, identity}) => (grantsAccess(identity) ? [{caller, identity}] : [])),
		);
		cache.set(on, found);
	}
	return found;
};
