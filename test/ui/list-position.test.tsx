// A list longer than the screen shows where the cursor is (row 12/40) beside its title; a short list
// does not; a long title is cut before the count and position, not them. Rendered for real at 80×24 with
// the Journal list and a policy picker (any ListScreen shares this). The Access view's services and
// who-can's answers (detail lists) say it on their last row.
import {afterEach, expect, it} from 'vitest';
import {buildAccessModel} from '../../source/model/access.js';
import {buildIndex} from '../../source/model/indexes.js';
import {AccessScreen} from '../../source/ui/screens/AccessScreen.js';
import {WhoCanScreen} from '../../source/ui/screens/WhoCanScreen.js';
import {accessSnapshot} from '../fixtures/access.js';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {JournalScreen} from '../../source/ui/screens/JournalScreen.js';
import {PickScreen} from '../../source/ui/screens/PickScreen.js';
import {keys, renderTui, tick, type Rendered} from '../helpers/render.js';

const model = buildAccessModel(buildIndex(accessSnapshot()));
const noop = () => {};

/** A detail list's last row says row 1/N within the screen's height, then row 2/N after ↓. */
const positionOnLastRow = async (tui: Rendered, height: number) => {
	const rows = (await tui.waitFor(/row 1\/\d+/)).split('\n');
	expect(rows.length).toBeLessThanOrEqual(height);
	expect(rows.at(-1)).toMatch(/^ {2}row 1\/\d+$/);
	tui.write(keys.down);
	await tui.waitFor(/row 2\/\d+/);
};

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

it('who-can answers longer than the screen: the last row says row 1/N, then row 2/N after one move down', async () => {
	ui = renderTui(<WhoCanScreen model={model} onOpenUser={noop} onOpenGroup={noop} onBack={noop} focused width={80} height={14} />, {columns: 80, rows: 16});
	await ui.waitFor('Who can…');
	await ui.type('ec2:TerminateInstances');
	ui.write(keys.enter);
	await positionOnLastRow(ui, 14);
});

it('the Access view: no position while its lines fit; once a service unfolds past the bottom, the last row gives it', async () => {
	ui = renderTui(<AccessScreen model={model} name="ana.silva" onBack={noop} focused width={80} height={5} />, {columns: 80, rows: 7});
	expect(await ui.waitFor('▸ lightsail')).not.toContain('row 1/');
	ui.write(keys.enter);
	await positionOnLastRow(ui, 5);
});
