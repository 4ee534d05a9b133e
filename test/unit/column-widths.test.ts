// Columns share the width by content: minimums first (never under the header), then the longest cell
// (capped), then what is left to growing columns; a narrow terminal still drops columns by dropOrder.
import {describe, expect, it} from 'vitest';
import {CONTENT_CAP, columnSize, shareWidths} from '../../source/ui/components/column-widths.js';
import {layoutColumns, type Column} from '../../source/ui/components/Table.js';

describe('columnSize', () => {
	it('never gives a column less than its header, and caps what content asks for', () => {
		expect(columnSize(3, 'ATTACHED', 2)).toEqual({min: 8, want: 8, grow: false});
		expect(columnSize(10, 'ARN', 70)).toEqual({min: 10, want: 70, grow: false});
		expect(columnSize(10, 'ARN', 5000).want).toBe(CONTENT_CAP);
		// Bad input does not crash or go negative.
		expect(columnSize(-4, '', Number.NaN)).toEqual({min: 0, want: 0, grow: false});
	});
});

describe('shareWidths', () => {
	it('gives content its length before a growing column gets the rest', () => {
		const id = columnSize(22, 'TEMPLATE', 24);
		const title = columnSize(20, 'TITLE', 30, true);
		expect(shareWidths([id, title], 197)).toEqual([24, 173]);
	});
	it('shares a short room evenly between columns that want more, each stopping at what it wants', () => {
		const a = columnSize(10, 'A', 14);
		const b = columnSize(10, 'B', 60);
		const c = columnSize(10, 'C', 60);
		expect(shareWidths([a, b, c], 40)).toEqual([14, 13, 13]);
	});
	it('keeps the minimums when there is no room (the caller drops columns)', () => {
		expect(shareWidths([columnSize(20, 'X', 90), columnSize(20, 'Y', 90, true)], 30)).toEqual([20, 20]);
	});
	it('never hands out more than the room', () => {
		const sizes = [columnSize(5, 'A', 50, true), columnSize(5, 'B', 80), columnSize(7, 'C', 3, true)];
		for (const room of [17, 18, 40, 77, 133, 200, 500]) expect(shareWidths(sizes, room).reduce((s, w) => s + w, 0)).toBeLessThanOrEqual(room);
	});
});

type Row = {id: string; title: string; arn: string};
const columns: Array<Column<Row>> = [
	{id: 'id', header: 'TEMPLATE', width: 22, cell: r => r.id},
	{id: 'title', header: 'TITLE', width: 20, grow: true, cell: r => r.title},
	{id: 'arn', header: 'ARN', width: 40, grow: true, dropOrder: 1, cell: r => r.arn},
];
const longest = new Map([['id', 24], ['title', 30], ['arn', 76]]);

describe('layoutColumns', () => {
	it('at 200 columns shows a whole 24-character id and a whole 76-character ARN; growing columns share the rest', () => {
		const laid = layoutColumns(columns, 198, longest);
		// 196 after the gaps: 24 + 30 + 76 for the content, the 66 left split between TITLE and ARN (both grow).
		expect(laid.map(c => [c.id, c.width])).toEqual([['id', 24], ['title', 63], ['arn', 109]]);
	});
	it('at 80 columns drops the ARN by dropOrder as before, and still fits', () => {
		const laid = layoutColumns(columns, 78, longest);
		expect(laid.map(c => c.id)).toEqual(['id', 'title']);
		expect(laid.reduce((s, c) => s + c.width, 0) + laid.length - 1).toBe(78);
		expect(laid[0]!.width).toBe(24);
	});
});
