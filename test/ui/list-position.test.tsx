// A list longer than the screen shows where the cursor is (row 12/40) beside its title; a short list
// does not; a long title is cut before the count and position, not them. Rendered for real at 80×24 with
// the Journal list and a policy picker (any ListScreen shares this).
import {afterEach, expect, it} from 'vitest';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {JournalScreen} from '../../source/ui/screens/JournalScreen.js';
import {PickScreen} from '../../source/ui/screens/PickScreen.js';
import {keys, renderTui, tick, type Rendered} from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

const entries = (count: number): JournalEntry[] =>
	Array.from({length: count}, (_, n) => ({
		time: `2026-12-04T15:${String(n).padStart(2, '0')}:00.000Z`, profile: 'dev', account: '123456789012', callerArn: null,
		operation: 'iam:CreateUser', target: {user: `user${n}`}, outcome: 'ok' as const, errorCode: null,
	}));

it('40 rows at 24 lines: the title says row 1/40, then row 12/40 after 11 moves down', async () => {
	ui = renderTui(<JournalScreen read={() => entries(40)} focused width={80} height={22} />, {columns: 80, rows: 24});
	expect(await ui.waitFor('(40)')).toContain('· row 1/40');
	for (let n = 0; n < 11; n++) {
		ui.write(keys.down);
		await tick();
	}
	await ui.waitFor('· row 12/40');
});

it('a list that fits shows no position', async () => {
	ui = renderTui(<JournalScreen read={() => entries(5)} focused width={80} height={22} />, {columns: 80, rows: 24});
	expect(await ui.waitFor('(5)')).not.toContain('· row');
});

it('a title too long for 80 columns gives way to the count and the position, which stay whole', async () => {
	const rows = Array.from({length: 40}, (_, n) => ({name: `Policy${String(n).padStart(2, '0')}`, detail: 'AWS managed'}));
	const title = 'Attach a managed policy to someone.with.a.rather.long.user.name · listing every AWS managed policy…';
	ui = renderTui(<PickScreen title={title} rows={rows} multiple={false} emptyText="none" onPick={() => {}} onBack={() => {}} focused width={80} height={22} />, {columns: 80, rows: 24});
	const first = (await ui.waitFor('Policy00')).split('\n')[0]!;
	expect(first).toMatch(/^Attach a managed policy to someone\.with\..*… \(40\) · row 1\/40$/);
	expect(Array.from(first).length).toBeLessThanOrEqual(80);
	for (let n = 0; n < 11; n++) {
		ui.write(keys.down);
		await tick();
	}
	expect((await ui.waitFor('row 12/40')).split('\n')[0]).toMatch(/… \(40\) · row 12\/40$/);
});
