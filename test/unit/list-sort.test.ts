// ListScreen sorts with list-sort.ts (one collator, made once) instead of views.ts sortRows: the order
// must be the same, for every sort column and direction, ties and empty values included.
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {sortRows, userRows, userSortColumns} from '../../source/model/views.js';
import {sortListRows} from '../../source/ui/components/list-sort.js';
import {FIXTURE_NOW, fixtureSnapshot, users} from '../fixtures/account.js';

describe('sortListRows', () => {
	// The fixture's users, plus names that differ only in case and accents (equal for the collator).
	const snapshot = fixtureSnapshot({
		users: [...users, {...users[0]!, name: 'Ana.Silva'}, {...users[1]!, name: 'brúno.costa'}, {...users[2]!, name: 'zed'}],
	});
	const rows = userRows(buildIndex(snapshot), FIXTURE_NOW);

	it.each(userSortColumns.flatMap(c => [{column: c.id, descending: false}, {column: c.id, descending: true}]))('sorts like views.ts sortRows: %o', sort => {
		const names = (list: typeof rows) => list.map(r => r.name);
		expect(names(sortListRows(rows, userSortColumns, sort))).toEqual(names(sortRows(rows, userSortColumns, sort)));
	});
});
