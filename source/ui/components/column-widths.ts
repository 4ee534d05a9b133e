// How wide each shown column is: every column gets its minimum (never less than its header), then the
// space left goes to the columns whose content is longer than that (the longest cell, capped), shared
// evenly, and only then to growing columns. So a wide terminal shows whole ARNs and ids instead of
// giving a short title 150 blank characters; a narrow one behaves as before (minimums, cut with …).

export interface ColumnSize {
	/** The column's own width, raised to its header's length. */
	min: number;
	/** What its content needs: the longest cell (capped), at least `min`. */
	want: number;
	grow: boolean;
}

/** A single huge cell (a 2,000-character description) must not take a whole wide screen. */
export const CONTENT_CAP = 100;

export const columnSize = (width: number, header: string, longestCell: number, grow = false, cap = CONTENT_CAP): ColumnSize => {
	const min = Math.max(0, Math.floor(width), Array.from(header).length);
	const cell = Number.isFinite(longestCell) ? Math.max(0, Math.floor(longestCell)) : 0;
	const want = Math.max(min, Math.min(cell, Math.max(cap, min)));
	return {min, want, grow};
};

/** Widths for `sizes` in `room` characters (gaps already taken off); their sum never exceeds room when the minimums fit. */
export const shareWidths = (sizes: ColumnSize[], room: number): number[] => {
	const widths = sizes.map(size => size.min);
	let spare = Math.floor(room) - widths.reduce((sum, w) => sum + w, 0);
	if (!(spare > 0)) return widths;
	// Water-fill the columns that want more: equal shares, a column stops at what it wants.
	let hungry = sizes.map((_, i) => i).filter(i => sizes[i]!.want > widths[i]!);
	while (spare > 0 && hungry.length > 0) {
		const share = Math.max(1, Math.floor(spare / hungry.length));
		for (const i of hungry) {
			if (spare === 0) break;
			const give = Math.min(share, sizes[i]!.want - widths[i]!, spare);
			widths[i]! += give;
			spare -= give;
		}
		hungry = hungry.filter(i => sizes[i]!.want > widths[i]!);
	}
	// What nobody's content needs goes to the growing columns, the last one taking the remainder.
	const growing = sizes.map((_, i) => i).filter(i => sizes[i]!.grow);
	if (spare > 0 && growing.length > 0) {
		const share = Math.floor(spare / growing.length);
		growing.forEach((i, n) => {
			widths[i]! += n === growing.length - 1 ? spare - share * (growing.length - 1) : share;
		});
	}
	return widths;
};
