import {setTimeout as sleep} from 'node:timers/promises';
import {describe, expect, it} from 'vitest';
import {createLimiter} from '../../source/aws/limiter.js';

describe('createLimiter', () => {
	it('never runs more than the limit at once, tasks arriving over time, and runs the waiting ones first come first', async () => {
		const limit = createLimiter(2);
		let running = 0;
		let most = 0;
		const began: number[] = [];
		const task = (n: number, ms: number) => limit(async () => {
			began.push(n);
			running++;
			most = Math.max(most, running);
			await sleep(ms);
			running--;
			return n * 10;
		});
		const first = [task(1, 15), task(2, 5), task(3, 5)];
		await sleep(2);
		// Arrives while 1 and 2 run and 3 waits: it runs after 3.
		const late = task(4, 5);
		expect(await Promise.all([...first, late])).toEqual([10, 20, 30, 40]);
		expect(most).toBe(2);
		expect(began).toEqual([1, 2, 3, 4]);
	});

	it('a failing task rejects its own promise only, and frees its slot', async () => {
		const limit = createLimiter(1);
		const failing = limit(async () => {
			throw new Error('refused');
		});
		await expect(failing).rejects.toThrow('refused');
		expect(await limit(async () => 'next')).toBe('next');
	});

	it('a limit below one still runs tasks, one at a time', async () => {
		const limit = createLimiter(0);
		let running = 0;
		let most = 0;
		await Promise.all([1, 2, 3].map(() => limit(async () => {
			running++;
			most = Math.max(most, running);
			await sleep(2);
			running--;
		})));
		expect(most).toBe(1);
	});
});
