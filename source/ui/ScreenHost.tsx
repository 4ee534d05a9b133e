// Routing: renders one route of the stack, fed from the contexts and the loaders (screen-loaders.ts);
// screens themselves only take props.
import {memo} from 'react';
import type {SnapshotIndex} from '../model/indexes.js';
import {ErrorPanel} from './components/ErrorPanel.js';
import {PlanRoute} from './PlanRoute.js';
import {OrgRoutes, isOrgRoute, orgLineRoute} from './OrgRoutes.js';
import {PolicyRoutes} from './PolicyRoutes.js';
import {SecretRoute} from './SecretRoute.js';
import {UserWriteRoute} from './UserWriteRoute.js';
import {handleUserWrite} from './user-write-requests.js';
import {CreateUserWizard} from './screens/CreateUserWizard.js';
import {AccessScreen} from './screens/AccessScreen.js';
import {WhoCanScreen} from './screens/WhoCanScreen.js';
import {Progress} from './components/Progress.js';
import {GroupScreen} from './screens/GroupScreen.js';
import {GroupsScreen} from './screens/GroupsScreen.js';
import {JournalScreen} from './screens/JournalScreen.js';
import {PoliciesScreen} from './screens/PoliciesScreen.js';
import {PolicyScreen} from './screens/PolicyScreen.js';
import {RoleScreen} from './screens/RoleScreen.js';
import {RolesScreen} from './screens/RolesScreen.js';
import {ProfilesScreen} from './screens/ProfilesScreen.js';
import {UserScreen} from './screens/UserScreen.js';
import {HygieneScreen} from './screens/HygieneScreen.js';
import {OffboardRoute} from './OffboardRoute.js';
import {RotationRoute} from './RotationRoute.js';
import {UsersRoute} from './UsersRoute.js';
import {useScreenLoaders} from './screen-loaders.js';
import {useConnection} from './hooks/connection.js';
import {useGroupPolicyActions} from './hooks/group-policy-actions.js';
import {useMessages} from './hooks/messages.js';
import {useNavigation} from './hooks/navigation.js';
import {useOrganization} from './hooks/organization.js';
import {needsSnapshot, type Route} from './hooks/routes.js';
import {useServices} from './hooks/services-context.js';
import {useTakeBack} from './hooks/take-back.js';
import {handleRoleWrite} from './role-write-requests.js';
import {useSnapshot} from './hooks/snapshot.js';
import {selectionFor} from './hooks/created.js';

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
	const loaders = useScreenLoaders();
	const takeBack = useTakeBack();
	const writes = useGroupPolicyActions(snapshot.index);
	const org = useOrganization();

	if (route.screen === 'profiles')
		return (
			<ProfilesScreen
				store={services.store}
				loadAwsConfigProfiles={loaders.loadAwsConfigProfiles}
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

	if (route.screen === 'journal')
		return <JournalScreen read={loaders.readJournal} onBack={navigation.pop} onTakeBack={takeBack} focused={props.focused} width={props.width} height={props.height} />;

	if (isOrgRoute(route)) return <OrgRoutes route={route} focused={props.focused} width={props.width} height={props.height} />;

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
				<UsersRoute
					{...common}
					index={index}
					now={props.now}
					adminUsers={snapshot.access?.adminUsers()}
					onOpenUser={name => navigation.push({screen: 'user', name})}
					onCreateUser={() => navigation.push({screen: 'create-user'})}
					select={selectionFor(snapshot.created, 'user')}
				/>
			);
		case 'groups':
			return (
				<GroupsScreen
					{...common}
					index={index}
					onOpenGroup={name => navigation.push({screen: 'group', name})}
					onCreateGroup={writes.newGroup}
					onDeleteGroup={writes.deleteGroup}
					select={selectionFor(snapshot.created, 'group')}
				/>
			);
		case 'roles':
			return <RolesScreen {...common} index={index} now={props.now} accessModel={snapshot.access?.model} onOpenRole={name => navigation.push({screen: 'role', name})} />;
		case 'role':
			return (
				<RoleScreen
					{...common}
					index={index}
					name={route.name}
					now={props.now}
					accessModel={snapshot.access?.model}
					onOpen={navigation.push}
					onOpenAccess={() => navigation.push({screen: 'access', name: route.name, kind: 'role'})}
					onWrite={write => handleRoleWrite({index, push: navigation.push, flash}, route.name, write)}
					onHint={flash}
				/>
			);
		case 'policies':
			return (
				<PoliciesScreen
					{...common}
					index={index}
					onOpenPolicy={arn => navigation.push({screen: 'policy', arn})}
					onNewPolicy={writes.newPolicy}
					onDeletePolicy={writes.deletePolicy}
					select={selectionFor(snapshot.created, 'policy')}
				/>
			);
		case 'user':
			return (
				<UserScreen
					{...common}
					index={index}
					name={route.name}
					{...(route.focus ? {focus: route.focus} : {})}
					now={props.now}
					loadDetails={loaders.loadDetails}
					onOpen={navigation.push}
					adminEquivalent={snapshot.access?.adminUsers().has(route.name)}
					onOpenAccess={() => navigation.push({screen: 'access', name: route.name})}
					onAddToGroup={() => navigation.push({screen: 'pick-group', user: route.name})}
					onRemoveFromGroup={group => navigation.push({screen: 'plan', request: {change: 'remove', group, users: [route.name]}})}
					onHint={flash}
					onOffboard={() => navigation.push({screen: 'offboard', name: route.name})}
					onRotateKey={() => navigation.push({screen: 'rotate', name: route.name})}
					loadCredentials={loaders.loadCredentials}
					onWrite={write => handleUserWrite({index, push: navigation.push, flash}, write)}
				/>
			);
		case 'create-user':
			return (
				<CreateUserWizard
					{...common}
					index={index}
					loadPasswordPolicy={loaders.loadPasswordPolicy}
					randomBytes={services.randomBytes}
					onPlan={plan => navigation.replace({screen: 'run-plan', plan})}
				/>
			);
		case 'pick-user-policy':
		case 'key-limit':
		case 'password-form':
		case 'certificate-form':
			return <UserWriteRoute {...common} route={route} index={index} />;
		case 'access':
			return snapshot.access ? <AccessScreen {...common} model={snapshot.access.model} name={route.name} kind={route.kind ?? 'user'} /> : null;
		case 'whocan':
			return snapshot.access ? (
				<WhoCanScreen
					{...common}
					model={snapshot.access.model}
					initial={route.query}
					// Opens on the group (or policy) that granted the action: `x` there removes them from it.
					onOpenUser={(name, focus) => navigation.push({screen: 'user', name, ...(focus ? {focus} : {})})}
					onOpenGroup={name => navigation.push({screen: 'group', name})}
					onOpenRole={name => navigation.push({screen: 'role', name})}
					// An export holds one account: the organization is not offered (`:accounts` still says why).
					org={connection.settings.offline ? undefined : org}
					onOpenOrgLine={target => navigation.push(orgLineRoute(target, connection.identity?.account))}
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
					onAttachPolicy={() => writes.attachToGroup(route.name)}
					onDetachPolicy={arn => writes.detachFromGroup(route.name, arn)}
					onPutInlinePolicy={() => writes.putInlinePolicy({kind: 'group', name: route.name})}
					onDeleteInlinePolicy={policyName => writes.deleteInlinePolicy({kind: 'group', name: route.name}, policyName)}
					onDeleteGroup={() => writes.deleteGroup(route.name)}
					onHint={flash}
				/>
			);
		case 'new-group':
		case 'pick-group-policy':
		case 'pick-role-policy':
		case 'pick-policy-holder':
		case 'policy-wizard':
			return <PolicyRoutes {...common} route={route} index={index} />;
		case 'pick-group':
		case 'pick-users':
		case 'plan':
		case 'run-plan':
			return <PlanRoute {...common} route={route} index={index} />;
		case 'secret':
			return <SecretRoute {...common} secrets={route.secrets} {...(route.then ? {then: route.then} : {})} />;
		case 'offboard':
			return (
				<OffboardRoute
					{...common}
					index={index}
					name={route.name}
					// Once the user is deleted, their screen beneath would only say so: back to what opened it.
					onBack={() => navigation.popPast(r => r.screen === 'user' && r.name === route.name && !index.userByName.has(route.name))}
				/>
			);
		case 'rotate':
			return <RotationRoute {...common} index={index} name={route.name} />;
		case 'hygiene':
			return (
				<HygieneScreen
					{...common}
					index={index}
					now={props.now}
					keyAgeDays={services.store.preferences().keyAgeDays}
					onOpenUser={name => navigation.push({screen: 'user', name})}
					onOpenRole={name => navigation.push({screen: 'role', name})}
					onRotate={name => navigation.push({screen: 'rotate', name})}
					onOffboard={name => navigation.push({screen: 'offboard', name})}
				/>
			);
		case 'policy':
			return (
				<PolicyScreen
					{...common}
					index={index}
					target={{kind: 'managed', arn: route.arn}}
					onOpen={navigation.push}
					onAttach={() => writes.attachPolicy(route.arn)}
					onDelete={() => writes.deletePolicy(route.arn)}
					onHint={flash}
				/>
			);
		case 'inline-policy':
			return (
				<PolicyScreen
					{...common}
					index={index}
					target={{kind: 'inline', owner: route.owner, ownerName: route.ownerName, policyName: route.policyName}}
					onOpen={navigation.push}
					onDelete={() =>
						route.owner === 'role'
							? handleRoleWrite({index, push: navigation.push, flash}, route.ownerName, {kind: 'delete-inline', policyName: route.policyName})
							: writes.deleteInlinePolicy({kind: route.owner, name: route.ownerName}, route.policyName)
					}
					onHint={flash}
				/>
			);
	}
});
