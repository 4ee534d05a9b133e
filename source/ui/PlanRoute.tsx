// The write routes: pick a group for a user, pick users for a group, confirm a plan. Reads the
// snapshot and runs plans through the contexts; the screens themselves only take props.
import {Box, Text} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import type {SnapshotIndex} from '../model/indexes.js';
import {planMembership, type MembershipRequest} from '../model/plans/group-membership.js';
import {actorFor} from '../model/plans/actor.js';
import {guardLockout} from '../model/plans/lockout.js';
import {planThroughRoles} from '../model/plans/preview-roles.js';
import {sanitize} from '../model/sanitize.js';
import {wipeSecretsIn} from '../model/secret.js';
import type {Plan} from '../model/plans/types.js';
import {proposeUndo, type UndoProposal} from '../model/plans/undo.js';
import {journalWarning, type ExecutionReport} from '../model/plans/execute.js';
import {useConnection} from './hooks/connection.js';
import {useServices} from './hooks/services-context.js';
import {markResolved} from './hooks/take-back.js';
import {ErrorPanel} from './components/ErrorPanel.js';
import {PickScreen} from './screens/PickScreen.js';
import {PlanConfirm} from './screens/PlanConfirm.js';
import {useCommands} from './hooks/keyboard.js';
import {useNavigation} from './hooks/navigation.js';
import {usePlanRunner} from './hooks/plan-runner.js';
import type {Route} from './hooks/routes.js';
import {useTheme} from './theme.js';

type PlanRouteProps = {
	route: Extract<Route, {screen: 'pick-group' | 'pick-users' | 'plan' | 'run-plan'}>;
	index: SnapshotIndex;
	focused: boolean;
	width: number;
	height: number;
	onBack: () => void;
};

export function PlanRoute(props: PlanRouteProps) {
	const {route, index} = props;
	const navigation = useNavigation();
	const toPlan = (request: MembershipRequest) => navigation.replace({screen: 'plan', request});
	const common = {focused: props.focused, width: props.width, height: props.height, onBack: props.onBack};

	const rows = useMemo(() => {
		if (route.screen === 'pick-group') {
			const member = new Set(index.userByName.get(route.user)?.groups ?? []);
			return index.snapshot.groups
				.filter(g => !member.has(g.name))
				.map(g => ({name: g.name, detail: [...g.attachedPolicies.map(p => p.name), ...g.inlinePolicies.map(p => `${p.name} (inline)`)].join(', ')}));
		}
		if (route.screen === 'pick-users') {
			return index.snapshot.users.filter(u => !u.groups.includes(route.group)).map(u => ({name: u.name, detail: u.groups.join(', ')}));
		}
		return [];
	}, [route, index]);

	if (route.screen === 'pick-group')
		return (
			<PickScreen
				{...common}
				title={`Add ${route.user} to a group`}
				rows={rows}
				multiple={false}
				emptyText={`${route.user} is already in every group.`}
				onPick={([group]) => toPlan({change: 'add', group: group!, users: [route.user]})}
			/>
		);
	if (route.screen === 'pick-users')
		return (
			<PickScreen
				{...common}
				title={`Add users to ${route.group} (space marks several)`}
				rows={rows}
				multiple
				emptyText={`Every user is already in ${route.group}.`}
				onPick={users => toPlan({change: 'add', group: route.group, users})}
			/>
		);
	if (route.screen === 'run-plan')
		return <ConfirmPlan {...common} index={index} plan={route.plan} {...(route.finished ? {finished: route.finished} : {})} {...(route.resolves ? {resolves: route.resolves} : {})} />;
	return <PlanFromRequest {...common} index={index} request={route.request} />;
}

/**
 * Confirms and runs a plan; credentials it issued go straight to SecretOnce (replacing this screen).
 * First the self-lockout guard: a plan that takes the operator's own IAM write access away says so.
 */
