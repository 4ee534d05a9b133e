// The group, role and policy write routes: create a group, pick a policy for a group or a role, pick a user
// or group for a policy, the policy wizard. Each ends by replacing itself with the plan's confirmation.
import {useMemo} from 'react';
import type {SnapshotIndex} from '../model/indexes.js';
import {planAttachPolicy} from '../model/plans/policies.js';
import {planAttachRolePolicy} from '../model/plans/roles.js';
import type {PrincipalRef} from '../model/plans/steps.js';
import type {Plan} from '../model/plans/types.js';
import {describeError} from '../model/errors.js';
import type {Column} from './components/Table.js';
import {attachablePolicies, filterPolicyChoices, type PolicyChoice} from './screens/attachable-policies.js';
import {awsManagedNote, useAwsManagedPolicies} from './hooks/aws-managed.js';
import {ListScreen} from './screens/ListScreen.js';
import {NewGroupWizard} from './screens/NewGroupWizard.js';
import {PolicyFromTemplate} from './screens/PolicyFromTemplate.js';
import {accountIdOf} from './hooks/group-policy-actions.js';
import {useConnection} from './hooks/connection.js';
import {useMessages} from './hooks/messages.js';
import {useNavigation} from './hooks/navigation.js';
import type {Route} from './hooks/routes.js';
import {useServices} from './hooks/services-context.js';

type PolicyRouteProps = {
	route: Extract<Route, {screen: 'new-group' | 'pick-group-policy' | 'pick-role-policy' | 'pick-policy-holder' | 'policy-wizard'}>;
	index: SnapshotIndex;
	focused: boolean;
	width: number;
	height: number;
	onBack: () => void;
};

const policyColumns: Array<Column<PolicyChoice>> = [
	{id: 'name', header: 'POLICY', width: 20, grow: true, ellipsis: 'middle', cell: r => r.name},
	{id: 'type', header: 'TYPE', width: 8, cell: r => r.type},
	{id: 'detail', header: 'ABOUT', width: 12, grow: true, dropOrder: 1, cell: r => r.detail},
];

interface HolderRow {
	key: string;
	ref: PrincipalRef;
	detail: string;
}

const holderColumns: Array<Column<HolderRow>> = [
	{id: 'kind', header: 'KIND', width: 5, cell: r => r.ref.kind},
	{id: 'name', header: 'NAME', width: 20, grow: true, ellipsis: 'middle', cell: r => r.ref.name},
	{id: 'detail', header: 'MEMBERS / GROUPS', width: 12, grow: true, dropOrder: 1, cell: r => r.detail},
];

const filterHolders = (rows: HolderRow[], query: string) => {
	const q = query.trim().toLowerCase();
	return q ? rows.filter(r => `${r.ref.kind} ${r.ref.name} ${r.detail}`.toLowerCase().includes(q)) : rows;
};

export function PolicyRoutes(props: PolicyRouteProps) {
	const {route, index} = props;
	const navigation = useNavigation();
	const services = useServices();
	const {identity} = useConnection();
	const {flash} = useMessages();
	const common = {focused: props.focused, width: props.width, height: props.height};
	const toPlan = (plan: Plan) => navigation.replace({screen: 'run-plan', plan});
	const attempt = (build: () => Plan) => {
		try {
			toPlan(build());
		} catch (error) {
			flash(describeError(error), 'error');
		}
	};

	// The same choice for a group and a role: every attachable policy, minus what it already has.
	const awsManaged = useAwsManagedPolicies(route.screen === 'pick-group-policy' || route.screen === 'pick-role-policy' || route.screen === 'new-group');
	const policies = useMemo(() => {
		const every = awsManaged.status === 'ok' ? awsManaged.policies : undefined;
		if (route.screen === 'pick-group-policy')
			return attachablePolicies(index, new Set(index.groupByName.get(route.group)?.attachedPolicies.map(p => p.arn)), every);
		if (route.screen === 'pick-role-policy')
			return attachablePolicies(index, new Set(index.roleByName.get(route.role)?.attachedPolicies.map(p => p.arn)), every);
		return [];
	}, [route, index, awsManaged]);
	const holders = useMemo<HolderRow[]>(() => {
		if (route.screen !== 'pick-policy-holder') return [];
		const attached = index.attachments.get(route.policyArn) ?? {users: [], groups: []};
		return [
			...index.snapshot.groups.filter(g => !attached.groups.includes(g.name)).map(g => ({key: `group:${g.name}`, ref: {kind: 'group' as const, name: g.name}, detail: (index.membersByGroup.get(g.name) ?? []).join(', ')})),
			...index.snapshot.users.filter(u => !attached.users.includes(u.name)).map(u => ({key: `user:${u.name}`, ref: {kind: 'user' as const, name: u.name}, detail: u.groups.join(', ')})),
		];
	}, [route, index]);

	switch (route.screen) {
		case 'new-group':
			return <NewGroupWizard {...common} index={index} awsManaged={awsManaged} onPlan={toPlan} onCancel={props.onBack} />;
		case 'policy-wizard':
			return (
				<PolicyFromTemplate
					{...common}
					target={route.target}
					index={index}
					accountId={identity?.account ?? accountIdOf(index)}
					templates={services.templates}
					onPlan={toPlan}
					onCancel={props.onBack}
				/>
			);
		case 'pick-group-policy':
			return (
				<ListScreen
					{...common}
					scope="picker"
					title={`Attach a managed policy to group ${route.group}${awsManagedNote(awsManaged)}`}
					rows={policies}
					rowKey={r => r.arn}
					columns={policyColumns}
					filter={filterPolicyChoices}
					actions={{pick: row => row && attempt(() => planAttachPolicy(index, {policyArn: row.arn, target: {kind: 'group', name: route.group}}))}}
					onBack={props.onBack}
					emptyText={`Every policy is already attached to ${route.group}.`}
				/>
			);
		case 'pick-role-policy':
			return (
				<ListScreen
					{...common}
					scope="picker"
					title={`Attach a managed policy to role ${route.role}${awsManagedNote(awsManaged)}`}
					rows={policies}
					rowKey={r => r.arn}
					columns={policyColumns}
					filter={filterPolicyChoices}
					actions={{pick: row => row && attempt(() => planAttachRolePolicy(index, {role: route.role, policyArn: row.arn}))}}
					onBack={props.onBack}
					emptyText={`Every policy is already attached to role ${route.role}.`}
				/>
			);
		case 'pick-policy-holder': {
			const name = index.policyByArn.get(route.policyArn)?.name ?? route.policyArn.split('/').pop() ?? route.policyArn;
			return (
				<ListScreen
					{...common}
					scope="picker"
					title={`Attach ${name} to a group or a user`}
					rows={holders}
					rowKey={r => r.key}
					columns={holderColumns}
					filter={filterHolders}
					actions={{pick: row => row && attempt(() => planAttachPolicy(index, {policyArn: route.policyArn, target: row.ref}))}}
					onBack={props.onBack}
					emptyText={`${name} is already attached to every user and group.`}
				/>
			);
		}
	}
}
