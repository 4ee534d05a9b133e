// `t` on an UNFINISHED row of :journal: the take-back of that interrupted plan, as `iamtui journal
// resolve ID --take-back` builds it (the same evidence, read now through the connection's gateway; the
// same model), opened in the normal plan confirmation — journaled like any plan, and closed in the
// journal (iamtui:Resolved) once it went through with nothing left to the operator.
import {useCallback} from 'react';
import {describeError} from '../../model/errors.js';
import {actorFor} from '../../model/plans/actor.js';
import type {Actor, JournalSink} from '../../model/plans/execute.js';
import {findUnfinished, RESOLVED} from '../../model/plans/journal-plans.js';
import {peopleOfRecords} from '../../model/org/offboard-everywhere-record.js';
import {planTakeBack} from '../../model/plans/take-back.js';
import {readTakeBackEvidence} from '../../model/plans/take-back-evidence.js';
import {useConnection} from './connection.js';
import {useNavigation} from './navigation.js';
import {useServices} from './services-context.js';

/** Closes plan `planId` in the journal (what `journal resolve` writes once it went through). */
export const markResolved = (journal: JournalSink, planId: string, actor: Actor, now: Date): void =>
	journal.append({time: now.toISOString(), ...actor, operation: RESOLVED, target: {}, outcome: 'ok', errorCode: null, resolves: planId});

/** Opens the take-back of plan `planId`; resolves to a line for the journal screen when no plan opens. */
export type TakeBack = (planId: string) => Promise<string | undefined>;

export const useTakeBack = (): TakeBack => {
	const services = useServices();
	const {gateway, identity, settings} = useConnection();
	const navigation = useNavigation();
	return useCallback<TakeBack>(
		async planId => {
			const unfinished = findUnfinished(services.journal.lines?.() ?? [], planId);
			if (!unfinished) return `Plan ${planId} is not unfinished any more: nothing to take back.`;
			if (unfinished.account && identity && unfinished.account !== identity.account)
				return `Plan ${planId} was run in account ${unfinished.account}; this profile opens ${identity.account}: switch to that account's profile (:profiles) first.`;
			try {
				const {plan, cannot} = planTakeBack(unfinished, await readTakeBackEvidence(gateway, unfinished), peopleOfRecords(services.records.listEverywhere()));
				const left = cannot.map(line => `Not taken back: ${line}`);
				if (!plan && cannot.length > 0) return `Nothing of plan ${planId} can be taken back by iamtui. ${left.join(' ')} Once handled: iamtui journal resolve ${planId} --mark-resolved`;
				if (!plan) {
					markResolved(services.journal, unfinished.planId, actorFor(settings.profile, identity), services.now());
					return `Nothing of plan ${planId} is left to take back: it is marked resolved in the journal.`;
				}
				const notes = [...(plan.notes ?? []), ...left, ...(cannot.length > 0 ? [`The plan stays unfinished until you handle these: iamtui journal resolve ${planId} --mark-resolved`] : [])];
				navigation.push({screen: 'run-plan', plan: {...plan, notes}, ...(cannot.length === 0 ? {resolves: unfinished.planId} : {})});
				return undefined;
			} catch (error) {
				return `Cannot take plan ${planId} back: ${describeError(error)}`;
			}
		},
		[services, gateway, identity, settings.profile, navigation],
	);
};
