// What a run of offboarding a person everywhere does, decided before anything is sent: the Identity Center
// removals of the plan, the IAM users the operator named per account (--account ID or ID:USER: a name
// match is a guess, never acted on alone), and — on a rerun after a partial failure — only what the
// record has not done yet, plus anything the person gained since.
import type {EverywherePlan} from './offboard-everywhere.js';
import {accountStepKey, type AccountStep, type EverywhereRecord, type IcStep} from './offboard-everywhere-record.js';

/** One --account value: every matched user of the account (by id or name), or one of them. */
export interface AccountChoice {
	account: string;
	user?: string;
}

/** ACCOUNT or ACCOUNT:USER (an IAM user name holds no colon); undefined when the value is neither. */
export const parseAccountChoice = (value: string): AccountChoice | undefined => {
	const match = /^([^:]+?)(?::([\w+=,.@-]+))?$/.exec(value.trim());
	if (!match) return undefined;
	return match[2] ? {account: match[1]!, user: match[2]} : {account: match[1]!};
};

/** The Identity Center removals of the plan, as record steps not yet sent. */
export const icStepsOf = (plan: EverywherePlan): IcStep[] => [
	...plan.memberships.map(
		(m): IcStep => ({
			key: `membership:${m.membershipId}`,
			kind: 'membership',
			membershipId: m.membershipId,
			groupId: m.group.id,
			groupName: m.group.displayName,
			removes: m.brings.map(b => `${b.accountId}/${b.permissionSet}`),
			status: 'pending',
		}),
	),
	...plan.directAssignments.map(
		(a): IcStep => ({
			key: `assignment:${a.accountId}:${a.permissionSet.arn}`,
			kind: 'assignment',
			accountId: a.accountId,
			permissionSetArn: a.permissionSet.arn,
			permissionSetName: a.permissionSet.name,
			removes: [`${a.accountId}/${a.permissionSet.name}`],
			status: 'pending',
		}),
	),
];

const named = (account: {accountName: string; accountId: string}) => `${account.accountName} (${account.accountId})`;

/** An account as the operator knows it: "workload-dev (096729399315)" where its name is known, else the id. */
const accountLabel = (id: string, names: ReadonlyMap<string, string>): string => {
	const name = names.get(id);
	return name ? named({accountName: name, accountId: id}) : id;
};

/** The accounts of the plan by id, to name them in the lines. */
export const accountNamesOf = (plan: EverywherePlan): Map<string, string> => new Map(plan.accounts.map(a => [a.accountId, a.accountName]));

/** One line for an Identity Center step, as the plan and the report say it. */
export const icStepText = (step: IcStep, person: string, names: ReadonlyMap<string, string> = new Map()): string =>
	step.kind === 'membership'
		? `remove ${person} from the Identity Center group ${step.groupName ?? step.groupId} (membership ${step.membershipId})`
		: `remove the direct assignment of ${step.permissionSetName ?? step.permissionSetArn} to ${person} in ${accountLabel(step.accountId ?? '?', names)}`;

/** What an Identity Center step takes away: "workload-dev (096729399315)/AdminAccess, …". */
export const removesText = (step: IcStep, names: ReadonlyMap<string, string>): string =>
	step.removes
		.map(pair => {
			const at = pair.indexOf('/');
			return at < 0 ? pair : `${accountLabel(pair.slice(0, at), names)}/${pair.slice(at + 1)}`;
		})
		.join(', ') || 'no account (the group is assigned nowhere)';

export type TargetChoice = {targets: AccountStep[]} | {refused: string; hint: string};

/** The accounts where someone looks like the person: the names a refusal offers instead. */
const closeNames = (plan: EverywherePlan): string => {
	const withMatches = plan.accounts.filter(a => a.matches.length > 0);
	if (withMatches.length === 0) return `no account holds an IAM user that looks like ${plan.person.userName}`;
	return `IAM users that look like ${plan.person.userName}: ${withMatches.map(a => `--account ${a.accountId}:${a.matches.map(m => m.user).join(`, --account ${a.accountId}:`)} (${a.accountName})`).join('; ')}`;
};

