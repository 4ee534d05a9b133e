// Offboarding records on disk: 0600 files in a 0700 folder, atomic updates, refusal of corrupt files
// and of another account's record, and the list of unfinished offboardings.
import {mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {OffboardRecord} from '../../source/model/offboard/record.js';
import {recordsCommand} from '../../source/commands/records.js';
import {EVERYWHERE_RECORD_KIND, EVERYWHERE_RECORD_VERSION, type EverywhereRecord} from '../../source/model/org/offboard-everywhere-record.js';
import {RecordStore} from '../../source/store/records.js';
import {offboardRecord, recordUser} from '../fixtures/offboard-record.js';

const record = (user: string, extra: Partial<OffboardRecord> = {}): OffboardRecord =>
	offboardRecord({
		...recordUser(user, '/'),
		groups: ['Developers'],
		attachedPolicies: [],
		inlinePolicies: [],
		tags: [],
		loginProfile: null,
		accessKeys: [],
		finishedAt: null,
		...extra,
	});

const store = () => new RecordStore(mkdtempSync(path.join(os.tmpdir(), 'iamtui-records-')));

describe('RecordStore', () => {
	it('saves a record 0600 in a 0700 folder and updates it in place', () => {
		const records = store();
		const file = records.save(record('ana'));
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(statSync(records.folder).mode & 0o777).toBe(0o700);
		const again = records.save(record('ana', {completed: ['deleteLoginProfile user=ana']}));
		expect(again).toBe(file);
		expect(readdirSync(records.folder)).toHaveLength(1);
		expect(records.load(file).completed).toEqual(['deleteLoginProfile user=ana']);
	});

	it('lists unfinished offboardings of one account, newest first', () => {
		const records = store();
		records.save(record('ana'));
		records.save(record('bruno', {capturedAt: '2026-11-23T11:00:00.000Z'}));
		records.save(record('carla', {finishedAt: '2026-11-23T12:00:00.000Z'}));
		records.save(record('dora', {account: '210987654321'}));
		expect(records.unfinished('123456789012').map(r => r.record.user.name)).toEqual(['bruno', 'ana']);
	});

	it('refuses a corrupt file and a record of another account, saying why', () => {
		const records = store();
		const file = records.save(record('ana'));
		expect(() => records.load(file, '999999999999')).toThrow(/record of account 123456789012.*this profile is account 999999999999/);
		writeFileSync(file, '{"version": 1, "kind": "iamtui-offboard-record"');
		expect(() => records.load(file)).toThrow(/not JSON: the record is corrupt/);
		writeFileSync(file, JSON.stringify({...record('ana'), account: 'x'}));
		expect(() => records.load(file)).toThrow(/not an iamtui offboarding record.*account/);
		expect(() => records.load(path.join(records.folder, 'missing.json'))).toThrow(/cannot read/);
		expect(records.list()).toEqual([]);
	});

	it('refuses to save a record carrying fields outside the schema (nothing free-form rides along)', () => {
		const records = store();
		expect(() => records.save({...record('ana'), secret: 'x'} as OffboardRecord)).toThrow();
		expect(records.list()).toEqual([]);
	});

	it('writes nothing but JSON of the record', () => {
		const records = store();
		const file = records.save(record('ana'));
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(record('ana'));
	});

	it('records close ends an unfinished record on purpose: kept, listed as closed, no longer resumed; nothing else is closed', () => {
		const records = store();
		const file = records.save(record('ana'));
		const finished = records.save(record('bob', {finishedAt: '2026-11-23T10:05:00.000Z'}));
		const closed = recordsCommand(records, false, ['close', file], new Date('2026-11-24T09:00:00.000Z'));
		expect(closed.stdout).toContain(`Closed the unfinished offboarding of ana (${file})`);
		expect(records.unfinished('123456789012')).toEqual([]);
		expect(records.load(file)).toMatchObject({closedAt: '2026-11-24T09:00:00.000Z', finishedAt: '2026-11-24T09:00:00.000Z', groups: ['Developers']});
		expect(recordsCommand(records, false).stdout).toMatch(/closed +123456789012 +ana/);
		expect(() => recordsCommand(records, false, ['close', file])).toThrow(/not unfinished: it was closed/);
		expect(() => recordsCommand(records, false, ['close', finished])).toThrow(/not unfinished: it was finished/);
		const elsewhere = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-elsewhere-')), 'copy.json');
		writeFileSync(elsewhere, JSON.stringify(record('carl')));
		expect(() => recordsCommand(records, false, ['close', elsewhere])).toThrow(/not in the records folder/);
		expect(() => recordsCommand(records, false, ['close'])).toThrow(/records close needs one record file/);
		// A renamed record: saving would write elsewhere and leave it unfinished, so it is refused untouched.
		const renamed = path.join(records.folder, 'renamed.json');
		writeFileSync(renamed, JSON.stringify(record('dan')));
		expect(() => recordsCommand(records, false, ['close', renamed])).toThrow(/not under the name iamtui gave it \(123456789012-dan-2026-11-23T10-00-00-000Z\.json\)/);
		expect(records.load(finished).closedAt).toBeUndefined();
	});

	it('records lists a person offboarded everywhere beside the single-account records, with the steps left', () => {
		const records = store();
		records.save(record('ana', {finishedAt: '2026-11-23T10:05:00.000Z'}));
		const everywhere: EverywhereRecord = {
			version: EVERYWHERE_RECORD_VERSION,
			kind: EVERYWHERE_RECORD_KIND,
			managementAccount: '111111111111',
			capturedAt: '2026-11-24T09:00:00.000Z',
			capturedBy: 'arn:aws:iam::111111111111:user/admin',
			auditRole: 'OrganizationAccountAccessRole',
			person: {userId: 'u-1', userName: 'alice', emails: ['alice@example.com'], identityStoreId: 'd-1', instanceArn: 'arn:aws:sso:::instance/ssoins-1'},
			identityCenter: [{key: 'membership:m-1', kind: 'membership', membershipId: 'm-1', groupName: 'Admins', removes: ['222222222222/AdminAccess'], status: 'done'}],
			accounts: [{accountId: '222222222222', accountName: 'prod', user: 'alice', matchedBy: ['user name equals the IC user name'], status: 'failed', message: 'throttled'}],
			finishedAt: null,
		};
		const file = records.saveEverywhere(everywhere);
		const text = recordsCommand(records, false).stdout;
		expect(text).toMatch(/UNFINISHED +111111111111 \(org\) +everywhere: alice/);
		expect(text).toMatch(/finished +123456789012 +ana/);
		const listed = JSON.parse(recordsCommand(records, true).stdout) as Array<Record<string, unknown>>;
		expect(listed).toContainEqual({kind: 'everywhere', path: file, account: '111111111111', person: 'alice', state: 'unfinished', capturedAt: everywhere.capturedAt, finishedAt: null, completedSteps: 1, stepsLeft: 1});
		expect(listed).toContainEqual(expect.objectContaining({kind: 'offboard', user: 'ana', state: 'finished'}));
	});
});
