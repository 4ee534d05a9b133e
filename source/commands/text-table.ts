// Plain text tables for headless output without --json: aligned columns, untrusted text sanitised.
import {sanitize} from '../model/sanitize.js';

export const textTable = (headers: string[], rows: string[][]): string => {
	const clean = rows.map(row => row.map(cell => sanitize(cell)));
	const widths = headers.map((header, i) => Math.max(header.length, ...clean.map(row => row[i]?.length ?? 0)));
	const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
	return [line(headers), ...clean.map(line)].join('\n');
};
