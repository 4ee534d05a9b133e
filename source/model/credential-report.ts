// The IAM credential report (GetCredentialReport) is a CSV file. This parses it into rows by header
// name, never by position, because AWS has added columns over the years and may again.
import type {CredentialReportKey, CredentialReportRow} from './snapshot.js';

/** Values AWS writes where there is nothing to say. */
const EMPTY_VALUES = new Set(['', 'N/A', 'no_information', 'not_supported']);

const ROOT_ROW = '<root_account>';

/** Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes, newlines). */
export const parseCsv = (text: string): string[][] => (text.includes('"') ? parseQuoted(text) : parsePlain(text));

/** Text without a quote (the report as AWS writes it): lines and commas, the same records as parseQuoted gives. */
const parsePlain = (text: string): string[][] => {
	const records: string[][] = [];
	for (const line of text.replaceAll('\r', '').split('\n')) if (line !== '') records.push(line.split(','));
	return records;
};

const parseQuoted = (text: string): string[][] => {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	let i = 0;
	const endField = () => {
		record.push(field);
		field = '';
	};
	const endRecord = () => {
		endField();
		if (record.length > 1 || record[0] !== '') records.push(record);
		record = [];
	};
	while (i < text.length) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
				continue;
			}
			if (char === '"') quoted = false;
			else field += char;
			i++;
			continue;
		}
		if (char === '"' && field === '') quoted = true;
		else if (char === ',') endField();
		else if (char === '\n') endRecord();
		else if (char !== '\r') field += char;
		i++;
	}
	if (field !== '' || record.length > 0) endRecord();
	return records;
};

const value = (raw: string | undefined): string | null => {
	const trimmed = raw?.trim() ?? '';
	return EMPTY_VALUES.has(trimmed) ? null : trimmed;
};

const flag = (raw: string | undefined): boolean => value(raw)?.toLowerCase() === 'true';

/** The report's usual date, in UTC to the second: its ISO form is known without parsing (thousands per report). */
const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

/** Dates as ISO 8601 (the report writes 2014-09-01T22:28:48+00:00); unparseable ones stay as written. */
const date = (raw: string | undefined): string | null => {
	const text = value(raw);
	if (text === null) return null;
	if (UTC_SECONDS.test(text) && !Number.isNaN(Date.parse(text))) return `${text.slice(0, 19)}.000Z`;
	const time = Date.parse(text);
	return Number.isNaN(time) ? text : new Date(time).toISOString();
};

/**
 * The report does not quote fields, and IAM names may contain commas: when a record has more fields
 * than the header, the extra ones belong to `user` and `arn` (the first two columns). The ARN is the
 * first of them that starts with "arn:".
 */
const realign = (fields: string[], headerLength: number): string[] => {
	const extra = fields.length - headerLength;
	if (extra <= 0) return fields;
	const head = fields.slice(0, extra + 2);
	const arnAt = head.findIndex((f, index) => index > 0 && f.startsWith('arn:'));
	if (arnAt < 1) return fields;
	return [head.slice(0, arnAt).join(','), head.slice(arnAt).join(','), ...fields.slice(extra + 2)];
};

/**
 * The rows with strings of their own. V8 keeps a substring of 13+ characters as a slice of the whole
 * text: the ARNs and dates kept 15,000 slices and through them the whole report (1.3 MB at 5,000 users)
 * for as long as the snapshot lives. One JSON round trip copies them out (~10 ms at 5,000 rows).
 */
const detached = (rows: CredentialReportRow[]): CredentialReportRow[] => JSON.parse(JSON.stringify(rows)) as CredentialReportRow[];

/** Parses the credential report CSV. Skips the root account's row. */
export const parseCredentialReport = (csv: string): CredentialReportRow[] => detached(parseRows(csv));

const parseRows = (csv: string): CredentialReportRow[] => {
	const [header, ...records] = parseCsv(csv.replace(/^\uFEFF/, ''));
	if (!header) return [];
	const column = new Map(header.map((name, index) => [name.trim(), index]));
	if (!column.has('user')) throw new Error('credential report has no "user" column');

	return records.map(raw => {
		const fields = realign(raw, header.length);
		const get = (name: string): string | undefined => {
			const index = column.get(name);
			return index === undefined ? undefined : fields[index];
		};
		const keys: CredentialReportKey[] = [];
		for (let n = 1; column.has(`access_key_${n}_active`); n++) {
			keys.push({
				active: flag(get(`access_key_${n}_active`)),
				lastRotated: date(get(`access_key_${n}_last_rotated`)),
				lastUsedDate: date(get(`access_key_${n}_last_used_date`)),
				lastUsedService: value(get(`access_key_${n}_last_used_service`)),
			});
		}
		return {
			user: get('user') ?? '',
			arn: get('arn') ?? '',
			userCreationTime: date(get('user_creation_time')),
			passwordEnabled: flag(get('password_enabled')),
			passwordLastUsed: date(get('password_last_used')),
			passwordLastChanged: date(get('password_last_changed')),
			mfaActive: flag(get('mfa_active')),
			// A key slot that never held a key (inactive, never rotated) is not a key.
			accessKeys: keys.filter(key => key.active || key.lastRotated !== null),
		};
	}).filter(row => row.user !== ROOT_ROW && row.user !== '');
};
