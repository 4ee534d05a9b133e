// sortRows (views.ts), which every list uses: names that differ only in case or accents are equal for
// the collator, so they keep their original order (a stable sort), in either direction.
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {sortRows, userRows, userSortColumns} from '../../source/model/views.js';
import {FIXTURE_NOW, fixtureSnapshot, users} from '../fixtures/account.js';

describe('sortRows', () => {
	const snapshot = fixtureSnapshot({users: [{...users[0]!, name: 'Ana.Silva'}, ...users, {...users[1]!, name: 'brúno.costa'}]});
	const rows = userRows(buildIndex(snapshot), FIXTURE_NOW);
	const names = (list: typeof rows) => list.map(r => r.name);

	it('ignores case and accents and keeps ties in their original order', () => {
		const sorted = names(sortRows(rows, userSortColumns, {column: 'name', descending: false}));
		expect(sorted.indexOf('Ana.Silva')).toBe(sorted.indexOf('ana.silva') - 1);
		expect(sorted.indexOf('bruno.costa')).toBe(sorted.indexOf('brúno.costa') - 1);
		expect(sorted.indexOf('ana.silva')).toBeLessThan(sorted.indexOf('bruno.costa'));
	});

	it('descending reverses the order but not the ties', () => {
		const sorted = names(sortRows(rows, userSortColumns, {column: 'name', descending: true}));
		expect(sorted.indexOf('Ana.Silva')).toBe(sorted.indexOf('ana.silva') - 1);
		expect(sorted.indexOf('bruno.costa')).toBeLessThan(sorted.indexOf('ana.silva'));
	});
});
