// Every list filter that searches names puts the best matches first: with every AWS managed policy
// listed, `/ReadOnly` matches 190 names, and the one the operator means is rarely in alphabetical first
// place. One ranking for every picker, so the same text finds the same row first everywhere.

const rank = (name: string, query: string): number => (name === query ? 0 : name.startsWith(query) ? 1 : 2);

/**
 * The rows kept by a filter, re-ordered: the name equal to the query first, then names starting with
 * it, then the rest, each group in the list's own order. `query` is compared lower-cased.
 */
export const exactNameFirst = <Row>(found: readonly Row[], query: string, name: (row: Row) => string): Row[] => {
	const q = query.trim().toLowerCase();
	if (!q) return [...found];
	return found
		.map((row, position) => ({row, position, rank: rank(name(row).toLowerCase(), q)}))
		.sort((a, b) => a.rank - b.rank || a.position - b.position)
		.map(entry => entry.row);
};
