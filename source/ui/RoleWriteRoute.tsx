// The Role screen's policy picker (A): the same choice users and groups get (attachable-policies.ts),
// minus what the role already has; picking one replaces the picker with the plan's confirmation.
import {useMemo} from 'react';
import {describeError} from '../model/errors.js';
import type {SnapshotIndex} from '../model/indexes.js';
import {planAttachRolePolicy} from '../model/plans/roles.js';
import type {Column} from './components/Table.js';
import {attachablePolicies, filterPolicyChoices, type PolicyChoice} from './screens/attachable-policies.js';
import {ListScreen} from './screens/ListScreen.js';
import {useMessages} from './state/messages.js';
import {useNavigation} from './state/navigation.js';
import type {Route} from './state/routes.js';

const columns: Array<Column<PolicyChoice>> = [
	{id: 'name', header: 'POLICY', width: 20, grow: true, ellipsis: 'middle', cell: r => r.name},
	{id: 'type', header: 'TYPE', width: 8, cell: r => r.type},
	{id: 'detail', header: 'ABOUT', width: 12, grow: true, dropOrder: 1, cell: r => r.detail},
];

export function RoleWriteRoute(props: {
	route: Extract<Route, {screen: 'pick-role-policy'}>;
	index: SnapshotIndex;
	focused: boolean;
	width: number;
	height: number;
	onBack: () => void;
}) {
	const {route, index} = props;
	const navigation = useNavigation();
	const {flash} = useMessages();
	const rows = useMemo(() => attachablePolicies(index, new Set(index.roleByName.get(route.role)?.attachedPolicies.map(p => p.arn))), [route, index]);
	const pick = (row: PolicyChoice | undefined) => {
		if (!row) return;
		try {
			navigation.replace({screen: 'run-plan', plan: planAttachRolePolicy(index, {role: route.role, policyArn: row.arn})});
		} catch (error) {
			flash(describeError(error), 'error');
		}
	};
	return (
		<ListScreen
			focused={props.focused}
			width={props.width}
			height={props.height}
			scope="picker"
			title={`Attach a managed policy to role ${route.role}`}
			rows={rows}
			rowKey={r => r.arn}
			columns={columns}
			filter={filterPolicyChoices}
			actions={{pick}}
			onBack={props.onBack}
			emptyText={`Every policy is already attached to role ${route.role}.`}
		/>
	);
}
