// Moving between a form's fields, for every form: stepField does the arithmetic (stop at the ends, or go
// round), this file ties it to the keys, so no form keeps its own copy of the ↑↓/tab handler.
import type {Dispatch, SetStateAction} from 'react';
import {PASS, priority, useKeys} from '../hooks/keyboard.js';
import {stepField} from './list-window.js';

type SetActive = Dispatch<SetStateAction<number>>;

/** The keymap's next-field / previous-field for useCommands: the active field of `count`, stopping at the ends. */
export const fieldStepCommands = (setActive: SetActive, count: number): {'next-field': () => void; 'previous-field': () => void} => ({
	'next-field': () => setActive(a => stepField(a, 1, count)),
	'previous-field': () => setActive(a => stepField(a, -1, count)),
});

/**
 * A form of text fields only: ↑↓, tab and shift-tab move between the fields and go round. It reads the keys
 * itself, ahead of the focused TextField (priority.text), since the keymap gives shift-tab no command.
 */
export function useFieldCycle(setActive: SetActive, count: number, active: boolean): void {
	useKeys(
		(_input, key) => {
			if (key.upArrow || (key.tab && key.shift)) setActive(a => stepField(a, -1, count, {wrap: true}));
			else if (key.downArrow || key.tab) setActive(a => stepField(a, 1, count, {wrap: true}));
			else return PASS;
		},
		{active, priority: priority.text},
	);
}
