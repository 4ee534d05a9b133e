// An offline account: the JSON that `aws iam get-account-authorization-details` writes (one file, or
// several pages as auditors export them), opened read-only with every browse and who-has-what feature.
import {readFile} from 'node:fs/promises';
import {IamError} from '../model/errors.js';
import type {CallerIdentity, IamGateway, UserDetails} from '../model/gateway.js';
import type {AccountSnapshot} from '../model/snapshot.js';
import {readOnlyGateway} from './read-only.js';
import {buildSnapshot, type AuthorizationDetailsPage} from './snapshot-build.js';

const OFFLINE_REPORT_REASON = 'an offline export has no credential report (console, MFA and key columns need a live account)';

const readPage = async (file: string): Promise<AuthorizationDetailsPage> => {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new IamError('Invalid', `cannot read ${file}${code ? ` (${code})` : ''}`, 'pass the JSON written by: aws iam get-account-authorization-details > FILE');
	}
	let page: unknown;
	try {
		page = JSON.parse(text);
	} catch {
		throw new IamError('Invalid', `${file} is not JSON`, 'pass the JSON written by: aws iam get-account-authorization-details > FILE');
	}
	const shaped = page as Record<string, unknown>;
	if (!page || typeof page !== 'object' || !['UserDetailList', 'GroupDetailList', 'Policies'].some(key => Array.isArray(shaped[key]))) {
		throw new IamError('Invalid', `${file} is not an account authorization details export`, 'it needs UserDetailList, GroupDetailList or Policies');
	}
	return page as AuthorizationDetailsPage;
};

const accountOf = (snapshot: AccountSnapshot): string =>
	[...snapshot.users, ...snapshot.groups].map(entity => entity.arn.split(':')[4]).find(Boolean) ?? 'unknown';

type ReadingGateway = Pick<IamGateway, 'readOnly' | 'loadSnapshot' | 'callerIdentity' | 'userDetails'>;

class FileGateway implements ReadingGateway {
	readonly readOnly = true;
	private snapshot: Promise<AccountSnapshot> | undefined;

	constructor(private readonly files: string[]) {}

	loadSnapshot(): Promise<AccountSnapshot> {
		// Files do not change under us; a reload re-reads them anyway, like a refresh of a live account.
		this.snapshot = Promise.all(this.files.map(readPage)).then(pages =>
			buildSnapshot(pages, {status: 'unavailable', reason: OFFLINE_REPORT_REASON}),
		);
		return this.snapshot;
	}

	async callerIdentity(): Promise<CallerIdentity> {
		const snapshot = await (this.snapshot ?? this.loadSnapshot());
		return {account: accountOf(snapshot), arn: `offline: ${this.files.join(', ')}`, userId: 'offline'};
	}

	async userDetails(userName: string): Promise<UserDetails> {
		const snapshot = await (this.snapshot ?? this.loadSnapshot());
		const user = snapshot.users.find(u => u.name === userName);
		if (!user) throw new IamError('NotFound', `no user named ${userName} in the export`, '', 'NoSuchEntity');
		throw new IamError('Invalid', 'access keys and MFA devices are not in an offline export', 'open the live account to see them');
	}
}

/** A gateway over exported files; always read-only: every write is refused before anything happens. */
export const openFileGateway = (files: string[]): IamGateway => readOnlyGateway(new FileGateway(files) as ReadingGateway as IamGateway);
