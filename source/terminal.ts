// The TUI draws in the terminal's alternate screen so nothing (no secret, no account data) stays in
// the scrollback, and the terminal is put back on every way out: q, Ctrl-C, SIGTERM, a crash.
const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

export interface TerminalSession {
	restore(): void;
}

export const enterAlternateScreen = (stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): TerminalSession => {
	let restored = false;
	stdout.write(ENTER_ALT_SCREEN);
	return {
		restore() {
			if (restored) return;
			restored = true;
			if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
			// Leave first, then show the cursor: leaving restores the main screen's saved state.
			stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
		},
	};
};

/** True when keys can be read one at a time (Ink's raw mode); false for pipes and CI. */
export const isInteractive = (stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): boolean =>
	Boolean(stdin.isTTY && stdout.isTTY && typeof stdin.setRawMode === 'function');
