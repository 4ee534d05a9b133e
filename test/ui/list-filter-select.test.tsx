// Lists through the whole App against moto (issue 16, item 5c): the arrows move the selection while a
// filter is being typed, and after creating a user, a group or a policy its list selects the new row.
import {expect, it} from 'vitest';
import {keys, tick, type Rendered} from '../helpers/render.js';
import {jump, motoAppHarness} from '../helpers/moto-app.js';
import {selectedLine} from '../helpers/user-screen.js';
import {describeWithMoto} from '../helpers/with-moto.js';

/** Presses a key and waits until the selected line changes. */
const press = async (tui: Rendered, key: string) => {
	const before = selectedLine(tui.lastFrame());
	tui.write(key);
	const frame = await tui.waitForFrame(f => selectedLine(f) !== before, {message: `the selection did not move on ${JSON.stringify(key)}`});
	await tick();
	return selectedLine(frame);
};

describeWithMoto('lists: arrows while filtering, the new row selected after a create', () => {
	const harness = motoAppHarness();

	it('/ then typing then ↓ ↑ moves the selection while the filter is still being typed', async () => {
		const {tui} = await harness.start();
		tui.write('/');
		await tui.waitFor('type to filter');
		await tui.type('.');
		await tui.waitFor('enter keep · esc clear');
		const first = selectedLine(tui.lastFrame());
		const second = await press(tui, keys.down);
		expect(second).not.toBe(first);
		const third = await press(tui, keys.down);
		expect(third).not.toBe(second);
		expect(await press(tui, keys.up)).toBe(second);
		// Still typing: the filter field has the keys, so j is typed, not a move.
		expect(tui.lastFrame()).toContain('enter keep · esc clear');
		await tui.type('k');
		await tui.waitFor('/.k');
		tui.write(keys.enter);
		await tui.waitFor('esc clears');
	});

	it('clearing a filter (esc while typing it, or esc after enter kept it) keeps the selected row', async () => {
		const {tui} = await harness.start();
		const first = selectedLine(tui.lastFrame());
		for (const clear of [[keys.escape], [keys.enter, keys.escape]]) {
			tui.write('/');
			await tui.waitFor('type to filter');
			await tui.type('dana');
			const filtered = await tui.waitFor(/\b1 of \d+/);
			expect(selectedLine(filtered)).toContain('dana.kim');
			for (const key of clear) tui.write(key);
			await tui.waitForFrame(frame => !frame.includes('1 of '));
			await tick();
			expect(selectedLine(tui.lastFrame())).toContain('dana.kim');
			// Back to the first row for the next round.
			tui.write('g');
			await tui.waitForFrame(frame => selectedLine(frame) === first);
		}
	});

	it('after creating a user the Users list selects the new row', async () => {
		const {tui} = await harness.start();
		tui.write('n');
		await tui.waitFor('Create a user · step 1 of 3');
		await tui.type('nadia.new');
		await tui.waitFor('nadia.new');
		for (const next of ['› Path', '› Tags', 'step 2 of 3', '› Access key', 'step 3 of 3', 'Create user nadia.new']) {
			tui.write(keys.enter);
			await tui.waitFor(next);
		}
		tui.write('y');
		await tui.waitFor('enter/esc goes back', {timeoutMs: 10_000});
		tui.write(keys.enter);
		const list = await tui.waitForFrame(frame => /Users \(\d+\)/.test(frame) && selectedLine(frame).includes('nadia.new'), {timeoutMs: 10_000});
		expect(selectedLine(list)).toMatch(/^› nadia\.new\b/);
	});

	it('after creating a group (the Groups list filtered to another) the list selects the new group', async () => {
		const {tui} = await harness.start();
		await jump(tui, 'groups', /Groups \(\d+\)/);
		tui.write('/');
		await tui.waitFor('type to filter');
		await tui.type('Dev');
		tui.write(keys.enter);
		await tui.waitFor('esc clears');
		tui.write('n');
		await tui.waitFor('Create a group');
		await tui.type('Auditors');
		tui.write(keys.enter);
		await tui.waitFor('Path');
		tui.write(keys.enter);
		await tui.waitFor('Policies to attach to Auditors');
		tui.write(keys.enter);
		await tui.waitFor('Create group Auditors');
		tui.write('y');
		await tui.waitFor('enter/esc goes back', {timeoutMs: 10_000});
		tui.write(keys.enter);
		const list = await tui.waitForFrame(frame => /Groups \(\d+\)/.test(frame) && selectedLine(frame).includes('Auditors'), {timeoutMs: 10_000});
		expect(selectedLine(list)).toMatch(/^› Auditors\b/);
	});

	it('after creating a policy from a template the Policies list selects it', async () => {
		const {tui} = await harness.start();
		await jump(tui, 'policies', /Policies \(\d+\)/);
		tui.write('n');
		await tui.waitFor('New customer managed policy: choose a template');
		tui.write('/');
		await tui.waitFor('type to filter');
		await tui.type('inventory');
		tui.write(keys.enter);
		await tui.waitFor('esc clears');
		tui.write(keys.enter);
		await tui.waitFor('template ');
		tui.write('\u0015');
		await tui.type('ZzInventoryRead');
		await tui.waitFor('ZzInventoryRead');
		// One enter per parameter field, each waiting for its frame: an enter that lands on the preview
		// would go on to the attach step and then run the plan.
		for (let n = 0; n < 8 && !tui.lastFrame().includes('Preview of ZzInventoryRead'); n++) {
			const before = tui.lastFrame();
			tui.write(keys.enter);
			await tui.waitForFrame(frame => frame !== before);
		}
		await tui.waitFor('Preview of ZzInventoryRead — valid');
		tui.write(keys.enter);
		await tui.waitFor('Attach ZzInventoryRead to a group or a user?');
		tui.write(keys.enter);
		await tui.waitFor('Create policy ZzInventoryRead');
		tui.write('y');
		await tui.waitFor(/done\s+Create customer managed policy ZzInventoryRead/, {timeoutMs: 10_000});
		tui.write(keys.enter);
		const list = await tui.waitForFrame(frame => /Policies \(\d+\)/.test(frame) && selectedLine(frame).includes('ZzInventoryRead'), {timeoutMs: 10_000});
		expect(selectedLine(list)).toMatch(/^› ZzInventoryRead\b/);
	});
});
