// One Identity Center person (enter on :people): their IC groups, then every account and permission set
// they reach, directly or through which group, the role the set becomes there, and what the set holds. Enter on
// an account line opens that role in its account, where e explains what the person can do there; enter on a
// group opens the group's screen.
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {personReach, reachViaText, type IdentityCenter} from '../../model/org/identity-center.js';
import {accountNames} from '../../model/org/org-load.js';
import type {Organization} from '../../model/org/organization.js';
import {sanitize} from '../../model/sanitize.js';
import {DetailList, heading, note, type DetailLine} from '../components/DetailList.js';
import {matchCommand} from '../keymap.js';
import {PASS, priority, useKeys, useReadOnly} from '../hooks/keyboard.js';
import {everywhereReadOnly} from './everywhere-lines.js';
import {closedLines, reachLines, reachOpensHint, type ReachOpened, type RoleOf} from './reach-lines.js';

export const personLines = (ic: IdentityCenter, organization: Organization, userId: string, opens: {onOpenReach?: (reach: ReachOpened) => void; onOpenGroup?: (groupId: string) => void; roleOf?: RoleOf} = {}): DetailLine[] => {
	const reach = personReach(ic, userId);
	if (!reach) return [note('missing', `Nobody with id ${userId} in the identity store.`, 'warning')];
	const {onOpenReach, onOpenGroup, roleOf} = opens;
	const names = accountNames(organization);
	const groupNames = new Map(ic.groups.map(g => [g.id, g.displayName]));
	const groups = ic.memberships.filter(m => m.userId === userId).map(m => ({id: m.groupId, name: groupNames.get(m.groupId) ?? m.groupId}));
	return [
		note('emails', `email ${reach.user.emails.join(', ') || '-'} · id ${reach.user.id}`),
		heading('groups', `Identity Center groups (${groups.length})${onOpenGroup && groups.length > 0 ? ': enter opens one, its members and what it is assigned' : ''}`),
		...(groups.length > 0 ? groups.map(g => ({key: `group-${g.id}`, text: g.name, ...(onOpenGroup ? {open: () => onOpenGroup(g.id)} : {})})) : [note('groups-none', 'none')]),
		heading('reach', `Accounts and permission sets reached (${reach.reaches.length})${reachOpensHint(reach.reaches.length, onOpenReach)}`),
		...reach.reaches.flatMap(r => reachLines(r, names.get(r.accountId), `via ${reachViaText(r.via)}`, {onOpenReach, roleOf})),
		...(reach.reaches.length === 0 ? [note('reach-none', 'reaches no account through Identity Center')] : []),
	];
};

export function PersonScreen(props: {
	identityCenter: IdentityCenter | undefined;
	organization: Organization | undefined;
	id: string;
	/** What shows while there is no Identity Center to read (the organization being read again). */
	closedNote?: string;
	/** X: the plan of offboarding this person everywhere (absent in read-only mode). */
	onOffboardEverywhere: () => void;
	/** X in read-only mode: what is said instead (nothing opens). */
	onRefused: (text: string) => void;
	/** Enter on an account line: the permission set's role in that account. */
	onOpenReach?: (reach: ReachOpened) => void;
	/** Enter on an Identity Center group: its screen (members, what it is assigned). */
	onOpenGroup?: (groupId: string) => void;
	/** The role each permission set became in each account, as read. */
	roleOf?: RoleOf;
	onBack: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {identityCenter: ic, organization, id, onOpenReach, onOpenGroup, roleOf} = props;
	const lines = useMemo(
		() => (ic && organization ? personLines(ic, organization, id, {onOpenReach, onOpenGroup, roleOf}) : closedLines(props.closedNote)),
		[ic, organization, id, props.closedNote, onOpenReach, onOpenGroup, roleOf],
	);
	const user = ic?.users.find(u => u.id === id);
	const readOnly = useReadOnly();
	// The key is absent in read-only mode (as every write's); pressed anyway, it says why nothing opens.
	useKeys((input, key) => (matchCommand('person', input, key) === 'offboard-everywhere' ? props.onRefused(everywhereReadOnly(user?.userName ?? id)) : PASS), {active: props.focused && readOnly, priority: priority.screen});
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">{`Person ${sanitize(user?.userName ?? id)}${user?.displayName ? `  ${sanitize(user.displayName)}` : ''}`}</Text>
			<DetailList scope="person" lines={lines} actions={{'offboard-everywhere': props.onOffboardEverywhere}} height={props.height - 1} width={props.width} focused={props.focused} onBack={props.onBack} />
		</Box>
	);
}
