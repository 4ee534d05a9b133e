// An organization opened account by account: which account is read with which credentials, what became
// of each (loaded, failed at which step and why, skipped), and the failure said so the operator knows
// which role to fix and how. Nothing read from AWS here.
import type {IamErrorKind} from '../errors.js';
import type {AccountSnapshot} from '../snapshot.js';
import type {OrgAccount, OrgRoot, OrgTarget, OrgUnit, Organization, ServiceControlPolicy} from './organization.js';

/** The role AWS Organizations creates in every account it creates. */
export const DEFAULT_AUDIT_ROLE = 'OrganizationAccountAccessRole';

/** How an account is read: with the caller's own credentials (their own account), through the audit role, or not at all. */
export type AccountAccess = {kind: 'caller'} | {kind: 'role'; roleArn: string} | {kind: 'skip'; reason: string};

export type AccountLoad =
	| {kind: 'loaded'; snapshot: AccountSnapshot; roleArn?: string}
	| {kind: 'failed'; step: 'assume-role' | 'read-iam'; message: string; hint: string; roleArn?: string}
	| {kind: 'skipped'; reason: string};

export interface AccountOutcome {
	account: OrgAccount;
	/** Root, each OU, then the account. */
	path: OrgTarget[];
	load: AccountLoad;
}

export interface OpenedOrganization {
	organization: Organization;
	callerAccountId: string;
	auditRole: string;
	accounts: AccountOutcome[];
}

/** A failure as the loader caught it: the model needs only its kind and words. */
export interface LoadError {
	kind: IamErrorKind;
	message: string;
	hint: string;
}

/** Every account of the tree with its path, in the tree's order (an OU's own accounts before its children's). */
export const orgAccounts = (org: Organization): Array<{account: OrgAccount; path: OrgTarget[]}> => {
	const rows: Array<{account: OrgAccount; path: OrgTarget[]}> = [];
	const walk = (node: OrgRoot | OrgUnit, above: OrgTarget[]): void => {
		const here = [...above, node];
		for (const account of node.accounts) rows.push({account, path: [...here, account]});
		for (const ou of node.ous) walk(ou, here);
	};
	walk(org.root, []);
	return rows;
};

/** Each account's name by its id. */
export const accountNames = (org: Organization): Map<string, string> => new Map(orgAccounts(org).map(row => [row.account.id, row.account.name]));

/** A role name as --audit-role gives it ("Name" or "path/Name"), as the ARN in one account. */
export const auditRoleArn = (accountId: string, role: string, partition = 'aws'): string => `arn:${partition}:iam::${accountId}:role/${role.replace(/^\/+/, '')}`;

/** The partition of the caller's ARN (aws, aws-us-gov, aws-cn), for the ARNs of the roles assumed. */
export const partitionOf = (arn: string): string => arn.split(':')[1] || 'aws';

/** Which credentials read an account: the caller's own account is read as the caller; a closed or suspended one not at all. */
export const accessFor = (account: OrgAccount, callerAccountId: string, auditRole: string, partition = 'aws'): AccountAccess => {
	if (account.status && account.status !== 'ACTIVE') return {kind: 'skip', reason: `the account is ${account.status.toLowerCase().replace(/_/g, ' ')}: no role can be assumed in it`};
	if (account.id === callerAccountId) return {kind: 'caller'};
	return {kind: 'role', roleArn: auditRoleArn(account.id, auditRole, partition)};
};

const named = (account: OrgAccount): string => `${account.name} (${account.id})`;

/** AssumeRole refused or failed: which role, and what makes it work. */
export const assumeFailure = (error: LoadError, account: OrgAccount, roleArn: string, callerArn: string): {message: string; hint: string} => {
	if (error.kind === 'AccessDenied') {
		const role = roleArn.slice(roleArn.indexOf(':role/') + ':role/'.length);
		return {
			message: `cannot assume ${roleArn} in ${named(account)}: access denied`,
			hint: `the role ${role} must exist in ${account.id} and trust ${callerArn}, and your principal needs sts:AssumeRole on ${roleArn}; or name another role with --audit-role NAME`,
		};
	}
	return {message: `assuming ${roleArn} in ${named(account)} failed: ${error.message}`, hint: error.hint};
};

/** The account's IAM could not be read with the credentials it was reached with. */
export const readFailure = (error: LoadError, account: OrgAccount, roleArn: string | undefined): {message: string; hint: string} => {
	const who = roleArn ? `the role ${roleArn}` : 'your credentials';
	if (error.kind === 'AccessDenied') {
		return {
			message: `cannot read IAM in ${named(account)} as ${who}: ${error.message}`,
			hint: roleArn ? `attach templates/iamtui-read-only.json to that role in ${account.id}` : error.hint,
		};
	}
	return {message: `reading IAM in ${named(account)} as ${who} failed: ${error.message}`, hint: error.hint};
};

export interface PathScp {
	scp: ServiceControlPolicy;
	/** Where it hangs: the root, an OU on the path, or the account itself. */
	target: OrgTarget;
}

/** The SCPs that apply to an account: every one attached to a target on its path, in the path's order. */
export const scpsOnPath = (path: OrgTarget[]): PathScp[] => path.flatMap(target => target.scps.map(scp => ({scp, target})));

/** The RCPs that apply to an account's resources, in the path's order (same shape as the SCPs'). */
export const rcpsOnPath = (path: OrgTarget[]): PathScp[] => path.flatMap(target => (target.rcps ?? []).map(scp => ({scp, target})));

/** "Root / prod / eu" — the OUs above an account. */
export const ouPathText = (path: OrgTarget[]): string =>
	path
		.filter(t => t.kind !== 'account')
		.map(t => t.name)
		.join(' / ');

export interface OrgLoadCounts {
	loaded: number;
	failed: number;
	skipped: number;
}

export const loadCounts = (accounts: AccountOutcome[]): OrgLoadCounts => ({
	loaded: accounts.filter(a => a.load.kind === 'loaded').length,
	failed: accounts.filter(a => a.load.kind === 'failed').length,
	skipped: accounts.filter(a => a.load.kind === 'skipped').length,
});
