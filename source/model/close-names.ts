// Close names for something the operator mistyped: an action, a user, an account, a command. Pure.

/** Insertions, deletions and substitutions that turn `a` into `b`. */
const editDistance = (a: string, b: string): number => {
	let previous = Array.from({length: b.length + 1}, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length]!;
};

/** The candidates nearest to `query` (case-insensitive): prefix and substring hits first, then by edit distance. */
export const closestNames = (query: string, candidates: readonly string[], limit = 5): string[] => {
	const q = query.toLowerCase();
	const scored = candidates.map(name => {
		const n = name.toLowerCase();
		const bonus = n.startsWith(q) || q.startsWith(n) ? -3 : n.includes(q) || q.includes(n) ? -2 : 0;
		return {name, score: editDistance(q, n) + bonus};
	});
	const threshold = Math.max(3, Math.ceil(q.length / 2));
	return scored
		.filter(s => s.score <= threshold)
		.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
		.slice(0, limit)
		.map(s => s.name);
};

/**
 * The names `typed` is a slip from (who-cna: who-can; usrs: users): at most two edits and fewer than a
 * third of its letters, nearest first, up to `limit`. None when it resembles nothing (then list them all).
 */
export const slipsOf = (typed: string, names: readonly string[], limit = 3): string[] => {
	const text = typed.toLowerCase();
	return names
		.map(name => ({name, edits: editDistance(text, name.toLowerCase())}))
		.filter(({edits}) => edits <= Math.min(2, Math.floor(text.length / 3)))
		.sort((a, b) => a.edits - b.edits || a.name.localeCompare(b.name))
		.slice(0, limit)
		.map(({name}) => name);
};

/**
 * The names an operator meant by a name that is not there: those it is part of (or that are part of it),
 * then its slips. A short name is not matched loosely: `ana` may mean ana.silva, not bob.
 */
export const meantNames = (name: string, names: Iterable<string>, limit = 3): string[] => {
	const all = [...names];
	const lower = name.toLowerCase();
	const containing = all.filter(n => n.toLowerCase().includes(lower) || lower.includes(n.toLowerCase()));
	return [...new Set([...containing, ...slipsOf(name, all)])].slice(0, limit);
};
