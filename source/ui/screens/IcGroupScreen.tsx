// One Identity Center group (enter on a group of a person's screen): its members, each opening their person
// screen, then every account and permission set assigned to the group — what each member reaches through it —
// each opening the set's role in its account, where e explains it, as a person's account lines do.
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {groupReach, type IdentityCenter} from '../../model/org/identity-center.js';
import {accountNames} from '../../model/org/org-load.js';
import type {Organization} from '../../model/org/organization.js';
import {sanitize} from '../../model/sanitize.js';
import {DetailList, heading, note, type DetailLine} from '../components/DetailList.js';
import {closedLines, reachLines, reachOpensHint, type ReachOpened, type RoleOf} from './reach-lines.js';

export interface IcGroupOpens {
	onOpenPerson?: (userId: string) => void;
	onOpenReach?: (reach: ReachOpened) => void;
	/** The role each permission set became in each account, as read. */
	roleOf?: RoleOf;
}

export const icGroupLines = (ic: IdentityCenter, organization: Organization, groupId: string, opens: IcGroupOpens = {}): DetailLine[] => {
	const reach = groupReach(ic, groupId);
	if (!reach) return [note('missing', `No group with id ${groupId} in the identity store.`, 'warning')];
	const {onOpenPerson, onOpenReach, roleOf} = opens;
	const names = accountNames(organization);
	const held = new Set(ic.users.map(u => u.id));
	return [
		note('about', `${reach.group.description ? `${reach.group.description} · ` : ''}id ${reach.group.id}`),
		heading('members', `Members (${reach.members.length})${onOpenPerson && reach.members.length > 0 ? ': enter opens the person' : ''}`),
		...reach.members.map(m =>
			held.has(m.id)
				? {key: `member-${m.id}`, text: `${m.userName}${m.displayName ? `  ${m.displayName}` : ''}${m.emails.length > 0 ? `  ${m.emails.join(', ')}` : ''}`, ...(onOpenPerson ? {open: () => onOpenPerson(m.id)} : {})}
				: {key: `member-${m.id}`, text: `${m.id}  (not in the identity store as read)`, dim: true},
		),
		...(reach.members.length === 0 ? [note('members-none', 'none: what it is assigned reaches no one')] : []),
		heading('reach', `Accounts and permission sets assigned to the group (${reach.reaches.length})${reachOpensHint(reach.reaches.length, onOpenReach)}`),
		...reach.reaches.flatMap(r => reachLines(r, names.get(r.accountId), undefined, {onOpenReach, roleOf})),
		...(reach.reaches.length === 0 ? [note('reach-none', 'assigned to no account')] : []),
	];
};

export function IcGroupScreen(
	props: {
		identityCenter: IdentityCenter | undefined;
		organization: Organization | undefined;
		id: string;
		/** What shows while there is no Identity Center to read (the organization being read again). */
		closedNote?: string;
		onBack: () => void;
		focused: boolean;
		width: number;
		height: number;
	} & IcGroupOpens,
) {
	const {identityCenter: ic, organization, id, onOpenPerson, onOpenReach, roleOf} = props;
	const lines = useMemo(
		() => (ic && organization ? icGroupLines(ic, organization, id, {onOpenPerson, onOpenReach, roleOf}) : closedLines(props.closedNote)),
		[ic, organization, id, props.closedNote, onOpenPerson, onOpenReach, roleOf],
	);
	const group = ic?.groups.find(g => g.id === id);
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">{`Identity Center group ${sanitize(group?.displayName ?? id)}`}</Text>
			<DetailList scope="ic-group" lines={lines} actions={{}} height={props.height - 1} width={props.width} focused={props.focused} onBack={props.onBack} />
		</Box>
	);
}
