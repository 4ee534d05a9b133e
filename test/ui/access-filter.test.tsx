// The Access view through the whole App against moto (issue 16, item 5d): `/` filters the services (the
// arrows still move while it is typed), and folding a service from one of its grant lines leaves the
// cursor on that service, not on whichever line took its place.
import {expect, it} from 'vitest';
import {keys, tick, type Rendered} from '../helpers/render.js';
import {motoAppHarness, openFiltered} from '../helpers/moto-app.js';
import {selectedLine} from '../helpers/user-screen.js';
import {describeWithMoto} from '../helpers/with-moto.js';

/** costwatch holds ReadOnlyAccess: many services. */
const openAccess = async (tui: Rendered) => {
	await openFiltered(tui, 'costwatch');
	tui.write('A');
	return tui.waitFor(/Allowed by service \(\d+\)/, {timeoutMs: 20_000});
};

const serviceLines = (frame: string) => frame.split('\n').filter(line => /^[› ] [▸▾] /.test(line));

describeWithMoto('Access view: / filters services, the cursor stays on a folded service', () => {
	const harness = motoAppHarness();

	it('/ keeps only the services whose name holds the text; ↓ moves while typing; esc clears', async () => {
		const {tui} = await harness.start();
		const all = await openAccess(tui);
		const total = Number(/Allowed by service \((\d+)\)/.exec(all)![1]);
		expect(total).toBeGreaterThan(20);
		tui.write('/');
		await tui.waitFor('type to filter');
		await tui.type('s3');
		const filtered = await tui.waitForFrame(frame => new RegExp(`\\d+ of ${total}`).test(frame) && serviceLines(frame).length > 0 && serviceLines(frame).every(line => /s3/.test(line)));
		const shown = serviceLines(filtered);
		expect(shown.length).toBeGreaterThan(1);
		expect(shown.length).toBeLessThan(total);
		const first = selectedLine(filtered);
		tui.write(keys.down);
		await tui.waitForFrame(frame => selectedLine(frame) !== first);
		expect(tui.lastFrame()).toContain('enter keep · esc clear');
		const chosen = selectedLine(tui.lastFrame());
		tui.write(keys.escape);
		// Every service again, the cursor still on the one chosen while filtering.
		const cleared = await tui.waitForFrame(frame => !frame.includes(`of ${total}`) && serviceLines(frame).some(line => !/s3/.test(line)));
		expect(selectedLine(cleared)).toBe(chosen);
	});

	it('folding a service from its grant line leaves the cursor on that service', async () => {
		const {tui} = await harness.start();
		await openAccess(tui);
		// The third service, unfolded.
		for (let n = 0; n < 2; n++) {
			const before = selectedLine(tui.lastFrame());
			tui.write(keys.down);
			await tui.waitForFrame(frame => selectedLine(frame) !== before);
			await tick();
		}
		const service = selectedLine(tui.lastFrame()).replace(/^› ▸ /, '').split('  ')[0]!;
		tui.write(keys.enter);
		await tui.waitFor(`▾ ${service}`);
		// Onto a grant path line under it, then enter folds the service.
		for (let n = 0; n < 2; n++) {
			const before = selectedLine(tui.lastFrame());
			tui.write(keys.down);
			await tui.waitForFrame(frame => selectedLine(frame) !== before);
			await tick();
		}
		expect(selectedLine(tui.lastFrame())).not.toContain(`▾ ${service}`);
		tui.write(keys.enter);
		const folded = await tui.waitFor(`▸ ${service}`);
		expect(selectedLine(folded)).toMatch(new RegExp(`^› ▸ ${service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  `));
	});
});
