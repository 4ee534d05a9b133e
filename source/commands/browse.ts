// Headless browse commands: users, user NAME, groups. Same gateway and model as the TUI.
import {buildIndex, distinctPolicyCount, policiesReachingUser} from '../model/indexes.js';
import {IamError, noneNamed} from '../model/errors.js';
import {sanitize} from '../model/sanitize.js';
import type {IamGateway} from '../model/gateway.js';
import {groupSummary, userDetail, userSummary} from './shapes.js';
import {textTable} from './text-table.js';
import type {CommandResult} from './result.js';

const yesNo = (value: boolean | null): string => (value === null ? '?' : value ? 'yes' : 'no');

export const usersCommand = async (gateway: IamGateway, json: boolean): Promise<CommandResult> => {
	const snapshot = await gateway.loadSnapshot();
	const index = buildIndex(snapshot);
	const users = snapshot.users.map(user => userSummary(index, user));
	if (json) return {stdout: JSON.stringify(users, null, 2)};
	const notes =
		snapshot.credentialReport.status === 'unavailable'
			? `\nConsole and MFA columns are empty: ${snapshot.credentialReport.reason}`
			: '';
	const table = textTable(
		['USER', 'GROUPS', 'POLICIES', 'CONSOLE', 'MFA'],
		users.map((u, i) => [
			u.UserName,
			u.Groups.join(',') || '-',
			// Distinct policies reaching the user, directly or through groups (as on the Users screen).
			String(distinctPolicyCount(policiesReachingUser(index, snapshot.users[i]!))),
			yesNo(u.PasswordEnabled),
			yesNo(u.MfaActive),
		]),
	);
	return {stdout: table + notes};
};

/** What an export (GAAD) does not hold about a user: the per-user calls' answers. */
const NOT_IN_EXPORT = ['AccessKeys', 'MFADevices'] as const;

/**
 * One user. `offline`: the gateway reads an export, which holds the user's groups, policies and tags
 * but no access keys or MFA devices: those are said to be missing (null in --json), never shown empty.
 */
export const userCommand = async (gateway: IamGateway, name: string | undefined, json: boolean, offline = false): Promise<CommandResult> => {
	if (!name) throw new IamError('Invalid', 'user needs a user name', 'usage: iamtui user NAME [--json]');
	const snapshot = await gateway.loadSnapshot();
	const index = buildIndex(snapshot);
	const user = index.userByName.get(name);
	if (!user) {
		throw noneNamed('user', name, index.userByName.keys());
	}
	const details = offline ? {accessKeys: [], mfaDevices: [], tags: user.tags} : await gateway.userDetails(name);
	const detail = userDetail(index, user, details);
	if (json) {
		return {stdout: JSON.stringify(offline ? {...detail, AccessKeys: null, MFADevices: null, NotInExport: NOT_IN_EXPORT} : detail, null, 2)};
	}
	// Names from the account are untrusted: each line is made inert (the table sanitises its own cells).
	const lines = [
		`${detail.UserName}  ${detail.Arn}`,
		`created ${detail.CreateDate}  console ${yesNo(detail.PasswordEnabled)}  mfa ${yesNo(detail.MfaActive)}`,
		`groups: ${detail.Groups.join(', ') || '-'}`,
		`attached policies: ${detail.AttachedManagedPolicies.join(', ') || '-'}`,
		`inline policies: ${detail.InlinePolicies.join(', ') || '-'}`,
		`through groups: ${detail.PoliciesViaGroups.map(p => `${p.PolicyName} (${p.GroupName})`).join(', ') || '-'}`,
		`tags: ${detail.Tags.map(t => `${t.Key}=${t.Value}`).join(', ') || '-'}`,
	].map(sanitize);
	if (offline) return {stdout: [...lines, 'access keys, MFA devices: not in an export (open the live account to see them)'].join('\n')};
	const keys = textTable(
		['ACCESS KEY', 'STATUS', 'CREATED', 'LAST USED'],
		detail.AccessKeys.map(k => [k.AccessKeyId, k.Status, k.CreateDate, k.LastUsedDate ?? 'never']),
	);
	return {stdout: [...lines, '', keys].join('\n')};
};

export const groupsCommand = async (gateway: IamGateway, json: boolean): Promise<CommandResult> => {
	const snapshot = await gateway.loadSnapshot();
	const index = buildIndex(snapshot);
	const groups = snapshot.groups.map(group => groupSummary(index, group));
	if (json) return {stdout: JSON.stringify(groups, null, 2)};
	return {
		stdout: textTable(
			['GROUP', 'MEMBERS', 'POLICIES'],
			groups.map(g => [g.GroupName, String(g.Members.length), [...g.AttachedManagedPolicies, ...g.InlinePolicies].join(',') || '-']),
		),
	};
};
