// Issue 16 item 2: the TUI is in colour and bold in a real terminal — also when CI is inherited (Ink's
// "not CI" workaround used to make chalk drop every style) — and plain with NO_COLOR. Read from tmux
// with the styles (capture-pane -e).
import {expect, it} from 'vitest';
import {cliPath, motoEnvironment, root} from '../helpers/cli.js';
import {e2eAccount} from '../helpers/e2e.js';
import {TmuxSession} from '../helpers/tmux.js';
import {describeWithMoto} from '../helpers/with-moto.js';

// SGR sequences that colour or style: bold (1), inverse (7), a foreground/background colour (3x, 4x, 9x, 38;…).
const STYLE = /\u001B\[(?:[\d;]*;)?(?:1|7|3[0-8]|4[0-8]|9[0-7])(?:;[\d;]*)?m/;
// Any SGR sequence at all, a plain reset included.
const ANY_SGR = /\u001B\[[\d;]*m/;

describeWithMoto('e2e: colour', () => {
	const account = e2eAccount();

	const styledUsers = async (env: Record<string, string>): Promise<string> => {
		const base = motoEnvironment();
		for (const name of ['NO_COLOR', 'FORCE_COLOR', 'COLORTERM']) delete base[name];
		const tui = TmuxSession.start({
			command: [process.execPath, cliPath, '--endpoint-url', account.moto().endpoint],
			env: {...base, TERM: 'xterm-256color', ...env},
			width: 120,
			height: 36,
			cwd: root,
		});
		try {
			await tui.waitFor('Users (40)');
			return tui.styledScreen();
		} finally {
			tui.kill();
		}
	};

	it('colours and bold reach the terminal, also when CI=true is inherited', async () => {
		for (const env of [{}, {CI: 'true'}] as Record<string, string>[]) {
			const screen = await styledUsers(env);
			expect(screen).toMatch(STYLE);
			expect(screen).toContain('Users (40)');
		}
	}, 180_000);

	it('NO_COLOR=1: no colour and no style at all; FORCE_COLOR=0 too', async () => {
		for (const env of [{NO_COLOR: '1'}, {FORCE_COLOR: '0'}] as Record<string, string>[]) {
			const screen = await styledUsers(env);
			expect(screen).toContain('Users (40)');
			expect(screen).not.toMatch(ANY_SGR);
		}
	}, 180_000);
});
