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
import {revised} from '../access/who-can-roles.js';
import {controlVerdicts, type ControlVerdicts} from './control-verdicts.js';
import {isSsoRoleOf, whoReachesAccount, type IcUser, type IdentityCenter, type PermissionSet, type ReachVia} from './identity-center.js';
import {pathToAccount, type Organization} from './organization.js';
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
	/** Of the query's actions, those the role reaches here (a wildcard's may be fewer than all: Partly). */
	actions: string[];
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

/**
 * The entry as the SCPs (or RCPs) leave it: unchanged, made Conditional, or gone when they deny it. On a query of
 * many actions whose verdicts differ, each of the entry's actions by its own: those denied leave the entry (gone
 * when none is left), one the controls leave uncertain makes it Conditional.
 */
const capped = (entry: WhoCanEntry, control: ControlVerdicts): WhoCanEntry | undefined => {
	if (isServiceLinked(entry)) return entry;
	const {overall} = control;
	if (overall.kind !== 'partly') {
		const decision = cappedBy(entry.decision, overall);
		if (decision === entry.decision) return entry;
		return decision === 'Conditional' ? revised(entry, {decision}) : undefined;
	}
	const left = entry.actions.filter(action => control.of(action).kind !== 'denied');
	if (left.length === 0) return undefined;
	const unsure = left.some(action => cappedBy('Allowed', control.of(action)) !== 'Allowed');
	const decision = unsure && entry.decision === 'Allowed' ? 'Conditional' : entry.decision;
	if (decision === entry.decision && left.length === entry.actions.length) return entry;
	return revised(entry, {decision, actions: left});
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
		// 'partly': some of a query's actions are limited; what is left of an entry is worked out per action (capped).
		case 'conditional':
		case 'unknown':
		case 'partly':
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
export const settledTexts = (verdict: ScpVerdict, kind: 'SCP' | 'RCP'): string[] => {
	if (verdict.kind === 'partly') return [...new Set(verdict.groups.flatMap(group => settledTexts(group.verdict, kind)))];
	return (verdict.kind === 'denied' || verdict.kind === 'permitted' ? (verdict.settled ?? []) : []).map(({condition: c, decider}) =>
		decidedText(c.given, writtenCondition(c), c.holds, `${kind} ${named(decider)}`),
	);
};

/** Some of a query's actions, named: "s3:DeleteBucket", or "3 of its actions (s3:DeleteBucket, s3:DeleteObject, s3:PutObject, …)". */
const someActions = (actions: string[]): string =>
	actions.length === 1 ? actions[0]! : `${actions.length} of its actions (${actions.slice(0, 3).join(', ')}${actions.length > 3 ? ', …' : ''})`;

/**
 * What the SCPs (or RCPs) did to the answers in one account, in words; nothing when they let it through. On a
 * query whose actions they treat differently, each group of actions they limit, by name.
 */
export const controlNote = (verdict: ScpVerdict, kind: 'SCP' | 'RCP', some = false): string | undefined => {
	const every = some ? 'every answer for them here is Conditional' : 'every answer here is Conditional';
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
				? `SCPs allow it only under conditions (${verdict.deciders.map(named).join(', ')})${conditions}: ${every}`
				: `an RCP may deny it (${verdict.deciders.map(named).join(', ')}${verdict.reason ? `: ${verdict.reason}` : ', under conditions'})${conditions}: ${every}`;
		}
		case 'unknown':
			return `the ${kind}s could not be evaluated (${verdict.reason}): ${every}`;
		case 'exempt':
			return verdict.reason;
		case 'permitted':
			// Let through: said only when the context decided it (a deny it spared, a conditional allow it met).
			return decided ? `${kind}s let it through with the context given${decided}` : undefined;
		case 'partly': {
			const limited = partlyNotes(verdict, kind);
			return limited.length > 0 ? limited.join('; ') : undefined;
		}
	}
};

