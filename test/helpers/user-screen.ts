// Opening a user from the Users list of the fixture account, and moving the cursor to a line of the
// User screen: steps the User screen's ui tests share.
import {expect} from 'vitest';
import {keys, tick, type Rendered} from './render.js';

export const selectedLine = (frame: string) => frame.split('\n').find(line => line.trimStart().startsWith('› ')) ?? '';
/** Which line of the frame is selected: two "none" lines read the same, their positions do not. */
const selectedRow = (frame: string) => frame.split('\n').findIndex(line => line.trimStart().startsWith('› '));

/** Filters the Users list (of the 12 fixture users) to `name` and opens it. */
export const openUser = async (tui: Rendered, name: string) => {
	await tui.waitFor('Users (12)');
	tui.write('/');
	await tui.waitFor('type to filter');
	await tui.type(name);
	tui.write(keys.enter);
	await tui.waitFor('esc clears');
	tui.write(keys.enter);
	await tui.waitFor(`User ${name}`);
};

/** Moves the cursor down until the selected line holds `text`. */
export const select = async (tui: Rendered, text: string) => {
	for (let n = 0; n < 40 && !selectedLine(tui.lastFrame()).includes(text); n++) {
		const before = selectedRow(tui.lastFrame());
		tui.write(keys.down);
		await tui.waitForFrame(f => selectedRow(f) !== before, {message: `looking for ${text}`});
		await tick();
	}
	expect(selectedLine(tui.lastFrame())).toContain(text);
};

/** Opens `user`, `c` (new signing certificate), types the PEM file path and submits it. */
export const submitCertificateFile = async (tui: Rendered, user: string, file: string) => {
	await openUser(tui, user);
	await tui.waitFor('Signing certificates');
	tui.write('c');
	await tui.waitFor(`Signing certificate for ${user}`);
	tui.write(keys.tab);
	await tui.waitFor('› PEM file');
	tui.write(file);
	await tui.waitFor(file);
	tui.write(keys.enter);
};
