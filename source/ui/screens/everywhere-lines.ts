// What the screen offboarding a person everywhere shows, as plan lines: before the run, the Identity Center
// removals (each with what it takes away) and per account the IAM users that look like the person with why,
// each checked or not (a name match is a guess: only a checked one is offboarded); during and after the
// run, each step's state from the record, and the summary with where the record is. Pure.
import type {PlanLine} from '../../model/plans/describe.js';
import type {EverywherePlan} from '../../model/org/offboard-everywhere.js';
import {accountStepKey, type AccountStep, type EverywhereRecord, type IcStep} from '../../model/org/offboard-everywhere-record.js';
import {accountNamesOf, icStepText, removesText} from '../../model/org/offboard-everywhere-work.js';

/** A look-alike the operator may check: one IAM user in one account. */
export interface Candidate {
	accountId: string;
	accountName: string;
	user: string;
	matchedBy: string[];
}

/** A plan line; `candidate`: the index of the look-alike it shows (the cursor moves among those). */
export type EverywhereLine = PlanLine & {candidate?: number};

export const candidatesOf = (plan: EverywherePlan): Candidate[] =>
	plan.accounts.flatMap(a => a.matches.map(m => ({accountId: a.accountId, accountName: a.accountName, user: m.user, matchedBy: m.matchedBy})));

export const candidateKey = accountStepKey;

const who = (plan: EverywherePlan) => {
	const about = [plan.person.displayName, ...plan.person.emails].filter(Boolean).join('; ');
	return `${plan.person.userName}${about ? ` (${about})` : ''}`;
};

const icLines = (steps: readonly IcStep[], person: string, names: ReadonlyMap<string, string>): EverywhereLine[] =>
	steps.length === 0
		? [{depth: 0, text: `Identity Center: ${person} is in no group and holds no direct assignment.`}]
		: [
				{depth: 0, text: 'Identity Center (removed when you confirm):'},
				...steps.map((s): EverywhereLine => ({
					depth: 1,
					text: `${s.status === 'done' ? 'done already: ' : ''}${icStepText(s, person, names)} — takes away ${removesText(s, names)}`,
					tone: s.status === 'done' ? 'dim' : 'loss',
				})),
			];

/**
 * The plan before the run. `named`: the users the unfinished run already holds (offboarded by it, whatever
 * is checked); `checked`: the look-alikes the operator checked; `cursor`: the candidate selected.
 */
export const planView = (plan: EverywherePlan, base: EverywhereRecord, state: {checked: ReadonlySet<string>; cursor: number; resumedFrom?: string; found: readonly string[]}): EverywhereLine[] => {
	const person = plan.person.userName;
	const named = new Map(base.accounts.map(a => [accountStepKey(a), a]));
	const head: EverywhereLine[] = [{depth: 0, text: `Offboard ${who(plan)} everywhere — Identity Center ${base.person.identityStoreId}`}];
	if (state.resumedFrom) head.push({depth: 1, text: `Resuming the unfinished run recorded in ${state.resumedFrom}${state.found.length > 0 ? `; new since: ${state.found.join('; ')}` : ''}`, tone: 'warning'});
	const candidates = candidatesOf(plan);
	const rows: EverywhereLine[] = [];
	for (const account of plan.accounts) {
		const label = `${account.accountName} (${account.accountId})`;
		if (account.error) {
			rows.push({depth: 1, text: `${label}: could not be read (${account.error}) — a user there is not seen`, tone: 'warning'});
			continue;
		}
		if (account.matches.length === 0) continue;
		rows.push({depth: 1, text: label});
		for (const match of account.matches) {
			const key = accountStepKey({accountId: account.accountId, user: match.user});
			const index = candidates.findIndex(c => accountStepKey(c) === key);
			const earlier = named.get(key);
			const box = earlier ? (earlier.status === 'done' ? '[done]' : '[x] named in the unfinished run') : state.checked.has(key) ? '[x]' : '[ ]';
			const pointer = index === state.cursor ? '>' : ' ';
			rows.push({depth: 2, text: `${pointer} ${box} ${match.user} — ${match.matchedBy.join('; ')}`, candidate: index, ...(state.checked.has(key) || earlier ? {tone: 'loss' as const} : {})});
		}
	}
	// Named by the unfinished run and gone from the plan since: still its to finish.
	const gone = base.accounts.filter(a => !candidates.some(c => accountStepKey(c) === accountStepKey(a)));
	rows.push(...gone.map((a): EverywhereLine => ({depth: 1, text: `${a.accountName} (${a.accountId}): ${a.user} — named in the unfinished run (${a.status === 'done' ? 'done' : 'finished by this run'})`})));
	const users: EverywhereLine[] =
		rows.length > 0
			? [{depth: 0, text: `IAM users that look like ${person} (a name match is a guess: only the ones you check with space are offboarded, each in its account):`}, ...rows]
			: [{depth: 0, text: `No account holds an IAM user that looks like ${person}.`}];
	return [...head, ...icLines(base.identityCenter, person, accountNamesOf(plan)), ...users];
};

const stateLabel = (status: IcStep['status'], running: boolean): {label: string; tone?: PlanLine['tone']} =>
	status === 'done' ? {label: 'done    ', tone: 'gain'} : status === 'failed' ? {label: 'FAILED  ', tone: 'loss'} : running ? {label: 'running…'} : {label: 'waiting ', tone: 'dim'};

/** Each step of the record with its state; while it runs, the first step not done yet is the one running. */
export const progressView = (record: EverywhereRecord, running: boolean): EverywhereLine[] => {
	const person = record.person.userName;
	const current = running ? [...record.identityCenter, ...record.accounts].find(s => s.status === 'pending') : undefined;
	const ic = record.identityCenter.map((s): EverywhereLine => {
		const {label, tone} = stateLabel(s.status, s === current);
		return {depth: 1, text: `${label} ${icStepText(s, person)}${s.message ? ` — ${s.message}` : ''}`, ...(tone ? {tone} : {})};
	});
	const accounts = record.accounts.map((s: AccountStep): EverywhereLine => {
		const {label, tone} = stateLabel(s.status, s === current);
		return {depth: 1, text: `${label} offboard ${s.user} in ${s.accountName} (${s.accountId})${s.message ? ` — ${s.message}` : ''}${s.record ? `; its record is ${s.record}` : ''}`, ...(tone ? {tone} : {})};
	});
	return [{depth: 0, text: `Offboarding ${person} everywhere`}, ...ic, ...accounts];
};

/** After the run: what holds now, and where the record is (a rerun does only what is left). */
export const summaryView = (record: EverywhereRecord, path: string): EverywhereLine[] => {
	const person = record.person.userName;
	if (record.finishedAt)
		return [
			{depth: 0, text: `${person} is out of Identity Center${record.accounts.length > 0 ? ' and offboarded in every account checked' : ''}.`, tone: 'gain'},
			{depth: 1, text: `The record is ${path}`},
		];
	const left = record.identityCenter.filter(s => s.status !== 'done').length + record.accounts.filter(a => a.status !== 'done').length;
	return [
		{depth: 0, text: `${left} step${left === 1 ? '' : 's'} failed or left: the others were done.`, tone: 'loss'},
		{depth: 1, text: `The record is ${path}; press X on ${person} again (or \`iamtui offboard-everywhere ${person}\`) to do only what is left.`},
	];
};

/** What a read-only session says to X, in the words the headless command uses: nothing opens, nothing is sent. */
export const everywhereReadOnly = (person: string): string =>
	`read-only mode: offboard-everywhere ${person} was not started; nothing was sent or recorded — open the profile without --read-only`;
