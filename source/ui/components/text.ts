// Fitting one-line text into a column: truncate with … and pad, counting code points (not UTF-16 units).

export const fit = (text: string, width: number, align: 'left' | 'right' = 'left'): string => {
	if (width <= 0) return '';
	const chars = Array.from(text);
	if (chars.length > width) return width === 1 ? '…' : chars.slice(0, width - 1).join('') + '…';
	const padding = ' '.repeat(width - chars.length);
	return align === 'right' ? padding + text : text + padding;
};

export const truncate = (text: string, width: number): string => {
	const chars = Array.from(text);
	return chars.length > width ? fit(text, width) : text;
};

/**
 * Like fit, but an overlong text keeps its start and its end with … between: IAM names (128 characters
 * for a group) often differ only at the end, so a picker must show the end.
 */
export const fitMiddle = (text: string, width: number, align: 'left' | 'right' = 'left'): string => {
	const chars = Array.from(text);
	if (width <= 2 || chars.length <= width) return fit(text, width, align);
	const tail = Math.floor((width - 1) / 2);
	const head = width - 1 - tail;
	return chars.slice(0, head).join('') + '…' + chars.slice(chars.length - tail).join('');
};

/**
 * Wraps one line into rows of at most `width` code points, breaking after a space when there is one
 * in the second half of the row, else mid-word (a 128-character name has no space); continuation rows
 * start with `indent`. Nothing is cut: every character is on some row.
 */
export const wrapText = (text: string, width: number, indent = ''): string[] => {
	const rows: string[] = [];
	let rest = Array.from(text);
	let room = Math.max(1, width);
	const indentChars = Array.from(indent);
	while (rest.length > room) {
		const space = rest.lastIndexOf(' ', room);
		const cut = space >= Math.ceil(room / 2) ? space + 1 : room;
		rows.push(rest.slice(0, cut).join('').trimEnd());
		rest = rest.slice(cut);
		if (rows.length === 1) room = Math.max(1, width - indentChars.length);
	}
	rows.push(rest.join(''));
	return rows.map((row, n) => (n === 0 ? row : indent + row));
};

/** At most `most` rows (of wrapText): a longer text ends in "…" on its last row. */
export const fitRows = (rows: string[], most: number): string[] => (rows.length <= most ? rows : [...rows.slice(0, most - 1), `${rows[most - 1]!.replace(/.$/u, '')}…`]);

/** truncate, keeping the end: for a line that is just a name (a user's group, a group's member). */
export const truncateMiddle = (text: string, width: number): string => (Array.from(text).length > width ? fitMiddle(text, width) : text);
