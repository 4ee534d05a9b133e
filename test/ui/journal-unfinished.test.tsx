// :journal and an interrupted plan (issue 14, item 3): a request whose outcome was never recorded reads
// UNFINISHED until `journal resolve` closes its plan, then "unknown"; each settled write is one row.
import {afterEach, expect, it} from 'vitest';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {settledView} from '../../source/model/plans/journal-plans.js';
import {JournalScreen} from '../../source/ui/screens/JournalScreen.js';
import {renderTui, type Rendered} from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

const line = (minute: number, step: number, operation: string, outcome: JournalEntry['outcome'], target: JournalEntry['target']): JournalEntry => ({
	time: `2026-12-04T15:0${minute}:00.000Z`,
	profile: 'dev',
	account: '123456789012',
	callerArn: null,
	operation,
	target,
	outcome,
	errorCode: null,
	planId: 'p1',
	step,
});

const interrupted = [
	line(0, 0, 'iam:CreateUser', 'intent', {user: 'ana'}),
	line(1, 0, 'iam:CreateUser', 'ok', {user: 'ana'}),
	line(2, 1, 'iam:AddUserToGroup', 'intent', {user: 'ana', group: 'G'}),
];

const show = (lines: JournalEntry[]) => {
	ui = renderTui(<JournalScreen read={() => settledView(lines)} focused width={160} height={20} />, {columns: 160, rows: 20});
	return ui;
};

it('a lone intent is UNFINISHED; a settled write is one row', async () => {
	const frame = await show(interrupted).waitFor('AddUserToGroup');
	expect(frame).toMatch(/AddUserToGroup\s+user=ana group=G\s+UNFINISHED/);
	expect(frame.match(/CreateUser/g)).toHaveLength(1);
	expect(frame).toMatch(/CreateUser\s+user=ana\s+ok/);
});

it('once its plan is resolved, the lone intent reads unknown and the resolution names the plan', async () => {
	const resolved = [...interrupted, {...line(3, 0, 'iamtui:Resolved', 'ok', {}), planId: undefined, step: undefined, resolves: 'p1'}];
	const frame = await show(resolved).waitFor('Resolved');
	expect(frame).toMatch(/AddUserToGroup\s+user=ana group=G\s+unknown/);
	expect(frame).toMatch(/Resolved\s+plan p1\s+ok/);
	expect(frame).not.toContain('UNFINISHED');
});
