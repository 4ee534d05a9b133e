// The rows of :accounts and :people, from the organization as far as it is open: each account with its OU
// path, status, IAM load and SCPs (an account still loading says so); each Identity Center person with
// their groups and how many accounts they reach. Filtered by a substring of any cell.
import {loadCell, scpCell} from '../../model/org/account-cells.js';
import {personReach, type IdentityCenter, type IcUser} from '../../model/org/identity-center.js';
import {ouPathText} from '../../model/org/org-load.js';
import type {AccountProgress} from '../../model/org/org-session.js';
import type {SortColumn} from '../../model/views.js';

export interface AccountRow {
	id: string;
	name: string;
	ouPath: string;
	status: string;
	iam: string;
	scps: string;
	failed: boolean;
}

export interface PersonRow {
	id: string;
	userName: string;
	displayName: string;
	email: string;
	groups: string;
	accounts: number;
}

/** One row per account reported so far; `managementAccountId` once the tree is known (it is exempt from SCPs). */
export const accountRows = (accounts: AccountProgress[], managementAccountId: string | undefined): AccountRow[] =>
	accounts.map(progress => {
		const {account, load} = progress;
		const loading = load.kind === 'loading';
		const path = 'path' in progress ? progress.path : [];
		return {
			id: account.id,
			name: account.name,
			ouPath: ouPathText(path),
			status: account.status ?? '?',
			iam: loading ? 'loading…' : loadCell(load),
			scps: loading ? '' : scpCell(managementAccountId ?? '', {account, path}),
			failed: load.kind === 'failed',
		};
	});

export const personRows = (ic: IdentityCenter): PersonRow[] => {
	const groupNames = new Map(ic.groups.map(g => [g.id, g.displayName]));
	return ic.users.map((user: IcUser) => {
		const reach = personReach(ic, user.id);
		return {
			id: user.id,
			userName: user.userName,
			displayName: user.displayName ?? '',
			email: user.emails[0] ?? '',
			groups: ic.memberships.filter(m => m.userId === user.id).map(m => groupNames.get(m.groupId) ?? m.groupId).join(', '),
			accounts: new Set(reach?.reaches.map(r => r.accountId)).size,
		};
	});
};

const matching = <Row>(fields: (row: Row) => string[]) => (rows: Row[], query: string): Row[] => {
	const needle = query.trim().toLowerCase();
	return needle ? rows.filter(row => fields(row).some(field => field.toLowerCase().includes(needle))) : rows;
};

export const filterAccountRows = matching<AccountRow>(r => [r.name, r.id, r.ouPath, r.status, r.iam, r.scps]);
export const filterPersonRows = matching<PersonRow>(r => [r.userName, r.displayName, r.email, r.groups]);

export const accountSortColumns: Array<SortColumn<AccountRow>> = [
	{id: 'name', label: 'name', value: r => r.name.toLowerCase()},
	{id: 'ou', label: 'OU path', value: r => r.ouPath.toLowerCase()},
	{id: 'iam', label: 'IAM', value: r => r.iam},
	{id: 'id', label: 'id', value: r => r.id},
];

export const personSortColumns: Array<SortColumn<PersonRow>> = [
	{id: 'user', label: 'user name', value: r => r.userName.toLowerCase()},
	{id: 'accounts', label: 'accounts reached', value: r => r.accounts},
	{id: 'name', label: 'display name', value: r => r.displayName.toLowerCase()},
];
