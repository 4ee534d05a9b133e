// An offline account: the JSON that `aws iam get-account-authorization-details` writes (one file, or
// several pages as auditors export them), opened read-only with every browse and who-has-what feature.
import {IamError} from '../model/errors.js';
import type {CallerIdentity, IamGateway, IamReads, PolicyVersion, UserDetails} from '../model/gateway.js';
import type {AccountSnapshot} from '../model/snapshot.js';
import {readBoundedFile} from '../store/read-file.js';
import {checkExportPage} from './export-schema.js';
import {readOnlyGateway} from './read-only.js';
import {buildSnapshot, type AuthorizationDetailsPage} from './snapshot-build.js';

const OFFLINE_REPORT_REASON = 'an offline export has no credential report (console, MFA and key columns need a live account)';

const EXPORT_HINT = 'pass the JSON written by: aws iam get-account-authorization-details > FILE';

const readPage = async (file: string): Promise<AuthorizationDetailsPage> => {
	let text: string;
	try {
		// A regular file of at most 256 MiB: a FIFO or a device is refused, never waited on.
		text = readBoundedFile(file, 'export');
	} catch (error) {
		const code = (error as IamError).code;
		throw new IamError('Invalid', `cannot read the export: ${(error as Error).message}`, EXPORT_HINT, code);
	}
	let page: unknown;
	try {
		page = JSON.parse(text);
	} catch {
		throw new IamError('Invalid', `${file} is not JSON`, EXPORT_HINT);
	}
	const shaped = page as Record<string, unknown>;
	if (!page || typeof page !== 'object' || Array.isArray(page) || !['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'].some(key => Array.isArray(shaped[key]))) {
		throw new IamError('Invalid', `${file} is not an account authorization details export`, 'it needs UserDetailList, GroupDetailList, RoleDetailList or Policies');
	}
	const checked = checkExportPage(page);
	if (!checked.ok) throw new IamError('Invalid', `${file} is not a valid authorization details export: ${checked.problem}`, EXPORT_HINT);
	return checked.page;
};

const accountOf = (snapshot: AccountSnapshot): string =>
	[...snapshot.users, ...snapshot.groups, ...snapshot.roles].map(entity => entity.arn.split(':')[4]).find(Boolean) ?? 'unknown';

/** What a GAAD export does not hold: credentials, MFA devices, the password policy, the alias. */
const notInExport = (what: string): IamError =>
	new IamError('Invalid', `${what} ${what.endsWith('s') ? 'are' : 'is'} not in an offline export`, 'open the live account to see them', 'OfflineExport');

const iso = (value: unknown): string => {
	const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
	return date && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
};

class FileGateway implements IamReads {
	readonly readOnly = true;
	private pages: Promise<AuthorizationDetailsPage[]> | undefined;
	private snapshot: Promise<AccountSnapshot> | undefined;

	constructor(private readonly files: string[]) {}

	loadSnapshot(): Promise<AccountSnapshot> {
		// Files do not change under us; a reload re-reads them anyway, like a refresh of a live account.
		this.pages = Promise.all(this.files.map(readPage));
		this.snapshot = this.pages.then(pages => buildSnapshot(pages, {status: 'unavailable', reason: OFFLINE_REPORT_REASON}));
		return this.snapshot;
	}

	private async user(userName: string) {
		const snapshot = await (this.snapshot ?? this.loadSnapshot());
		const user = snapshot.users.find(u => u.name === userName);
		if (!user) throw new IamError('NotFound', `no user named ${userName} in the export`, '', 'NoSuchEntity');
		return user;
	}

	async getUser(userName: string) {
		const snapshot = await (this.snapshot ?? this.loadSnapshot());
		const user = snapshot.users.find(u => u.name === userName);
		return user ? {name: user.name, arn: user.arn, path: user.path, createDate: user.createDate} : null;
	}

	/** The export lists every version of each managed policy it holds. */
	async policyVersions(policyArn: string): Promise<PolicyVersion[]> {
		if (!this.pages) await this.loadSnapshot();
		const policy = (await this.pages!).flatMap(page => page.Policies ?? []).find(p => p.Arn === policyArn);
		if (!policy) throw new IamError('NotFound', `no policy ${policyArn} in the export`, '', 'NoSuchEntity');
		return (policy.PolicyVersionList ?? []).map(v => ({versionId: v.VersionId ?? '', isDefault: v.IsDefaultVersion === true, createDate: iso(v.CreateDate)}));
	}

	async loginProfile(userName: string): Promise<never> {
		await this.user(userName);
		throw notInExport('console passwords');
	}

	async accessKeys(userName: string): Promise<never> {
		await this.user(userName);
		throw notInExport('access keys');
	}

	async signingCertificates(userName: string): Promise<never> {
		await this.user(userName);
		throw notInExport('signing certificates');
	}

	async sshPublicKeys(userName: string): Promise<never> {
		await this.user(userName);
		throw notInExport('SSH public keys');
	}

	async serviceSpecificCredentials(userName: string): Promise<never> {
		await this.user(userName);
		throw notInExport('service-specific credentials');
	}

	async mfaDevices(userName: string): Promise<never> {
		await this.user(userName);
		throw notInExport('MFA devices');
	}

	async passwordPolicy(): Promise<never> {
		throw notInExport('the password policy');
	}

	async accountAlias(): Promise<never> {
		throw notInExport('the account alias');
	}

	async callerIdentity(): Promise<CallerIdentity> {
		const snapshot = await (this.snapshot ?? this.loadSnapshot());
		return {account: accountOf(snapshot), arn: `offline: ${this.files.join(', ')}`, userId: 'offline'};
	}

	async userDetails(userName: string): Promise<UserDetails> {
		await this.user(userName);
		throw notInExport('access keys and MFA devices');
	}
}

/**
 * A gateway over exported files; always read-only. It has no write methods: the read-only wrapper
 * refuses every IamWrites name before anything happens.
 */
export const openFileGateway = (files: string[]): IamGateway => readOnlyGateway(new FileGateway(files) as IamReads as IamGateway);
