// Who may assume a role: users and roles of this account, each with its step; kept per model, as no
// query changes it. A trust naming the account delegates to identity policies, so its users come from
// who-can's fast path for sts:AssumeRole on the role (shared by roles whose ARN the same statements
// match), and their steps are read off that answer instead of evaluating each user again.
import type {Role} from '../snapshot.js';
import {appliesToAssume, ASSUME, canAssume, grants, refOf, trustConditions} from './assume-role.js';
import {holderIndex} from './holders.js';
import {principalFor, relevantSet, type AccessModel, type Principal} from './model.js';
import {rolePrincipal, rolesOf, trustOf} from './roles.js';
import {statementsMatching} from './statements.js';
import type {AssumeStep, StatementRef, WhoCanEntry} from './types.js';
import {whoCanDirect} from './who-can.js';

const steps = new WeakMap<AccessModel, Map<string, Promise<AssumeStep[]>>>();
const bySignature = new WeakMap<AccessModel, Map<string, Promise<WhoCanEntry[]>>>();

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
const list = (value: unknown): string[] | undefined => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined);

/**
 * The distinct statements that can match sts:AssumeRole on this ARN: roles with equal signatures get equal
 * who-can answers. A condition that reads the resource (its tags) or a policy variable makes it the role's own.
 */
const signatureOf = (model: AccessModel, role: Role): string => {
	const ids: number[] = [];
	for (const statement of statementsMatching(holderIndex(model).catalogue, ASSUME)) {
		const raw = statement.document['Statement'];
		const body = (Array.isArray(raw) ? raw[0] : raw) as Record<string, unknown> | undefined;
		const resources = list(body?.['Resource']);
		const notResources = list(body?.['NotResource']);
		const patterns = resources ?? notResources;
		if (!body || /ResourceTag|\$\{/i.test(JSON.stringify(body['Condition'] ?? '')) || !patterns || patterns.some(p => p.includes('${'))) return role.arn;
		if (patterns.some(p => glob(p).test(role.arn)) === Boolean(resources)) ids.push(statement.id);
	}
	return ids.join(',');
};

/** Per signature, the first role ARN seen with it: identity answers for the others are the same. */
const representatives = new WeakMap<AccessModel, Map<string, string>>();

const representativeOf = (model: AccessModel, role: Role): string => {
	let known = representatives.get(model);
	if (!known) representatives.set(model, (known = new Map()));
	const signature = signatureOf(model, role);
	let arn = known.get(signature);
	if (!arn) known.set(signature, (arn = role.arn));
	return arn;
};

const allowedBy = (model: AccessModel, role: Role): Promise<WhoCanEntry[]> => {
	let known = bySignature.get(model);
	if (!known) bySignature.set(model, (known = new Map()));
	const signature = signatureOf(model, role);
	let found = known.get(signature);
	if (!found) {
		known.set(signature, (found = whoCanDirect(model, ASSUME, role.arn).then(answer => (answer.ok ? answer.users : []))));
	}
	return found;
};

const distinct = (refs: StatementRef[]) => [...new Map(refs.map(r => [`${r.source.viaGroup ?? ''}|${r.source.name}|${r.statementIndex}`, r])).values()];

/** Users admitted by an account trust, read off who-can's answer; undefined when the trust is not that simple. */
const accountSteps = async (model: AccessModel, role: Role, skip: Set<string>): Promise<AssumeStep[] | undefined> => {
	const trust = trustOf(role);
	// A Deny or NotPrincipal in the trust can single users out: then each is asked on its own.
	if (trust.statements.some(s => s.effect !== 'Allow' || s.notPrincipal)) return undefined;
	const admitting = trust.statements
		.map((s, i) => ({s, i}))
		.filter(({s}) => appliesToAssume(s) && s.principals.some(p => p.kind === 'account' && p.accountId === model.accountId))
		.sort((a, b) => a.s.conditions.length - b.s.conditions.length)[0];
	if (!admitting) return [];
	const trustRef = refOf(role, admitting.s, admitting.i, 'account');
	const conditions = trustConditions(admitting.s, 'Allow');
	return (await allowedBy(model, role))
		.filter(entry => !skip.has(entry.name))
		.map(entry => {
			const identity = entry.conditions.map(c => ({operator: c.operator, key: c.key, values: c.values, where: 'identity' as const, effect: c.effect}));
			const all = [...conditions, ...identity];
			return {
				caller: {kind: 'user', name: entry.name},
				role: role.name,
				roleArn: role.arn,
				decision: entry.decision === 'Conditional' || all.length > 0 ? 'Conditional' : 'Allowed',
				trust: trustRef,
				identity: distinct(entry.via.map(v => v.statement)),
				conditions: all,
				reason: `the trust names this account and ${entry.name}'s policies allow ${ASSUME}`,
			};
		});
};

const assumersOf = async (model: AccessModel, role: Role): Promise<AssumeStep[]> => {
	const raws = new Set(trustOf(role).statements.flatMap(s => [...s.principals, ...(s.notPrincipal ?? [])].map(p => p.raw)));
	const named = model.index.snapshot.users.filter(u => raws.has(u.arn) || raws.has(u.id)).map(u => u.name);
	const fast = await accountSteps(model, role, new Set(named));
	const account = trustOf(role).statements.some(s => s.effect === 'Allow' && s.principals.some(p => p.kind === 'account' && p.accountId === model.accountId));
	const users = new Set(named);
	if (!fast && (account || trustOf(role).statements.some(s => s.notPrincipal))) {
		for (const entry of await allowedBy(model, role)) users.add(entry.name);
		// A Deny NotPrincipal admits nobody by itself, but an account trust beside it needs every user asked.
	}
	const callers: Principal[] = [...users].flatMap(name => principalFor(model, 'user', name) ?? []);
	const throughAccount: Principal[] = [];
	for (const other of rolesOf(model)) {
		if (other.name === role.name) continue;
		const principal = rolePrincipal(model, other);
		if (raws.has(other.arn) || raws.has(other.id)) callers.push(principal);
		else if (account && relevantSet(principal, ASSUME, role.arn).mayAllow) throughAccount.push(principal);
	}
	// Roles admitted through the account: their identity answer is the same for every role of this signature.
	const on = throughAccount.length > 0 ? representativeOf(model, role) : role.arn;
	const asked = await Promise.all([...callers.map(caller => canAssume(model, caller, role)), ...throughAccount.map(caller => canAssume(model, caller, role, on))]);
	return [...(fast ?? []), ...asked.filter(grants)];
};

/** Who may assume `role` (users and roles of this account), each with its step. */
export const whoCanAssume = (model: AccessModel, role: Role): Promise<AssumeStep[]> => {
	let known = steps.get(model);
	if (!known) steps.set(model, (known = new Map()));
	let found = known.get(role.name);
	if (!found) known.set(role.name, (found = assumersOf(model, role)));
	return found;
};
