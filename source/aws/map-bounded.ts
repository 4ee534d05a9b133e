// Many AWS calls at once, but never more than a limit in flight: the services throttle a burst.

/** fn over every item, at most `limit` running at a time; results in the items' order. The first failure rejects. */
export const mapBounded = async <T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> => {
	const results = new Array<R>(items.length);
	let next = 0;
	let failed = false;
	const worker = async (): Promise<void> => {
		// After a failure the others start nothing new: the answer is already the rejection.
		while (next < items.length && !failed) {
			const at = next++;
			try {
				results[at] = await fn(items[at]!);
			} catch (error) {
				failed = true;
				throw error;
			}
		}
	};
	await Promise.all(Array.from({length: Math.max(1, Math.min(limit, items.length))}, worker));
	return results;
};
