// Reads an AWS Organization (tree, SCPs and RCPs with their documents) into the model's plain shape.
// The caller builds the client with the same endpoint, credentials and retries as the IAM one.
import {
	DescribeOrganizationCommand,
	DescribePolicyCommand,
	ListAccountsCommand,
	ListAccountsForParentCommand,
	ListOrganizationalUnitsForParentCommand,
	ListPoliciesCommand,
	ListRootsCommand,
	ListTargetsForPolicyCommand,
	type Account,
	type OrganizationalUnit,
	type OrganizationsClient,
	type PolicySummary,
} from '@aws-sdk/client-organizations';
import {allPages} from './all-pages.js';
import {createLimiter, type Limiter} from './limiter.js';
import type {OrgAccount, OrgRoot, OrgUnit, Organization, ServiceControlPolicy} from '../model/org/organization.js';

const parsed = (content: string | undefined): unknown => {
	try {
		return JSON.parse(content ?? '{}');
	} catch {
		return {};
	}
};

type PolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

/** An account as a listing gives it (the tree's or the flat one), its SCPs not read yet. */
const listedAccount = (a: Account): OrgAccount => ({
	id: a.Id ?? '',
	name: a.Name ?? a.Id ?? '',
	kind: 'account' as const,
	// State replaces the deprecated Status; moto answers Status only.
	...(a.State ?? a.Status ? {status: a.State ?? a.Status} : {}),
	scps: [],
});

export interface ReadOrganizationOptions {
	/**
	 * Each account as soon as a listing names it, before its policies are read (its `scps` are empty until
	 * then), so its IAM load can start while the rest of the tree is read: its parent's listing, or the flat
	 * ListAccounts read beside the tree (an account deep in nested OUs is named before the tree reaches it).
	 * An account may be named twice.
	 */
	onAccountListed?: (account: OrgAccount) => void;
	/** Policy reads (ListTargetsForPolicy, DescribePolicy) in flight at once: two per policy. Default 20. */
	policyConcurrency?: number;
	/** MaxResults for ListPolicies and ListTargetsForPolicy; AWS's default when absent (tests page with it). */
	policyPageSize?: number;
}

const POLICY_CONCURRENCY = 20;

/** The policies of one type, each under every target (root, OU, account) it is attached to, in ListPolicies order. */
type AttachedPolicies = Map<string, ServiceControlPolicy[]>;

const codeOf = (error: unknown): string => (error as {name?: string} | null)?.name ?? '';

/** A call that failed, with the action it was: AWS's message does not always name it, and an access-denied hint should. */
export class OrganizationsCallError extends Error {
	constructor(
		readonly action: string,
		readonly cause: unknown,
	) {
		super(`${action} failed: ${(cause as Error | null)?.message ?? String(cause)}`);
	}
}

const calling = async <T>(action: string, call: () => Promise<T>): Promise<T> => {
	try {
		return await call();
	} catch (error) {
		throw new OrganizationsCallError(`organizations:${action}`, error);
	}
};

/**
 * Every policy of one type, read per policy rather than per target: ListPolicies, then each policy's document
 * and targets side by side. An organization's SCPs and RCPs are a handful hung on many targets, so this is
 * a few calls where asking each target (two per root, OU and account) is a hundred at 50 accounts.
 */
const readPolicies = async (client: OrganizationsClient, type: PolicyType, bounded: Limiter, pageSize: number | undefined): Promise<AttachedPolicies> => {
	const page = pageSize === undefined ? {} : {MaxResults: pageSize};
	let summaries: PolicySummary[];
	try {
		summaries = await allPages(async token => {
			const r = await bounded(() => calling('ListPolicies', () => client.send(new ListPoliciesCommand({Filter: type, NextToken: token, ...page}))));
			return {items: r.Policies, next: r.NextToken};
		});
	} catch (error) {
		// An organization that never enabled RCPs has none: not a failure of the read.
		if (type === 'RESOURCE_CONTROL_POLICY' && codeOf(error instanceof OrganizationsCallError ? error.cause : error) === 'PolicyTypeNotEnabledException') return new Map();
		throw error;
	}
	const read = await Promise.all(
		summaries.map(async summary => {
			const id = summary.Id ?? '';
			const [described, targets] = await Promise.all([
				bounded(() => calling('DescribePolicy', () => client.send(new DescribePolicyCommand({PolicyId: id})))),
				allPages(async token => {
					const r = await bounded(() => calling('ListTargetsForPolicy', () => client.send(new ListTargetsForPolicyCommand({PolicyId: id, NextToken: token, ...page}))));
					return {items: r.Targets, next: r.NextToken};
				}),
			]);
			const policy: ServiceControlPolicy = {id, name: described.Policy?.PolicySummary?.Name ?? summary.Name ?? id, document: parsed(described.Policy?.Content)};
			return {policy, targetIds: targets.map(t => t.TargetId ?? '')};
		}),
	);
	const attached: AttachedPolicies = new Map();
	for (const {policy, targetIds} of read) {
		for (const targetId of targetIds) attached.set(targetId, [...(attached.get(targetId) ?? []), policy]);
	}
	return attached;
};

