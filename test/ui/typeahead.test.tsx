// Keys typed ahead while the app is busy reach it as one chunk ("/ana", "jjj"). Each must count, in
// order, as if typed one by one: the first opens the filter, the rest land in it.
import {describe, expect, it, vi} from 'vitest';
import {splitKeystrokes} from '../../source/ui/hooks/keystroke-pacer.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {keys, type Rendered} from '../helpers/render.js';
import {toNamedUser, toTypedPassword} from '../helpers/create-user-steps.js';

const harness = appHarness();
const selectedLine = (frame: string) => frame.split('\n').find(line => line.trimStart().startsWith('› ')) ?? '';

/** The create-user wizard's step 2, "typed password" chosen, the cursor on the password field. */
const openPasswordField = async (tui: Rendered) => {
	await toNamedUser(tui, 'typist');
	await toTypedPassword(tui);
	tui.write(keys.tab);
	await tui.waitFor('› Password');
	expect(tui.lastFrame()).toMatch(/Access key +no\b/);
};

/** 14 bullets (the space is not in the password), the cursor on the access key, which now says yes. */
const expectAccessKeyToggled = async (tui: Rendered) => {
	const frame = await tui.waitFor(/› Access key +yes: create one/);
	expect(frame).toMatch(/Password +•{14}(?!•)/);
};

describe('keys typed ahead', () => {
	it('splits a chunk into keystrokes: characters one by one, escape sequences whole', () => {
		expect(splitKeystrokes('/ana')).toEqual(['/', 'a', 'n', 'a']);
		expect(splitKeystrokes('j')).toEqual(['j']);
		expect(splitKeystrokes('\u001B[B')).toEqual(['\u001B[B']);
		expect(splitKeystrokes('a😀b')).toEqual(['a', '😀', 'b']);
		// A password, then ↓ ↓ (CSI) and space: the keys of a fast typist or one tmux send-keys.
		expect(splitKeystrokes('secret\u001B[B\u001B[B ')).toEqual(['s', 'e', 'c', 'r', 'e', 't', '\u001B[B', '\u001B[B', ' ']);
		// SS3 arrows (application cursor mode), CSI with parameters (shift-tab, page down, ctrl-→).
		expect(splitKeystrokes('x\u001BOA\u001BOBy')).toEqual(['x', '\u001BOA', '\u001BOB', 'y']);
		expect(splitKeystrokes('\u001B[Z\u001B[6~\u001B[1;5C')).toEqual(['\u001B[Z', '\u001B[6~', '\u001B[1;5C']);
		// Alt-chords, alt-arrow (ESC ESC [ A), a lone ESC at the end or between keys.
		expect(splitKeystrokes('\u001Bbq\u001B\u001B[A')).toEqual(['\u001Bb', 'q', '\u001B\u001B[A']);
		expect(splitKeystrokes('ab\u001B')).toEqual(['a', 'b', '\u001B']);
		expect(splitKeystrokes('\u001B\u001Bq')).toEqual(['\u001B', '\u001Bq']);
		// An unterminated CSI is not allowed to swallow the keys after it.
		expect(splitKeystrokes('\u001B[12\u0001z')).toEqual(['\u001B[', '1', '2', '\u0001', 'z']);
	});

	it('"/heidi" in one chunk opens the filter and filters by heidi', async () => {
		const {tui} = harness.start();
		await tui.waitFor('Users (12)');
		tui.write('/heidi');
		const frame = await tui.waitFor(/\/heidi +1 of 12/);
		expect(frame).toMatch(/Users \(1\/12\)/);
		expect(frame).toContain('heidi.klum');
		expect(frame).not.toContain('bruno.costa');
	});

	it('"jjj" in one chunk moves three rows, then enter (in the same chunk) opens that user', async () => {
		const {tui} = harness.start();
		const first = await tui.waitFor('Users (12)');
		expect(selectedLine(first)).toContain('ana.silva');
		tui.write('jjj\r');
		// ana.silva → auditor → bruno.costa → carla.mendes (sorted by name).
		await tui.waitFor('User carla.mendes');
	});

	it('typed ahead into a text field, the keys arrive in order and nothing is dropped', async () => {
		const {tui} = harness.start();
		await tui.waitFor('Users (12)');
		tui.write('/');
		await tui.waitFor('type to filter');
		tui.write('gr');
		tui.write('ace');
		await tui.waitFor(/Users \(1\/12\)/);
		expect(tui.lastFrame()).toContain('grace.hopper');
		tui.write(keys.escape);
		await tui.waitFor('Users (12)');
	});

	it('a 200-character paste arrives whole, without React warning of nested updates', async () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			const {tui} = harness.start({columns: 240});
			await tui.waitFor('Users (12)');
			tui.write('/');
			await tui.waitFor('type to filter');
			const pasted = 'x'.repeat(199) + 'y';
			tui.write(pasted);
			await tui.waitFor(`/${pasted}`);
			expect(tui.lastFrame()).toMatch(/Users \(0\/12\)/);
			const warnings = errors.mock.calls.map(call => String(call[0]));
			expect(warnings.filter(text => text.includes('Maximum update depth'))).toEqual([]);
		} finally {
			errors.mockRestore();
		}
	});

	it('in the create-user wizard, a password then Down Down Space in one write: the space toggles the access key', async () => {
		const {tui, gateway} = harness.start({columns: 130});
		await openPasswordField(tui);
		// One chunk, as a fast typist or tmux send-keys delivers it.
		tui.write('secret-Horse-9\u001B[B\u001B[B ');
		await expectAccessKeyToggled(tui);
		expect(writesOf(gateway)).toEqual([]);
	});

	it('Down Down Space arriving in one read after the password: each key sees the focus the one before made', async () => {
		const {tui, gateway} = harness.start({columns: 130});
		await openPasswordField(tui);
		tui.write('secret-Horse-9');
		await tui.waitFor(new RegExp(`Password +${'•'.repeat(14)}`));
		// Ink hands these three keys over in one go: without pacing, the space met the password's focus.
		tui.write('\u001B[B\u001B[B ');
		await expectAccessKeyToggled(tui);
		expect(writesOf(gateway)).toEqual([]);
	});
});
