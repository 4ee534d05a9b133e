// One Identity Center person (enter on :people): their IC groups, then every account and permission set
// they reach, directly or through which group, the role the set becomes there, and what the set holds. Enter on
// an account line opens that role in its account, where e explains what the person can do there.
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {personReach, type IdentityCenter, type PermissionSet} from '../../model/org/identity-center.js';
import {orgAccounts} from '../../model/org/org-load.js';
import type {Organization} from '../../model/org/organization.js';
import {sanitize} from '../../model/sanitize.js';
import {DetailList, heading, note, type DetailLine} from '../components/DetailList.js';
import {matchCommand} from '../keymap.js';
import {PASS, priority, useKeys, useReadOnly} from '../hooks/keyboard.js';
import {everywhereReadOnly} from './everywhere-lines.js';

const holds = (set: PermissionSet): string => {
	const parts = [
		...set.managedPolicyArns.map(arn => arn.slice(arn.lastIndexOf('/') + 1)),
		...set.customerManagedPolicies.map(ref => `${ref.path}${ref.name} (customer managed)`),
		...(set.inlinePolicy === undefined ? [] : ['an inline policy']),
	];
	return parts.length > 0 ? parts.join(', ') : 'no policy';
};

/** An account and permission set the person reaches: enter on its line asks to open the set's role there. */
export interface ReachOpened {
	accountId: string;
	permissionSetName: string;
}

export const personLines = (ic: IdentityCenter, organization: Organization, userId: string, onOpenReach?: (reach: ReachOpened) => void): DetailLine[] => {
	const reach = personReach(ic, userId);
	if (!reach) return [note('missing', `Nobody with id ${userId} in the identity store.`, 'warning')];
	const names = new Map(orgAccounts(organization).map(row => [row.account.id, row.account.name]));
	const groupNames = new Map(ic.groups.map(g => [g.id, g.displayName]));
	const groups = ic.memberships.filter(m => m.userId === userId).map(m => groupNames.get(m.groupId) ?? m.groupId);
	return [
		note('emails', `email ${reach.user.emails.join(', ') || '-'} · id ${reach.user.id}`),
		heading('groups', `Identity Center groups (${groups.length})`),
		...(groups.length > 0 ? groups.map(name => ({key: `group-${name}`, text: name})) : [note('groups-none', 'none')]),
		heading('reach', `Accounts and permission sets reached (${reach.reaches.length})${onOpenReach && reach.reaches.length > 0 ? ': enter opens the role in its account, e there explains it' : ''}`),
		...reach.reaches.flatMap(r => {
			const key = `reach-${r.accountId}-${r.permissionSet.arn}`;
			const via = r.via.map(v => (v.kind === 'direct' ? 'assigned directly' : `group ${v.group.displayName}`)).join(' + ');
			const opens = onOpenReach ? {open: () => onOpenReach({accountId: r.accountId, permissionSetName: r.permissionSet.name})} : {};
			return [
				{key, text: `${names.get(r.accountId) ?? '(not in the organization)'} (${r.accountId})  ${r.permissionSet.name}  via ${via}`, ...opens},
				{key: `${key}-role`, text: `    as role ${r.role.pattern} · holds ${holds(r.permissionSet)}`, dim: true, ...opens},
			];
		}),
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
	onBack: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {identityCenter: ic, organization, id, onOpenReach} = props;
	const lines = useMemo(
		() => (ic && organization ? personLines(ic, organization, id, onOpenReach) : [note('closed', props.closedNote ?? 'The organization is not open (:people opens it).', 'warning')]),
		[ic, organization, id, props.closedNote, onOpenReach],
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
