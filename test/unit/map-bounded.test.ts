import {setTimeout as sleep} from 'node:timers/promises';
import {describe, expect, it} from 'vitest';
import {mapBounded} from '../../source/aws/map-bounded.js';

describe('mapBounded', () => {
	it('keeps the order of the items and never runs more than the limit at once', async () => {
		let running = 0;
		let most = 0;
		const results = await mapBounded([5, 1, 4, 2, 3, 0, 2], 3, async n => {
			running++;
			most = Math.max(most, running);
			await sleep(n * 3);
			running--;
			return n * 10;
		});
		expect(results).toEqual([50, 10, 40, 20, 30, 0, 20]);
		expect(most).toBe(3);
	});

	it('rejects with the first failure and starts nothing after it', async () => {
		const started: number[] = [];
		const run = mapBounded([1, 2, 3, 4, 5, 6], 2, async n => {
			started.push(n);
			await sleep(2);
			if (n === 2) throw new Error('two failed');
			return n;
		});
		await expect(run).rejects.toThrow('two failed');
		await sleep(20);
		expect(started).toEqual([1, 2, 3]);
	});

	it('an empty list is an empty answer', async () => {
		expect(await mapBounded([], 4, async () => 1)).toEqual([]);
	});
});
