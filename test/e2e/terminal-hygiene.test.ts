// Issue 9 item 7: after an uncaught error inside the running TUI the terminal is restored — main
// screen, cursor visible — and the error is one line, not a stack trace. (q, Ctrl-C and SIGTERM are in
// browse.test.ts.) The error is injected from outside (`node --import` a module that throws on SIGUSR2),
// with no hook in iamtui.
import path from 'node:path';
import {expect, it} from 'vitest';
import {LIGHTSAIL} from '../../scripts/seed.js';
import {cliPath, motoEnvironment, root} from '../helpers/cli.js';
import {e2eAccount} from '../helpers/e2e.js';
import {TmuxSession} from '../helpers/tmux.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const crashOnSignal = path.join(root, 'test', 'fixtures', 'preload', 'crash-on-signal.mjs');

describeWithMoto('e2e: terminal hygiene after an unexpected error', () => {
	const account = e2eAccount();

	it('an uncaught error: exit 70, terminal restored, one line on the main screen, the account not in the scrollback', async () => {
		const tui = TmuxSession.start({
			command: [process.execPath, '--import', crashOnSignal, cliPath, '--endpoint-url', account.moto().endpoint],
			env: motoEnvironment(),
			width: 120,
			height: 36,
			cwd: root,
		});
		try {
			await tui.waitFor('Users (40)');
			expect(tui.screen()).toContain(LIGHTSAIL.consoleUser);
			process.kill(tui.pid(), 'SIGUSR2');
			expect(await tui.waitForExit()).toBe(70);
			expect(tui.terminalState()).toEqual({alternateScreen: false, cursorVisible: true});
			const scrollback = tui.scrollback();
			expect(scrollback).toContain('iamtui: unexpected error: injected by the terminal-hygiene test (the terminal was restored)');
			expect(scrollback).not.toMatch(/^\s+at /m);
			expect(scrollback).not.toContain(LIGHTSAIL.consoleUser);
		} finally {
			tui.kill();
		}
	}, 180_000);
});
