// Plans to add users to a group or remove them from it, computed from the snapshot, with a preview per
// user. IAM's rules are checked here because the emulator does not: a user is in at most 10 groups;
// unknown names are refused; a change that is already true is a no-op step, reported and not sent.
import {IamError, noneNamed} from '../errors.js';
import type {SnapshotIndex} from '../indexes.js';
import {MAX_GROUPS_PER_USER} from '../validate.js';
import {awsIam} from './aws-cli.js';
import {membershipPreview} from './preview.js';
import type {Plan, PlanStep} from './types.js';

/** IAM's quota: groups per user (not adjustable); defined with the other limits in validate.ts. */
export {MAX_GROUPS_PER_USER};

export interface MembershipRequest {
	change: 'add' | 'remove';
	group: string;
	users: string[];
}

const stepFor = (change: 'add' | 'remove', user: string, group: string): PlanStep =>
	change === 'add'
		? {
				description: `Add ${user} to group ${group}`,
				awsCli: awsIam('add-user-to-group', {'user-name': user, 'group-name': group}),
				run: {operation: 'addUserToGroup', user, group},
			}
		: {
				description: `Remove ${user} from group ${group}`,
				awsCli: awsIam('remove-user-from-group', {'user-name': user, 'group-name': group}),
				run: {operation: 'removeUserFromGroup', user, group},
			};

/** The plan for a membership change; throws IamError for unknown names and the 10-group limit. */
export const planMembership = (index: SnapshotIndex, request: MembershipRequest): Plan => {
	const {change, group} = request;
	if (!index.groupByName.has(group)) throw noneNamed('group', group, index.groupByName.keys());
	const users = [...new Set(request.users)];
	if (users.length === 0) throw new IamError('Invalid', 'no user given', 'name at least one user');
	for (const name of users) if (!index.userByName.has(name)) throw noneNamed('user', name, index.userByName.keys());

	if (change === 'add') {
		const full = users.filter(name => {
			const groups = index.userByName.get(name)!.groups;
			return !groups.includes(group) && groups.length >= MAX_GROUPS_PER_USER;
		});
		if (full.length > 0) {
			throw new IamError(
				'LimitExceeded',
				`${full.join(', ')} ${full.length === 1 ? 'is' : 'are'} already in ${MAX_GROUPS_PER_USER} groups, IAM's limit per user`,
				'remove them from a group first',
				'LimitExceeded',
			);
		}
	}

	const previews = users.map(user => membershipPreview(index, user, group, change));
	const steps = previews.map(preview => ({...stepFor(change, preview.user, group), ...(preview.noop ? {noop: preview.noop} : {})}));
	const who = users.length === 1 ? users[0]! : `${users.length} users`;
	return {
		title: change === 'add' ? `Add ${who} to group ${group}` : `Remove ${who} from group ${group}`,
		dangerous: change === 'remove',
		targets: [{kind: 'group', name: group}, ...users.map(name => ({kind: 'user' as const, name}))],
		steps,
		previews,
	};
};
