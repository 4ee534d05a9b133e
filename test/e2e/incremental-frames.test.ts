// The TUI redraws incrementally (issue 17): the frame is one row shorter than the terminal, so Ink
// rewrites only the rows a key press changed instead of clearing the screen and writing every row. Run
// on the bundled demo export, offline. A stale row would show as a screen that differs from the same
// frame drawn from scratch; a full clear would show in the bytes written per key press.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {cliPath, motoEnvironment, root} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';

const WIDTH = 120;
const HEIGHT = 36;
const CLEAR_SCREEN = '\u001B[2J';

let tui: TmuxSession | undefined;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'iamtui-incremental-'));
afterEach(() => {
	tui?.kill();
	rmSync(scratch, {recursive: true, force: true});
});

const lines = (screen: string) => screen.replace(/\n$/, '').split('\n');

/** The frame's shape on a terminal `height` rows tall: status line first, the footer on the row above the last, the last row empty. */
const expectFrame = (screen: string, height: number, row: number) => {
	const rows = lines(screen);
	expect(rows).toHaveLength(height);
	expect(rows[0]).toMatch(/^ READ-ONLY /);
	expect(rows[1]).toContain(`row ${row}/40`);
	expect(rows[height - 2]).toMatch(/^enter open .* q quit$/);
	expect(rows[height - 1]).toBe('');
	expect(rows.filter(r => r.startsWith('›'))).toHaveLength(1);
};

// The status line's snapshot time differs between two runs, and a narrow status line cuts it anywhere (05:…).
const unclocked = (screen: string) => screen.replace(/snapshot \d[^\n]*/, 'snapshot (time)');

const open = (width: number, height: number) =>
	TmuxSession.start({
		command: [process.execPath, cliPath, '--from-file', path.join(root, 'demo', 'demo-account.json')],
		env: motoEnvironment(path.join(scratch, `config-${width}x${height}`)),
		width,
		height,
		cwd: root,
	});

/** The list's rows: between its header (NAME …) and the footer. */
const listRows = (screen: string) => {
	const rows = lines(screen);
	const header = rows.findIndex(r => r.startsWith('  NAME '));
	return rows.slice(header + 1, rows.length - 2).filter(r => r.trim() !== '');
};
/** The frame without the list's rows. */
const outline = (screen: string) => {
	const rows = lines(screen);
	const header = rows.findIndex(r => r.startsWith('  NAME '));
	return [...rows.slice(0, header + 1), ...rows.slice(rows.length - 2)];
};

/** The same list, `row` selected (the list not scrolled), drawn from scratch by a second iamtui started at that size. */
const drawnFromScratch = async (width: number, height: number, row: number): Promise<string> => {
	const fresh = open(width, height);
	try {
		await fresh.waitFor('Users (40)');
		for (let n = 1; n < row; n++) fresh.keys('Down');
		return unclocked(await fresh.waitFor(s => listRows(s).findIndex(r => r.startsWith('›')) === row - 1));
	} finally {
		fresh.kill();
	}
};

/** Waits until the screen is `expected` (a stale row would stay: nothing redraws a row that did not change). */
const settlesOn = async (session: TmuxSession, expected: string): Promise<string> => {
	try {
		return unclocked(await session.waitFor(s => unclocked(s) === expected, 5000));
	} catch {
		return unclocked(session.screen());
	}
};

it('a move rewrites the changed rows only, well under a full screen, and leaves no stale row; resizes and help too', async () => {
	tui = open(WIDTH, HEIGHT);
	const first = await tui.waitFor('row 1/40');
	expectFrame(first, HEIGHT, 1);

	// Twenty moves inside the visible rows, one frame each, recorded as the terminal receives them.
	const file = path.join(scratch, 'output.bin');
	const recording = tui.recordOutput(file);
	for (let row = 2; row <= 21; row++) {
		tui.keys('Down');
		await tui.waitFor(`row ${row}/40`);
	}
	await new Promise(resolve => setTimeout(resolve, 300));
	recording.stop();
	const written = readFileSync(file, 'latin1');
	const moved = tui.screen();
	expectFrame(moved, HEIGHT, 21);
	// Clearing the screen and writing the whole frame costs at least the screen's text per move; the
	// incremental redraw writes the two rows that changed and the position (about 430 bytes here).
	const perMove = written.length / 20;
	expect(written).not.toContain(CLEAR_SCREEN);
	expect(perMove).toBeLessThan(Buffer.byteLength(moved) / 3);
	expect(unclocked(moved)).toBe(await drawnFromScratch(WIDTH, HEIGHT, 21));

	// Narrower and taller: Ink draws its last frame at the new width at once, before the app re-renders.
	tui.resize(110, 38);
	const narrower = await drawnFromScratch(110, 38, 21);
	expect(await settlesOn(tui, narrower)).toBe(narrower);
	tui.keys('Down');
	await tui.waitFor('row 22/40');

	// Resizes in quick succession: the terminal drops top rows when it loses some, unseen by the app.
	for (const [width, height] of [
		[90, 25],
		[70, 35],
		[130, 28],
		[100, 36],
	] as const)
		tui.resize(width, height);
	tui.keys('Down');
	// The list may scroll differently through the smaller sizes: the rows shown must be the list's own, in
	// order, around the selected one, and every other row as drawn from scratch.
	const all = await drawnFromScratch(100, 46, 23);
	const expected = await drawnFromScratch(100, 36, 23);
	const settled = await tui.waitFor(s => s.includes('row 23/40') && lines(s).length === 36 && lines(s)[34]!.includes('q quit'));
	await new Promise(resolve => setTimeout(resolve, 500));
	const resized = unclocked(tui.screen());
	expect(resized).toBe(unclocked(settled));
	expectFrame(resized, 36, 23);
	expect(outline(resized)).toEqual(outline(expected));
	expect(listRows(all).join('\n')).toContain(listRows(resized).join('\n'));
	expect(listRows(resized)).toHaveLength(listRows(expected).length);
	expect(listRows(resized).find(r => r.startsWith('›'))).toBe(listRows(expected).find(r => r.startsWith('›')));

	// Help over the list, and back: the list as it was, no row of the help left behind.
	tui.keys('?');
	await tui.waitFor('Show or hide this help');
	tui.keys('Escape');
	expect(await settlesOn(tui, resized)).toBe(resized);

	tui.keys('q');
	expect(await tui.waitForExit()).toBe(0);
	expect(tui.terminalState()).toEqual({alternateScreen: false, cursorVisible: true});
}, 60_000);
