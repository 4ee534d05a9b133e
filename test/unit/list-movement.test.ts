// The one movement / field-cycle helper (ui/components/list-window.ts): the keymap's six movement
// commands as handlers, the cursor each one gives, and next/previous field with and without wrapping.
import {describe, expect, it} from 'vitest';
import {MOVEMENTS, moveCursor, movementHandlers, scrollHandlers, stepField, type Movement} from '../../source/ui/components/list-window.js';
import {commandsIn} from '../../source/ui/keymap.js';

describe('movementHandlers', () => {
	it('has one handler per movement command of the keymap, each passing its own command on', () => {
		const moved: Movement[] = [];
		const handlers = movementHandlers(movement => moved.push(movement));
		expect(Object.keys(handlers).sort()).toEqual([...MOVEMENTS].sort());
		for (const movement of MOVEMENTS) handlers[movement]();
		expect(moved).toEqual([...MOVEMENTS]);
		// Every list screen binds them all: none is missing from the keymap's list scope.
		const listCommands = commandsIn('users').map(cmd => cmd.id);
		for (const movement of MOVEMENTS) expect(listCommands).toContain(movement);
	});

	it('moves a cursor of 10 rows, a page of 4, as the keys say and never out of the list', () => {
		const after = (movement: Movement, from: number) => moveCursor(from, movement, 10, 4);
		expect(MOVEMENTS.map(movement => after(movement, 5))).toEqual([4, 6, 1, 9, 0, 9]);
		expect(after('up', 0)).toBe(0);
		expect(after('down', 9)).toBe(9);
		expect(after('page-up', 2)).toBe(0);
		expect(after('page-down', 8)).toBe(9);
		expect(moveCursor(3, 'down', 0, 4)).toBe(0);
	});
});

describe('stepField', () => {
	it('stops at the first and the last field by default', () => {
		expect(stepField(0, 1, 3)).toBe(1);
		expect(stepField(2, 1, 3)).toBe(2);
		expect(stepField(0, -1, 3)).toBe(0);
		expect(stepField(1, -1, 3)).toBe(0);
	});

	it('goes round with wrap: past the last comes the first, before the first the last', () => {
		expect(stepField(2, 1, 3, {wrap: true})).toBe(0);
		expect(stepField(0, -1, 3, {wrap: true})).toBe(2);
		expect(stepField(1, 1, 3, {wrap: true})).toBe(2);
	});

	it('has nowhere to go without fields', () => {
		expect(stepField(0, 1, 0)).toBe(0);
		expect(stepField(0, -1, 0, {wrap: true})).toBe(0);
	});
});

describe('scrollHandlers', () => {
	it('scrolls a text by a line for up/down and by the page given for page-up/page-down', () => {
		const scrolled: number[] = [];
		const handlers = scrollHandlers(delta => scrolled.push(delta), 7);
		handlers.up();
		handlers.down();
		handlers['page-up']();
		handlers['page-down']();
		expect(scrolled).toEqual([-1, 1, -7, 7]);
		// Each is a movement command every screen that scrolls has in its scope.
		for (const id of Object.keys(handlers)) expect(MOVEMENTS).toContain(id);
	});
});
