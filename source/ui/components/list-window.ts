// Cursor movement and the visible window of a long list: pure, so a list of 5,000 rows costs only the
// rows on screen per key press.
import type {CommandId} from '../keymap.js';

export const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(max, value));

/** The keymap's movement commands: ↑↓ j k, PgUp PgDn, g Home, G End. */
export const MOVEMENTS = ['up', 'down', 'page-up', 'page-down', 'top', 'bottom'] as const;
export type Movement = (typeof MOVEMENTS)[number];

/** One handler per movement command, each calling `move` with it: what a list hands useCommands. */
export const movementHandlers = (move: (movement: Movement) => void): Record<Movement, () => void> =>
	Object.fromEntries(MOVEMENTS.map(movement => [movement, () => move(movement)])) as Record<Movement, () => void>;

/** ↑↓ j k and PgUp PgDn as scrolling a text by a line or a `page`: what a scrolling view hands useCommands. */
export const scrollHandlers = (scrollBy: (delta: number) => void, page: number): Record<'up' | 'down' | 'page-up' | 'page-down', () => void> => ({
	up: () => scrollBy(-1),
	down: () => scrollBy(1),
	'page-up': () => scrollBy(-page),
	'page-down': () => scrollBy(page),
});

/**
 * The field (or choice) `delta` steps from `active` among `count`: next-field / previous-field. Stops at
 * the first and the last, or with `wrap` goes round (tab past the last field comes back to the first).
 */
export const stepField = (active: number, delta: number, count: number, options: {wrap?: boolean} = {}): number => {
	if (count <= 0) return 0;
	if (options.wrap) return (((active + delta) % count) + count) % count;
	return clamp(active + delta, 0, count - 1);
};

/** The cursor after a movement command; other commands leave it where it is. */
export const moveCursor = (cursor: number, command: CommandId, count: number, page: number): number => {
	if (count === 0) return 0;
	const last = count - 1;
	const step = Math.max(1, page);
	switch (command) {
		case 'up':
			return clamp(cursor - 1, 0, last);
		case 'down':
			return clamp(cursor + 1, 0, last);
		case 'page-up':
			return clamp(cursor - step, 0, last);
		case 'page-down':
			return clamp(cursor + step, 0, last);
		case 'top':
			return 0;
		case 'bottom':
			return last;
		default:
			return clamp(cursor, 0, last);
	}
};

/** The first visible row: scrolls only as far as needed to keep the cursor in view. */
export const windowTop = (top: number, cursor: number, height: number, count: number): number => {
	const visible = Math.max(1, height);
	let next = top;
	if (cursor < next) next = cursor;
	if (cursor >= next + visible) next = cursor - visible + 1;
	return clamp(next, 0, Math.max(0, count - visible));
};
