// Identity Center's account assignments, read the cheaper of two ways: per user and group
// (ListAccountAssignmentsForPrincipal, answered only in the management account) or per account and permission
// set (ListAccountAssignments, which a delegated administrator may call), each assignment kept once.
import {ListAccountAssignmentsCommand, ListAccountAssignmentsForPrincipalCommand, type SSOAdminClient} from '@aws-sdk/client-sso-admin';
import {IamError} from '../model/errors.js';
import type {AccountAssignment, IcGroup, IcUser, PrincipalType} from '../model/org/identity-center.js';
import {allPages} from './all-pages.js';
import {calling} from './identity-center-calls.js';
import {mapBounded} from './map-bounded.js';

/** An assignment as either listing call returns it. */
interface RawAssignment {
	AccountId?: string;
	PermissionSetArn?: string;
	PrincipalType?: string;
	PrincipalId?: string;
}

export interface AssignmentsInput {
	ssoAdmin: SSOAdminClient;
	InstanceArn: string;
	users: IcUser[];
	groups: IcGroup[];
	permissionSetArns: string[];
	/** Calls in flight at once. */
	limit: number;
	/** As ReadIdentityCenterOptions.accountIds and principalListingAllowed (identity-center-reader.ts). */
	accountIds?: string[] | Promise<string[]> | undefined;
	principalListingAllowed?: boolean | Promise<boolean> | undefined;
}

export const readAssignments = async ({ssoAdmin, InstanceArn, users, groups, permissionSetArns, limit, accountIds, principalListingAllowed}: AssignmentsInput): Promise<AccountAssignment[]> => {
	const principals: {PrincipalType: PrincipalType; PrincipalId: string; label: string}[] = [
		...users.map(u => ({PrincipalType: 'USER' as const, PrincipalId: u.id, label: `user ${u.userName}`})),
		...groups.map(g => ({PrincipalType: 'GROUP' as const, PrincipalId: g.id, label: `group ${g.displayName}`})),
	];
	const perPrincipal = async (): Promise<RawAssignment[]> =>
		(
			await mapBounded(principals, limit, ({label, ...principal}) =>
				calling('sso:ListAccountAssignmentsForPrincipal', `assignments of ${label}`, () =>
					allPages(async token => {
						const r = await ssoAdmin.send(new ListAccountAssignmentsForPrincipalCommand({InstanceArn, ...principal, NextToken: token}));
						return {items: r.AccountAssignments, next: r.NextToken};
					}),
				),
			)
		).flat();
	const perPair = async (accounts: string[]): Promise<RawAssignment[]> => {
		const pairs = accounts.flatMap(AccountId => permissionSetArns.map(PermissionSetArn => ({AccountId, PermissionSetArn})));
		return (
			await mapBounded(pairs, limit, pair =>
				calling('sso:ListAccountAssignments', `assignments in account ${pair.AccountId}`, () =>
					allPages(async token => {
						const r = await ssoAdmin.send(new ListAccountAssignmentsCommand({InstanceArn, ...pair, NextToken: token}));
						return {items: r.AccountAssignments, next: r.NextToken};
					}),
				),
			)
		).flat();
	};

	const raw = async (): Promise<RawAssignment[]> => {
		const accounts = await accountIds;
		if (!accounts) return perPrincipal();
		// Per pair is accounts × permission sets calls (hundreds in an organization of any size), per principal
		// one per user and group; the latter only where AWS answers it, and only when it is fewer.
		const fewer = principals.length < accounts.length * permissionSetArns.length;
		if (!fewer || !(await principalListingAllowed)) return perPair(accounts);
		try {
			const wanted = new Set(accounts);
			return (await perPrincipal()).filter(a => a.AccountId !== undefined && wanted.has(a.AccountId));
		} catch (error) {
			// Refused (a policy that grants the per-account listing only): the per-account one answers the same.
			if (error instanceof IamError && error.kind === 'AccessDenied') return perPair(accounts);
			throw error;
		}
	};
	return distinctAssignments(await raw());
};

/** Assignments as the model holds them, each once (a user's listing may repeat what their group's shows). */
const distinctAssignments = (raw: RawAssignment[]): AccountAssignment[] => {
	const seen = new Map<string, AccountAssignment>();
	for (const a of raw) {
		if (!a.AccountId || !a.PermissionSetArn || !a.PrincipalId || (a.PrincipalType !== 'USER' && a.PrincipalType !== 'GROUP')) continue;
		const assignment: AccountAssignment = {accountId: a.AccountId, permissionSetArn: a.PermissionSetArn, principalType: a.PrincipalType, principalId: a.PrincipalId};
		seen.set(`${a.AccountId} ${a.PermissionSetArn} ${a.PrincipalType} ${a.PrincipalId}`, assignment);
	}
	return [...seen.values()];
};
