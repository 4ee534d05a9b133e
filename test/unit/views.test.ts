import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {
	filterGroupRows,
	filterPolicyRows,
	filterUserRows,
	formatAge,
	formatDuration,
	groupRows,
	nextSortColumn,
	policyRows,
	sortRows,
	userRows,
	userSortColumns,
} from '../../source/model/views.js';
import {FIXTURE_NOW, fixtureSnapshot} from '../fixtures/account.js';

const index = buildIndex(fixtureSnapshot());
const rows = userRows(index, FIXTURE_NOW);
const row = (name: string) => rows.find(r => r.name === name)!;
const DAY = 86_400_000;

describe('views', () => {
	it('builds user rows from the index and the credential report', () => {
		expect(row('ana.silva')).toMatchObject({
			groups: ['Developers', 'LightsailFullAccessGroup'],
			policyCount: 2,
			consoleAccess: true,
			mfaActive: true,
			oldestActiveKeyAgeMs: 30 * DAY,
			inReport: true,
		});
		expect(row('ana.silva').lastActivity).toBe(new Date(FIXTURE_NOW.getTime() - DAY).toISOString());
		// bruno's inactive 400-day key does not count; his active one is 200 days old.
		expect(row('bruno.costa').oldestActiveKeyAgeMs).toBe(200 * DAY);
		// dmitri: two active keys, the oldest wins; last activity is the latest key use.
		expect(row('dmitri.ivanov').oldestActiveKeyAgeMs).toBe(95 * DAY);
		expect(row('dmitri.ivanov').lastActivity).toBe(new Date(FIXTURE_NOW.getTime() - 0.5 * DAY).toISOString());
		expect(row('heidi.klum')).toMatchObject({oldestActiveKeyAgeMs: null, lastActivity: null, inReport: true});
		expect(row('newbie')).toMatchObject({consoleAccess: null, mfaActive: null, inReport: false});
	});

	it('counts distinct policies: direct, inline and through groups', () => {
		expect(row('eve.adams').policyCount).toBe(2);
		expect(row('dmitri.ivanov').policyCount).toBe(2);
		expect(row('auditor').policyCount).toBe(1);
		expect(row('frank.departed').policyCount).toBe(0);
	});

	it('marks every report-fed value unknown when the report is unavailable', () => {
		const noReport = buildIndex(fixtureSnapshot({credentialReport: {status: 'unavailable', reason: 'denied'}}));
		for (const r of userRows(noReport, FIXTURE_NOW)) expect(r).toMatchObject({consoleAccess: null, mfaActive: null, inReport: false});
	});

	it('builds group and policy rows; AWS managed policies only when attached', () => {
		expect(groupRows(index).find(g => g.name === 'Developers')).toMatchObject({memberCount: 4, policies: ['DevelopersEc2']});
		const policies = policyRows(index);
		expect(policies.map(p => p.name).sort()).toEqual(
			['DevelopersEc2', 'LightsailFullAccessPolicy', 'ManagersDescribe', 'ReadOnlyAccess', 'UnusedCustomerPolicy'].sort(),
		);
		expect(policies.find(p => p.name === 'ReadOnlyAccess')).toMatchObject({type: 'AWS', attachmentCount: 1});
	});

	it('filters case-insensitively on name, groups and ARN', () => {
		expect(filterUserRows(rows, 'MANAGERS').map(r => r.name)).toEqual(['carla.mendes', 'dmitri.ivanov']);
		expect(filterUserRows(rows, '/service/').map(r => r.name)).toEqual(['rsdash']);
		expect(filterUserRows(rows, '  ')).toBe(rows);
		expect(filterUserRows(rows, 'nobody-has-this')).toEqual([]);
		expect(filterGroupRows(groupRows(index), 'lightsailfull').map(g => g.name)).toEqual(['LightsailFullAccessGroup']);
		expect(filterPolicyRows(policyRows(index), 'IAM::AWS:').map(p => p.name)).toEqual(['ReadOnlyAccess']);
	});

	it('sorts by a column, stable, empty values last in both directions', () => {
		const byKeyAge = sortRows(rows, userSortColumns, {column: 'keyAge', descending: false}).map(r => r.name);
		expect(byKeyAge.slice(0, 3)).toEqual(['auditor', 'ana.silva', 'rsdash']);
		const desc = sortRows(rows, userSortColumns, {column: 'keyAge', descending: true}).map(r => r.name);
		expect(desc[0]).toBe('frank.departed');
		expect(desc.at(-1)).toBe(byKeyAge.at(-1));
		const byName = sortRows(rows, userSortColumns, {column: 'name', descending: false}).map(r => r.name);
		expect(byName[0]).toBe('ana.silva');
		expect(nextSortColumn(userSortColumns, {column: 'name', descending: true})).toEqual({column: 'groups', descending: false});
		expect(nextSortColumn(userSortColumns, {column: 'lastActivity', descending: false}).column).toBe('name');
	});

	it('formats ages compactly', () => {
		expect(formatDuration(10_000)).toBe('now');
		expect(formatDuration(-5_000)).toBe('now');
		expect(formatDuration(5 * 60_000)).toBe('5m');
		expect(formatDuration(3 * 3_600_000)).toBe('3h');
		expect(formatDuration(3 * DAY)).toBe('3d');
		expect(formatDuration(364 * DAY)).toBe('364d');
		expect(formatDuration(800 * DAY)).toBe('2y');
		expect(formatAge(new Date(FIXTURE_NOW.getTime() - 3 * DAY).toISOString(), FIXTURE_NOW)).toBe('3d');
		expect(formatAge(null, FIXTURE_NOW)).toBe('');
		expect(formatAge('not a date', FIXTURE_NOW)).toBe('');
	});
});