/**
 * The IAM users the --account values name, each one a user the plan matched to the person. An account or
 * user the plan does not hold is refused with the names it does hold, unless a run for this person already
 * recorded it (`done`: offboarded by an earlier run, or held by the unfinished one, which finishes it).
 */
export const chooseTargets = (plan: EverywherePlan, choices: readonly AccountChoice[], done: ReadonlyArray<{accountId: string; accountName: string; user: string}>): TargetChoice => {
	const targets = new Map<string, AccountStep>();
	for (const choice of choices) {
		const is = (a: {accountId: string; accountName: string}) => a.accountId === choice.account || a.accountName === choice.account;
		const recorded = done.filter(d => is(d) && (!choice.user || d.user === choice.user));
		const account = plan.accounts.find(is);
		const label = `--account ${choice.account}${choice.user ? `:${choice.user}` : ''}`;
		if (!account) {
			if (recorded.length > 0) continue;
			return {refused: `${label}: no account ${choice.account} in the organization as read (by id or name)`, hint: closeNames(plan)};
		}
		if (account.error) return {refused: `${label}: ${named(account)} could not be read (${account.error}), so its users are unknown`, hint: 'make the audit role work there (iamtui accounts says why), then run again'};
		const picked = choice.user ? account.matches.filter(m => m.user === choice.user) : account.matches;
		if (picked.length === 0) {
			if (recorded.length > 0) continue;
			const what = choice.user ? `${choice.user} in ${named(account)} does not look like ${plan.person.userName}` : `no IAM user in ${named(account)} looks like ${plan.person.userName}`;
			return {refused: `${label}: ${what}`, hint: closeNames(plan)};
		}
		for (const match of picked) {
			const step: AccountStep = {accountId: account.accountId, accountName: account.accountName, user: match.user, matchedBy: match.matchedBy, status: 'pending'};
			targets.set(accountStepKey(step), step);
		}
	}
	return {targets: [...targets.values()]};
};

export interface FreshWork {
	/** Everything of the record but its steps: who, when, by whom, through which role. */
	header: Omit<EverywhereRecord, 'identityCenter' | 'accounts' | 'finishedAt' | 'resumes'>;
	identityCenter: IcStep[];
	accounts: AccountStep[];
}

/**
 * The record this run works on. Without an unfinished record: a new one from the fresh plan. With one:
 * its steps, where a removal Identity Center no longer holds is done ("already removed", nothing sent),
 * and what is new since (a membership gained, an account named this time) appended and said in `found`.
 */
export const everywhereWork = (unfinished: EverywhereRecord | undefined, fresh: FreshWork, at: Date): {record: EverywhereRecord; found: string[]} => {
	if (!unfinished) return {record: {...fresh.header, identityCenter: fresh.identityCenter, accounts: fresh.accounts, finishedAt: null}, found: []};
	const freshKeys = new Set(fresh.identityCenter.map(s => s.key));
	const identityCenter = unfinished.identityCenter.map((s): IcStep =>
		s.status === 'done' || freshKeys.has(s.key) ? s : {...s, status: 'done', message: 'already removed (Identity Center no longer holds it)'},
	);
	const known = new Set(unfinished.identityCenter.map(s => s.key));
	const newIc = fresh.identityCenter.filter(s => !known.has(s.key));
	const knownAccounts = new Set(unfinished.accounts.map(accountStepKey));
	const newAccounts = fresh.accounts.filter(s => !knownAccounts.has(accountStepKey(s)));
	const person = unfinished.person.userName;
	const found = [...newIc.map(s => icStepText(s, person)), ...newAccounts.map(s => `offboard ${s.user} in ${named(s)}`)];
	return {
		record: {
			...unfinished,
			identityCenter: [...identityCenter, ...newIc],
			accounts: [...unfinished.accounts, ...newAccounts],
			resumes: [...(unfinished.resumes ?? []), {at: at.toISOString(), found}],
		},
		found,
	};
};
