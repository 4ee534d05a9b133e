// Credential hygiene from credential report rows: each finding at its threshold (and just under it),
// configurable thresholds, filtering by finding, sorting.
import {describe, expect, it} from 'vitest';
import {DEFAULT_THRESHOLDS, filterHygieneRows, hygieneRow, hygieneRows, hygieneSortColumns} from '../../source/model/hygiene.js';
import type {CredentialReportKey, CredentialReportRow} from '../../source/model/snapshot.js';
import {sortRows} from '../../source/model/views.js';

const NOW = new Date('2024-06-01T00:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const key = (active: boolean, ageDays: number, usedDaysAgo: number | null): CredentialReportKey => ({
	active,
	lastRotated: ago(ageDays),
	lastUsedDate: usedDaysAgo === null ? null : ago(usedDaysAgo),
	lastUsedService: usedDaysAgo === null ? null : 's3',
});

const row = (user: string, extra: Partial<CredentialReportRow> = {}): CredentialReportRow => ({
	user,
	arn: `arn:aws:iam::123456789012:user/${user}`,
	userCreationTime: ago(400),
	passwordEnabled: false,
	passwordLastUsed: null,
	passwordLastChanged: null,
	mfaActive: false,
	accessKeys: [],
	...extra,
});

describe('hygieneRow', () => {
	it('flags an active key older than 90 days, not one of 89 days, and not an old inactive key', () => {
		expect(hygieneRow(row('a', {accessKeys: [key(true, 91, 1)]}), NOW).flags).toEqual(['old-key']);
		expect(hygieneRow(row('b', {accessKeys: [key(true, 89, 1)]}), NOW).flags).toEqual([]);
		const inactive = hygieneRow(row('c', {accessKeys: [key(false, 400, 1)]}), NOW);
		expect(inactive.flags).toEqual([]);
		expect(inactive.keys[0]).toMatchObject({active: false, old: false, unused: false});
		// A slot that never held a key is not a key.
		const empty = {active: false, lastRotated: null, lastUsedDate: null, lastUsedService: null};
		expect(hygieneRow(row('d', {accessKeys: [key(true, 5, 1), empty]}), NOW).keys).toHaveLength(1);
	});

	it('flags a key unused for 90 days, and a never-used key only once it is 90 days old', () => {
		const stale = hygieneRow(row('a', {accessKeys: [key(true, 30, 95)]}), NOW);
		expect(stale.flags).toEqual(['unused-key']);
		expect(stale.keys[0]!.unused).toBe(true);
		expect(hygieneRow(row('b', {accessKeys: [key(true, 10, null)]}), NOW).flags).toEqual([]);
		expect(hygieneRow(row('c', {accessKeys: [key(true, 91, null)]}), NOW).flags).toEqual(['old-key', 'unused-key', 'no-activity']);
	});

	it('flags a console password unused for 90 days and a console user without MFA', () => {
		const result = hygieneRow(row('a', {passwordEnabled: true, passwordLastUsed: ago(120), mfaActive: false}), NOW);
		expect(result.flags).toEqual(['unused-password', 'console-without-mfa']);
		expect(result).toMatchObject({passwordUnused: true, mfaMissing: true});
		const fine = hygieneRow(row('b', {passwordEnabled: true, passwordLastUsed: ago(3), mfaActive: true}), NOW);
		expect(fine.flags).toEqual([]);
		// No console password: MFA is not a finding, and an old password date means nothing.
		expect(hygieneRow(row('c', {passwordLastUsed: ago(500)}), NOW).flags).toEqual([]);
	});

	it('a password set recently and never used is not (yet) unused', () => {
		const fresh = hygieneRow(row('a', {passwordEnabled: true, mfaActive: true, passwordLastChanged: ago(5)}), NOW);
		expect(fresh.flags).toEqual([]);
	});

	it('flags a user created long ago who never did anything; a new one is not flagged', () => {
		expect(hygieneRow(row('dormant'), NOW).flags).toEqual(['no-activity']);
		expect(hygieneRow(row('new', {userCreationTime: ago(2)}), NOW).flags).toEqual([]);
		const active = hygieneRow(row('active', {accessKeys: [key(true, 10, 1)]}), NOW);
		expect(active.flags).toEqual([]);
		expect(active.lastActivity).toBe(ago(1));
	});

	it('uses the thresholds given', () => {
		const r = row('a', {accessKeys: [key(true, 40, 35)]});
		expect(hygieneRow(r, NOW).flags).toEqual([]);
		expect(hygieneRow(r, NOW, {keyAgeDays: 30, unusedDays: 30}).flags).toEqual(['old-key', 'unused-key']);
		expect(hygieneRow(r, NOW, {...DEFAULT_THRESHOLDS, keyAgeDays: 30}).flags).toEqual(['old-key']);
	});
});

describe('filter and sort', () => {
	const rows = hygieneRows(
		[
			row('zed', {accessKeys: [key(true, 200, 1)]}),
			row('amy', {passwordEnabled: true, passwordLastUsed: ago(1), mfaActive: false, accessKeys: [key(true, 10, 1)]}),
			row('bob', {passwordEnabled: true, passwordLastUsed: ago(2), mfaActive: true, accessKeys: [key(true, 300, 200)]}),
		],
		NOW,
	);

	it('filters by name and by the words of a finding', () => {
		expect(filterHygieneRows(rows, 'no mfa').map(r => r.user)).toEqual(['amy']);
		expect(filterHygieneRows(rows, 'OLD KEY').map(r => r.user)).toEqual(['zed', 'bob']);
		expect(filterHygieneRows(rows, 'zed').map(r => r.user)).toEqual(['zed']);
		expect(filterHygieneRows(rows, '  ')).toBe(rows);
	});

	it('sorts by findings and by the oldest active key', () => {
		const by = (column: string, descending = false) => sortRows(rows, hygieneSortColumns, {column, descending}).map(r => r.user);
		expect(by('user')).toEqual(['amy', 'bob', 'zed']);
		expect(by('flags', true)).toEqual(['bob', 'zed', 'amy']);
		expect(by('keyAge', true)).toEqual(['bob', 'zed', 'amy']);
	});
});
