// Plain text tables for headless output without --json: columns aligned by display width (a CJK
// character or an emoji takes two terminal cells, a combining mark none), untrusted text sanitised.
// No colour or style: the output goes to scripts and pipes as often as to a terminal.
import stringWidth from 'string-width';
import {sanitize} from '../model/sanitize.js';

/** `text` padded with spaces to `width` terminal cells. */
const padCells = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

export const textTable = (headers: string[], rows: string[][]): string => {
	const clean = rows.map(row => row.map(cell => sanitize(cell)));
	const widths = headers.map((header, i) => Math.max(stringWidth(header), ...clean.map(row => stringWidth(row[i] ?? ''))));
	const line = (cells: string[]) => cells.map((cell, i) => padCells(cell, widths[i] ?? 0)).join('  ').trimEnd();
	return [line(headers), ...clean.map(line)].join('\n');
};
