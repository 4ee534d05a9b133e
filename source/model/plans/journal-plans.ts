// Reading the journal by plan: each step's intent line (written before its request was sent) paired
// with its outcome line. A plan with an intent and no outcome was interrupted — killed, or the machine
// went down — after it may have changed the account: it is "unfinished" until resolved (taken back, or
// marked done by hand). Lines from before plans had ids stand alone, as they always did.
import type {JournalEntry, JournalTarget} from './execute.js';

/** What the journal knows of one step: done (its outcome says ok), failed, or unknown (sent, no answer recorded). */
export type StepState = 'done' | 'failed' | 'unknown';

export interface JournaledStep {
	step: number;
	/** iam:CreateAccessKey … */
	operation: string;
	/** The intent's target, with the ids the outcome added (a new key's id). */
	target: JournalTarget;
	state: StepState;
	/** When the intent was written: nothing this step made can be older (give or take the clocks). */
	sentAt: string;
	/** Writes the gateway sent inside the step (reconcile's clean-up), as journaled. */
	inside: JournalEntry[];
}

export interface UnfinishedPlan {
	planId: string;
	startedAt: string;
	profile: string | null;
	account: string | null;
	callerArn: string | null;
	/** The steps that were sent, in order; steps after the last one were never sent. */
	steps: JournaledStep[];
}

export const RESOLVED = 'iamtui:Resolved';

/** identitystore:DeleteGroupMembership, sso:DeleteAccountAssignment: the Identity Center writes offboarding a person everywhere journals. */
export const isIdentityCenterOperation = (operation: string): boolean => /^(identitystore|sso):/.test(operation);

const settles = (entry: JournalEntry) => entry.outcome !== 'intent' && entry.by === undefined && entry.operation !== RESOLVED;

const key = (planId: string, step: number | undefined) => `${planId}#${step ?? ''}`;

/**
 * The journal as an operator reads it: one line per write with how it ended. An intent whose outcome is
 * there is folded into it; an intent without one stays, as the sign of an interrupted plan.
 */
export const settledView = (lines: JournalEntry[]): JournalEntry[] => {
	const settled = new Set(lines.filter(e => e.planId !== undefined && settles(e)).map(e => key(e.planId!, e.step)));
	return lines.filter(e => !(e.outcome === 'intent' && e.planId !== undefined && settled.has(key(e.planId, e.step))));
};

/** Every plan with a step whose intent has no outcome and that no iamtui:Resolved line closes, oldest first. */
export const unfinishedPlans = (lines: JournalEntry[]): UnfinishedPlan[] => {
	const resolved = new Set(lines.filter(e => e.operation === RESOLVED && e.resolves).map(e => e.resolves!));
	const plans = new Map<string, UnfinishedPlan>();
	for (const entry of lines) {
		const {planId} = entry;
		if (planId === undefined || entry.step === undefined || resolved.has(planId) || entry.operation === RESOLVED) continue;
		let plan = plans.get(planId);
		if (!plan) {
			plan = {planId, startedAt: entry.time, profile: entry.profile, account: entry.account, callerArn: entry.callerArn, steps: []};
			plans.set(planId, plan);
		}
		let step = plan.steps.find(s => s.step === entry.step);
		if (!step) {
			step = {step: entry.step, operation: entry.operation, target: {...entry.target}, state: 'unknown', sentAt: entry.time, inside: []};
			plan.steps.push(step);
		}
		if (entry.by !== undefined) step.inside.push(entry);
		else if (entry.outcome !== 'intent') {
			step.state = entry.outcome === 'ok' ? 'done' : 'failed';
			step.target = {...step.target, ...entry.target};
		}
	}
	return [...plans.values()].filter(plan => plan.steps.some(s => s.state === 'unknown')).map(plan => ({...plan, steps: plan.steps.sort((a, b) => a.step - b.step)}));
};

/** The unfinished plans that changed (or may have changed) `user`. */
export const unfinishedFor = (lines: JournalEntry[], user: string): UnfinishedPlan[] =>
	unfinishedPlans(lines).filter(plan => plan.steps.some(s => s.target.user === user));

/** A prefix of a plan id is enough when it names one plan. */
export const findUnfinished = (lines: JournalEntry[], id: string): UnfinishedPlan | undefined => {
	const matches = unfinishedPlans(lines).filter(plan => plan.planId.startsWith(id));
	return matches.length === 1 ? matches[0] : matches.find(plan => plan.planId === id);
};

/** The plans an iamtui:Resolved line closed. */
export const resolvedPlanIds = (lines: JournalEntry[]): ReadonlySet<string> =>
	new Set(lines.filter(e => e.operation === RESOLVED && e.resolves).map(e => e.resolves!));

/** How a line's outcome reads: a lone intent is UNFINISHED until its plan is resolved, then unknown. */
export const outcomeLabel = (entry: JournalEntry, resolved: ReadonlySet<string>): string => {
	if (entry.outcome !== 'intent') return entry.outcome;
	return entry.planId !== undefined && resolved.has(entry.planId) ? 'unknown' : 'UNFINISHED';
};

/** What a line changed, in words; an iamtui:Resolved line names the plan it closed. */
export const targetWords = (entry: JournalEntry): string => (entry.resolves ? `plan ${entry.resolves}` : '');
