// Bounded concurrency for the seed and the bench: moto is threaded, but not endlessly.

/** Runs tasks with at most `limit` in flight; results keep the tasks' order. */
export const inParallel = async <T>(tasks: Array<() => Promise<T>>, limit = 16, onDone?: (done: number) => void): Promise<T[]> => {
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
