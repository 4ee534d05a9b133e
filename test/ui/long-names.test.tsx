// IAM allows 128-character group names, and two of them may differ only at the end. At 80 columns the
// pickers must still tell them apart (the end of the name is kept), and a plan must show the whole
// name of what it changes — title, step, `aws` line and "What changes" — wrapped, never cut.
import {describe, expect, it} from 'vitest';
import type {Group} from '../../source/model/snapshot.js';
import {ACCOUNT, fixtureSnapshot, groups, users} from '../fixtures/account.js';
import {fitMiddle, wrapText} from '../../source/ui/components/text.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {compact, keys, type Rendered} from '../helpers/render.js';
import {toNamedUser} from '../helpers/create-user-steps.js';

const harness = appHarness();
const stem = `Platform-Engineering-Shared-Services-${'a'.repeat(86)}`;
const EAST = `${stem}-east`;
const WEST = `${stem}-west`;
const longGroup = (name: string): Group => ({...groups[4]!, name, id: `AGPA${name.slice(-4).toUpperCase()}`, arn: `arn:aws:iam::${ACCOUNT}:group/${name}`});

const start = () =>
	harness.start({columns: 80, rows: 45, snapshot: fixtureSnapshot({groups: [...groups, longGroup(EAST), longGroup(WEST)]})});

/** The rows of a frame that show a long name (both start the same way). */
const rowsWithStem = (frame: string) => frame.split('\n').filter(line => line.includes('Platform-Eng'));

/** Text with every space and line break dropped: a wrapped name (or command) reads whole again. */

const occurrences = (text: string, name: string) => text.split(name).length - 1;

const openPicker = async (tui: Rendered) => {
	await tui.waitFor('Users (12)');
	tui.write(keys.enter);
	await tui.waitFor('User ana.silva');
	tui.write('a');
	return tui.waitFor('Add ana.silva to a group');
};

describe('fitting and wrapping', () => {
	it('fitMiddle keeps the start and the end; short text is padded as fit does', () => {
		expect(fitMiddle('abcdefghij', 7)).toBe('abc…hij');
		expect(fitMiddle('abc', 5)).toBe('abc  ');
		expect(fitMiddle(EAST, 20)).toBe('Platform-E…aaaa-east');
		expect(fitMiddle('a😀cdefg😀', 5)).toBe('a😀…g😀');
	});

	it('wrapText cuts nothing: at a space when it can, mid-word when it must, continuation indented', () => {
		expect(wrapText('aws iam x --group-name Longname', 14, '  ')).toEqual(['aws iam x', '  --group-name', '  Longname']);
		const rows = wrapText(WEST, 50, '    ');
		expect(rows.every(row => row.length <= 50)).toBe(true);
		expect(rows.map(row => row.trim()).join('')).toBe(WEST);
		expect(wrapText('short', 80)).toEqual(['short']);
	});
});

describe('names that differ only at the end, at 80 columns', () => {
	it('the group picker shows the end of each name: the two rows differ', async () => {
		expect(EAST).toHaveLength(128);
		const {tui} = start();
		const picker = await openPicker(tui);
		const rows = rowsWithStem(picker);
		expect(rows).toHaveLength(2);
		expect(rows.filter(row => row.includes('-east'))).toHaveLength(1);
		expect(rows.filter(row => row.includes('-west'))).toHaveLength(1);
		for (const row of rows) expect(row.length).toBeLessThanOrEqual(80);
	});

	it('the plan shows the full name in its title, step, aws line and what changes', async () => {
		const {tui, gateway} = start();
		await openPicker(tui);
		tui.write('/');
		await tui.waitFor('type to filter');
		tui.write('west');
		await tui.waitFor('1 of 5');
		tui.write(keys.enter);
		await tui.waitFor('1 of 5 · esc clears');
		tui.write(keys.enter);
		const plan = await tui.waitFor('y/enter runs 1 step');
		for (const line of plan.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
		// Between the status line and the footer: the plan, of which no row is cut.
		const planRows = plan.split('\n').slice(1, -1);
		expect(planRows.filter(row => row.includes('…'))).toEqual([]);
		const text = compact(planRows.join('\n'));
		expect(text).toContain(compact(`Add ana.silva to group ${WEST}`));
		expect(text).toContain(compact(`aws iam add-user-to-group --user-name ana.silva --group-name ${WEST}`));
		expect(text).toContain(compact(`ana.silva joins ${WEST}`));
		// Title, step, aws line and the "What changes" line each carry the whole name.
		expect(occurrences(text, WEST)).toBeGreaterThanOrEqual(4);
		expect(text).not.toContain(EAST);
		tui.write('y');
		await tui.waitFor('enter/esc goes back');
		expect(writesOf(gateway)).toEqual([`addUserToGroup:ana.silva:${WEST}`]);
	});

	it('the groups list and the create-user wizard’s group step tell the two apart', async () => {
		const {tui} = start();
		await tui.waitFor('Users (12)');
		tui.write(':');
		await tui.waitFor(':users :groups');
		await tui.type('groups');
		tui.write(keys.enter);
		const groupsFrame = await tui.waitFor('Groups (7)');
		const list = rowsWithStem(groupsFrame);
		expect(list).toHaveLength(2);
		expect(list[0]).not.toEqual(list[1]);
		expect(list.some(row => row.includes('-east')) && list.some(row => row.includes('-west'))).toBe(true);

		tui.write(':');
		await tui.waitFor(':users :groups');
		await tui.type('users');
		tui.write(keys.enter);
		await toNamedUser(tui, 'longnames');
		tui.write(keys.enter);
		await tui.waitFor('› Path');
		tui.write(keys.enter);
		await tui.waitFor('› Tags');
		tui.write(keys.enter);
		await tui.waitFor('step 2 of 3');
		tui.write(keys.enter);
		await tui.waitFor('› Access key');
		tui.write(keys.enter);
		const step = rowsWithStem(await tui.waitFor('step 3 of 3'));
		expect(step).toHaveLength(2);
		expect(step.some(row => row.includes('-east')) && step.some(row => row.includes('-west'))).toBe(true);
	});

	it('a user in both groups: the Groups section of the user screen (where x removes) tells them apart', async () => {
		const bruno = users.find(user => user.name === 'bruno.costa')!;
		const {tui} = harness.start({
			columns: 80,
			rows: 45,
			snapshot: fixtureSnapshot({
				groups: [...groups, longGroup(EAST), longGroup(WEST)],
				users: users.map(user => (user === bruno ? {...user, groups: [...user.groups, EAST, WEST]} : user)),
			}),
		});
		await tui.waitFor('Users (12)');
		tui.write('/bruno');
		await tui.waitFor(/Users \(1\/12\)/);
		tui.write(keys.enter);
		await tui.waitFor('esc clears');
		tui.write(keys.enter);
		const rows = rowsWithStem(await tui.waitFor('Groups (3)'));
		expect(rows).toHaveLength(2);
		expect(rows.some(row => row.includes('-east')) && rows.some(row => row.includes('-west'))).toBe(true);
	});
});
