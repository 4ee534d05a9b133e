import {useState} from 'react';
import type {CommandId} from '../keymap.js';
import {clamp, moveCursor, windowTop} from './list-window.js';

export interface ListCursor {
	cursor: number;
	top: number;
	move(command: CommandId): void;
	/** Puts the cursor on a row; `rows`: the count it is in, when the list changes in the same render. */
	set(cursor: number, rows?: number): void;
}

/** Cursor and scroll position of a list of `count` rows shown `height` at a time. */
export const useListCursor = (count: number, height: number): ListCursor => {
	const [position, setPosition] = useState({cursor: 0, top: 0});
	// The list may shrink (filter) or the terminal may resize: keep both in range without an extra render.
	const cursor = clamp(position.cursor, 0, Math.max(0, count - 1));
	const top = windowTop(position.top, cursor, height, count);
	// Updates start from the latest state, so keys arriving faster than renders all count.
	const update = (next: (cursor: number) => number, rows = count) =>
		setPosition(current => {
			const from = clamp(current.cursor, 0, Math.max(0, rows - 1));
			const nextCursor = clamp(next(from), 0, Math.max(0, rows - 1));
			return {cursor: nextCursor, top: windowTop(current.top, nextCursor, height, rows)};
		});
	return {
		cursor,
		top,
		move: command => update(from => moveCursor(from, command, count, height - 1)),
		set: (target, rows) => update(() => target, rows),
	};
};
