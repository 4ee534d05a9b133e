// The footer lists the keys that work now, not every key of the screen (issue 16, item 10): on a wizard's
// text field the printable keys are text (no `q quit`, `: command`, `/ filter`); on a choice, space changes;
// a plan that ran no longer offers `y run` / `n cancel`; a typed confirmation offers only enter and esc.
import {describe, expect, it} from 'vitest';
import {appHarness, writesOf} from '../helpers/app.js';
import {jump} from '../helpers/moto-app.js';
import {keys, type Rendered} from '../helpers/render.js';

const harness = appHarness();
const footer = (frame: string) => frame.split('\n').filter(Boolean).pop() ?? '';
const footerOnceDrawn = async (tui: Rendered, expected: string) => footer(await tui.waitForFrame(frame => footer(frame).includes(expected)));

describe('the footer follows the phase of the screen', () => {
	it('create-user wizard: text fields, then choices, then the groups list; the plan before and after it ran', async () => {
		const {tui, gateway} = harness.start({columns: 160, rows: 40});
		await tui.waitFor('Users (12)');
		tui.write('n');
		await tui.waitFor('Create a user · step 1 of 3');
		const onName = await footerOnceDrawn(tui, 'tab next field');
		expect(onName).toBe('tab next field  enter next  esc back');

		await tui.type('footer.check');
		await tui.waitFor('footer.check');
		for (const next of ['› Path', '› Tags', 'step 2 of 3']) {
			tui.write(keys.enter);
			await tui.waitFor(next);
		}
		const onChoice = await footerOnceDrawn(tui, 'space change');
		expect(onChoice).toContain('? help');
		expect(onChoice).not.toContain('/ filter');

		for (const next of ['› Access key', 'step 3 of 3']) {
			tui.write(keys.enter);
			await tui.waitFor(next);
		}
		const onGroups = await footerOnceDrawn(tui, '/ filter');
		expect(onGroups).toContain('space change');

		tui.write(keys.enter);
		await tui.waitFor('y/enter runs');
		expect(footer(tui.lastFrame())).toContain('y run');
		expect(writesOf(gateway)).toEqual([]);
		tui.write('y');
		await tui.waitFor('enter/esc goes back');
		const done = await footerOnceDrawn(tui, 'enter back');
		expect(done).not.toMatch(/y run|n cancel/);
		expect(writesOf(gateway)[0]).toMatch(/^createUser:footer\.check/);
		tui.write(keys.enter);
		const back = await tui.waitFor('Users (13)');
		// Nothing of the plan's phase stays: the list's own footer again.
		expect(footer(back)).toMatch(/^enter open {2}esc back {2}\/ filter/);
	});

	it('a typed confirmation: only enter and esc, since every letter is part of the name', async () => {
		const {tui} = harness.start({columns: 160, rows: 40});
		await tui.waitFor('Users (12)');
		await jump(tui, 'groups', 'Groups (5)');
		tui.write('D');
		await tui.waitFor('press enter');
		const typing = await footerOnceDrawn(tui, 'enter run');
		expect(typing).not.toMatch(/y run|n cancel|q quit|: command/);
		expect(typing).toContain('esc back');
	});
});

describe('the footer after a wizard', () => {
	it('create a group: once the plan ran and enter went back, the Groups list has its own footer', async () => {
		const {tui} = harness.start({columns: 160, rows: 40});
		await tui.waitFor('Users (12)');
		await jump(tui, 'groups', 'Groups (5)');
		const listFooter = footer(tui.lastFrame());
		tui.write('n');
		await tui.waitFor('Create a group');
		expect(await footerOnceDrawn(tui, 'tab next field')).toBe('tab next field  enter next  esc back');
		await tui.type('FooterTeam');
		await tui.waitFor('FooterTeam');
		tui.write(keys.enter);
		await tui.waitFor('optional: "/"');
		tui.write(keys.enter);
		await tui.waitFor('Policies to attach to FooterTeam');
		tui.write(keys.enter);
		await tui.waitFor('y/enter runs 1 step');
		tui.write('y');
		await footerOnceDrawn(tui, 'enter back');
		tui.write(keys.enter);
		const back = await tui.waitFor('Groups (6');
		expect(footer(back)).toBe(listFooter);
	});
});

describe('the footer on the other forms', () => {
	it('add a profile: text fields only, so tab/enter/esc; the console password form: a choice first', async () => {
		const {tui} = harness.start({columns: 160, rows: 40});
		await tui.waitFor('Users (12)');
		await jump(tui, 'profiles', 'Profiles');
		tui.write('a');
		expect(await footerOnceDrawn(tui, 'tab next field')).toBe('tab next field  enter next  esc back');
		tui.write(keys.escape);
		await tui.waitForFrame(frame => !footer(frame).startsWith('tab next field'));

		await jump(tui, 'users', 'Users (12)');
		tui.write(keys.enter);
		await tui.waitFor('none: no console sign-in');
		tui.write('p');
		const onSource = await footerOnceDrawn(tui, 'space change');
		expect(onSource).toContain('? help');
		expect(onSource).not.toContain('/ filter');
	});
});
