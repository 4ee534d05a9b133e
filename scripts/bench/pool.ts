// Small shared helpers for the bench: bounded concurrency, a seeded PRNG, statistics, timing.

export {inParallel} from '../parallel.js';
// The same synthetic account on every run, so runs compare.
export {mulberry32 as prng} from '../../test/helpers/prng.js';

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
