// Who may assume a role: users and roles of this account, each with its step; kept per model, as no
// query changes it. A trust naming the account delegates to identity policies, so its users come from
// who-can's fast path for sts:AssumeRole on the role (shared by roles whose ARN the same statements
// match), and their steps are made from that answer when read instead of evaluating each user again.
// Roles admitted through the account are asked once per signature and admitting statement, not per
// role (role-assumers-account.ts).
import type {Role} from '../snapshot.js';
import {assumeIdentity} from './assume-identity.js';
import {ASSUME, canAssumeGiven, grants, refOf, trustConditions} from './assume-role.js';
import {trustSettled} from './trust-context.js';
import {holderIndex} from './holders.js';
import {principalFor, type AccessModel, type Principal} from './model.js';
import {roleByName, rolePrincipal, rolesOf, trustOf} from './roles.js';
import {statementsMatching, statementsOf} from './statements.js';
import type {AssumeCondition, AssumeStep, StatementRef, TrustRef, WhoCanEntry} from './types.js';
import {accountStatementsOf, mayAssume, throughAccount} from './role-assumers-account.js';
import {whoCanDirect} from './who-can.js';

/** Users admitted by an account trust: who-can's answer for the role's signature, less those named. */
export interface AccountAdmits {
	role: Role;
	/** Shared by every role of the signature (sorted by name). */
	entries: WhoCanEntry[];
	/** The same entries by name. */
	byName: Map<string, WhoCanEntry>;
	/** Users the trust names: asked on their own (in `steps`). */
	skip: Set<string>;
	trust: TrustRef;
	/** The trust statement's own conditions. */
	conditions: AssumeCondition[];
	/** With request context given: the trust conditions it settled, in words. */
	decided: string[];
}

export interface Assumers {
	account?: AccountAdmits;
	/** Steps asked one by one that admit: named users, users of a trust that is not that simple, named roles. */
	asked: AssumeStep[];
	/** `asked` of users, and of roles. */
	userSteps: AssumeStep[];
	namedRoleSteps: AssumeStep[];
	/**
	 * Roles admitted through the account trust, as asked for a role of the same signature and trust text
	 * (shared): skip this role itself, and `retarget` a step to read it for this role.
	 */
	throughAccount: AssumeStep[];
	/**
	 * Roles with the same key are assumed by the same roles (each but itself): the same signature and
	 * trust text. Undefined when the trust is not simple.
	 */
	rolesKey?: string;
}

interface Known {
	assumers: Map<string, Promise<Assumers>>;
	bySignature: Map<string, Promise<{entries: WhoCanEntry[]; byName: Map<string, WhoCanEntry>}>>;
	signatures: Map<string, string>;
	representatives: Map<string, string>;
	principalsById?: Map<string, {kind: 'user' | 'role'; name: string}>;
	/** The statements that can match sts:AssumeRole (null: every signature is the role's own). */
	matchers?: AssumeMatcher[] | null;
	positions?: {users: Map<string, number>; roles: Map<string, number>};
	registered?: boolean;
}

const knownOf = new WeakMap<AccessModel, Known>();
const known = (model: AccessModel): Known => {
	let found = knownOf.get(model);
	if (!found) {
		knownOf.set(model, (found = {assumers: new Map(), bySignature: new Map(), signatures: new Map(), representatives: new Map()}));
	}
	return found;
};

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
const list = (value: unknown): string[] | undefined => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined);

/** A statement that can match sts:AssumeRole, read once per model: which role ARNs its Resource (or NotResource) covers. */
interface AssumeMatcher {
	id: number;
	covers: (arn: string) => boolean;
}

/**
 * The statements that can match sts:AssumeRole, as matchers; null when one makes every role's signature
 * its own (a condition reading the resource's tags or a policy variable, or no Resource at all).
 */