function ConfirmPlan(props: {
	plan: Plan;
	/** The plan already ran: show its report (and the undo offer) instead of asking. */
	finished?: {report: ExecutionReport; undo: UndoProposal};
	/** The unfinished plan this one takes back (:journal t): closed in the journal once it went through. */
	resolves?: string;
	index: SnapshotIndex;
	focused: boolean;
	width: number;
	height: number;
	onBack: () => void;
}) {
	const theme = useTheme();
	const runPlan = usePlanRunner();
	const navigation = useNavigation();
	const {identity, identityError, settings} = useConnection();
	const services = useServices();
	const [ran, setRan] = useState(props.finished !== undefined);
	// The account as it was before the run: an undo puts back what the plan replaced.
	const [before] = useState(props.index);
	// Leaving without running: a password the plan carried is wiped, not left for the garbage collector.
	const leave = () => {
		if (!ran) wipeSecretsIn(props.plan.steps.map(step => step.run));
		props.onBack();
	};
	// Nothing runs before the guard has answered: while the caller's identity is still on its way the
	// screen waits for it (a plan opened early must not skip the guard); only a failed GetCallerIdentity
	// shows the plan as built, with no claim either way.
	const [guarded, setGuarded] = useState<Plan | undefined>(props.finished ? props.plan : undefined);
	useEffect(() => {
		if (props.finished || guarded) return;
		if (!identity) {
			if (identityError !== undefined) setGuarded(props.plan);
			return;
		}
		let live = true;
		guardLockout(props.index, props.plan, identity).then(
			plan => live && setGuarded(plan),
			() => live && setGuarded(props.plan), // The guard could not evaluate: the plan as built, no claim either way.
		);
		return () => {
			live = false;
		};
		// The plan is fixed for the life of the route; the index changes after the run and must not re-guard.
	}, [identity, identityError]);
	useCommands('plan', {back: leave, 'cancel-plan': leave}, props.focused && !guarded);
	// A take-back that went through closes its plan in the journal; a journal that cannot take it says so.
	const closeResolved = (planId: string): string | undefined => {
		try {
			markResolved(services.journal, planId, actorFor(settings.profile, identity), services.now());
			return undefined;
		} catch (error) {
			return journalWarning(error, `plan ${planId} is taken back but still reads UNFINISHED`);
		}
	};
	// A journal that could not record a write: said above the report, apart from the steps (the change was made).
	const [journalWarnings, setJournalWarnings] = useState(props.finished?.report.journalWarnings ?? []);
	if (!guarded) return <Text dimColor={theme.muted}>Checking whether this change locks you out…</Text>;
	return (
		<Box flexDirection="column">
			{journalWarnings.map((warning, n) => (
				<Text key={n} color={theme.warning} bold wrap="wrap">
					{`Warning: ${sanitize(warning)}`}
				</Text>
			))}
			<PlanConfirm
				plan={guarded}
				runPlan={plan => {
					setRan(true);
					return runPlan(plan);
				}}
				{...(props.finished ? {finished: props.finished.report} : {})}
				onFinished={report => {
					const closed = report.ok && props.resolves ? closeResolved(props.resolves) : undefined;
					setJournalWarnings([...(report.journalWarnings ?? []), ...(closed ? [closed] : [])]);
					if (report.secrets.length === 0) return;
					// The secrets come first; a plan that stopped part-way (or that the journal missed) comes back to its report.
					const then = report.ok && !report.journalWarnings ? undefined : {screen: 'run-plan' as const, plan: guarded, finished: {report, undo: proposeUndo(guarded, report, before)}};
					navigation.replace({screen: 'secret', secrets: report.secrets, ...(then ? {then} : {})});
				}}
				onDone={leave}
				undoFor={report => props.finished?.undo ?? proposeUndo(guarded, report, before)}
				onUndo={plan => navigation.replace({screen: 'run-plan', plan})}
				focused={props.focused}
				width={props.width}
				height={Math.max(1, props.height - journalWarnings.length)}
			/>
		</Box>
	);
}

function PlanFromRequest(props: {request: MembershipRequest; index: SnapshotIndex; focused: boolean; width: number; height: number; onBack: () => void}) {
	const theme = useTheme();
	// Computed once: after the run the snapshot changes, and the plan shown must stay the one that ran.
	const [built] = useState<{plan: Plan} | {error: unknown}>(() => {
		try {
			return {plan: planMembership(props.index, props.request)};
		} catch (error) {
			return {error};
		}
	});
	// The preview is then told through roles: the roles the change takes or gives, what a removal still reaches through one.
	const [throughRoles, setThroughRoles] = useState<Plan | undefined>();
	useEffect(() => {
		if (!('plan' in built)) return;
		let live = true;
		void planThroughRoles(props.index, built.plan).then(plan => live && setThroughRoles(plan));
		return () => {
			live = false;
		};
	}, []);
	useCommands('plan', {back: props.onBack, 'cancel-plan': props.onBack}, props.focused && 'plan' in built && !throughRoles);
	if ('error' in built) return <PlanError error={built.error} focused={props.focused} onBack={props.onBack} />;
	if (!throughRoles) return <Text dimColor={theme.muted}>Checking the roles the user may assume…</Text>;
	return <ConfirmPlan plan={throughRoles} index={props.index} focused={props.focused} width={props.width} height={props.height} onBack={props.onBack} />;
}

function PlanError(props: {error: unknown; focused: boolean; onBack: () => void}) {
	useCommands('plan', {back: props.onBack, 'cancel-plan': props.onBack, 'run-plan': props.onBack}, props.focused);
	return <ErrorPanel title="This change cannot be planned" error={props.error} actions="esc goes back · nothing was sent" />;
}
