// The one way a secret reaches a file: a credentials CSV, mode 0600, in the columns of the console's
// download. Secrets arrive as Secret values and are revealed only while the file is written.
import type {IssuedSecret} from '../model/plans/execute.js';
import type {Secret} from '../model/secret.js';
import {writePrivateFile, type WriteResult} from './private-file.js';

export type {WriteFailure} from './private-file.js';
export type SaveResult = WriteResult;

/** The header of the console's credentials download. */
export const CSV_HEADER = ['User name', 'Password', 'Access key ID', 'Secret access key', 'Console login link'] as const;

/** One user's line: a password and/or an access key; absent ones are empty cells. */
export interface CredentialsRow {
	user: string;
	password?: Secret;
	accessKeyId?: string;
	secretAccessKey?: Secret;
	/** The console sign-in URL; only useful (and only set) with a password. */
	consoleLoginLink?: string;
}

/** One row per user: a password and a key issued to the same user share a row; a second key gets its own. */
export const credentialRows = (secrets: readonly IssuedSecret[], signInUrl: string): CredentialsRow[] => {
	const rows: CredentialsRow[] = [];
	for (const secret of secrets) {
		const slot = secret.kind === 'password' ? 'password' : 'secretAccessKey';
		let row = rows.find(r => r.user === secret.user && r[slot] === undefined);
		if (!row) rows.push((row = {user: secret.user}));
		if (secret.kind === 'password') {
			row.password = secret.password;
			row.consoleLoginLink = signInUrl;
		} else {
			row.accessKeyId = secret.accessKeyId;
			row.secretAccessKey = secret.secretAccessKey;
		}
	}
	return rows;
};

/** RFC 4180: quote a field holding a comma, a quote or a line break (and one with edge spaces, which spreadsheets trim). */
export const csvField = (value: string): string =>
	/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const csvText = (rows: readonly CredentialsRow[]): string =>
	[CSV_HEADER, ...rows.map(row => [row.user, row.password?.reveal() ?? '', row.accessKeyId ?? '', row.secretAccessKey?.reveal() ?? '', row.consoleLoginLink ?? ''])]
		.map(cells => `${cells.map(csvField).join(',')}\r\n`)
		.join('');

/** Writes the rows as the console's credentials CSV, mode 0600; refuses an existing file unless `overwrite`. */
export const saveCredentialsCsv = (file: string, rows: readonly CredentialsRow[], options: {overwrite: boolean}): SaveResult =>
	writePrivateFile(file, () => csvText(rows), options);