const assumeMatchers = (model: AccessModel): AssumeMatcher[] | null => {
	const cache = known(model);
	if (cache.matchers !== undefined) return cache.matchers;
	const found: AssumeMatcher[] = [];
	for (const statement of statementsMatching(holderIndex(model).catalogue, ASSUME)) {
		const raw = statement.document['Statement'];
		const body = (Array.isArray(raw) ? raw[0] : raw) as Record<string, unknown> | undefined;
		const resources = list(body?.['Resource']);
		const patterns = resources ?? list(body?.['NotResource']);
		if (!body || /ResourceTag|\$\{/i.test(JSON.stringify(body['Condition'] ?? '')) || !patterns || patterns.some(p => p.includes('${'))) {
			cache.matchers = null;
			return null;
		}
		const compiled = patterns.map(glob);
		const any = (arn: string) => compiled.some(p => p.test(arn));
		found.push({id: statement.id, covers: resources ? any : arn => !any(arn)});
	}
	cache.matchers = found;
	return found;
};

/**
 * The distinct statements that can match sts:AssumeRole on this ARN: roles with equal signatures get equal
 * who-can answers. A condition that reads the resource (its tags) or a policy variable makes it the role's own.
 */
const signatureOf = (model: AccessModel, role: Role): string => {
	withRoleStatements(model);
	const cache = known(model).signatures;
	const cached = cache.get(role.name);
	if (cached !== undefined) return cached;
	const matchers = assumeMatchers(model);
	const signature = matchers ? matchers.filter(m => m.covers(role.arn)).map(m => m.id).join(',') : role.arn;
	cache.set(role.name, signature);
	return signature;
};

/**
 * Every role's statements (and boundary's) in who-can's catalogue before any signature is taken: a
 * statement only a role holds can tell two role ARNs apart, and signatures are kept.
 */
export const withRoleStatements = (model: AccessModel): void => {
	const cache = known(model);
	if (cache.registered) return;
	cache.registered = true;
	const {catalogue} = holderIndex(model);
	for (const role of rolesOf(model)) {
		const principal = rolePrincipal(model, role);
		for (const entry of [...principal.entries, ...(principal.boundaryEntry ? [principal.boundaryEntry] : [])]) if (entry.read && !entry.problem) statementsOf(catalogue, entry.read);
	}
};

/** Per signature, the first role ARN seen with it: identity answers for the others are the same. */
const representativeOf = (model: AccessModel, role: Role): string => {
	const {representatives} = known(model);
	const signature = signatureOf(model, role);
	let arn = representatives.get(signature);
	if (!arn) representatives.set(signature, (arn = role.arn));
	return arn;
};

const allowedBy = (model: AccessModel, role: Role) => {
	const {bySignature} = known(model);
	const signature = signatureOf(model, role);
	let found = bySignature.get(signature);
	if (!found) {
		found = whoCanDirect(model, ASSUME, role.arn, {lazyPaths: true}).then(answer => {
			const entries = answer.ok ? answer.users : [];
			return {entries, byName: new Map(entries.map(e => [e.name, e]))};
		});
		bySignature.set(signature, found);
	}
	return found;
};

const distinct = (refs: StatementRef[]) => [...new Map(refs.map(r => [`${r.source.viaGroup ?? ''}|${r.source.name}|${r.statementIndex}`, r])).values()];

/** A user's step through an account trust, read off who-can's answer for the role's signature. */
export const accountStep = (admits: AccountAdmits, entry: WhoCanEntry): AssumeStep => {
	const identity = entry.conditions.map(c => ({operator: c.operator, key: c.key, values: c.values, where: 'identity' as const, effect: c.effect}));
	const all = [...admits.conditions, ...identity];
	return {
		caller: {kind: 'user', name: entry.name},
		role: admits.role.name,
		roleArn: admits.role.arn,
		decision: entry.decision === 'Conditional' || all.length > 0 ? 'Conditional' : 'Allowed',
		trust: admits.trust,
		identity: distinct(entry.via.map(v => v.statement)),
		conditions: all,
		...(admits.decided.length > 0 ? {decided: admits.decided} : {}),
		reason: `the trust names this account and ${entry.name}'s policies allow ${ASSUME}`,
	};
};

/** Users admitted by an account trust; undefined when the trust is not that simple. */
const accountAdmits = async (model: AccessModel, role: Role, skip: Set<string>): Promise<AccountAdmits | null | undefined> => {
	const trust = trustOf(role);
	// A Deny or NotPrincipal in the trust can single users out: then each is asked on its own.
	if (trust.statements.some(s => s.effect !== 'Allow' || s.notPrincipal)) return undefined;
	const statements = accountStatementsOf(trust, model.accountId);
	const admitting = statements[0];
	if (!admitting) return null;
	// With request context given, the admitting statement's conditions may be settled: as none, or failing (then
	// another statement may still admit: each caller is asked on its own, as for a trust that is not simple).
	const settledOf = ({s, i}: typeof admitting) => trustSettled(model, s, role, i);
	const settled = await settledOf(admitting);
	if (settled.verdict === 'fails') {
		// The context refuses every statement naming the account: nobody comes in through it (each caller's
		// refusal is said by canAssume when asked, as `can` and who-can's context effects do).
		for (const other of statements.slice(1)) if ((await settledOf(other)).verdict !== 'fails') return undefined;
		return null;
	}
	const {entries, byName} = await allowedBy(model, role);
	const conditions = trustConditions(settled.verdict === 'holds' ? [] : admitting.s.conditions, 'Allow');
	return {role, entries, byName, skip, trust: refOf(role, admitting.s, admitting.i, 'account'), conditions, decided: settled.decided};
};

/** Users and roles by ARN and unique id, to find those a trust names without reading every one. */
const principalsById = (model: AccessModel) => {
	const cache = known(model);
	if (!cache.principalsById) {
		const found = new Map<string, {kind: 'user' | 'role'; name: string}>();
		for (const u of model.index.snapshot.users) for (const key of [u.arn, u.id]) if (!found.has(key)) found.set(key, {kind: 'user', name: u.name});
		for (const r of rolesOf(model)) for (const key of [r.arn, r.id]) if (!found.has(key)) found.set(key, {kind: 'role', name: r.name});
		cache.principalsById = found;
	}
	return cache.principalsById;
};

/** Users' and roles' places in the account's lists: a trust's named principals (and `can`'s roles) are listed in that order. */
export const positions = (model: AccessModel) => {
	const cache = known(model);
	cache.positions ??= {users: new Map(model.index.snapshot.users.map((u, n) => [u.name, n])), roles: new Map(rolesOf(model).map((r, n) => [r.name, n]))};
	return cache.positions;
};

/** A step asked for another role of the same signature and trust text, as it reads for `role`. */
export const retarget = (step: AssumeStep, role: Role): AssumeStep =>
	step.role === role.name ? step : {...step, role: role.name, roleArn: role.arn, ...(step.trust ? {trust: {...step.trust, role: role.name}} : {})};

const assumersOf = async (model: AccessModel, role: Role): Promise<Assumers> => {
	const trust = trustOf(role);
	const ids = principalsById(model);
	const namedUsers = new Set<string>();
	const namedRoles = new Set<string>();
	for (const s of trust.statements) {
		for (const p of [...s.principals, ...(s.notPrincipal ?? [])]) {
			const who = ids.get(p.raw);
			if (who?.kind === 'user') namedUsers.add(who.name);
			else if (who?.kind === 'role') namedRoles.add(who.name);
		}
	}
	const admits = await accountAdmits(model, role, namedUsers);
	const account = trust.statements.some(s => s.effect === 'Allow' && s.principals.some(p => p.kind === 'account' && p.accountId === model.accountId));
	// Users in snapshot order (as named), then those of a trust that is not simple.
	const {users: userAt, roles: roleAt} = positions(model);
	const inOrder = (names: Set<string>, at: Map<string, number>) => [...names].filter(n => at.has(n)).sort((a, b) => at.get(a)! - at.get(b)!);
	const users = new Set(inOrder(namedUsers, userAt));
	if (admits === undefined && (account || trust.statements.some(s => s.notPrincipal))) {
		for (const entry of (await allowedBy(model, role)).entries) users.add(entry.name);
		// A Deny NotPrincipal admits nobody by itself, but an account trust beside it needs every user asked.
	}
	const callers: Principal[] = [...users].flatMap(name => principalFor(model, 'user', name) ?? []);
	// Named roles (not itself) are asked directly; the others (not named, not itself) through the account.
	for (const other of inOrder(namedRoles, roleAt)) if (other !== role.name) callers.push(rolePrincipal(model, roleByName(model, other)!));
	// Identity answers are asked on the signature's representative: the same for every role of it, so shared.
	const on = representativeOf(model, role);
	const asked = (await Promise.all(callers.map(caller => canAssumeGiven(model, caller, role, () => assumeIdentity(model, caller, on))))).filter(grants);
	// Roles admitted through the account: their identity answer is the same for every role of this signature.
	const others = account && mayAssume(model).some(p => p.name !== role.name && !namedRoles.has(p.name));
	const shared = others ? await throughAccount(model, role, namedRoles, on) : [];
	return {
		...(admits ? {account: admits} : {}),
		asked,
		userSteps: asked.filter(s => s.caller.kind === 'user'),
		namedRoleSteps: asked.filter(s => s.caller.kind === 'role'),
		throughAccount: shared,
		...(admits === undefined ? {} : {rolesKey: `${signatureOf(model, role)}\u0000${role.trustPolicy}`}),
	};
};

/** Who may assume `role`, in parts (users through the account trust as who-can's entries): kept per model. */
export const assumersFor = (model: AccessModel, role: Role): Promise<Assumers> => {
	const cache = known(model).assumers;
	let found = cache.get(role.name);
	if (!found) cache.set(role.name, (found = assumersOf(model, role)));
	return found;
};

/** The steps of users admitted through the account trust. */
export const accountSteps = (admits: AccountAdmits): AssumeStep[] => admits.entries.filter(e => !admits.skip.has(e.name)).map(e => accountStep(admits, e));

/** Who may assume `role` (users and roles of this account), each with its step. */
export const whoCanAssume = async (model: AccessModel, role: Role): Promise<AssumeStep[]> => {
	const {account, asked, throughAccount} = await assumersFor(model, role);
	return [...(account ? accountSteps(account) : []), ...asked, ...roleCallers({throughAccount, namedRoleSteps: []}, role).map(c => c.step())];
};

/** The roles that may assume `role`, in order: named first, then through the account (each made when called). */
export const roleCallers = (assumers: Pick<Assumers, 'namedRoleSteps' | 'throughAccount'>, role: Role): Array<{name: string; allowed: boolean; step: () => AssumeStep}> => [
	...assumers.namedRoleSteps.map(s => ({name: s.caller.name, allowed: s.decision === 'Allowed', step: () => s})),
	...assumers.throughAccount.filter(s => s.caller.name !== role.name).map(s => ({name: s.caller.name, allowed: s.decision === 'Allowed', step: () => retarget(s, role)})),
];

type Callers = ReturnType<typeof roleCallers>;
const callersKept = new WeakMap<Assumers, Callers>();

/** roleCallers of a role's assumers, listed once (they are kept per model, so the list is the same in every query). */
export const callersOf = (assumers: Assumers, role: Role): Callers => {
	let found = callersKept.get(assumers);
	if (!found) callersKept.set(assumers, (found = roleCallers(assumers, role)));
	return found;
};
