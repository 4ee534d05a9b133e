// Runs a plan from a screen: the connection's gateway, the journal from the services, who we are for
// the journal; after the run the snapshot is patched for what was done and reloaded in the background.
import {useCallback} from 'react';
import {executePlan, type ExecutionReport, type StepOutcome} from '../../model/plans/execute.js';
import {actorFor} from '../../model/plans/actor.js';
import type {Plan} from '../../model/plans/types.js';
import {useConnection} from './connection.js';
import {useServices} from './services-context.js';
import {useSnapshot} from './snapshot.js';

export type RunPlan = (plan: Plan, onStep?: (outcome: StepOutcome, position: number) => void) => Promise<ExecutionReport>;

export const usePlanRunner = (): RunPlan => {
	const services = useServices();
	const {gateway, settings, identity} = useConnection();
	const {apply} = useSnapshot();
	return useCallback<RunPlan>(
		async (plan, onStep) => {
			const report = await executePlan(plan, {
				gateway,
				journal: services.journal,
				actor: actorFor(settings.profile, identity),
				now: () => services.now(),
				...(onStep ? {onStep} : {}),
			});
			if (report.patch.changes.length > 0) apply(report.patch);
			return report;
		},
		[gateway, services, settings.profile, identity, apply],
	);
};
