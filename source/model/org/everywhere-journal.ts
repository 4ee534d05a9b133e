// Once Identity Center holds none of a person's removals (a run of offboarding them everywhere did every
// one, a rerun what was left), an earlier run of it that was killed mid-request is settled: its
// unfinished plan — Identity Center removals of that person only — is closed in the journal
// (iamtui:Resolved), as `journal resolve --mark-resolved` would, so `journal --unfinished` stops listing it.
import {isIdentityCenterOperation, RESOLVED, unfinishedPlans} from '../plans/journal-plans.js';
import type {Actor, JournalSink} from '../plans/execute.js';

/** The unfinished plans made only of `userId`'s Identity Center removals (none if the journal cannot be read). */
export const settledRemovals = (journal: JournalSink, userId: string): string[] => {
	try {
		return unfinishedPlans(journal.lines?.() ?? [])
			.filter(plan => plan.steps.every(step => isIdentityCenterOperation(step.operation) && step.target.principalId === userId))
			.map(plan => plan.planId);
	} catch {
		return [];
	}
};

/** Closes the plans settledRemovals names; the ids closed (none if the journal cannot be read or written). */
export const closeSettledRemovals = (journal: JournalSink, userId: string, actor: Actor, now: Date): string[] => {
	const closed: string[] = [];
	try {
		for (const planId of settledRemovals(journal, userId)) {
			journal.append({time: now.toISOString(), ...actor, operation: RESOLVED, target: {}, outcome: 'ok', errorCode: null, resolves: planId});
			closed.push(planId);
		}
	} catch {
		// A journal that cannot be read or written leaves those plans open; the run's own outcome stands.
	}
	return closed;
};
