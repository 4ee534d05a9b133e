// Reads a credentials CSV the way a spreadsheet would (RFC 4180: quoted fields, "" for a quote, CRLF),
// with the file's mode, so the e2e tests can check the console's format and take the secrets back out.
import {readFileSync, statSync} from 'node:fs';

export interface CredentialsCsv {
	header: string[];
	rows: Array<Record<string, string>>;
	/** Permission bits, e.g. 0o600. */
	mode: number;
	text: string;
}

const parseCsv = (text: string): string[][] => {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	for (let at = 0; at < text.length; at++) {
		const char = text[at]!;
		if (quoted) {
			if (char === '"' && text[at + 1] === '"') {
				field += '"';
				at++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			record.push(field);
			field = '';
		} else if (char === '\r' && text[at + 1] === '\n') {
			// CRLF ends the record; the \n is skipped with it.
		} else if (char === '\n') {
			record.push(field);
			records.push(record);
			record = [];
			field = '';
		} else field += char;
	}
	if (field !== '' || record.length > 0) records.push([...record, field]);
	return records;
};

export const readCredentialsCsv = (file: string): CredentialsCsv => {
	const text = readFileSync(file, 'utf8');
	const [header = [], ...lines] = parseCsv(text);
	const rows = lines.map(cells => Object.fromEntries(header.map((name, n) => [name, cells[n] ?? ''])));
	return {header, rows, mode: statSync(file).mode & 0o777, text};
};

/** The secrets a credentials CSV holds: every password and secret access key that is not empty. */
export const secretsIn = (csv: CredentialsCsv): string[] =>
	csv.rows.flatMap(row => [row['Password'] ?? '', row['Secret access key'] ?? '']).filter(value => value !== '');
