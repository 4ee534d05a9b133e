// A bound on work in flight when the work arrives over time (each account as the tree lists it), where
// mapBounded needs the whole list before it starts.

/** Runs the task now if fewer than `limit` run, else when one ends (first come, first run); its result or rejection. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export const createLimiter = (limit: number): Limiter => {
	const bound = Math.max(1, Math.floor(limit));
	let running = 0;
	const waiting: Array<() => void> = [];
	const release = () => {
		const next = waiting.shift();
		// The slot passes straight to the next task: `running` stays the same.
		if (next) next();
		else running--;
	};
	return async <T>(task: () => Promise<T>): Promise<T> => {
		if (running < bound) running++;
		else await new Promise<void>(resolve => waiting.push(resolve));
		try {
			return await task();
		} finally {
			release();
		}
	};
};
