// :journal: the records written by running plans appear, newest first, and filter like any list.
import {describe, expect, it} from 'vitest';
import {IamError} from '../../source/model/errors.js';
import type {FixtureGatewayOptions} from '../fixtures/gateway.js';
import {appHarness} from '../helpers/app.js';
import {keys, type Rendered} from '../helpers/render.js';

const harness = appHarness();

const start = (options: FixtureGatewayOptions = {}) => {
	// A clock that moves a minute per reading, so each record has its own time.
	let minute = 0;
	return harness.start({...options, columns: 200, rows: 40, now: () => new Date(Date.UTC(2024, 5, 1, 12, minute++))});
};

const jump = async (tui: Rendered, target: string, expected: string) => {
	tui.write(':');
	await tui.waitFor(':users :groups');
	tui.write(target);
	await tui.waitFor(`:${target}`);
	tui.write(keys.enter);
	return tui.waitFor(expected);
};

const rows = (frame: string) =>
	frame
		.split('\n')
		.filter(line => /^\s*›?\s*2024-06-01 /.test(line))
		.map(line => line.replace(/^\s*›?\s*/, '').split(/\s+/));

/** Users list → ana.silva → x on her LightsailFullAccessGroup line → y (the plan runs). */
const removeAnaFromLightsail = async (tui: Rendered) => {
	await tui.waitFor('Users (12)');
	tui.write(keys.enter);
	await tui.waitFor('User ana.silva');
	tui.write(keys.tab);
	await tui.waitFor('› Developers');
	tui.write(keys.down);
	await tui.waitFor('› LightsailFullAccessGroup');
	tui.write('x');
	await tui.waitFor('Remove ana.silva from group LightsailFullAccessGroup');
	tui.write('y');
};

describe(':journal', () => {
	it('shows the records a plan wrote, newest first, and filters them', async () => {
		const {tui} = start();
		const empty = await jump(tui, 'journal', 'Journal');
		expect(empty).toContain('No write has been attempted with iamtui yet.');

		await jump(tui, 'users', 'Users (12)');
		await removeAnaFromLightsail(tui);
		await tui.waitFor(/done\s+Remove ana\.silva/);
		// A second plan: the group and its policy.
		await jump(tui, 'groups', 'Groups (5)');
		tui.write('n');
		await tui.waitFor('Create a group');
		tui.write('Auditors');
		await tui.waitFor('Auditors');
		tui.write(keys.enter);
		await tui.waitFor('Path');
		tui.write(keys.enter);
		await tui.waitFor('Policies to attach to Auditors');
		tui.write(' ');
		await tui.waitFor('with 1 marked');
		tui.write(keys.enter);
		await tui.waitFor('Create group Auditors');
		tui.write('y');
		await tui.waitFor(/done\s+Attach/);

		const journal = await jump(tui, 'journal', 'Journal');
		const shown = rows(journal);
		expect(shown.map(r => r[2])).toEqual(['AttachGroupPolicy', 'CreateGroup', 'RemoveUserFromGroup']);
		expect(journal).toMatch(/RemoveUserFromGroup\s+user=ana\.silva group=LightsailFullAccessGroup\s+ok/);
		expect(journal).toMatch(/CreateGroup\s+group=Auditors\s+ok/);
		expect(journal).toContain('dev arn:aws:iam::123456789012:user/operator');

		tui.write('/');
		await tui.waitFor('type to filter');
		tui.write('ana.silva');
		const filtered = await tui.waitFor('1 of 3');
		expect(rows(filtered).map(r => r[2])).toEqual(['RemoveUserFromGroup']);
	});

	it('a failed write is journaled with its error code', async () => {
		const {tui} = start({writeError: new IamError('AccessDenied', 'not authorized to perform iam:RemoveUserFromGroup', '', 'AccessDenied')});
		await removeAnaFromLightsail(tui);
		await tui.waitFor(/FAILED\s+Remove ana\.silva/);
		const journal = await jump(tui, 'journal', 'Journal');
		expect(journal).toMatch(/RemoveUserFromGroup\s+user=ana\.silva group=LightsailFullAccessGroup\s+failed\s+AccessDenied/);
	});
});
