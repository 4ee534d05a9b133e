// "Is this person gone everywhere?" (issue 19, item 5), as plain data before anything is sent: the Identity
// Center memberships and direct assignments to remove (with what the person loses by each), and in each
// account the IAM users that look like the same person, each with why, for the operator to confirm per
// account. A name match is a guess, never acted on alone: the plan lists it and the operator says yes.
import {personReach, type IcGroup, type IcUser, type IdentityCenter, type PermissionSet, type Reach} from './identity-center.js';

export interface IamUserLike {
	name: string;
	tags: Array<{Key: string; Value: string}>;
}

/** One account as read: its IAM users, or why they could not be read. */
export type AccountUsersInput = {accountId: string; accountName: string} & ({users: IamUserLike[]} | {error: string});

export interface IamUserMatch {
	user: string;
	/** Why it looks like the person: "user name equals the IC user name", "tag email = …". */
	matchedBy: string[];
}

export interface AccountCandidates {
	accountId: string;
	accountName: string;
	matches: IamUserMatch[];
	/** The account could not be read: the person may still have a user there. */
	error?: string;
}

export interface EverywherePlan {
	person: IcUser;
	/** Each group membership to remove (DeleteGroupMembership takes the id), with the (account, set) pairs it brings. */
	memberships: Array<{membershipId: string; group: IcGroup; brings: Array<{accountId: string; permissionSet: string}>}>;
	/** Each assignment made to the person directly (DeleteAccountAssignment). */
	directAssignments: Array<{accountId: string; permissionSet: PermissionSet}>;
	/** Everything the person reaches today; after the IC steps, none of it. */
	reachesNow: Reach[];
	accounts: AccountCandidates[];
}

const lower = (text: string) => text.toLowerCase();

/** The forms of the person an IAM user name or tag value could hold: user name, each email, each email's local part. */
const identifiersOf = (person: IcUser): Map<string, string> => {
	const ids = new Map<string, string>([[lower(person.userName), 'the IC user name']]);
	for (const email of person.emails) {
		ids.set(lower(email), `the email ${email}`);
		const local = email.split('@')[0];
		if (local && !ids.has(lower(local))) ids.set(lower(local), `the local part of ${email}`);
	}
	return ids;
};

const matchUser = (user: IamUserLike, ids: Map<string, string>): IamUserMatch | undefined => {
	const reasons: string[] = [];
	const byName = ids.get(lower(user.name));
	if (byName) reasons.push(`user name equals ${byName}`);
	for (const tag of user.tags) {
		const byTag = ids.get(lower(tag.Value.trim()));
		if (byTag) reasons.push(`tag ${tag.Key} = ${tag.Value} (${byTag})`);
	}
	return reasons.length > 0 ? {user: user.name, matchedBy: reasons} : undefined;
};

/** The plan for one person (by IC user id); undefined when the identity store does not hold them. */
export const offboardEverywhere = (ic: IdentityCenter, userId: string, accounts: AccountUsersInput[]): EverywherePlan | undefined => {
	const reach = personReach(ic, userId);
	if (!reach) return undefined;
	const {user: person, reaches} = reach;
	const groups = new Map(ic.groups.map(g => [g.id, g]));
	const memberships = ic.memberships
		.filter(m => m.userId === userId)
		.map(m => {
			const group = groups.get(m.groupId) ?? {id: m.groupId, displayName: m.groupId};
			const brings = reaches
				.filter(r => r.via.some(v => v.kind === 'group' && v.group.id === group.id))
				.map(r => ({accountId: r.accountId, permissionSet: r.permissionSet.name}));
			return {membershipId: m.membershipId, group, brings};
		});
	const directAssignments = reaches.filter(r => r.via.some(v => v.kind === 'direct')).map(r => ({accountId: r.accountId, permissionSet: r.permissionSet}));
	const ids = identifiersOf(person);
	const candidates = accounts.map((account): AccountCandidates => {
		const base = {accountId: account.accountId, accountName: account.accountName};
		if ('error' in account) return {...base, matches: [], error: account.error};
		const matches = account.users.map(u => matchUser(u, ids)).filter((m): m is IamUserMatch => m !== undefined);
		return {...base, matches: matches.sort((a, b) => a.user.localeCompare(b.user))};
	});
	return {person, memberships, directAssignments, reachesNow: reaches, accounts: candidates};
};
