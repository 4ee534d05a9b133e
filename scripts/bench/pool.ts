// Small shared helpers for the bench: bounded concurrency, a seeded PRNG, statistics, timing.

/** Runs tasks with at most `limit` in flight; results keep the tasks' order. */
export const inParallel = async <T>(tasks: Array<() => Promise<T>>, limit: number, onDone?: (done: number) => void): Promise<T[]> => {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	let done = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const index = next++;
			results[index] = await tasks[index]!();
			onDone?.(++done);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, tasks.length)}, worker));
	return results;
};

/** mulberry32: the same synthetic account on every run, so runs compare. */
export const prng = (seed: number): (() => number) => {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
};

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export const percentile = (samples: number[], p: number): number => {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
	return sorted[rank - 1]!;
};

export const median = (samples: number[]): number => percentile(samples, 50);

export const round = (value: number, digits = 1): number => {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
};

export const timed = async <T>(work: () => Promise<T>): Promise<{value: T; ms: number}> => {
	const started = performance.now();
	const value = await work();
	return {value, ms: performance.now() - started};
};

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));
