// Ctrl+Z goes to the terminal's suspend (services.suspend) from anywhere, before any screen or text field
// sees it; on resume the frame is drawn whole, and a stop that did not happen is said. The process and
// the shell's side (stopped, fg, bg, kill %1) are in test/e2e/suspend.test.ts.
import {expect, it} from 'vitest';
import {appHarness} from '../helpers/app.js';
import {keys} from '../helpers/render.js';
import {openUser} from '../helpers/user-screen.js';

const CTRL_Z = '\u001A';
const app = appHarness();

/** A stand-in for the terminal session: records each Ctrl+Z and holds its resume. */
const terminal = () => {
	const resumes: Array<(stopped: boolean) => void> = [];
	return {resumes, suspend: (onResume: (stopped: boolean) => void) => resumes.push(onResume) > 0};
};

it('reaches the terminal while a filter is being typed, which keeps its text and focus', async () => {
	const stand = terminal();
	const {tui} = app.start({prepare: services => (services.suspend = stand.suspend)});
	await tui.waitFor('ana.silva');
	tui.write('/');
	await tui.type('ana');
	await tui.waitFor('/ana');
	tui.write(CTRL_Z);
	await tui.waitForFrame(() => stand.resumes.length === 1);
	stand.resumes[0]!(true);
	await tui.type('.s');
	const frame = await tui.waitFor('/ana.s');
	expect(frame).not.toMatch(/Ctrl\+Z/);
	tui.write(keys.escape);
	await tui.waitForFrame(frame => !frame.includes('/ana.s'));
});

it('says so when nothing stopped it (no job control)', async () => {
	const stand = terminal();
	const {tui} = app.start({prepare: services => (services.suspend = stand.suspend)});
	await tui.waitFor('ana.silva');
	tui.write(CTRL_Z);
	await tui.waitForFrame(() => stand.resumes.length === 1);
	stand.resumes[0]!(false);
	await tui.waitFor('Ctrl+Z: nothing here can stop iamtui (no job control: run it from a shell); q quits');
});

it('says so where it cannot suspend at all (Windows)', async () => {
	const {tui} = app.start({prepare: services => (services.suspend = () => false)});
	await tui.waitFor('ana.silva');
	tui.write(CTRL_Z);
	await tui.waitFor('Ctrl+Z: suspending is not available here; q quits');
});

it('a secret on the clipboard is cleared before the stop (a stopped process runs no 30 s timer), and said on resume', async () => {
	const stand = terminal();
	let clipboardAtStop: string | undefined;
	const {tui, services} = app.start({
		columns: 130,
		rows: 50,
		prepare: prepared =>
			(prepared.suspend = onResume => {
				clipboardAtStop = prepared.clipboardText();
				return stand.suspend(onResume);
			}),
	});
	await openUser(tui, 'carla.mendes');
	// K waits for the user's credentials (read after the screen opens): pressed until the plan is there.
	for (let tries = 0; !tui.lastFrame().includes('aws iam create-access-key --user-name carla.mendes'); tries++) {
		if (tries > 40) throw new Error(`no plan after K:\n${tui.lastFrame()}`);
		tui.write('K');
		await tui.waitFor('aws iam create-access-key --user-name carla.mendes', {timeoutMs: 250}).catch(() => undefined);
	}
	tui.write('y');
	const shown = await tui.waitFor('shown once — save or copy now');
	const secret = /Secret access key +(\S+)/.exec(shown)?.[1] ?? '';
	tui.write('c');
	await tui.waitFor('clipboard clears in 30 s');
	expect(services.clipboardText()).toBe(secret);
	tui.write(CTRL_Z);
	await tui.waitForFrame(() => stand.resumes.length === 1);
	expect(clipboardAtStop).toBe('');
	stand.resumes[0]!(true);
	// The stand-in does not redraw as the terminal does on fg (it sends the TUI a resize): a resize does.
	tui.resize(131, 50);
	await tui.waitFor('the clipboard was cleared as iamtui was suspended');
	// Still on the secret, which stays until dismissed.
	expect(tui.lastFrame()).toContain(secret);
});
