// The TUI draws in the terminal's alternate screen so nothing (no secret, no account data) stays in
// the scrollback, and the terminal is put back on every way out: q, Ctrl-C, SIGTERM, a crash.
import type {Environment} from './model/connection.js';

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

/**
 * The colours this terminal shows (0 none, 1 basic, 2 256, 3 truecolor), read from TERM and COLORTERM
 * as chalk does — but not from CI, which says nothing about the operator's terminal.
 */
export const terminalColourLevel = (env: Environment): 0 | 1 | 2 | 3 => {
	const term = env.TERM ?? '';
	if (term === 'dumb') return 0;
	if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' || term === 'xterm-kitty' || term === 'xterm-ghostty') return 3;
	if (env.TERM_PROGRAM === 'iTerm.app') return 3;
	if (/-256(color)?$/i.test(term) || env.TERM_PROGRAM === 'Apple_Terminal') return 2;
	if (/^screen|^xterm|^vt100|^vt220|^rxvt|^tmux|color|ansi|cygwin|linux/i.test(term) || 'COLORTERM' in env) return 1;
	// Windows terminals of Node 20's era all do colour; TERM is usually unset there.
	return process.platform === 'win32' ? 1 : 0;
};

/**
 * Before Ink loads (the TUI runs in a real terminal, checked by the caller): Ink takes an inherited CI
 * variable to mean "output is a log" and draws nothing until exit, so CI is set to "0" — but chalk,
 * which styles every frame, drops all colour and bold whenever CI is set at all. So the colour level is
 * decided here and handed to chalk through FORCE_COLOR: the operator's own FORCE_COLOR first, then
 * NO_COLOR (https://no-color.org: no colour, no styles), then what the terminal supports.
 */
export const prepareInkEnvironment = (env: Environment): void => {
	if (env.FORCE_COLOR === undefined) {
		env.FORCE_COLOR = env.NO_COLOR ? '0' : String(terminalColourLevel(env));
	}
	env.CI = '0';
};
