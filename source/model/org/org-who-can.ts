// Who can do an action across an organization (issue 19, item 4): each account's own who-can answer (its
// users, groups and roles, roles' assumers included), capped by the SCPs on the account's path, plus the
// Identity Center people who reach the account through a permission set. A permission set becomes the role
// AWSReservedSSO_<name>_<hash> in each account it is assigned to, so the person can do what that role can:
// the role's row in the account's answer says whether, and the assignments say who.
import {decidedText, writtenCondition} from '../access/context-decided.js';
import {conditionWords} from '../decision-words.js';
import type {RequestContext} from '../access/request-context.js';
import type {WhoCanAnswer, WhoCanEntry} from '../access/types.js';
import {entryKey, type ContextEffect} from '../access/who-can-context.js';
import {withDecision} from '../access/who-can-roles.js';
import {isSsoRoleOf, whoReachesAccount, type IcUser, type IdentityCenter, type PermissionSet, type ReachVia} from './identity-center.js';
import type {Organization} from './organization.js';
import {rcpVerdict} from './rcp-verdict.js';
import {scpVerdict, type ScpVerdict} from './scp-verdict.js';

/** One account as read: its who-can answer, or why it could not be read. */
/** `skipped`: not read on purpose (a suspended or closing account: nobody acts there), not a gap in the answer. */
export type AccountAnswerInput = {accountId: string; accountName: string} & (
	| {answer: WhoCanAnswer; /** Asked with a request context: whom it changed among those Conditional without it. */ contextChanged?: ContextEffect[]}
	| {error: string; skipped?: boolean}
);

/** An Identity Center person who reaches the action in an account through a permission set's role. */
export interface PersonThroughSet {
	user: IcUser;
	permissionSet: PermissionSet;
	via: ReachVia[];
	/** The role the permission set became in this account (its row is among `roles`). */
	role: string;
	decision: 'Allowed' | 'Conditional';
}

export interface OrgAccountAnswer {
	accountId: string;
	accountName: string;
	/** The SCPs' word on the action here (exempt in the management account). */
	scp: ScpVerdict;
	/** The RCPs' word on the action on the account's own resources (exempt in the management account). */
	rcp: ScpVerdict;
	users: WhoCanEntry[];
	groups: WhoCanEntry[];
	roles: WhoCanEntry[];
	people: PersonThroughSet[];
	/** Principals the account's own policies allow but an SCP denies: counted, not listed as able. */
	blockedByScp: number;
	/** Of the others, those an RCP denies (on the account's own resources). */
	blockedByRcp: number;
	/** The account could not be read: nothing is known of it (never taken as "nobody"). */
	error?: string;
	/** Not read on purpose (suspended or closing): nobody acts there. */
	skipped?: boolean;
	/**
	 * With a request context: those Conditional without it that it made Allowed (and the SCPs and RCPs leave
	 * Allowed) or took away, with what decided. None when the controls stop everyone here: nobody can either way.
	 */
	contextChanged: ContextEffect[];
	notes: string[];
}

// Service-linked roles are not limited by SCPs (Organizations User Guide, "SCP effects on permissions").
export const SERVICE_LINKED_PATH = ':role/aws-service-role/';
const isServiceLinked = (entry: WhoCanEntry): boolean => entry.kind === 'role' && entry.arn.includes(SERVICE_LINKED_PATH);

/** The entry as the SCP (or RCP) leaves it, by cappedBy's rule: unchanged, made Conditional, or gone when denied. */
const capped = (entry: WhoCanEntry, scp: ScpVerdict): WhoCanEntry | undefined => {
	if (isServiceLinked(entry)) return entry;
	const decision = cappedBy(entry.decision, scp);
	if (decision === entry.decision) return entry;
	return decision === 'Conditional' ? withDecision(entry, decision) : undefined;
};

/** A decision as the SCPs leave it in one account: denied where they deny, never certain where they are not. */
export const cappedBy = <D extends 'Allowed' | 'Conditional' | 'ExplicitDeny' | 'ImplicitDeny'>(decision: D, scp: ScpVerdict): D | 'Conditional' | 'ExplicitDeny' | 'ImplicitDeny' => {
	switch (scp.kind) {
		case 'permitted':
		case 'exempt':
			return decision;
		case 'denied':
			// An SCP's Deny is an explicit deny; no SCP allowing it is an implicit one (an explicit deny already there stays).
			return scp.how === 'explicit-deny' ? 'ExplicitDeny' : decision === 'ExplicitDeny' ? decision : 'ImplicitDeny';
		case 'conditional':
		case 'unknown':
			return decision === 'Allowed' ? 'Conditional' : decision;
	}
};

/** Where a policy hangs, as the console says it: "OU prod", "root Root", "account workload-dev". */
export const targetText = (t: {kind: string; name: string}) => `${t.kind === 'ou' ? 'OU' : t.kind} ${t.name}`;
const named = (d: {scp?: {name: string}; target: {kind: string; name: string}}) => `${d.scp?.name ?? '?'} on ${targetText(d.target)}`;

/**
 * With a request context: the conditions of the SCPs (or RCPs) it settled, as `can` says what decided —
 * "decided by aws:RequestedRegion=us-east-1: StringNotEquals aws:RequestedRegion eu-west-1 holds (SCP … on OU dev)".
 */
export const settledTexts = (verdict: ScpVerdict, kind: 'SCP' | 'RCP'): string[] =>
	(verdict.kind === 'denied' || verdict.kind === 'permitted' ? (verdict.settled ?? []) : []).map(({condition: c, decider}) =>
		decidedText(c.given, writtenCondition(c), c.holds, `${kind} ${named(decider)}`),
	);

