// The create-user wizard's groups step filters with `/` (issue 16, item 5d), through the App against moto:
// the filter keeps the groups whose name holds the text, space marks the one shown, esc clears the filter
// (not the step), and the mark stays.
import {expect, it} from 'vitest';
import {ALL_GROUPS, LIGHTSAIL} from '../../scripts/seed.js';
import {keys} from '../helpers/render.js';
import {motoAppHarness} from '../helpers/moto-app.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const groupLines = (frame: string) => frame.split('\n').filter(line => ALL_GROUPS.some(group => new RegExp(`^[› ] [✓ ] ${group}\\b`).test(line)));

describeWithMoto('create-user wizard: / filters the groups step', () => {
	const harness = motoAppHarness();

	it('/Light shows only the Lightsail group; space marks it; esc clears the filter and keeps the mark', async () => {
		const {tui} = await harness.start();
		tui.write('n');
		await tui.waitFor('Create a user · step 1 of 3');
		await tui.type('gina.filter');
		await tui.waitFor('gina.filter');
		for (const next of ['› Path', '› Tags', 'step 2 of 3', '› Access key', 'step 3 of 3']) {
			tui.write(keys.enter);
			await tui.waitFor(next);
		}
		expect(groupLines(tui.lastFrame()).length).toBe(ALL_GROUPS.length);
		tui.write('/');
		await tui.waitFor('type to filter');
		await tui.type('Light');
		const filtered = await tui.waitForFrame(frame => groupLines(frame).length === 1);
		expect(groupLines(filtered)[0]).toContain(LIGHTSAIL.group);
		expect(filtered).toContain(`1 of ${ALL_GROUPS.length}`);
		tui.write(keys.enter);
		await tui.waitFor('esc clears');
		tui.write(' ');
		await tui.waitFor(`Marked: ${LIGHTSAIL.group}`);
		tui.write(keys.escape);
		const cleared = await tui.waitForFrame(frame => groupLines(frame).length === ALL_GROUPS.length);
		expect(cleared).toContain('step 3 of 3');
		expect(cleared).toContain(`Marked: ${LIGHTSAIL.group}`);
	});
});