/** AWS's most for ListAccounts: asked for explicitly, so an emulator pages as AWS does. */
const ACCOUNTS_PAGE = 20;

/**
 * Every account, page by page (organizations:ListAccounts), each named as its page arrives. Only to start
 * loads early: the tree is what the organization is, so a refusal (a policy without ListAccounts) or any
 * failure here changes nothing but how early the loads start.
 */
const nameEveryAccount = async (client: OrganizationsClient, named: (account: Account) => void): Promise<void> => {
	try {
		await allPages(async token => {
			const r = await client.send(new ListAccountsCommand({NextToken: token, MaxResults: ACCOUNTS_PAGE}));
			for (const account of r.Accounts ?? []) named(account);
			return {next: r.NextToken};
		});
	} catch {
		// The tree names every account anyway.
	}
};

export const readOrganization = async (client: OrganizationsClient, options: ReadOrganizationOptions = {}): Promise<Organization> => {
	// The policies are read beside the tree, not after it: they need no target's id, only each policy's.
	const bounded = createLimiter(options.policyConcurrency ?? POLICY_CONCURRENCY);
	const policies = Promise.all([
		readPolicies(client, 'SERVICE_CONTROL_POLICY', bounded, options.policyPageSize),
		readPolicies(client, 'RESOURCE_CONTROL_POLICY', bounded, options.policyPageSize),
	]);
	// Awaited below, after the tree; a failure must not count as unhandled while the tree is still read.
	policies.catch(() => undefined);

	const {onAccountListed} = options;
	// Beside the tree: the tree names an account only once every OU above it is listed.
	const flat = onAccountListed ? nameEveryAccount(client, account => onAccountListed(listedAccount(account))) : undefined;

	const ouOf = async (o: OrganizationalUnit): Promise<OrgUnit> => ({id: o.Id ?? '', name: o.Name ?? o.Id ?? '', kind: 'ou' as const, scps: [], rcps: [], ...(await childrenOf(o.Id ?? ''))});
	const accountOf = (a: Account): OrgAccount => {
		const listed = listedAccount(a);
		onAccountListed?.(listed);
		return listed;
	};
	async function childrenOf(parentId: string): Promise<{ous: OrgUnit[]; accounts: OrgAccount[]}> {
		// Both listings, then every child OU's, all at once: the tree's depth in round trips, not its size.
		const [ous, accounts] = await Promise.all([
			allPages(async token => {
				const r = await calling('ListOrganizationalUnitsForParent', () => client.send(new ListOrganizationalUnitsForParentCommand({ParentId: parentId, NextToken: token})));
				return {items: r.OrganizationalUnits, next: r.NextToken};
			}),
			allPages(async token => {
				const r = await calling('ListAccountsForParent', () => client.send(new ListAccountsForParentCommand({ParentId: parentId, NextToken: token})));
				return {items: r.Accounts, next: r.NextToken};
			}),
		]);
		const members = accounts.map(accountOf);
		return {ous: await Promise.all(ous.map(ouOf)), accounts: members};
	}
	const [organization, roots] = await Promise.all([
		calling('DescribeOrganization', () => client.send(new DescribeOrganizationCommand({}))),
		allPages(async token => {
			const r = await calling('ListRoots', () => client.send(new ListRootsCommand({NextToken: token})));
			return {items: r.Roots, next: r.NextToken};
		}),
	]);
	const first = roots[0];
	if (!first?.Id) throw new Error('the organization has no root');
	const bare: OrgRoot = {id: first.Id, name: first.Name ?? 'Root', kind: 'root', scps: [], rcps: [], ...(await childrenOf(first.Id))};
	// Settled before the caller may close the client (it never rejects).
	await flat;
	const [scps, rcps] = await policies;
	const controlled = <T extends OrgRoot | OrgUnit | OrgAccount>(target: T): T => ({...target, scps: scps.get(target.id) ?? [], rcps: rcps.get(target.id) ?? []});
	const withControls = <T extends OrgRoot | OrgUnit>(node: T): T => ({...controlled(node), ous: node.ous.map(withControls), accounts: node.accounts.map(controlled)});
	const id = organization.Organization?.Id;
	return {...(id ? {id} : {}), managementAccountId: organization.Organization?.MasterAccountId ?? '', root: withControls(bare)};
};
