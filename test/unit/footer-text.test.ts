// The footer at any width: every pair when they fit; otherwise whole pairs from the start, "…", and
// `? help` and `q quit` always at the end — checked with the real keymap of every screen at 80 columns.
import {describe, expect, it} from 'vitest';
import {footerText} from '../../source/ui/components/Footer.js';
import type {KeyScope} from '../../source/ui/key-scopes.js';
import {commandsFor} from '../../source/ui/keymap.js';

const pairsOf = (screen: KeyScope, readOnly = false) =>
	commandsFor(screen, {readOnly})
		.filter(cmd => cmd.footer)
		.map(cmd => ({id: cmd.id, text: `${cmd.keys[0]} ${cmd.label}`}));

const SCREENS: KeyScope[] = ['users', 'user', 'groups', 'group', 'roles', 'role', 'policies', 'policy', 'profiles', 'whocan', 'access', 'picker', 'plan', 'plan-done', 'choice', 'offboard', 'rotate', 'hygiene', 'journal'];

describe('footerText', () => {
	it('keeps everything when it fits', () => {
		const pairs = [{id: 'open', text: 'enter open'}, {id: 'help', text: '? help'}];
		expect(footerText(pairs, 80)).toBe('enter open  ? help');
	});

	it('drops whole pairs, never half a label, and ends with … ? help q quit', () => {
		const pairs = [
			{id: 'open', text: 'enter open'}, {id: 'filter', text: '/ filter'}, {id: 'sort', text: 's sort'},
			{id: 'help', text: '? help'}, {id: 'quit', text: 'q quit'},
		];
		expect(footerText(pairs, 32)).toBe('enter open  …  ? help  q quit');
	});

	it.each(SCREENS)('%s at 80 and 60 columns: ? help stays visible and the line fits', screen => {
		for (const width of [80, 60]) {
			const text = footerText(pairsOf(screen), width);
			expect(text.length).toBeLessThanOrEqual(width);
			expect(text).toContain('? help');
			expect(text).not.toMatch(/\S…\S/); // no label cut in the middle
		}
	});
});
