// Opens an organization from the management (or delegated administrator) account's profile: the tree and
// its SCPs, then every account's IAM snapshot — the caller's own account with the caller's credentials,
// each other one through the audit role assumed in it — a few accounts at a time. An account that cannot
// be assumed or read is an outcome with its reason, never a failure of the whole.
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
import type {Organization} from '../model/org/organization.js';
import {toIamError} from './errors.js';
import {mapBounded} from './map-bounded.js';
import type {AssumedCredentials, OrgClients} from './org-clients.js';
import {readOrganization} from './organizations-reader.js';
import {loadSnapshot} from './snapshot.js';

/**
 * Accounts read at once. IAM's limits are per account, so the bound is for STS (one caller assumes every
 * role) and for this machine: each account holds a GetAccountAuthorizationDetails sweep and its report.
 */
export const ACCOUNT_CONCURRENCY = 6;
const SESSION_NAME = 'iamtui-audit';

/** What reading the tree needs; named when Organizations refuses. */
export const ORGANIZATION_READ_ACTIONS = [
	'organizations:DescribeOrganization',
	'organizations:ListRoots',
	'organizations:ListOrganizationalUnitsForParent',
	'organizations:ListAccountsForParent',
	'organizations:ListPoliciesForTarget',
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
}

/** The tree, or an error that says what Organizations wants: its permissions, or an organization at all. */
export const readTree = async (clients: OrgClients): Promise<Organization> => {
	try {
		return await readOrganization(clients.organizations);
	} catch (error) {
		const code = (error as {name?: string} | null)?.name ?? '';
		if (code === 'AWSOrganizationsNotInUseException') {
			throw new IamError('NotFound', 'the account of this profile is not in an AWS Organization', "use the management account's profile (or a delegated administrator's)", code);
		}
		const e = toIamError(error, {action: 'organizations:ListAccountsForParent'});
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

const callerIdentity = async (clients: OrgClients): Promise<{account: string; arn: string}> => {
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
	const caller = await callerIdentity(clients);
	const organization = await readTree(clients);
	const partition = partitionOf(caller.arn);
	const snapshotOptions = {
		...(options.credentialReportTimeoutMs === undefined ? {} : {credentialReportTimeoutMs: options.credentialReportTimeoutMs}),
	};

	const loadOne = async (account: AccountOutcome['account'], access: ReturnType<typeof accessFor>): Promise<AccountLoad> => {
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
			return {kind: 'failed', step: 'assume-role', roleArn, ...assumeFailure(toIamError(error, {action: 'sts:AssumeRole'}), account, roleArn, caller.arn)};
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

	const chosen = orgAccounts(organization).filter(({account}) => options.only?.(account) ?? true);
	const accounts = await mapBounded(chosen, options.concurrency ?? ACCOUNT_CONCURRENCY, async ({account, path}) => {
		options.onAccount?.({account, load: {kind: 'loading'}});
		const outcome: AccountOutcome = {account, path, load: await loadOne(account, accessFor(account, caller.account, auditRole, partition))};
		options.onAccount?.(outcome);
		return outcome;
	});
	return {organization, callerAccountId: caller.account, auditRole, accounts};
};
