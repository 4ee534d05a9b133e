// Issue 16, item 10/5: `?` on the show-once secret opens the help over it without showing the secret
// in the help or losing it (esc brings the same secret back, not wiped, still unsaved), and Ctrl-C — on
// the secret or with the help over it — gives the same "not saved" question as q instead of quitting.
// The whole App against the fixture account, at 80×24 and at 200×60.
import {describe, expect, it} from 'vitest';
import {appHarness} from '../helpers/app.js';
import {fillCreateUserWizard} from '../helpers/create-user-steps.js';
import {keys, tick, type Rendered} from '../helpers/render.js';

const CTRL_C = '\u0003';
const NOT_SAVED = 'you have not saved it: dismiss anyway? y/n';
const harness = appHarness();

/** Resolves true if the app exits within `ms`, false if it is still running. */
const exits = (tui: Rendered, ms = 300): Promise<boolean> =>
	Promise.race([tui.instance.waitUntilExit().then(() => true), new Promise<boolean>(resolve => setTimeout(() => resolve(false), ms))]);

/** The create-user wizard with a password and an access key, run: the secrets on screen. */
const issueSecrets = async (tui: Rendered) => {
	await fillCreateUserWizard(tui, {name: 'lena.new'});
	tui.write('y');
	const shown = await tui.waitFor(/Secret access key +\S+/);
	return /Secret access key +(\S+)/.exec(shown)![1]!;
};

describe.each([
	{columns: 80, rows: 24},
	{columns: 200, rows: 60},
])('help and Ctrl-C over the show-once secret at $columns×$rows', size => {
	it('? shows the help without the secret; esc brings the same secret back, still asking before a dismiss', async () => {
		const {tui} = harness.start(size);
		const key = await issueSecrets(tui);
		tui.write('?');
		const help = await tui.waitFor('Keys — secret');
		expect(help).not.toContain(key);
		expect(help).not.toContain('Secret access key');
		tui.write(keys.escape);
		const back = await tui.waitFor(/Secret access key +\S+/);
		expect(/Secret access key +(\S+)/.exec(back)![1]).toBe(key);
		await tick();
		tui.write('q');
		await tui.waitFor(NOT_SAVED);
		expect(await exits(tui)).toBe(false);
	});

	it('Ctrl-C with the help open closes it and asks as q does; n keeps the secret', async () => {
		const {tui} = harness.start(size);
		const key = await issueSecrets(tui);
		tui.write('?');
		await tui.waitFor('Keys — secret');
		tui.write(CTRL_C);
		const asked = await tui.waitFor(NOT_SAVED);
		expect(asked).not.toContain('Keys — secret');
		expect(await exits(tui)).toBe(false);
		tui.write('n');
		const kept = await tui.waitForFrame(frame => !frame.includes(NOT_SAVED) && /Secret access key +\S+/.test(frame));
		expect(/Secret access key +(\S+)/.exec(kept)![1]).toBe(key);
	});
});
