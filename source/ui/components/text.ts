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