/** What the SCPs (or RCPs) did to the answers in one account, in words; nothing when they let it through. */
export const controlNote = (verdict: ScpVerdict, kind: 'SCP' | 'RCP'): string | undefined => {
	const settled = settledTexts(verdict, kind);
	const decided = settled.length > 0 ? ` — ${settled.join('; ')}` : '';
	switch (verdict.kind) {
		case 'denied': {
			const where = targetText(verdict.decider.target);
			return verdict.how === 'explicit-deny' ? `denied here by ${kind} ${verdict.decider.scp?.name ?? '?'} on ${where}${decided}` : `no ${kind} on ${where} allows it, so it is denied here${decided}`;
		}
		case 'conditional': {
			// The conditions themselves, as who-can shows a principal's: what the request would have to carry.
			const conditions = verdict.conditions.length > 0 ? ` — ${verdict.conditions.map(conditionWords).join('; ')}` : '';
			return kind === 'SCP'
				? `SCPs allow it only under conditions (${verdict.deciders.map(named).join(', ')})${conditions}: every answer here is Conditional`
				: `an RCP may deny it (${verdict.deciders.map(named).join(', ')}${verdict.reason ? `: ${verdict.reason}` : ', under conditions'})${conditions}: every answer here is Conditional`;
		}
		case 'unknown':
			return `the ${kind}s could not be evaluated (${verdict.reason}): every answer here is Conditional`;
		case 'exempt':
			return verdict.reason;
		case 'permitted':
			// Let through: said only when the context decided it (a deny it spared, a conditional allow it met).
			return decided ? `${kind}s let it through with the context given${decided}` : undefined;
	}
};

export const scpNote = (scp: ScpVerdict): string | undefined => controlNote(scp, 'SCP');
/** The RCPs' note; nothing when they let it through or do not apply (the SCP note already names the management account). */
export const rcpNote = (rcp: ScpVerdict): string | undefined => (rcp.kind === 'exempt' ? undefined : controlNote(rcp, 'RCP'));

/** The people whose permission set's role in this account can do the action. */
const peopleThrough = (ic: IdentityCenter | undefined, accountId: string, roles: WhoCanEntry[]): PersonThroughSet[] => {
	if (!ic) return [];
	const people: PersonThroughSet[] = [];
	for (const reach of whoReachesAccount(ic, accountId)) {
		const role = roles.find(entry => isSsoRoleOf(entry.name, reach.permissionSet.name));
		if (role) people.push({user: reach.user, permissionSet: reach.permissionSet, via: reach.via, role: role.name, decision: role.decision});
	}
	return people;
};

const present = (entry: WhoCanEntry | undefined): entry is WhoCanEntry => entry !== undefined;

/** The entries both let through; counted apart: those the SCPs stop, then of the rest those the RCPs stop. */
const keep = (entries: WhoCanEntry[], scp: ScpVerdict, rcp: ScpVerdict): {kept: WhoCanEntry[]; byScp: number; byRcp: number} => {
	const pastScp = entries.map(entry => capped(entry, scp)).filter(present);
	const kept = pastScp.map(entry => capped(entry, rcp)).filter(present);
	return {kept, byScp: entries.length - pastScp.length, byRcp: pastScp.length - kept.length};
};

/**
 * Every account's answer to ACTION on RESOURCE, in the order given, with SCPs applied and IC people added.
 * With a request context, the accounts' answers were asked with it (accountAnswerInputs) and the SCPs and
 * RCPs are read with it too.
 */
export const orgWhoCan = async (
	org: Organization,
	accounts: AccountAnswerInput[],
	ic: IdentityCenter | undefined,
	action: string,
	resource = '*',
	request?: RequestContext,
): Promise<OrgAccountAnswer[]> =>
	Promise.all(
		accounts.map(async (input): Promise<OrgAccountAnswer> => {
			const [scp, rcp] = await Promise.all([scpVerdict(org, input.accountId, action, resource, request), rcpVerdict(org, input.accountId, action, resource, request)]);
			const base = {accountId: input.accountId, accountName: input.accountName, scp, rcp};
			if ('error' in input)
				return {...base, users: [], groups: [], roles: [], people: [], blockedByScp: 0, blockedByRcp: 0, contextChanged: [], error: input.error, ...(input.skipped ? {skipped: true} : {}), notes: [`${input.skipped ? 'skipped' : 'not read'}: ${input.error}`]};
			const users = keep(input.answer.users, scp, rcp);
			const groups = keep(input.answer.groups, scp, rcp);
			const roles = keep(input.answer.roles, scp, rcp);
			const controls = [scpNote(scp), rcpNote(rcp)].filter((n): n is string => n !== undefined);
			const allowed = new Set([...users.kept, ...groups.kept, ...roles.kept].filter(entry => entry.decision === 'Allowed').map(entryKey));
			const stopped = scp.kind === 'denied' || rcp.kind === 'denied';
			const contextChanged = stopped ? [] : (input.contextChanged ?? []).filter(effect => effect.decision === 'NotAllowed' || allowed.has(entryKey(effect)));
			return {
				...base,
				users: users.kept,
				groups: groups.kept,
				roles: roles.kept,
				people: peopleThrough(ic, input.accountId, roles.kept),
				blockedByScp: users.byScp + groups.byScp + roles.byScp,
				blockedByRcp: users.byRcp + groups.byRcp + roles.byRcp,
				contextChanged,
				notes: [...controls, ...input.answer.notes],
			};
		}),
	);
