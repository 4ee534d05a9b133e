// Reads an AWS Organization (tree, SCPs and their documents) into the model's plain shape.
// The caller builds the client with the same endpoint, credentials and retries as the IAM one.
import {
	DescribeOrganizationCommand,
	DescribePolicyCommand,
	ListAccountsForParentCommand,
	ListOrganizationalUnitsForParentCommand,
	ListPoliciesForTargetCommand,
	ListRootsCommand,
	type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {allPages} from './all-pages.js';
import type {OrgAccount, OrgRoot, OrgUnit, Organization, ServiceControlPolicy} from '../model/org/organization.js';

const parsed = (content: string | undefined): unknown => {
	try {
		return JSON.parse(content ?? '{}');
	} catch {
		return {};
	}
};

export const readOrganization = async (client: OrganizationsClient): Promise<Organization> => {
	const documents = new Map<string, Promise<ServiceControlPolicy>>();
	const scpsOf = async (targetId: string): Promise<ServiceControlPolicy[]> => {
		const summaries = await allPages(async token => {
			const r = await client.send(new ListPoliciesForTargetCommand({TargetId: targetId, Filter: 'SERVICE_CONTROL_POLICY', NextToken: token}));
			return {items: r.Policies, next: r.NextToken};
		});
		// One DescribePolicy per SCP, however many targets it hangs on.
		return Promise.all(summaries.map(s => {
			const id = s.Id ?? '';
			if (!documents.has(id)) {
				documents.set(id, client.send(new DescribePolicyCommand({PolicyId: id})).then(r => ({id, name: r.Policy?.PolicySummary?.Name ?? s.Name ?? id, document: parsed(r.Policy?.Content)})));
			}
			return documents.get(id)!;
		}));
	};
	const childrenOf = async (parentId: string): Promise<{ous: OrgUnit[]; accounts: OrgAccount[]}> => {
		const [ous, accounts] = await Promise.all([
			allPages(async token => {
				const r = await client.send(new ListOrganizationalUnitsForParentCommand({ParentId: parentId, NextToken: token}));
				return {items: r.OrganizationalUnits, next: r.NextToken};
			}),
			allPages(async token => {
				const r = await client.send(new ListAccountsForParentCommand({ParentId: parentId, NextToken: token}));
				return {items: r.Accounts, next: r.NextToken};
			}),
		]);
		return {
			ous: await Promise.all(ous.map(async o => ({id: o.Id ?? '', name: o.Name ?? o.Id ?? '', kind: 'ou' as const, scps: await scpsOf(o.Id ?? ''), ...(await childrenOf(o.Id ?? ''))}))),
			accounts: await Promise.all(accounts.map(async a => ({
				id: a.Id ?? '',
				name: a.Name ?? a.Id ?? '',
				kind: 'account' as const,
				// State replaces the deprecated Status; moto answers Status only.
				...(a.State ?? a.Status ? {status: a.State ?? a.Status} : {}),
				scps: await scpsOf(a.Id ?? ''),
			}))),
		};
	};
	const [organization, roots] = await Promise.all([
		client.send(new DescribeOrganizationCommand({})),
		allPages(async token => {
			const r = await client.send(new ListRootsCommand({NextToken: token}));
			return {items: r.Roots, next: r.NextToken};
		}),
	]);
	const first = roots[0];
	if (!first?.Id) throw new Error('the organization has no root');
	const root: OrgRoot = {id: first.Id, name: first.Name ?? 'Root', kind: 'root', scps: await scpsOf(first.Id), ...(await childrenOf(first.Id))};
	return {managementAccountId: organization.Organization?.MasterAccountId ?? '', root};
};
