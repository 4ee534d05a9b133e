// The IAM principal the Account screen is opened on (enter on an org-wide who-can line, or on one of the account's
// users and roles listed there): what it holds in that account as the audit role read it — its groups, managed and
// inline policies, for a role when it was last used; `e` there explains its access. And that list of the account's
// users and roles, each line opening the screen on it. The account is read through the audit role, so nothing here writes: the
// account's own profile does that.
import type {AccountSnapshot, AttachedPolicyRef, InlinePolicy} from '../../model/snapshot.js';
import {sanitize} from '../../model/sanitize.js';
import {heading, note, type DetailLine} from '../components/DetailList.js';

export interface AccountPrincipal {
	kind: 'user' | 'group' | 'role';
	name: string;
}

/** The key of the principal's first line: where the cursor starts. */
export const PRINCIPAL_KEY = 'principal';

const list = (items: string[]): string => (items.length > 0 ? items.map(sanitize).join(', ') : 'none');

const policyLines = (attached: AttachedPolicyRef[], inline: InlinePolicy[]): DetailLine[] => [
	{key: 'principal-attached', text: `  managed policies: ${list(attached.map(p => p.name))}`},
	{key: 'principal-inline', text: `  inline policies: ${list(inline.map(p => p.name))}`},
];

/** The principal of that kind and name in the snapshot, with its ARN and what it holds; undefined if it is not there. */
const found = (snapshot: AccountSnapshot, principal: AccountPrincipal): {arn: string; lines: DetailLine[]} | undefined => {
	switch (principal.kind) {
		case 'user': {
			const user = snapshot.users.find(u => u.name === principal.name);
			return user && {arn: user.arn, lines: [{key: 'principal-groups', text: `  groups: ${list(user.groups)}`}, ...policyLines(user.attachedPolicies, user.inlinePolicies)]};
		}
		case 'group': {
			const group = snapshot.groups.find(g => g.name === principal.name);
			const members = snapshot.users.filter(u => u.groups.includes(principal.name)).map(u => u.name);
			return group && {arn: group.arn, lines: [{key: 'principal-members', text: `  members: ${list(members)}`}, ...policyLines(group.attachedPolicies, group.inlinePolicies)]};
		}
		case 'role': {
			const role = snapshot.roles.find(r => r.name === principal.name);
			return role && {arn: role.arn, lines: [...policyLines(role.attachedPolicies, role.inlinePolicies), {key: 'principal-used', text: `  last used: ${role.lastUsed ? role.lastUsed.date : 'not known'}`}]};
		}
	}
};

/** The principal's section: its heading line (the cursor's), then what it holds, or why that is not known. */
export const principalLines = (snapshot: AccountSnapshot | undefined, principal: AccountPrincipal): DetailLine[] => {
	const head = `${principal.kind} ${sanitize(principal.name)}`;
	const held = snapshot ? found(snapshot, principal) : undefined;
	return [
		heading('principal-heading', `The ${principal.kind} opened here (e explains its access in this account)`),
		{key: PRINCIPAL_KEY, text: `${head}${held ? `  ${sanitize(held.arn)}` : ''}`},
		...(held?.lines ?? [note('principal-missing', snapshot ? `no ${principal.kind} ${sanitize(principal.name)} in this account as read now` : 'known once the account is read', 'warning')]),
		note('principal-writes', 'read through the audit role: to change it, use the profile of this account'),
	];
};

const byName = <T extends {name: string}>(items: T[]): T[] => [...items].sort((a, b) => a.name.localeCompare(b.name));

/** The account's users and roles as read, each line opening the screen on that principal (`open`). */
export const accountPrincipalsLines = (snapshot: AccountSnapshot, open?: (principal: AccountPrincipal) => void): DetailLine[] => {
	const opens = (principal: AccountPrincipal) => (open ? {open: () => open(principal)} : {});
	const users = byName(snapshot.users);
	const roles = byName(snapshot.roles);
	return [
		heading('principals', `Users and roles (${users.length + roles.length}): enter opens one, e then explains it`),
		...users.map(user => ({key: `principals-user-${user.name}`, text: `user ${sanitize(user.name)}${user.groups.length > 0 ? `  groups: ${list(user.groups)}` : ''}`, ...opens({kind: 'user', name: user.name})})),
		...roles.map(role => ({key: `principals-role-${role.name}`, text: `role ${sanitize(role.name)}  ${sanitize(role.path)}`, ...opens({kind: 'role', name: role.name})})),
		...(users.length + roles.length === 0 ? [note('principals-none', 'none')] : []),
	];
};
