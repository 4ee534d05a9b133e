// Opens an organization from the management (or delegated administrator) account's profile: the tree and
// its SCPs, and every account's IAM snapshot — the caller's own account with the caller's credentials,
// each other one through the audit role assumed in it — a bounded number of accounts at a time. Each
// account's load starts as soon as the tree's listing names it, while the rest of the tree (its policies,
// deeper OUs) is still being read: an organization costs its accounts' loads side by side, not the tree's
// round trips and then the loads. An account that cannot be assumed or read is an outcome with its
// reason, never a failure of the whole.
import {AssumeRoleCommand, GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import {IamError} from '../model/errors.js';
import {
	DEFAULT_AUDIT_ROLE,
	accessFor,
	assumeFailure,
	orgAccounts,
	partitionOf,
	readFailure,
	type AccountLoad,
	type AccountOutcome,
	type OpenedOrganization,
} from '../model/org/org-load.js';
import type {OrgAccount, Organization} from '../model/org/organization.js';
import {toIamError} from './errors.js';
import {createLimiter} from './limiter.js';
import type {AssumedCredentials, OrgClients} from './org-clients.js';
import {OrganizationsCallError, readOrganization} from './organizations-reader.js';
import {loadSnapshot} from './snapshot.js';

/**
 * Accounts read at once. IAM's request limits are per account, so reading many accounts side by side
 * costs each of them no more than reading it alone; the bound is for STS (one caller assumes every role,
 * its AssumeRole rate is per caller account) and for sockets. Not for memory: every account's snapshot is
 * kept once loaded, so pages in flight add little to what the session holds anyway. 64: an organization of
 * up to 64 accounts loads in one round of one account's time after the tree and AssumeRole (50 accounts
 * of 20 principals at 32 took two rounds: 4.7 × one account's time against a 500 ms round trip, 3.3 × at 64;
 * at 500 principals parsing them on one thread is the rest; issue 19's target is 3 ×). Throttling, should it come, is the SDK's retry with back-off (adaptive by default: each member
 * account has its own IAM client, so one throttled account slows only itself).
 */
export const ACCOUNT_CONCURRENCY = 64;
const SESSION_NAME = 'iamtui-audit';

/** What reading the tree needs; named when Organizations refuses. */
export const ORGANIZATION_READ_ACTIONS = [
	'organizations:DescribeOrganization',
	'organizations:ListRoots',
	'organizations:ListOrganizationalUnitsForParent',
	'organizations:ListAccounts',
	'organizations:ListAccountsForParent',
	'organizations:ListPolicies',
	'organizations:ListTargetsForPolicy',
	'organizations:DescribePolicy',
] as const;

export interface OpenOrganizationOptions {
	/** The role assumed in each member account (a name, or path/name). Default OrganizationAccountAccessRole. */
	auditRole?: string;
	concurrency?: number;
	/** Each account when its load starts and when it ends, for progress. */
	onAccount?: (outcome: AccountOutcome | {account: AccountOutcome['account']; load: {kind: 'loading'}}) => void;
	/** Per account: how long to wait for its credential report. */
	credentialReportTimeoutMs?: number;
	/** Only the accounts this picks are read (the tree is always read whole); default every one. */
	only?: (account: AccountOutcome['account']) => boolean;
	/** The tree once it is read, while accounts may still be loading (Identity Center can be read beside them). */
	onTree?: (organization: Organization) => void;
}

/** The tree, or an error that says what Organizations wants: its permissions, or an organization at all. */
export const readTree = async (clients: Pick<OrgClients, 'organizations'>, onAccountListed?: (account: OrgAccount) => void): Promise<Organization> => {
	try {
		return await readOrganization(clients.organizations, onAccountListed ? {onAccountListed} : {});
	} catch (thrown) {
		// The call that failed, named: a denied policy read says so, not the account listing.
		const called = thrown instanceof OrganizationsCallError ? thrown : undefined;
		const error = called ? called.cause : thrown;
		const code = (error as {name?: string} | null)?.name ?? '';
		if (code === 'AWSOrganizationsNotInUseException') {
			throw new IamError('NotFound', 'the account of this profile is not in an AWS Organization', "use the management account's profile (or a delegated administrator's)", code);
		}
		const e = toIamError(error, {action: called?.action ?? 'organizations:ListAccountsForParent'});
		if (e.kind === 'AccessDenied') {
			throw new IamError(
				'AccessDenied',
				`access denied reading the organization: ${e.message}`,
				`use the management account's profile (or a delegated administrator's) with ${ORGANIZATION_READ_ACTIONS.join(', ')} (templates/iamtui-read-only.json grants them)`,
				e.code,
			);
		}
		throw e;
	}
};

export const callerIdentity = async (clients: OrgClients): Promise<{account: string; arn: string}> => {
	try {
		const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
		return {account: identity.Account ?? '', arn: identity.Arn ?? ''};
	} catch (error) {
		throw toIamError(error, {action: 'sts:GetCallerIdentity'});
	}
};

/** The audit role's credentials in one member account (also what writes there are sent with). */
export const assume = async (clients: OrgClients, roleArn: string): Promise<AssumedCredentials> => {
	const {Credentials: issued} = await clients.sts.send(new AssumeRoleCommand({RoleArn: roleArn, RoleSessionName: SESSION_NAME}));
	if (!issued?.AccessKeyId || !issued.SecretAccessKey) throw new IamError('Credentials', `AssumeRole for ${roleArn} returned no credentials`);
	return {accessKeyId: issued.AccessKeyId, secretAccessKey: issued.SecretAccessKey, sessionToken: issued.SessionToken, expiration: issued.Expiration};
};

export const openOrganization = async (clients: OrgClients, options: OpenOrganizationOptions = {}): Promise<OpenedOrganization> => {
	const auditRole = options.auditRole ?? DEFAULT_AUDIT_ROLE;
	const snapshotOptions = {
		...(options.credentialReportTimeoutMs === undefined ? {} : {credentialReportTimeoutMs: options.credentialReportTimeoutMs}),
	};
	// Who calls, and the tree, at the same time; each account's load waits for the first only.
	const caller = callerIdentity(clients);
	let abandoned = false;
	const limit = createLimiter(options.concurrency ?? ACCOUNT_CONCURRENCY);
	const loads = new Map<string, Promise<AccountLoad>>();

	const loadOne = async (account: OrgAccount): Promise<AccountLoad> => {
		const {account: callerAccount, arn} = await caller;
		const access = accessFor(account, callerAccount, auditRole, partitionOf(arn));
		if (access.kind === 'skip') return {kind: 'skipped', reason: access.reason};
		if (access.kind === 'caller') {
			try {
				return {kind: 'loaded', snapshot: await loadSnapshot(clients.iam, snapshotOptions)};
			} catch (error) {
				return {kind: 'failed', step: 'read-iam', ...readFailure(toIamError(error), account, undefined)};
			}
		}
		const {roleArn} = access;
		let credentials: AssumedCredentials;
		try {
			credentials = await assume(clients, roleArn);
		} catch (error) {
			return {kind: 'failed', step: 'assume-role', roleArn, ...assumeFailure(toIamError(error, {action: 'sts:AssumeRole'}), account, roleArn, arn)};
		}
		const iam = clients.iamWith(credentials);
		try {
			return {kind: 'loaded', roleArn, snapshot: await loadSnapshot(iam, snapshotOptions)};
		} catch (error) {
			return {kind: 'failed', step: 'read-iam', roleArn, ...readFailure(toIamError(error), account, roleArn)};
		} finally {
			iam.destroy();
		}
	};

	/** Queues the account's load once (it may be named by the listing and again by the finished tree). */
	const startLoad = (account: OrgAccount): void => {
		if (loads.has(account.id) || abandoned || !(options.only?.(account) ?? true)) return;
		const load = limit(async (): Promise<AccountLoad> => {
			// The whole open failed (no caller, no tree) while this one waited: it is never started.
			if (abandoned) return {kind: 'skipped', reason: 'the organization could not be opened'};
			await caller;
			options.onAccount?.({account, load: {kind: 'loading'}});
			return loadOne(account);
		});
		// Read when the tree is complete; until then a failure of `caller` must not count as unhandled.
		load.catch(() => undefined);
		loads.set(account.id, load);
	};

	const tree = readTree(clients, startLoad);
	tree.catch(() => undefined);
	let organization: Organization;
	let callerAccountId: string;
	try {
		// The caller's failure first, as it would be alone: no identity, no organization.
		callerAccountId = (await caller).account;
		organization = await tree;
	} catch (error) {
		abandoned = true;
		throw error;
	}
	options.onTree?.(organization);

	const chosen = orgAccounts(organization).filter(({account}) => options.only?.(account) ?? true);
	const accounts = await Promise.all(
		chosen.map(async ({account, path}): Promise<AccountOutcome> => {
			startLoad(account);
			const outcome: AccountOutcome = {account, path, load: await loads.get(account.id)!};
			options.onAccount?.(outcome);
			return outcome;
		}),
	);
	return {organization, callerAccountId, auditRole, accounts};
};
