// Drives a real program in a real terminal: tmux on a private socket, send keys, read the screen.
// Used by the e2e tests to run the built iamtui binary like an operator would.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const quote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

let counter = 0;
const EXIT_MARKER = '[iamtui-e2e exit ';

export interface TmuxOptions {
	command: string[];
	env?: Record<string, string>;
	width?: number;
	height?: number;
	cwd?: string;
}

export class TmuxSession {
	private constructor(
		private readonly socket: string,
		private readonly config: string,
	) {}

	static start(options: TmuxOptions): TmuxSession {
		try {
			execFileSync('tmux', ['-V']);
		} catch {
			throw new Error('the e2e tests need tmux, and it is not installed (apt-get install tmux)');
		}
		const dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-tmux-'));
		const config = path.join(dir, 'tmux.conf');
		writeFileSync(config, 'set -g history-limit 5000\nset -g default-terminal "xterm-256color"\n');
		const socket = `iamtui-e2e-${process.pid}-${counter++}`;
		const env = Object.entries({TERM: 'xterm-256color', ...options.env}).map(([k, v]) => `${k}=${quote(v)}`);
		// Run under a shell, as an operator would: the shell prints the exit status and keeps the pane (and
		// tmux's view of the terminal modes the program left behind) until the test reads them.
		const shell = `cd ${quote(options.cwd ?? process.cwd())} && env ${env.join(' ')} ${options.command.map(quote).join(' ')}; printf '\\n${EXIT_MARKER}%d\\n' $?; exec sleep 600`;
		const session = new TmuxSession(socket, config);
		session.tmux('new-session', '-d', '-s', 'main', '-x', String(options.width ?? 120), '-y', String(options.height ?? 40), shell);
		return session;
	}

	private tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, '-f', this.config, ...args], {encoding: 'utf8'});
	}

	/** The visible screen, as text. */
	screen(): string {
		return this.tmux('capture-pane', '-p', '-t', 'main');
	}

	/** The visible screen with its colours and styles, as SGR escape sequences (capture-pane -e). */
	styledScreen(): string {
		return this.tmux('capture-pane', '-e', '-p', '-t', 'main');
	}

	/** Everything the terminal kept, scrollback included. */
	scrollback(): string {
		return this.tmux('capture-pane', '-p', '-S', '-', '-t', 'main');
	}

	/** tmux key names: 'Enter', 'Escape', 'Down', 'C-c', or plain characters. */
	keys(...keys: string[]): void {
		this.tmux('send-keys', '-t', 'main', ...keys);
	}

	type(text: string): void {
		this.tmux('send-keys', '-t', 'main', '-l', text);
	}

	/** Resizes the terminal, as an operator dragging its window would. */
	resize(width: number, height: number): void {
		this.tmux('resize-window', '-t', 'main', '-x', String(width), '-y', String(height));
	}

	/** Appends all the program writes to the terminal from now on to `file` (tmux pipe-pane), until stop(). */
	recordOutput(file: string): {stop(): void} {
		this.tmux('pipe-pane', '-o', '-t', 'main', `cat >> ${quote(file)}`);
		return {stop: () => this.tmux('pipe-pane', '-t', 'main')};
	}

	private format(format: string): string {
		return this.tmux('display-message', '-p', '-t', 'main', format).trim();
	}

	/** The program's exit status once it has exited (printed by the wrapping shell), else undefined. */
	get exitStatus(): number | undefined {
		const match = this.screen().match(/\[iamtui-e2e exit (\d+)/);
		return match ? Number(match[1]) : undefined;
	}

	/** Whether the program left the terminal sane: main screen, cursor visible. */
	terminalState(): {alternateScreen: boolean; cursorVisible: boolean} {
		return {alternateScreen: this.format('#{alternate_on}') === '1', cursorVisible: this.format('#{cursor_flag}') === '1'};
	}

	/** The program's pid (the child of the pane's shell). */
	pid(): number {
		const shell = this.format('#{pane_pid}');
		const children = execFileSync('pgrep', ['-P', shell], {encoding: 'utf8'}).trim().split('\n');
		return Number(children[0]);
	}

	async waitFor(expected: string | RegExp | ((screen: string) => boolean), timeoutMs = 20_000): Promise<string> {
		const matches = (screen: string) =>
			typeof expected === 'string' ? screen.includes(expected) : expected instanceof RegExp ? expected.test(screen) : expected(screen);
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		while (Date.now() < deadline) {
			screen = this.screen();
			if (matches(screen)) return screen;
			await new Promise(resolve => setTimeout(resolve, 100));
		}
		throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(expected)}; the screen was:\n${screen}`);
	}

	async waitForExit(timeoutMs = 10_000): Promise<number> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const status = this.exitStatus;
			if (status !== undefined) return status;
			await new Promise(resolve => setTimeout(resolve, 100));
		}
		throw new Error(`the program did not exit within ${timeoutMs} ms; the screen was:\n${this.screen()}`);
	}

	kill(): void {
		try {
			this.tmux('kill-server');
		} catch {
			// already gone
		}
	}
}
