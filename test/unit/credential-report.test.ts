import {describe, expect, it} from 'vitest';
import {parseCredentialReport, parseCsv} from '../../source/model/credential-report.js';

// The real AWS column set, in AWS's order.
const HEADER =
	'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
	'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
	'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
	'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

const ROOT =
	'<root_account>,arn:aws:iam::111122223333:root,2014-01-01T00:00:00+00:00,not_supported,2024-05-01T10:00:00+00:00,not_supported,not_supported,true,' +
	'false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const ANA =
	'ana.silva,arn:aws:iam::111122223333:user/ana.silva,2023-02-01T09:30:00+00:00,true,2024-05-02T08:00:00+00:00,2023-02-01T09:31:00+00:00,N/A,true,' +
	'true,2023-02-01T09:32:00+00:00,2024-05-03T07:00:00+00:00,us-east-1,s3,' +
	'false,2022-01-01T00:00:00+00:00,no_information,N/A,N/A,false,N/A,false,N/A';
const BOT =
	'deploy-bot,arn:aws:iam::111122223333:user/service/deploy-bot,2023-03-01T00:00:00+00:00,false,not_supported,N/A,N/A,false,' +
	'false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';

describe('parseCredentialReport', () => {
	it('parses the AWS column set, maps N/A, no_information and not_supported to null, skips the root row', () => {
		const rows = parseCredentialReport([HEADER, ROOT, ANA, BOT].join('\n') + '\n');
		expect(rows.map(r => r.user)).toEqual(['ana.silva', 'deploy-bot']);
		expect(rows[0]).toEqual({
			user: 'ana.silva',
			arn: 'arn:aws:iam::111122223333:user/ana.silva',
			userCreationTime: '2023-02-01T09:30:00.000Z',
			passwordEnabled: true,
			passwordLastUsed: '2024-05-02T08:00:00.000Z',
			passwordLastChanged: '2023-02-01T09:31:00.000Z',
			mfaActive: true,
			accessKeys: [
				{active: true, lastRotated: '2023-02-01T09:32:00.000Z', lastUsedDate: '2024-05-03T07:00:00.000Z', lastUsedService: 's3'},
				{active: false, lastRotated: '2022-01-01T00:00:00.000Z', lastUsedDate: null, lastUsedService: null},
			],
		});
		expect(rows[1]).toMatchObject({passwordEnabled: false, passwordLastUsed: null, passwordLastChanged: null, mfaActive: false, accessKeys: []});
	});

	it('finds columns by header name, not position (reordered and extra columns, CRLF)', () => {
		const header = 'arn,mfa_active,user,some_future_column,password_enabled,access_key_1_active,access_key_1_last_rotated';
		const row = 'arn:aws:iam::1:user/bo,true,bo,whatever,false,true,2024-01-01T00:00:00+00:00';
		const [bo] = parseCredentialReport(`${header}\r\n${row}\r\n`);
		expect(bo).toMatchObject({user: 'bo', arn: 'arn:aws:iam::1:user/bo', mfaActive: true, passwordEnabled: false});
		expect(bo!.accessKeys).toEqual([{active: true, lastRotated: '2024-01-01T00:00:00.000Z', lastUsedDate: null, lastUsedService: null}]);
		// A column the file does not have is null, never another column's value.
		expect(bo!.userCreationTime).toBeNull();
	});

	it('keeps a user name with commas whole (IAM allows them, the report does not quote)', () => {
		const row = ANA.replace('ana.silva,arn:aws:iam::111122223333:user/ana.silva', 'a,b,arn:aws:iam::111122223333:user/a,b');
		const [user] = parseCredentialReport(`${HEADER}\n${row}`);
		expect(user).toMatchObject({user: 'a,b', arn: 'arn:aws:iam::111122223333:user/a,b', passwordEnabled: true, mfaActive: true});
	});

	it('reads quoted fields', () => {
		const row = ANA.replace('ana.silva,', '"x,""y""",');
		expect(parseCredentialReport(`${HEADER}\n${row}`)[0]!.user).toBe('x,"y"');
	});

	it('returns no rows for an empty report and refuses a file without a user column', () => {
		expect(parseCredentialReport('')).toEqual([]);
		expect(parseCredentialReport(`${HEADER}\n`)).toEqual([]);
		expect(() => parseCredentialReport('a,b\n1,2\n')).toThrow(/user/);
	});
});

describe('parseCsv', () => {
	it('splits records and fields, with quotes, escaped quotes and newlines inside quotes', () => {
		expect(parseCsv('a,b\n"c,d","e""f"\n"g\nh",\n')).toEqual([
			['a', 'b'],
			['c,d', 'e"f'],
			['g\nh', ''],
		]);
	});

	it('reads a report without quotes (the quick road) as the quoting reader does: CR dropped, blank lines and a missing last newline alike', () => {
		const plain = `${HEADER}\r\n${ANA}\r\n\r\n${BOT}`;
		// One quoted field sends the same text down the quoting reader.
		const quoted = plain.replace('deploy-bot,', '"deploy-bot",');
		expect(parseCsv(plain)).toEqual(parseCsv(quoted));
		expect(parseCsv(plain)).toHaveLength(3);
		expect(parseCsv('a,,b\n\n,\n')).toEqual([['a', '', 'b'], ['', '']]);
	});

	it('gives the report\'s dates in ISO form, an impossible one as written', () => {
		const [ana] = parseCredentialReport(`${HEADER}\n${ANA}`);
		expect(ana!.userCreationTime).toBe('2023-02-01T09:30:00.000Z');
		expect(ana!.accessKeys[0]!.lastUsedDate).toBe('2024-05-03T07:00:00.000Z');
		const odd = ANA.replace('2023-02-01T09:30:00+00:00', '2023-02-01T29:30:00+00:00').replace('2024-05-02T08:00:00+00:00', '2024-05-02T10:00:00+02:00');
		const [row] = parseCredentialReport(`${HEADER}\n${odd}`);
		expect(row!.userCreationTime).toBe('2023-02-01T29:30:00+00:00');
		expect(row!.passwordLastUsed).toBe('2024-05-02T08:00:00.000Z');
	});
});
