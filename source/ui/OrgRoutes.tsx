// The organization's screens (:accounts, an account, :people, a person, an Identity Center group), fed from the organization in
// context; none of them needs this account's snapshot. On them `r` reads the organization again (every
// account, with its progress), not this account's snapshot; the everywhere screen keeps the global `r`.
import {EverywhereRoute} from './EverywhereRoute.js';
import {useConnection} from './hooks/connection.js';
import {priority, useCommands} from './hooks/keyboard.js';
import {useMessages} from './hooks/messages.js';
import {useNavigation} from './hooks/navigation.js';
import {useOrganization} from './hooks/organization.js';
import type {Route} from './hooks/routes.js';
import {AccountScreen} from './screens/AccountScreen.js';
import {AccountsScreen} from './screens/AccountsScreen.js';
import {PeopleScreen} from './screens/PeopleScreen.js';
import {PersonScreen} from './screens/PersonScreen.js';
import type {OrgLineTarget} from './screens/org-whocan-lines.js';
import {IcGroupScreen} from './screens/IcGroupScreen.js';
import type {ReachOpened} from './screens/reach-lines.js';
import {ssoRoleName} from '../model/org/identity-center.js';
import {provisionedRole} from '../model/org/provisioned-role.js';
import type {OpenedOrganization} from '../model/org/org-load.js';
import {identityCenterOf, readingIdentityCenter} from '../model/org/org-session.js';

export type OrgRoute = Extract<Route, {screen: 'accounts' | 'account' | 'people' | 'person' | 'ic-group' | 'everywhere'}>;

export const isOrgRoute = (route: Route): route is OrgRoute => ['accounts', 'account', 'people', 'person', 'ic-group', 'everywhere'].includes(route.screen);

/**
 * Where enter on an org-wide who-can line goes. An Identity Center person: their screen (every account and
 * permission set they reach, and X offboards them everywhere). An IAM principal of this profile's own
 * account: its own screen, where it can be changed (a user on the group or policy that grants). One of
 * another account: that account's screen with the principal shown first (read through the audit role).
 */
export const orgLineRoute = (target: OrgLineTarget, ownAccount: string | undefined): Route => {
	if (target.kind === 'person') return {screen: 'person', id: target.userId};
	if (target.accountId !== ownAccount) return {screen: 'account', id: target.accountId, focus: {kind: target.kind, name: target.name}};
	if (target.kind === 'user') return {screen: 'user', name: target.name, ...(target.focus ? {focus: target.focus} : {})};
	return target.kind === 'group' ? {screen: 'group', name: target.name} : {screen: 'role', name: target.name};
};

/**
 * Where enter on a person's account line goes: the permission set's role in that account (AWSReservedSSO_<set>_…),
 * opened as a who-can line opens a role, where e explains what the person can do there; the account itself, with
 * what to say, when that role is not among the account's roles as read (or the account was not read).
 */
export const reachRoute = (opened: OpenedOrganization | undefined, reach: ReachOpened, ownAccount: string | undefined): {route: Route; say?: string} => {
	const role = provisionedRole(opened, reach.accountId, reach.permissionSetName);
	const account: Route = {screen: 'account', id: reach.accountId};
	if (role.kind === 'found') return {route: orgLineRoute({kind: 'role', name: role.name, accountId: reach.accountId}, ownAccount)};
	if (role.kind === 'unread') return {route: account};
	return {route: account, say: `No role ${ssoRoleName(reach.permissionSetName).pattern} in ${role.accountName} as read: Identity Center makes it when the permission set is provisioned there`};
};

export function OrgRoutes(props: {route: OrgRoute; focused: boolean; width: number; height: number}) {
	const {route} = props;
	const org = useOrganization();
	const navigation = useNavigation();
	const connection = useConnection();
	const {flash} = useMessages();
	const common = {focused: props.focused, width: props.width, height: props.height, onBack: navigation.pop};
	// Above the global `r` (the account's snapshot), below any text field, which keeps the letter.
	useCommands(
		'global',
		{
			reload: () => {
				org.reload();
				flash(`Reading the organization again through ${org.auditRole}…`);
			},
		},
		props.focused && route.screen !== 'everywhere',
		{priority: priority.screen},
	);
	const session = org.state.status === 'open' ? org.state.session : undefined;
	const identityCenter = {
		identityCenter: identityCenterOf(session),
		organization: session?.opened.organization,
		roleOf: (accountId: string, permissionSetName: string) => provisionedRole(session?.opened, accountId, permissionSetName),
		...(org.state.status === 'opening' ? {closedNote: 'Reading the organization…'} : readingIdentityCenter(session) ? {closedNote: 'Reading Identity Center…'} : {}),
	};
	const openReach = (reach: ReachOpened) => {
		const {route, say} = reachRoute(session?.opened, reach, connection.identity?.account);
		navigation.push(route);
		if (say) flash(say);
	};
	switch (route.screen) {
		case 'accounts':
			return <AccountsScreen {...common} org={org} onOpenAccount={id => navigation.push({screen: 'account', id})} />;
		case 'account':
			return (
				<AccountScreen
					{...common}
					state={org.state}
					accountModel={org.accountModel}
					id={route.id}
					{...(route.focus ? {focus: route.focus} : {})}
					// As a who-can line opens it: this profile's own account's principal on its own screen, where it can be changed.
					onOpenPrincipal={principal => navigation.push(orgLineRoute({...principal, accountId: route.id}, connection.identity?.account))}
					onOpenPerson={id => navigation.push({screen: 'person', id})}
				/>
			);
		case 'people':
			return <PeopleScreen {...common} org={org} onOpenPerson={id => navigation.push({screen: 'person', id})} />;
		case 'person':
			return (
				<PersonScreen
					{...common}
					{...identityCenter}
					id={route.id}
					onOffboardEverywhere={() => navigation.push({screen: 'everywhere', id: route.id})}
					onRefused={text => flash(text, 'error')}
					onOpenReach={openReach}
					onOpenGroup={id => navigation.push({screen: 'ic-group', id})}
				/>
			);
		case 'ic-group':
			return <IcGroupScreen {...common} {...identityCenter} id={route.id} onOpenPerson={id => navigation.push({screen: 'person', id})} onOpenReach={openReach} />;
		case 'everywhere':
			return <EverywhereRoute {...common} id={route.id} />;
	}
}
