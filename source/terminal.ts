// The TUI draws in the terminal's alternate screen so nothing (no secret, no account data) stays in
// the scrollback, and the terminal is put back on every way out: q, Ctrl-C, SIGTERM, a crash.
import {readFileSync} from 'node:fs';
import type {Environment} from './model/connection.js';

const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';
const HIDE_CURSOR = '\u001B[?25l';

/** How long a Ctrl+Z waits to be stopped before it takes the stop as refused (see suspend). */
const STOP_REFUSED_AFTER_MS = 250;

export interface TerminalSession {
	restore(): void;
	/**
	 * Ctrl+Z: the terminal as the shell left it, the process stopped as a shell's job is; on `fg`, the
	 * alternate screen again and `onResume` (the app draws its frame). False where there is no job control.
	 */
	suspend(onResume: (stopped: boolean) => void): boolean;
	/**
	 * On a way out, before Ink draws its last frame: back in the alternate screen if suspended, so that
	 * frame (a secret, account data) never lands in the shell's scrollback.
	 */
	beforeLastFrame(): void;
	/** Whether this process's group holds the terminal (false: a stopped or background job). */
	inForeground(): boolean;
}

/**
 * A terminal resized while the job was stopped sent it no SIGWINCH (only the foreground job hears one):
 * one is sent now, and Node reads the size again and tells a change as a resize.
 */
const sizeAgain = (stdout: NodeJS.WriteStream): void => {
	if (stdout.isTTY) process.kill(process.pid, 'SIGWINCH');
};

/**
 * Whether this process's group owns the terminal (Linux: /proc/self/stat's pgrp and tpgid). Where that
 * cannot be read, taken as yes: continued is then taken as `fg`.
 */
const inForeground = (stdin: NodeJS.ReadStream): boolean => {
	if (!stdin.isTTY) return true;
	try {
		const stat = readFileSync('/proc/self/stat', 'utf8');
		// After "pid (comm) ": state ppid pgrp session tty_nr tpgid; comm may hold spaces and parentheses.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return fields[2] === fields[5];
	} catch {
		return true;
	}
};

export const enterAlternateScreen = (stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): TerminalSession => {
	let restored = false;
	stdout.write(ENTER_ALT_SCREEN);
	let suspended = false;
	return {
		restore() {
			if (restored) return;
			restored = true;
			if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
			// Leave first, then show the cursor: leaving restores the main screen's saved state.
			stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
		},
		suspend(onResume) {
			if (restored || suspended || process.platform === 'win32') return false;
			suspended = true;
			const raw = Boolean(stdin.isTTY && stdin.isRaw);
			if (raw) stdin.setRawMode(false);
			stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
			let refusedTimer: NodeJS.Timeout | undefined;
			const resume = (stopped: boolean) => {
				process.off('SIGCONT', onContinue);
				clearTimeout(refusedTimer);
				suspended = false;
				if (restored) return;
				if (raw) stdin.setRawMode(true);
				stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
				sizeAgain(stdout);
				onResume(stopped);
			};
			const stop = () => {
				// The whole process group, as the terminal's own Ctrl+Z would: under `npm run demo` the parents
				// stop too, so the shell, which waits on the job, gets its prompt back.
				process.kill(0, 'SIGTSTP');
				// A group without a job-control shell above it (an orphaned group) is never stopped: the kernel
				// drops the signal, and no SIGCONT comes. Stopped and continued, SIGCONT is already pending when
				// kill returns and is heard on the loop's next turn. Timers count from the loop's clock, which
				// does not move while the process is stopped: the wait is checked against the real one.
				const sent = performance.now();
				const refused = () => {
					const left = STOP_REFUSED_AFTER_MS - (performance.now() - sent);
					if (left > 0) refusedTimer = setTimeout(refused, left);
					else resume(false);
				};
				refusedTimer = setTimeout(refused, STOP_REFUSED_AFTER_MS);
			};
			// Continued by `fg`: the terminal is ours again. Continued in the background (`bg`, or `kill %1`,
			// which sends SIGTERM then SIGCONT): setting the terminal's mode from there would stop the process
			// anew (SIGTTOU) — so a quit that came with it is heard first, else it stops again, as a TUI that
			// reads from the background does.
			const onContinue = () => {
				clearTimeout(refusedTimer);
				setImmediate(() => {
					if (restored) return;
					if (inForeground(stdin)) resume(true);
					else stop();
				});
			};
			process.on('SIGCONT', onContinue);
			stop();
			return true;
		},
		inForeground: () => inForeground(stdin),
		beforeLastFrame() {
			// Writes only: a background job may write to the terminal, not set its mode.
			if (suspended && !restored) stdout.write(ENTER_ALT_SCREEN);
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
