// Keys typed ahead while the app is busy reach it as one chunk ("/ana", "jjj"). Each must count, in
// order, as if typed one by one: the first opens the filter, the rest land in it.
import {describe, expect, it} from 'vitest';
import {splitKeystrokes} from '../../source/ui/state/keystroke-pacer.js';
import {appHarness} from '../helpers/app.js';
import {keys} from '../helpers/render.js';

const harness = appHarness();
const selectedLine = (frame: string) => frame.split('\n').find(line => line.trimStart().startsWith('› ')) ?? '';

describe('keys typed ahead', () => {
	it('splits plain typing into keystrokes, never an escape sequence', () => {
		expect(splitKeystrokes('/ana')).toEqual(['/', 'a', 'n', 'a']);
		expect(splitKeystrokes('j')).toEqual(['j']);
		expect(splitKeystrokes('\u001B[B')).toEqual(['\u001B[B']);
		expect(splitKeystrokes('a😀b')).toEqual(['a', '😀', 'b']);
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
});
