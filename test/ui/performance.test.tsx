// 5,000 users: only the visible rows render, and a key press does not rebuild the list.
import {describe, expect, it} from 'vitest';
import {largeSnapshot} from '../fixtures/account.js';
import {appHarness} from '../helpers/app.js';
import {keys, tick} from '../helpers/render.js';

const harness = appHarness();

describe('a large account', () => {
	it('renders only visible rows and moves quickly through 5,000 users', async () => {
		const snapshot = largeSnapshot(5000);
		const {tui} = harness.start({snapshot, profile: 'big', columns: 100, rows: 30});
		const frame = await tui.waitFor('Users (5000)');
		expect(frame.split('\n').length).toBeLessThanOrEqual(30);
		expect(frame).not.toContain('user00100');

		const started = performance.now();
		for (let n = 1; n <= 50; n++) {
			tui.write(keys.down);
			const expected = `› user${String(n).padStart(5, '0')}`;
			await tui.waitForFrame(f => f.includes(expected));
			await tick();
		}
		const perKey = (performance.now() - started) / 50;
		// Generous bound for slow, busy CI machines; typical is a few milliseconds.
		console.info(`5,000 users: ${perKey.toFixed(1)} ms per key press (render + poll)`);
		expect(perKey).toBeLessThan(150);

		tui.write(keys.end);
		await tui.waitFor('› user04999');
		tui.write('/');
		await tui.waitFor('type to filter');
		await tui.type('04321');
		await tui.waitFor('Users (1/5000)');
	});
});
