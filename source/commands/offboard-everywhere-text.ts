// What offboard-everywhere prints: the plan before anything is sent (the Identity Center removals with what
// each takes away; per account the IAM users that look like the person, each with why, and whether this run
// offboards it), and the report after. JSON keys follow the Identity Center APIs where there is one.
import type {EverywherePlan} from '../model/org/offboard-everywhere.js';
import {accountStepKey, type AccountStep, type EverywhereRecord, type IcStep} from '../model/org/offboard-everywhere-record.js';
import {accountNamesOf, icStepText, removesText} from '../model/org/offboard-everywhere-work.js';
import {textTable} from './text-table.js';

const who = (plan: EverywherePlan) => {
	const {person} = plan;
	const about = [person.displayName, ...person.emails].filter(Boolean).join('; ');
	return `${person.userName}${about ? ` (${about})` : ''}`;
};

const icLine = (step: IcStep, person: string, names: ReadonlyMap<string, string>) => {
	const state = step.status === 'done' ? `done${step.message ? ` (${step.message})` : ''}: ` : step.status === 'failed' ? 'failed before, again: ' : '';
	return `  ${state}${icStepText(step, person, names)} — takes away ${removesText(step, names)}`;
};

const identityCenterLines = (plan: EverywherePlan, record: EverywhereRecord): string[] => {
	const person = plan.person.userName;
	if (record.identityCenter.length === 0) return [`Identity Center: ${person} is in no group and holds no direct assignment.`];
	return ['Identity Center (removed on --yes):', ...record.identityCenter.map(s => icLine(s, person, accountNamesOf(plan)))];
};

const accountLines = (plan: EverywherePlan, accounts: readonly AccountStep[]): string[] => {
	const person = plan.person.userName;
	const named = new Map(accounts.map(a => [accountStepKey(a), a]));
	const rows = plan.accounts.flatMap(account => {
		const label = [account.accountName, account.accountId];
		if (account.error) return [[...label, '?', `could not be read: ${account.error}`, 'unknown: a user there is not seen']];
		return account.matches.map(m => {
			const step = named.get(accountStepKey({accountId: account.accountId, user: m.user}));
			const action = step ? (step.status === 'done' ? 'offboarded already' : 'offboard (named)') : `left: not named (--account ${account.accountId}:${m.user})`;
			return [...label, m.user, m.matchedBy.join('; '), action];
		});
	});
	// Named in an earlier run and gone since: said, so the operator sees where they went.
	const earlier = accounts.filter(a => !plan.accounts.some(p => p.accountId === a.accountId && p.matches.some(m => m.user === a.user)));
	rows.push(...earlier.map(a => [a.accountName, a.accountId, a.user, a.matchedBy.join('; '), a.status === 'done' ? 'offboarded already' : 'offboard (named)']));
	const none = plan.accounts.filter(a => !a.error && a.matches.length === 0 && !earlier.some(e => e.accountId === a.accountId));
	const lines = rows.length > 0
		? [`IAM users that look like ${person} (a name match is a guess: each is offboarded only when named with --account ID or ID:USER):`, textTable(['ACCOUNT', 'ID', 'USER', 'WHY', 'THIS RUN'], rows)]
		: [`No account holds an IAM user that looks like ${person}.`];
	if (none.length > 0 && rows.length > 0) lines.push(`No such user in: ${none.map(a => `${a.accountName} (${a.accountId})`).join(', ')}`);
	return lines;
};

export const planText = (plan: EverywherePlan, record: EverywhereRecord, resume: {resumedFrom?: string; found: string[]}): string => {
	const head = [`Offboard ${who(plan)} everywhere — Identity Center ${record.person.identityStoreId}`];
	if (resume.resumedFrom) head.push(`Resuming the unfinished run recorded in ${resume.resumedFrom}${resume.found.length > 0 ? `; new since: ${resume.found.join('; ')}` : ''}`);
	return [...head, '', ...identityCenterLines(plan, record), '', ...accountLines(plan, record.accounts)].join('\n');
};

const icJson = (step: IcStep) => ({
	Kind: step.kind === 'membership' ? 'GroupMembership' : 'AccountAssignment',
	...(step.membershipId ? {MembershipId: step.membershipId, GroupId: step.groupId, DisplayName: step.groupName} : {}),
	...(step.accountId ? {AccountId: step.accountId, PermissionSetArn: step.permissionSetArn, PermissionSetName: step.permissionSetName} : {}),
	Removes: step.removes,
	Status: step.status,
	...(step.message ? {Message: step.message} : {}),
});

const accountJson = (step: AccountStep) => ({
	AccountId: step.accountId,
	AccountName: step.accountName,
	UserName: step.user,
	MatchedBy: step.matchedBy,
	Status: step.status,
	...(step.message ? {Message: step.message} : {}),
	...(step.record ? {Record: step.record} : {}),
});

export const planJson = (plan: EverywherePlan, record: EverywhereRecord) => ({
	UserId: plan.person.id,
	UserName: plan.person.userName,
	IdentityCenter: record.identityCenter.map(icJson),
	Offboard: record.accounts.map(accountJson),
	Candidates: plan.accounts.map(a => ({AccountId: a.accountId, AccountName: a.accountName, Users: a.matches.map(m => ({UserName: m.user, MatchedBy: m.matchedBy})), ...(a.error ? {Error: a.error} : {})})),
});

export const reportJson = (record: EverywhereRecord, path: string) => ({
	ok: record.finishedAt !== null,
	record: path,
	UserId: record.person.userId,
	UserName: record.person.userName,
	IdentityCenter: record.identityCenter.map(icJson),
	Offboard: record.accounts.map(accountJson),
});

const label = (status: IcStep['status']) => ({done: 'done', failed: 'FAILED', pending: 'not run'})[status].padEnd(8);

export const reportText = (record: EverywhereRecord, path: string, plan?: string): string => {
	const person = record.person.userName;
	const lines = [
		...record.identityCenter.map(s => `${label(s.status)} ${icStepText(s, person)}${s.message ? ` — ${s.message}` : ''}`),
		...record.accounts.map(a => `${label(a.status)} offboard ${a.user} in ${a.accountName} (${a.accountId})${a.message ? ` — ${a.message}` : ''}${a.record ? `; its record is ${a.record}` : ''}`),
	];
	const left = record.identityCenter.filter(s => s.status !== 'done').length + record.accounts.filter(a => a.status !== 'done').length;
	const summary = record.finishedAt
		? `${person} is out of Identity Center${record.accounts.length > 0 ? ' and offboarded in every account named' : ''}; the record is ${path}`
		: `${left} step${left === 1 ? '' : 's'} left: run the same command again to do only what is left (the record is ${path})`;
	return [...(plan ? [plan, ''] : []), ...lines, summary].join('\n');
};

export const nothingLeftText = (plan: EverywherePlan, lastRecord: string | undefined, closedPlans: string[] = []): string =>
	[
		`Nothing left to do for ${plan.person.userName}: no Identity Center group membership or direct assignment, and no IAM user named with --account is left to offboard.`,
		...(lastRecord ? [`The last run is recorded in ${lastRecord}.`] : []),
		...closedPlans.map(id => `Closed in the journal: plan ${id}, an interrupted run whose Identity Center removals are all done now.`),
		...accountLines(plan, []),
	].join('\n');
