// Renders one route of the stack with data from the contexts; screens themselves only take props.
import {memo, useCallback} from 'react';
import type {SnapshotIndex} from '../model/indexes.js';
import {ErrorPanel} from './components/ErrorPanel.js';
import {PlanRoute} from './PlanRoute.js';
import {AccessScreen} from './screens/AccessScreen.js';
import {WhoCanScreen} from './screens/WhoCanScreen.js';
import {Progress} from './components/Progress.js';
import {GroupScreen} from './screens/GroupScreen.js';
import {GroupsScreen} from './screens/GroupsScreen.js';
import {PoliciesScreen} from './screens/PoliciesScreen.js';
import {PolicyScreen} from './screens/PolicyScreen.js';
import {ProfilesScreen} from './screens/ProfilesScreen.js';
import {UserScreen} from './screens/UserScreen.js';
import {UsersScreen} from './screens/UsersScreen.js';
import {useConnection} from './state/connection.js';
import {useMessages} from './state/messages.js';
import {useNavigation} from './state/navigation.js';
import {needsSnapshot, type Route} from './state/routes.js';
import {useServices} from './state/services-context.js';
import {useSnapshot} from './state/snapshot.js';

export interface ScreenHostProps {
	route: Route;
	focused: boolean;
	width: number;
	height: number;
	/** Fixed per snapshot, so ages don't change (and rows aren't rebuilt) on every render. */
	now: Date;
}

export const LOAD_ERROR_ACTIONS = 'r retry · :profiles switch profile · q quit';

export const ScreenHost = memo(function ScreenHost(props: ScreenHostProps) {
	const {route} = props;
	const services = useServices();
	const connection = useConnection();
	const snapshot = useSnapshot();
	const navigation = useNavigation();
	const {flash} = useMessages();
	const {gateway} = connection;
	const loadDetails = useCallback((name: string) => gateway.userDetails(name), [gateway]);
	const loadAwsConfigProfiles = useCallback(() => services.awsConfigProfiles(), [services]);

	if (route.screen === 'profiles')
		return (
			<ProfilesScreen
				store={services.store}
				loadAwsConfigProfiles={loadAwsConfigProfiles}
				current={connection.settings}
				now={props.now}
				onSwitch={connection.switchTo}
				onBack={navigation.pop}
				flash={flash}
				focused={props.focused}
				width={props.width}
				height={props.height}
			/>
		);

	const index: SnapshotIndex | undefined = snapshot.index;
	if (needsSnapshot(route) && !index) {
		if (snapshot.loading) return <Progress profile={connection.settings.profile} progress={snapshot.progress} />;
		return (
			<ErrorPanel
				title="Could not load the account"
				error={snapshot.error ?? new Error('The account could not be loaded.')}
				actions={LOAD_ERROR_ACTIONS}
			/>
		);
	}
	if (!index) return null;

	const common = {focused: props.focused, width: props.width, height: props.height, onBack: navigation.pop};
	switch (route.screen) {
		case 'users':
			return (
				<UsersScreen
					{...common}
					index={index}
					now={props.now}
					adminUsers={snapshot.access?.adminUsers()}
					onOpenUser={name => navigation.push({screen: 'user', name})}
				/>
			);
		case 'groups':
			return <GroupsScreen {...common} index={index} onOpenGroup={name => navigation.push({screen: 'group', name})} />;
		case 'policies':
			return <PoliciesScreen {...common} index={index} onOpenPolicy={arn => navigation.push({screen: 'policy', arn})} />;
		case 'user':
			return (
				<UserScreen
					{...common}
					index={index}
					name={route.name}
					now={props.now}
					loadDetails={loadDetails}
					onOpen={navigation.push}
					adminEquivalent={snapshot.access?.adminUsers().has(route.name)}
					onOpenAccess={() => navigation.push({screen: 'access', name: route.name})}
					onAddToGroup={() => navigation.push({screen: 'pick-group', user: route.name})}
					onRemoveFromGroup={group => navigation.push({screen: 'plan', request: {change: 'remove', group, users: [route.name]}})}
					onHint={flash}
				/>
			);
		case 'access':
			return snapshot.access ? <AccessScreen {...common} model={snapshot.access.model} name={route.name} /> : null;
		case 'whocan':
			return snapshot.access ? (
				<WhoCanScreen
					{...common}
					model={snapshot.access.model}
					// The groups that granted the action are passed along: the hook for "remove from that group".
					onOpenUser={(name, _grantingGroups) => navigation.push({screen: 'user', name})}
					onOpenGroup={name => navigation.push({screen: 'group', name})}
				/>
			) : null;
		case 'group':
			return (
				<GroupScreen
					{...common}
					index={index}
					name={route.name}
					now={props.now}
					onOpen={navigation.push}
					onAddMembers={() => navigation.push({screen: 'pick-users', group: route.name})}
					onRemoveMembers={users => navigation.push({screen: 'plan', request: {change: 'remove', group: route.name, users}})}
					onHint={flash}
				/>
			);
		case 'pick-group':
		case 'pick-users':
		case 'plan':
			return <PlanRoute {...common} route={route} index={index} />;
		case 'policy':
			return <PolicyScreen {...common} index={index} target={{kind: 'managed', arn: route.arn}} onOpen={navigation.push} />;
		case 'inline-policy':
			return (
				<PolicyScreen
					{...common}
					index={index}
					target={{kind: 'inline', owner: route.owner, ownerName: route.ownerName, policyName: route.policyName}}
					onOpen={navigation.push}
				/>
			);
	}
});
