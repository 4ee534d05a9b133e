// What the headless command and the TUI both decide before offboarding a person everywhere: each account's
// IAM users as read (the look-alikes are found among them), the earlier runs for the person (the unfinished
// one to resume, the users already offboarded), and the record's header. Pure: the organization, Identity
// Center and the stored records are given.
import type {IcUser, IdentityCenter} from './identity-center.js';
import type {AccountUsersInput} from './offboard-everywhere.js';
import {EVERYWHERE_RECORD_KIND, EVERYWHERE_RECORD_VERSION, type EverywhereRecord} from './offboard-everywhere-record.js';
import type {FreshWork} from './offboard-everywhere-work.js';
import type {OpenedOrganization} from './org-load.js';

/** Each account's IAM users as read through the audit role (a suspended account is not one to look in). */
export const accountUsers = (opened: OpenedOrganization): AccountUsersInput[] =>
	opened.accounts.flatMap(({account, load}): AccountUsersInput[] => {
		if (load.kind === 'skipped') return [];
		const base = {accountId: account.id, accountName: account.name};
		return load.kind === 'failed' ? [{...base, error: load.message}] : [{...base, users: load.snapshot.users.map(u => ({name: u.name, tags: u.tags}))}];
	});

export interface StoredEverywhere {
	path: string;
	record: EverywhereRecord;
}

/**
 * The runs recorded for this person from this management account: the unfinished one (resumed), and what
 * was named before (offboarded by an earlier run, or held by the unfinished one, which finishes it).
 */
export const earlierRuns = (stored: readonly StoredEverywhere[], managementAccount: string, userId: string) => {
	const earlier = stored.filter(r => r.record.managementAccount === managementAccount && r.record.person.userId === userId);
	const unfinished = earlier.find(r => r.record.finishedAt === null);
	const recorded = [...earlier.flatMap(r => r.record.accounts.filter(a => a.status === 'done')), ...(unfinished?.record.accounts ?? [])];
	return {earlier, unfinished, recorded};
};

/** Who runs it, for whom, through which role: the record's header. */
export const everywhereHeader = (
	opened: OpenedOrganization,
	identityCenter: IdentityCenter,
	person: IcUser,
	by: {callerArn: string | null; auditRole: string; at: Date},
): FreshWork['header'] => ({
	version: EVERYWHERE_RECORD_VERSION,
	kind: EVERYWHERE_RECORD_KIND,
	managementAccount: opened.callerAccountId,
	capturedAt: by.at.toISOString(),
	capturedBy: by.callerArn,
	auditRole: by.auditRole,
	person: {
		userId: person.id,
		userName: person.userName,
		...(person.displayName ? {displayName: person.displayName} : {}),
		emails: person.emails,
		identityStoreId: identityCenter.instance.identityStoreId,
		instanceArn: identityCenter.instance.arn,
	},
});
