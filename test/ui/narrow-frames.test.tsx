// At 60×18, every screen a `:` jump opens — and the first user, group, role and policy opened from their
// lists — keeps to the terminal: no row wider than it, and a frame one row shorter than it (Shell's rule:
// a frame that fills the terminal makes Ink clear the whole screen). A hint that wraps breaks both.
import {describe, expect, it} from 'vitest';
import {jumpTargets} from '../../source/ui/jump-targets.js';
import {fixtureRoles, fixtureSnapshot} from '../fixtures/account.js';
import {appHarness} from '../helpers/app.js';
import {keys, type Rendered} from '../helpers/render.js';

const COLUMNS = 60;
const ROWS = 18;
const {start} = appHarness();

const fits = (frame: string, where: string) => {
	const rows = frame.split('\n');
	const wide = rows.filter(row => [...row].length > COLUMNS);
	expect(wide, `${where}: rows wider than ${COLUMNS}`).toEqual([]);
	expect(rows.length, `${where}: ${rows.length} rows\n${frame}`).toBeLessThanOrEqual(ROWS - 1);
};

const jump = async (tui: Rendered, target: string) => {
	tui.write(':');
	await tui.waitFor(/^:/m);
	await tui.type(target);
	await tui.waitForFrame(f => f.split('\n').some(line => line.startsWith(`:${target}`)));
	tui.write(keys.enter);
	// Help names the screen it is on: the jump has landed.
	tui.write('?');
	await tui.waitFor(`Keys — ${target}`);
	tui.write(keys.escape);
	await tui.waitForFrame(f => !f.includes('Keys — '));
};

describe(`every screen at ${COLUMNS}×${ROWS}`, () => {
	it('the : jump targets', async () => {
		const {tui} = start({snapshot: fixtureSnapshot({roles: fixtureRoles}), columns: COLUMNS, rows: ROWS});
		await tui.waitFor('Users (12)');
		fits(tui.lastFrame(), 'users');
		for (const target of jumpTargets) {
			if (target === 'whocan') continue; // its field takes the keys: checked with its answer in whocan-command.test
			await jump(tui, target);
			fits(tui.lastFrame(), target);
		}
	});

	it.each([
		['users', 'User '],
		['groups', 'Group '],
		['roles', 'Role '],
		['policies', 'Policy '],
	])('the first of :%s, opened', async (list, title) => {
		const {tui} = start({snapshot: fixtureSnapshot({roles: fixtureRoles}), columns: COLUMNS, rows: ROWS});
		await tui.waitFor('Users (12)');
		if (list !== 'users') await jump(tui, list);
		tui.write(keys.enter);
		const frame = await tui.waitFor(title);
		fits(frame, `${list} → first`);
	});

	it('every role, opened (trusts that are malformed, open to anyone, of other accounts)', async () => {
		const {tui} = start({snapshot: fixtureSnapshot({roles: fixtureRoles}), columns: COLUMNS, rows: ROWS});
		await tui.waitFor('Users (12)');
		await jump(tui, 'roles');
		for (let n = 0; n < fixtureRoles.length; n++) {
			tui.write(keys.enter);
			const frame = await tui.waitFor('Role ');
			fits(frame, `role #${n + 1}`);
			tui.write(keys.escape);
			await tui.waitFor(/Roles \(\d+\)/);
			tui.write(keys.down);
		}
	});
});
