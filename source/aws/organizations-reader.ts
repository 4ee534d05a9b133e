// Reads an AWS Organization (tree, SCPs and RCPs with their documents) into the model's plain shape.
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

type PolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

export const readOrganization = async (client: OrganizationsClient): Promise<Organization> => {
	const documents = new Map<string, Promise<ServiceControlPolicy>>();
	const policiesOf = async (targetId: string, type: PolicyType): Promise<ServiceControlPolicy[]> => {
		const summaries = await allPages(async token => {
			try {
				const r = await client.send(new ListPoliciesForTargetCommand({TargetId: targetId, Filter: type, NextToken: token}));
				return {items: r.Policies, next: r.NextToken};
			} catch (error) {
				// An organization that never enabled RCPs has none: not a failure of the read.
				if (type === 'RESOURCE_CONTROL_POLICY' && (error as {name?: string} | null)?.name === 'PolicyTypeNotEnabledException') return {items: [], next: undefined};
				throw error;
			}
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
	const controlsOf = async (targetId: string) => {
		const [scps, rcps] = await Promise.all([policiesOf(targetId, 'SERVICE_CONTROL_POLICY'), policiesOf(targetId, 'RESOURCE_CONTROL_POLICY')]);
		return {scps, rcps};
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
			ous: await Promise.all(ous.map(async o => ({id: o.Id ?? '', name: o.Name ?? o.Id ?? '', kind: 'ou' as const, ...(await controlsOf(o.Id ?? '')), ...(await childrenOf(o.Id ?? ''))}))),
			accounts: await Promise.all(accounts.map(async a => ({
				id: a.Id ?? '',
				name: a.Name ?? a.Id ?? '',
				kind: 'account' as const,
				// State replaces the deprecated Status; moto answers Status only.
				...(a.State ?? a.Status ? {status: a.State ?? a.Status} : {}),
				...(await controlsOf(a.Id ?? '')),
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
	const root: OrgRoot = {id: first.Id, name: first.Name ?? 'Root', kind: 'root', ...(await controlsOf(first.Id)), ...(await childrenOf(first.Id))};
	const id = organization.Organization?.Id;
	return {...(id ? {id} : {}), managementAccountId: organization.Organization?.MasterAccountId ?? '', root};
};
