// Reads an AWS Organization (tree, SCPs and RCPs with their documents) into the model's plain shape.
// The caller builds the client with the same endpoint, credentials and retries as the IAM one.
import {
	DescribeOrganizationCommand,
	DescribePolicyCommand,
	ListAccountsForParentCommand,
	ListOrganizationalUnitsForParentCommand,
	ListPoliciesForTargetCommand,
	ListRootsCommand,
	type Account,
	type OrganizationalUnit,
	type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {allPages} from './all-pages.js';
import {createLimiter} from './limiter.js';
import type {OrgAccount, OrgRoot, OrgUnit, Organization, ServiceControlPolicy} from '../model/org/organization.js';

const parsed = (content: string | undefined): unknown => {
	try {
		return JSON.parse(content ?? '{}');
	} catch {
		return {};
	}
};

type PolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

export interface ReadOrganizationOptions {
	/**
	 * Each account as soon as its parent's listing names it, before its policies are read (its `scps` are
	 * empty until then), so its IAM load can start while the rest of the tree is read.
	 */
	onAccountListed?: (account: OrgAccount) => void;
	/** Policy reads (ListPoliciesForTarget, DescribePolicy) in flight at once; two per account and OU. Default 20. */
	policyConcurrency?: number;
}

// Two reads per account and OU: at 20 in flight, 50 accounts' policies take about as many round trips as their IAM loads do.
const POLICY_CONCURRENCY = 20;

export const readOrganization = async (client: OrganizationsClient, options: ReadOrganizationOptions = {}): Promise<Organization> => {
	// The listings that find accounts go first, unbounded (one pair per OU); the policy reads, two per target, queue behind a bound.
	const bounded = createLimiter(options.policyConcurrency ?? POLICY_CONCURRENCY);
	const documents = new Map<string, Promise<ServiceControlPolicy>>();
	const policiesOf = async (targetId: string, type: PolicyType): Promise<ServiceControlPolicy[]> => {
		const summaries = await allPages(async token => {
			try {
				const r = await bounded(() => client.send(new ListPoliciesForTargetCommand({TargetId: targetId, Filter: type, NextToken: token})));
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
				documents.set(id, bounded(() => client.send(new DescribePolicyCommand({PolicyId: id}))).then(r => ({id, name: r.Policy?.PolicySummary?.Name ?? s.Name ?? id, document: parsed(r.Policy?.Content)})));
			}
			return documents.get(id)!;
		}));
	};
	const controlsOf = async (targetId: string) => {
		const [scps, rcps] = await Promise.all([policiesOf(targetId, 'SERVICE_CONTROL_POLICY'), policiesOf(targetId, 'RESOURCE_CONTROL_POLICY')]);
		return {scps, rcps};
	};
	const ouOf = async (o: OrganizationalUnit): Promise<OrgUnit> => {
		const [controls, children] = await Promise.all([controlsOf(o.Id ?? ''), childrenOf(o.Id ?? '')]);
		return {id: o.Id ?? '', name: o.Name ?? o.Id ?? '', kind: 'ou' as const, ...controls, ...children};
	};
	const accountOf = async (a: Account): Promise<OrgAccount> => {
		const listed: OrgAccount = {
			id: a.Id ?? '',
			name: a.Name ?? a.Id ?? '',
			kind: 'account' as const,
			// State replaces the deprecated Status; moto answers Status only.
			...(a.State ?? a.Status ? {status: a.State ?? a.Status} : {}),
			scps: [],
		};
		options.onAccountListed?.(listed);
		return {...listed, ...(await controlsOf(listed.id))};
	};
	async function childrenOf(parentId: string): Promise<{ous: OrgUnit[]; accounts: OrgAccount[]}> {
		// Both listings, then every child's reads, all at once: the tree's depth in round trips, not its size.
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
		const [units, members] = await Promise.all([Promise.all(ous.map(ouOf)), Promise.all(accounts.map(accountOf))]);
		return {ous: units, accounts: members};
	}
	const [organization, roots] = await Promise.all([
		client.send(new DescribeOrganizationCommand({})),
		allPages(async token => {
			const r = await client.send(new ListRootsCommand({NextToken: token}));
			return {items: r.Roots, next: r.NextToken};
		}),
	]);
	const first = roots[0];
	if (!first?.Id) throw new Error('the organization has no root');
	const [controls, children] = await Promise.all([controlsOf(first.Id), childrenOf(first.Id)]);
	const root: OrgRoot = {id: first.Id, name: first.Name ?? 'Root', kind: 'root', ...controls, ...children};
	const id = organization.Organization?.Id;
	return {...(id ? {id} : {}), managementAccountId: organization.Organization?.MasterAccountId ?? '', root};
};
