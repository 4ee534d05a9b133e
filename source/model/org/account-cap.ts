// One principal's answer in a member account of an organization, as `can … --org --account` and the Account
// screen's Explain give it: the widest reach (directly, or through any role it may assume), then what the SCPs
// and RCPs on the account's path leave of it. Service-linked roles are not limited by either, as in AWS.
import type {RolePath} from '../access/types.js';
import type {RequestContext} from '../access/request-context.js';
import type {Organization} from './organization.js';
import {cappedBy, rcpNote, scpNote, SERVICE_LINKED_PATH} from './org-who-can.js';
import {rcpVerdict} from './rcp-verdict.js';
import {scpVerdict, type ScpVerdict} from './scp-verdict.js';

export type Reach = 'Allowed' | 'Conditional' | 'ExplicitDeny' | 'ImplicitDeny';

/** The widest of the direct decision and the role paths: Allowed beats Conditional beats a deny. */
export const widestReach = (direct: Reach, paths: RolePath[]): Reach =>
	direct === 'Allowed' || paths.some(p => p.decision === 'Allowed') ? 'Allowed' : direct === 'Conditional' || paths.length > 0 ? 'Conditional' : direct;

/** The account an answer is asked in, and the SCPs' and RCPs' word on a question there. */
export interface AccountCap {
	account: {id: string; name: string};
	scpOf: (action: string, resource: string) => Promise<ScpVerdict>;
	/** The RCPs' word on the resource (one of the account's own). */
	rcpOf: (action: string, resource: string) => Promise<ScpVerdict>;
}

/** The controls on the account's path, assuming the request context (the organization's own facts win). */
export const accountCap = (organization: Organization, account: {id: string; name: string}, request: RequestContext = {}): AccountCap => ({
	account: {id: account.id, name: account.name},
	scpOf: (action, resource) => scpVerdict(organization, account.id, action, resource, request),
	rcpOf: (action, resource) => rcpVerdict(organization, account.id, action, resource, request),
});

export interface CappedReach {
	/** Directly or through a role, before the controls. */
	reach: Reach;
	/** After the SCPs and RCPs. */
	effective: Reach;
	serviceLinked: boolean;
	scp: ScpVerdict;
	rcp: ScpVerdict;
	/** What the SCPs and RCPs did, in words (none when they let it through unremarked, or do not limit it). */
	notes: string[];
}

/** The principal's widest reach, capped by the account's SCPs and RCPs on the resolved action and resource. */
export const capReach = async (cap: AccountCap, principal: {kind: string; arn: string}, reach: Reach, action: string, resource: string): Promise<CappedReach> => {
	const [scp, rcp] = await Promise.all([cap.scpOf(action, resource), cap.rcpOf(action, resource)]);
	const serviceLinked = principal.kind === 'role' && principal.arn.includes(SERVICE_LINKED_PATH);
	if (serviceLinked) return {reach, effective: reach, serviceLinked, scp, rcp, notes: []};
	return {reach, effective: cappedBy(cappedBy(reach, scp), rcp), serviceLinked, scp, rcp, notes: [scpNote(scp), rcpNote(rcp)].filter((n): n is string => n !== undefined)};
};

/**
 * "in account dev (1111…): ImplicitDeny after SCPs and RCPs", whether the controls changed the reach (their notes
 * then say how), and the notes. The command line puts the notes of a change in brackets on that line; the TUI gives
 * each its own.
 */
export const cappedLines = (account: AccountCap['account'], capped: CappedReach): {head: string; changed: boolean; notes: string[]} => {
	const changed = !capped.serviceLinked && capped.effective !== capped.reach;
	const why = capped.serviceLinked ? ' (a service-linked role: SCPs and RCPs do not limit it)' : changed ? ' after SCPs and RCPs' : '';
	return {head: `in account ${account.name} (${account.id}): ${capped.effective}${why}`, changed, notes: capped.notes};
};
