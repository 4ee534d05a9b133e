// Ctrl+Z suspends the TUI as any job in a shell: the shell's prompt and the main screen come back; `fg`
// brings the TUI back redrawn where it was (at the terminal's new size if it changed meanwhile); `bg`
// leaves it stopped; `kill %1` ends it without a frame in the scrollback. Where nothing can stop it (no
// job-control shell above it) it says so and goes on.
// The built binary in tmux against moto, under an interactive bash as an operator runs it.
import {afterEach, expect, it} from 'vitest';
import {LIGHTSAIL} from '../../scripts/seed.js';
import {cliPath, root} from '../helpers/cli.js';
import {e2eAccount} from '../helpers/e2e.js';
import {TmuxSession} from '../helpers/tmux.js';
import {describeWithMoto} from '../helpers/with-moto.js';

describeWithMoto('e2e: Ctrl+Z suspends the TUI', () => {
	const account = e2eAccount();
	let session: TmuxSession | undefined;
	afterEach(() => {
		session?.kill();
		session = undefined;
	});

	/** An interactive bash (job control on) in tmux, the TUI started from it and showing its users. */
	const fromShell = async (): Promise<TmuxSession> => {
		session = TmuxSession.start({command: ['bash', '--norc', '--noprofile', '-i'], env: {...account.env(), PS1: '$ '}, cwd: root, width: 120, height: 36});
		await session.waitFor(/^\$/m);
		session.type(`${process.execPath} ${cliPath} --endpoint-url ${account.moto().endpoint}`);
		session.keys('Enter');
		await session.waitFor('Users (40)', 60_000);
		return session;
	};

	it('stops as a job; fg redraws it where it was and keys work; bg leaves it stopped', async () => {
		const tui = await fromShell();
		tui.keys('j');
		await tui.waitFor('row 2/40');
		tui.keys('C-z');
		await tui.waitFor(/Stopped\s+\S*node/);
		expect(tui.terminalState()).toEqual({alternateScreen: false, cursorVisible: true});
		expect(tui.screen()).not.toContain(LIGHTSAIL.consoleUser);

		tui.type('bg');
		tui.keys('Enter');
		// Continued in the background it stops again (a TUI cannot run there), and leaves the terminal alone.
		await tui.waitFor(/&\n/);
		tui.type('jobs');
		tui.keys('Enter');
		await tui.waitFor(/\$ jobs\n\[1\]\+\s+Stopped/);
		expect(tui.terminalState().alternateScreen).toBe(false);

		// Resized while stopped (no SIGWINCH reaches a stopped job): drawn at the new size when back.
		tui.resize(90, 30);
		tui.type('fg');
		tui.keys('Enter');
		const back = await tui.waitFor(/^enter open .*q quit$/m);
		expect(back).toContain('row 2/40');
		expect(back).toContain(LIGHTSAIL.consoleUser);
		expect(tui.terminalState()).toEqual({alternateScreen: true, cursorVisible: false});
		tui.keys('j');
		await tui.waitFor('row 3/40');
		tui.keys('q');
		await tui.waitFor(/^\$\s*$/m);
		expect(tui.terminalState()).toEqual({alternateScreen: false, cursorVisible: true});
	}, 180_000);

	it('kill %1 on the stopped TUI ends it, with no frame left in the scrollback', async () => {
		const tui = await fromShell();
		tui.keys('C-z');
		await tui.waitFor(/Stopped\s+\S*node/);
		tui.type('kill %1');
		tui.keys('Enter');
		tui.type('sleep 1; jobs; echo listed');
		tui.keys('Enter');
		await tui.waitFor(/Terminated\s+\S*node[\s\S]*\nlisted\n/);
		expect(tui.terminalState()).toEqual({alternateScreen: false, cursorVisible: true});
		expect(tui.scrollback()).not.toContain(LIGHTSAIL.consoleUser);
	}, 180_000);

	it('with no job-control shell above it, Ctrl+Z says so and the TUI goes on', async () => {
		// TmuxSession runs the program under `sh -c`: its process group has no shell to stop it for.
		session = TmuxSession.start({command: [process.execPath, cliPath, '--endpoint-url', account.moto().endpoint], env: account.env(), cwd: root, width: 120, height: 36});
		await session.waitFor('Users (40)', 60_000);
		session.keys('C-z');
		await session.waitFor('Ctrl+Z: nothing here can stop iamtui');
		expect(session.terminalState().alternateScreen).toBe(true);
		session.keys('j');
		await session.waitFor('row 2/40');
	}, 180_000);
});
