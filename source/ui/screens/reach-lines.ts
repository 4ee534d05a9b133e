// An (account, permission set) line as a person's and an Identity Center group's screens show it: the
// account, the set and how it is reached, then the role the set becomes there and what the set holds. Enter
// on either line asks to open that role in its account.
import type {PermissionSet, Reach} from '../../model/org/identity-center.js';
import type {DetailLine} from '../components/DetailList.js';

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

/** The two lines of one reach; `how` (e.g. "via group Admins") follows the set's name when given. */
export const reachLines = (reach: Reach, accountName: string | undefined, how: string | undefined, onOpenReach?: (reach: ReachOpened) => void): DetailLine[] => {
	const key = `reach-${reach.accountId}-${reach.permissionSet.arn}`;
	const opens = onOpenReach ? {open: () => onOpenReach({accountId: reach.accountId, permissionSetName: reach.permissionSet.name})} : {};
	return [
		{key, text: `${accountName ?? '(not in the organization)'} (${reach.accountId})  ${reach.permissionSet.name}${how ? `  ${how}` : ''}`, ...opens},
		{key: `${key}-role`, text: `    as role ${reach.role.pattern} · holds ${holds(reach.permissionSet)}`, dim: true, ...opens},
	];
};

/** What the reach heading says enter does, when it does anything. */
export const reachOpensHint = (count: number, onOpenReach: unknown): string => (onOpenReach && count > 0 ? ': enter opens the role in its account, e there explains it' : '');
