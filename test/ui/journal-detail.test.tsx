// :journal's detail view: enter opens the selected entry with every field whole (wrapped at 80 columns,
// not cut), esc goes back to the list with the same row selected. In the App, the footer under the entry
// lists the keys that work there, not the list's (issue 16, item 10).
import {afterEach, expect, it} from 'vitest';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {JournalScreen} from '../../source/ui/screens/JournalScreen.js';
import {appHarness} from '../helpers/app.js';
import {jump} from '../helpers/moto-app.js';
import {compact, keys, renderTui, tick, type Rendered} from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

const CALLER = 'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/operator@example.com';
const entries: JournalEntry[] = [
	{time: '2026-12-04T15:00:00.000Z', profile: 'dev', account: '123456789012', callerArn: CALLER, operation: 'iam:CreateUser', target: {user: 'ana'}, outcome: 'ok', errorCode: null, planId: 'plan-1', step: 0},
	{
		time: '2026-12-04T15:01:00.000Z', profile: 'dev', account: '123456789012', callerArn: CALLER, operation: 'iam:AddUserToGroup',
		target: {user: 'ana', group: 'LightsailFullAccessGroupForTheWholeEuropeanSalesOrganisation'}, outcome: 'failed', errorCode: 'LimitExceeded', planId: 'plan-1', step: 1,
	},
];


it('enter shows the entry whole; esc returns to the list on the same row', async () => {
	ui = renderTui(<JournalScreen read={() => entries} focused width={80} height={24} />, {columns: 80, rows: 24});
	const list = await ui.waitFor('AddUserToGroup');
	// The list cuts what does not fit: the caller ARN is not there whole.
	expect(compact(list)).not.toContain(compact(CALLER));
	ui.write(keys.enter);
	const detail = await ui.waitFor('Journal entry');
	expect(compact(detail)).toContain(compact(`Caller ${CALLER}`));
	expect(compact(detail)).toContain(compact('group LightsailFullAccessGroupForTheWholeEuropeanSalesOrganisation'));
	expect(detail).toMatch(/Operation\s+iam:AddUserToGroup/);
	expect(detail).toMatch(/Outcome\s+failed/);
	expect(detail).toMatch(/Error code\s+LimitExceeded/);
	expect(detail).toMatch(/Plan\s+plan-1/);
	expect(detail).toMatch(/Step\s+2/);
	expect(detail).toContain('esc back to the journal');
	ui.write(keys.escape);
	const back = await ui.waitForFrame(frame => frame.includes('AddUserToGroup') && !frame.includes('Journal entry'));
	expect(back).toMatch(/›\s*2026-12-04 15:01:00\s+AddUserToGroup/);
	// ↓ then enter opens the other (older) entry: the cursor moves as usual after coming back.
	await tick();
	ui.write(keys.down);
	await ui.waitFor(/›\s*2026-12-04 15:00:00\s+CreateUser/);
	ui.write(keys.enter);
	expect(await ui.waitFor('Journal entry')).toMatch(/Operation\s+iam:CreateUser/);
});

const harness = appHarness();
const footer = (frame: string) => frame.split('\n').filter(Boolean).pop() ?? '';

it.each([
	[80, 24],
	[200, 60],
])('in the App at %i×%i the entry\'s footer offers esc back, not the list\'s enter, / and t; esc brings the list\'s back', async (columns, rows) => {
	const {tui, journal} = harness.start({columns, rows});
	journal.append(entries[1]!);
	await tui.waitFor('Users (12)');
	await jump(tui, 'journal', /›\s*2026-12-04 15:01:00\s+AddUserToGroup/);
	const list = await tui.waitForFrame(frame => footer(frame).includes('/ filter'));
	expect(footer(list)).toMatch(/^enter open {2}esc back {2}\/ filter/);
	tui.write(keys.enter);
	const entry = footer(await tui.waitForFrame(frame => frame.includes('Journal entry') && !footer(frame).includes('/ filter')));
	expect(entry).toMatch(/^esc back {2}/);
	expect(entry).toContain('? help');
	expect(entry).not.toMatch(/enter open|\/ filter|t take back/);
	tui.write(keys.escape);
	const back = await tui.waitForFrame(frame => !frame.includes('Journal entry') && footer(frame).includes('/ filter'));
	expect(back).toMatch(/›\s*2026-12-04 15:01:00\s+AddUserToGroup/);
});
