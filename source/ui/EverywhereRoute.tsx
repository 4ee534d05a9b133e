// The route offboarding a person everywhere: opens the EverywhereConnection the headless command uses
// (services.everywhere, through the audit role the organization context remembers), reads the plan from
// it — the organization and Identity Center as they are now, the earlier runs for the person — and runs
// what the operator confirmed with runEverywhere, each named IAM user offboarded in its account by the
// single-account offboarding, one record saved after every step. The organization is read again after.
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {offboardInAccount} from '../commands/offboard-in-account.js';
import {IamError} from '../model/errors.js';
import {closeSettledRemovals, settledRemovals} from '../model/org/everywhere-journal.js';
import type {IcUser, IdentityCenter} from '../model/org/identity-center.js';
import {offboardEverywhere, type EverywherePlan} from '../model/org/offboard-everywhere.js';
import {accountUsers, earlierRuns, everywhereHeader} from '../model/org/offboard-everywhere-prepare.js';
import {runEverywhere, type EverywhereConnection} from '../model/org/offboard-everywhere-run.js';
import {chooseTargets, everywhereWork, icStepsOf} from '../model/org/offboard-everywhere-work.js';
import type {OpenedOrganization} from '../model/org/org-load.js';
import {actorFor} from '../model/plans/actor.js';
import {EverywhereScreen, type PreparedEverywhere, type RunEverywhere} from './screens/EverywhereScreen.js';
import {everywhereReadOnly} from './screens/everywhere-lines.js';
import {useConnection} from './hooks/connection.js';
import {useOrganization} from './hooks/organization.js';
import {useServices} from './hooks/services-context.js';
import {identityCenterOf} from '../model/org/org-session.js';

interface Opened {
	connection: EverywhereConnection;
	opened: OpenedOrganization;
	identityCenter: IdentityCenter;
	callerArn: string | null;
	person: IcUser;
	plan: EverywherePlan;
}

export function EverywhereRoute(props: {id: string; focused: boolean; width: number; height: number; onBack: () => void}) {
	const services = useServices();
	const {settings, gateway} = useConnection();
	const org = useOrganization();
	const {hooks, auditRole, reload} = org;
	const label = identityCenterOf(org.state.status === 'open' ? org.state.session : undefined)?.users.find(u => u.id === props.id)?.userName ?? props.id;
	const [state, setState] = useState<{prepared?: PreparedEverywhere; error?: unknown}>({});
	const session = useRef<Opened | undefined>(undefined);
	const clients = useRef<{close: () => void; running: boolean; closeAfterRun: boolean} | undefined>(undefined);
	// The session's read-only holds for every account the run reaches (the gateway refuses as well).
	const runSettings = useMemo(() => ({...settings, readOnly: gateway.readOnly}), [settings, gateway.readOnly]);

	useEffect(() => {
		if (gateway.readOnly) {
			setState({error: new IamError('ReadOnly', everywhereReadOnly(label), 'restart iamtui without --read-only (and a profile not stored read-only)')});
			return;
		}
		if (!services.everywhere) {
			setState({error: new Error('this session cannot reach an organization')});
			return;
		}
		let live = true;
		const read = async (): Promise<PreparedEverywhere> => {
			const opening = await services.everywhere!(runSettings, hooks, auditRole);
			clients.current = {close: opening.close, running: false, closeAfterRun: false};
			if (!live) opening.close();
			const {opened, identityCenter, callerArn} = await opening.connection.open();
			const person = identityCenter.users.find(u => u.id === props.id);
			if (!person) throw new IamError('NotFound', `nobody with id ${props.id} in the identity store now`, 'open :people again');
			const plan = offboardEverywhere(identityCenter, person.id, accountUsers(opened))!;
			session.current = {connection: opening.connection, opened, identityCenter, callerArn, person, plan};
			const {unfinished} = earlierRuns(services.records.listEverywhere(), opened.callerAccountId, person.id);
			const header = everywhereHeader(opened, identityCenter, person, {callerArn, auditRole, at: services.now()});
			const {record, found} = everywhereWork(unfinished?.record, {header, identityCenter: icStepsOf(plan), accounts: []}, services.now());
			// As the headless rerun that finds nothing left: an interrupted run's open plan can be closed.
			const settled = !unfinished && record.identityCenter.every(step => step.status === 'done') ? settledRemovals(services.journal, person.id) : [];
			return {plan, base: record, found, settled, ...(unfinished ? {resumedFrom: unfinished.path} : {})};
		};
		read().then(
			prepared => live && setState({prepared}),
			(error: unknown) => live && setState({error}),
		);
		return () => {
			live = false;
			// A run under way keeps its clients until it ends (its record is saved after every step).
			const open = clients.current;
			if (open?.running) open.closeAfterRun = true;
			else open?.close();
		};
		// Read once per person: the plan on screen is what the operator checks and confirms.
	}, [props.id]);

	const run = useCallback<RunEverywhere>(
		async (checked, onSaved) => {
			const opened = session.current;
			if (!opened) throw new Error('the organization is not read yet');
			const {connection, person, plan, callerArn} = opened;
			const now = () => services.now();
			// Read again at the run: another run may have recorded since the plan was shown.
			const runs = earlierRuns(services.records.listEverywhere(), opened.opened.callerAccountId, person.id);
			const chosen = chooseTargets(plan, checked.map(c => ({account: c.accountId, user: c.user})), runs.recorded);
			if ('refused' in chosen) throw new IamError('Invalid', `refused: ${chosen.refused}; nothing was sent`, chosen.hint);
			const header = everywhereHeader(opened.opened, opened.identityCenter, person, {callerArn, auditRole, at: now()});
			const {record} = everywhereWork(runs.unfinished?.record, {header, identityCenter: icStepsOf(plan), accounts: chosen.targets}, now());
			const open = clients.current;
			if (open) open.running = true;
			try {
				await runEverywhere(record, {
					ic: connection.icWrites,
					journal: services.journal,
					actor: actorFor(settings.profile, callerArn ? {account: opened.opened.callerAccountId, arn: callerArn} : undefined),
					offboardUser: offboardInAccount(connection, opened.opened, {settings: runSettings, journal: services.journal, records: services.records, now}),
					saveRecord: saved => onSaved(saved, services.records.saveEverywhere(saved)),
					now,
				});
			} finally {
				if (open) open.running = false;
				if (open?.closeAfterRun) open.close();
			}
			// :people and the person screen show Identity Center as it is now (read again through the same role;
			// nothing is written to the config store, so the run's outcome stands whatever the store does).
			reload();
		},
		[services, settings.profile, runSettings, auditRole, reload],
	);

	const closeSettled = useCallback(() => {
		const opened = session.current;
		if (!opened) return [];
		const actor = actorFor(settings.profile, opened.callerArn ? {account: opened.opened.callerAccountId, arn: opened.callerArn} : undefined);
		return closeSettledRemovals(services.journal, opened.person.id, actor, services.now());
	}, [services, settings.profile]);

	return <EverywhereScreen {...props} label={label} {...(state.prepared ? {prepared: state.prepared} : {})} {...(state.error === undefined ? {} : {error: state.error})} run={run} closeSettled={closeSettled} />;
}
