// An (account, permission set) line as a person's and an Identity Center group's screens show it: the
// account, the set and how it is reached, then the role the set becomes there and what the set holds. Enter
// on either line asks to open that role in its account. The role is named as the account's roles were read:
// its real name (the hash AWS gave it), or that it is not there; the pattern when the account was not read.
// Also what both screens show while there is no Identity Center to read.
import type {PermissionSet, Reach} from '../../model/org/identity-center.js';
import type {ProvisionedRole} from '../../model/org/provisioned-role.js';
import {note, type DetailLine} from '../components/DetailList.js';

/** An account and permission set reached: enter on its line asks to open the set's role there. */
export interface ReachOpened {
	accountId: string;
	permissionSetName: string;
}

const holds = (set: PermissionSet): string => {
	const parts = [
		...set.managedPolicyArns.map(arn => arn.slice(arn.lastIndexOf('/') + 1)),
		...set.customerManagedPolicies.map(ref => `${ref.path}${ref.name} (customer managed)`),
		...(set.inlinePolicy === undefined ? [] : ['an inline policy']),
	];
	return parts.length > 0 ? parts.join(', ') : 'no policy';
};

/** What the organization as read knows of the role a permission set became in an account. */
export type RoleOf = (accountId: string, permissionSetName: string) => ProvisionedRole;

const roleText = (reach: Reach, role: ProvisionedRole | undefined): string => {
	if (role?.kind === 'found') return `as role ${role.name}`;
	if (role?.kind === 'absent') return `as role ${reach.role.pattern}: not provisioned in ${role.accountName} as read`;
	return `as role ${reach.role.pattern}`;
};

/** The two lines of one reach; `how` (e.g. "via group Admins") follows the set's name when given. */
export const reachLines = (reach: Reach, accountName: string | undefined, how: string | undefined, opens: {onOpenReach?: (reach: ReachOpened) => void; roleOf?: RoleOf} = {}): DetailLine[] => {
	const {onOpenReach, roleOf} = opens;
	const key = `reach-${reach.accountId}-${reach.permissionSet.arn}`;
	const opened = onOpenReach ? {open: () => onOpenReach({accountId: reach.accountId, permissionSetName: reach.permissionSet.name})} : {};
	return [
		{key, text: `${accountName ?? '(not in the organization)'} (${reach.accountId})  ${reach.permissionSet.name}${how ? `  ${how}` : ''}`, ...opened},
		{key: `${key}-role`, text: `    ${roleText(reach, roleOf?.(reach.accountId, reach.permissionSet.name))} · holds ${holds(reach.permissionSet)}`, dim: true, ...opened},
	];
};

/** A person's or a group's screen while the organization is not open (or is being read again: `closedNote`). */
export const closedLines = (closedNote: string | undefined): DetailLine[] => [note('closed', closedNote ?? 'The organization is not open (:people opens it).', 'warning')];

/** What the reach heading says enter does, when it does anything. */
export const reachOpensHint = (count: number, onOpenReach: unknown): string => (onOpenReach && count > 0 ? ': enter opens the role in its account, e there explains it' : '');
