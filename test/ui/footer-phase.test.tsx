// The footer lists the keys that work now, not every key of the screen (issue 16, item 10): on a wizard's
// text field the printable keys are text (no `q quit`, `: command`, `/ filter`); on a choice, space changes;
// a plan that ran no longer offers `y run` / `n cancel`; a typed confirmation offers only enter and esc.
import {describe, expect, it} from 'vitest';
import {MFA_USER, accessSnapshot} from '../fixtures/access.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {jump, openFiltered} from '../helpers/moto-app.js';
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

describe('the footer while any text field has the keys', () => {
	it('a list filter being typed: enter keeps it, esc clears it, and no letter key is offered', async () => {
		const {tui} = harness.start({columns: 160, rows: 40});
		await tui.waitFor('Users (12)');
		const listFooter = footer(tui.lastFrame());
		tui.write('/');
		await tui.waitFor('type to filter');
		expect(await footerOnceDrawn(tui, 'keep filter')).toBe('enter keep filter  esc clear filter');
		tui.write('heidi');
		await tui.waitFor(/Users \(1\/12\)/);
		tui.write(keys.enter);
		// The filter stays, the list has the keys again: its own footer.
		expect(await footerOnceDrawn(tui, '/ filter')).toBe(listFooter);
	});

	it('the who-can query being typed: no `/ query`, `q quit` or `: command`, since they are text', async () => {
		const {tui} = harness.start({columns: 160, rows: 40});
		await tui.waitFor('Users (12)');
		await jump(tui, 'whocan', 'Who can');
		expect(await footerOnceDrawn(tui, 'tab complete')).toBe('enter ask  tab complete  esc cancel');
	});

	it('the create-user groups step: the filter speaks while typed, then the step again', async () => {
		const {tui} = harness.start({columns: 160, rows: 40});
		await tui.waitFor('Users (12)');
		tui.write('n');
		await tui.waitFor('Create a user · step 1 of 3');
		await tui.type('filter.step');
		await tui.waitFor('filter.step');
		for (const next of ['› Path', '› Tags', 'step 2 of 3', '› Access key', 'step 3 of 3']) {
			tui.write(keys.enter);
			await tui.waitFor(next);
		}
		const step = await footerOnceDrawn(tui, '/ filter');
		tui.write('/');
		expect(await footerOnceDrawn(tui, 'keep filter')).toBe('enter keep filter  esc clear filter');
		tui.write(keys.escape);
		expect(await footerOnceDrawn(tui, '/ filter')).toBe(step);
	});

	it('the Access view: Explain question, the request context and the services filter each show their own keys', async () => {
		const {tui} = harness.start({snapshot: accessSnapshot(), columns: 160, rows: 40});
		await tui.waitFor('Users (14)');
		await openFiltered(tui, MFA_USER);
		tui.write('A');
		await tui.waitFor(`Access of ${MFA_USER}`);
		const accessFooter = footer(tui.lastFrame());
		tui.write('e');
		expect(await footerOnceDrawn(tui, 'enter ask')).toBe('enter ask  tab complete  esc cancel');
		tui.write(keys.escape);
		expect(await footerOnceDrawn(tui, 'explain')).toBe(accessFooter);
		tui.write('c');
		expect(await footerOnceDrawn(tui, 'enter apply')).toBe('enter apply  esc cancel');
		tui.write(keys.escape);
		expect(await footerOnceDrawn(tui, 'explain')).toBe(accessFooter);
		tui.write('/');
		expect(await footerOnceDrawn(tui, 'keep filter')).toBe('enter keep filter  esc clear filter');
	});
});
