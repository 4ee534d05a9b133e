// Runs the record of offboarding a person everywhere: first every Identity Center removal that is not
// done, each journaled as IAM writes are (its intent before the request leaves, its outcome after), then
// each named IAM user's offboarding in its account. One failure stops nothing else: every step is tried,
// the record saved after each, so a rerun does only what is left. No I/O of its own: the writes, the
// journal, the per-account offboarding and the record store are given.
import {describeError, isIamError} from '../errors.js';
import {journalWarning, newPlanId, type Actor, type JournalEntry, type JournalSink, type JournalTarget} from '../plans/execute.js';
import type {IamGateway} from '../gateway.js';
import {closeSettledRemovals} from './everywhere-journal.js';
import type {IdentityCenter} from './identity-center.js';
import type {AccountStep, EverywhereRecord, IcStep} from './offboard-everywhere-record.js';
import type {OpenedOrganization} from './org-load.js';
import type {OrgAccount} from './organization.js';

/** A removal that found nothing to remove (gone before this run sent it) is done: "already removed". */
export type IcRemoval = 'removed' | 'already-removed';

/** Identity Center's writes (aws/identity-center-writes.ts): refused in read-only mode before anything is sent. */
export interface IcWrites {
	readonly readOnly: boolean;
	deleteGroupMembership(input: {identityStoreId: string; membershipId: string}): Promise<IcRemoval>;
	deleteAccountAssignment(input: {instanceArn: string; accountId: string; permissionSetArn: string; principalType: 'USER'; principalId: string}): Promise<IcRemoval>;
}

/** What offboarding a person everywhere needs from AWS (aws/everywhere-connection.ts). */
export interface EverywhereConnection {
	/** The organization opened through the audit role, Identity Center beside it, and who is asking. */
	open: () => Promise<{opened: OpenedOrganization; identityCenter: IdentityCenter; callerArn: string | null}>;
	icWrites: IcWrites;
	/** A gateway in one account of the organization (the audit role's, or the caller's own); close it after. */
	gatewayIn: (account: OrgAccount) => Promise<{gateway: IamGateway; close: () => void}>;
}

/** How one account's offboarding ended (the single-account offboarding, run in that account). */
export interface AccountOffboarding {
	ok: boolean;
	message: string;
	/** Its own offboarding record. */
	record?: string;
}

export interface EverywhereRunOptions {
	ic: IcWrites;
	journal: JournalSink;
	/** The management account's caller, as the journal names it. */
	actor: Actor;
	offboardUser: (step: AccountStep) => Promise<AccountOffboarding>;
	/** Persists the record; called before the first write and after every step. */
	saveRecord: (record: EverywhereRecord) => void;
	now?: () => Date;
	planId?: string;
}

const ALREADY_REMOVED = 'already removed';

const operationOf = (step: IcStep) => (step.kind === 'membership' ? 'identitystore:DeleteGroupMembership' : 'sso:DeleteAccountAssignment');

const targetOf = (step: IcStep, record: EverywhereRecord): JournalTarget =>
	step.kind === 'membership'
		? {membershipId: step.membershipId, groupId: step.groupId, principalId: record.person.userId}
		: {accountId: step.accountId, permissionSetArn: step.permissionSetArn, principalId: record.person.userId};

const send = (ic: IcWrites, step: IcStep, record: EverywhereRecord): Promise<IcRemoval> =>
	step.kind === 'membership'
		? ic.deleteGroupMembership({identityStoreId: record.person.identityStoreId, membershipId: step.membershipId ?? ''})
		: ic.deleteAccountAssignment({
				instanceArn: record.person.instanceArn,
				accountId: step.accountId ?? '',
				permissionSetArn: step.permissionSetArn ?? '',
				principalType: 'USER',
				principalId: record.person.userId,
			});

export const runEverywhere = async (record: EverywhereRecord, options: EverywhereRunOptions): Promise<EverywhereRecord> => {
	const now = options.now ?? (() => new Date());
	const planId = options.planId ?? newPlanId();
	let current: EverywhereRecord = record;
	const save = (next: EverywhereRecord) => {
		current = next;
		options.saveRecord(current);
	};
	const setIc = (index: number, change: Partial<IcStep>) => save({...current, identityCenter: current.identityCenter.map((s, i) => (i === index ? {...s, ...change} : s))});
	const setAccount = (index: number, change: Partial<AccountStep>) => save({...current, accounts: current.accounts.map((s, i) => (i === index ? {...s, ...change} : s))});
	save(current);

	for (const [index, step] of record.identityCenter.entries()) {
		if (step.status === 'done') continue;
		const line = (outcome: JournalEntry['outcome'], errorCode: string | null): JournalEntry => ({
			time: now().toISOString(),
			...options.actor,
			operation: operationOf(step),
			target: targetOf(step, record),
			outcome,
			errorCode,
			planId,
			step: index,
		});
		const append = (entry: JournalEntry, consequence: string): string | undefined => {
			try {
				options.journal.append(entry);
				return undefined;
			} catch (error) {
				return journalWarning(error, consequence);
			}
		};
		// No request leaves whose intent could not be journaled.
		const unjournaled = append(line('intent', null), 'nothing was sent for this step; fix the journal, then run again');
		if (unjournaled) {
			setIc(index, {status: 'failed', message: unjournaled});
			continue;
		}
		try {
			const removal = await send(options.ic, step, record);
			const code = removal === 'already-removed' ? 'ResourceNotFoundException' : null;
			const warning = append(line('ok', code), 'the removal WAS made');
			const said = removal === 'already-removed' ? ALREADY_REMOVED : undefined;
			// A message left by an earlier, failed attempt goes: this one is what happened.
			setIc(index, {status: 'done', message: [said, warning].filter(Boolean).join('; ') || undefined});
		} catch (error) {
			const refused = isIamError(error) && error.kind === 'ReadOnly';
			append(line(refused ? 'refused' : 'failed', isIamError(error) ? (error.code ?? error.kind) : 'Unknown'), 'the failure is not in it');
			setIc(index, {status: 'failed', message: describeError(error)});
		}
	}

	for (const [index, step] of record.accounts.entries()) {
		if (step.status === 'done') continue;
		try {
			const outcome = await options.offboardUser(step);
			setAccount(index, {status: outcome.ok ? 'done' : 'failed', message: outcome.message, ...(outcome.record ? {record: outcome.record} : {})});
		} catch (error) {
			setAccount(index, {status: 'failed', message: describeError(error)});
		}
	}

	// Every Identity Center removal of the person done: an earlier, interrupted run's are settled in the journal.
	const icDone = current.identityCenter.every(s => s.status === 'done');
	if (icDone) closeSettledRemovals(options.journal, record.person.userId, options.actor, now());
	const finished = icDone && current.accounts.every(s => s.status === 'done');
	if (finished) save({...current, finishedAt: now().toISOString()});
	return current;
};
