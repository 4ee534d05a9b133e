// The offboarding route: reads the record (offboard-record.ts), and gives OffboardScreen the self-lockout
// guard and the run as actions — the connection's gateway, the journal, the record store, who we are —
// so the screen itself only takes props. After the run the snapshot is patched for what was done.
import {useCallback, useMemo} from 'react';
import type {SnapshotIndex} from '../model/indexes.js';
import {runOffboarding} from '../model/offboard/run.js';
import {actorFor} from '../model/plans/actor.js';
import {guardLockout} from '../model/plans/lockout.js';
import {OffboardScreen, type GuardPlan, type RunOffboarding} from './screens/OffboardScreen.js';
import {useOffboardRecord} from './offboard-record.js';
import {useConnection} from './hooks/connection.js';
import {useServices} from './hooks/services-context.js';
import {useSnapshot} from './hooks/snapshot.js';

type OffboardRouteProps = {name: string; index: SnapshotIndex; focused: boolean; width: number; height: number; onBack: () => void};

export function OffboardRoute(props: OffboardRouteProps) {
	const services = useServices();
	const {gateway, settings, identity, identityError} = useConnection();
	const {apply} = useSnapshot();
	const {loaded, error} = useOffboardRecord(props.name, props.index);
	const index = loaded?.index;
	// Undefined while the caller's identity is on its way: nothing can be confirmed before the guard
	// answered. Only a failed GetCallerIdentity (or a guard that cannot evaluate) leaves the plan as built,
	// with no claim either way — as on every other plan screen (PlanRoute).
	const guard = useMemo<GuardPlan | undefined>(() => {
		if (!index) return undefined;
		if (identity) return plan => guardLockout(index, plan, identity).catch(() => plan);
		return identityError === undefined ? undefined : async plan => plan;
	}, [index, identity, identityError]);
	const run = useCallback<RunOffboarding>(
		async (record, plan, events) => {
			const result = await runOffboarding(record, plan, {
				gateway,
				journal: services.journal,
				actor: actorFor(settings.profile, identity),
				now: () => services.now(),
				saveRecord: saved => events.onSaved(services.records.save(saved)),
				onStep: events.onStep,
			});
			if (result.report.patch.changes.length > 0) apply(result.report.patch);
			return result;
		},
		[gateway, services, settings.profile, identity, apply],
	);
	return <OffboardScreen {...props} {...(loaded ? {loaded} : {})} {...(error === undefined ? {} : {error})} {...(guard ? {guard} : {})} run={run} />;
}