/** A 'partly' verdict's word on each group of actions it limits: "for ec2:TerminateInstances: denied here by SCP …". */
export const partlyNotes = (verdict: Extract<ScpVerdict, {kind: 'partly'}>, kind: 'SCP' | 'RCP'): string[] =>
	verdict.groups.flatMap(group => {
		const said = controlNote(group.verdict, kind, true);
		return said === undefined ? [] : [`for ${someActions(group.actions)}: ${said}`];
	});

export const scpNote = (scp: ScpVerdict): string | undefined => controlNote(scp, 'SCP');
/** The RCPs' note; nothing when they let it through or do not apply (the SCP note already names the management account). */
export const rcpNote = (rcp: ScpVerdict): string | undefined => (rcp.kind === 'exempt' ? undefined : controlNote(rcp, 'RCP'));

/** The people whose permission set's role in this account can do the action. */
const peopleThrough = (ic: IdentityCenter | undefined, accountId: string, roles: WhoCanEntry[]): PersonThroughSet[] => {
	if (!ic) return [];
	const people: PersonThroughSet[] = [];
	for (const reach of whoReachesAccount(ic, accountId)) {
		const role = roles.find(entry => isSsoRoleOf(entry.name, reach.permissionSet.name));
		if (role) people.push({user: reach.user, permissionSet: reach.permissionSet, via: reach.via, role: role.name, decision: role.decision, actions: role.actions});
	}
	return people;
};

const present = (entry: WhoCanEntry | undefined): entry is WhoCanEntry => entry !== undefined;

/** The entries both let through; counted apart: those the SCPs stop, then of the rest those the RCPs stop. */
const keep = (entries: WhoCanEntry[], scp: ControlVerdicts, rcp: ControlVerdicts): {kept: WhoCanEntry[]; byScp: number; byRcp: number} => {
	const pastScp = entries.map(entry => capped(entry, scp)).filter(present);
	const kept = pastScp.map(entry => capped(entry, rcp)).filter(present);
	return {kept, byScp: entries.length - pastScp.length, byRcp: pastScp.length - kept.length};
};

/** The actions a query stands for (a wildcard expands alike in every account), or the query itself when no account answered. */
const queryActions = (accounts: AccountAnswerInput[], action: string): string[] => {
	const answered = accounts.find(input => 'answer' in input);
	return answered && 'answer' in answered && answered.answer.actions.length > 0 ? answered.answer.actions : [action];
};

/**
 * Every account's answer to ACTION on RESOURCE, in the order given, with SCPs applied and IC people added.
 * With a request context, the accounts' answers were asked with it (accountAnswerInputs) and the SCPs and
 * RCPs are read with it too. A wildcard's actions are each asked of the SCPs and RCPs (control-verdicts.ts).
 */
export const orgWhoCan = async (
	org: Organization,
	accounts: AccountAnswerInput[],
	ic: IdentityCenter | undefined,
	action: string,
	resource = '*',
	request?: RequestContext,
): Promise<OrgAccountAnswer[]> => {
	const actions = queryActions(accounts, action);
	return Promise.all(
		accounts.map(async (input): Promise<OrgAccountAnswer> => {
			const path = pathToAccount(org, input.accountId) ?? [];
			const [scps, rcps] = await Promise.all([
				controlVerdicts(path.flatMap(target => target.scps.map(p => p.document)), actions, resource, one => scpVerdict(org, input.accountId, one, resource, request)),
				controlVerdicts(path.flatMap(target => (target.rcps ?? []).map(p => p.document)), actions, resource, one => rcpVerdict(org, input.accountId, one, resource, request)),
			]);
			const [scp, rcp] = [scps.overall, rcps.overall];
			const base = {accountId: input.accountId, accountName: input.accountName, scp, rcp};
			if ('error' in input)
				return {...base, users: [], groups: [], roles: [], people: [], blockedByScp: 0, blockedByRcp: 0, contextChanged: [], error: input.error, ...(input.skipped ? {skipped: true} : {}), notes: [`${input.skipped ? 'skipped' : 'not read'}: ${input.error}`]};
			const users = keep(input.answer.users, scps, rcps);
			const groups = keep(input.answer.groups, scps, rcps);
			const roles = keep(input.answer.roles, scps, rcps);
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
};
