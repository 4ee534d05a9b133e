// Start to first frame in a real pseudo-terminal (tmux): the built iamtui vs `aws iam list-users
// --max-items 1`. The pane is polled as fast as tmux answers (a few ms per capture); for iamtui we
// also time until the Users list is shown and read the process's RSS at that moment.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {TmuxSession} from '../../test/helpers/tmux.js';
import {median, sleep} from './pool.js';

export interface StartRun {
	firstFrameMs: number;
	/** iamtui only: until "Users (N)" is on screen, i.e. the snapshot is loaded and drawn. */
	usersShownMs?: number;
	/** iamtui only: VmRSS of the TUI process once the Users list is shown. */
	rssMb?: number;
	/** iamtui only: VmRSS after SETTLE_MS idle on the list (the load's garbage collected, or not). */
	rssSettledMb?: number;
}

export interface StartResult {
	runs: number;
	iamtui: {firstFrameMs: number; usersShownMs: number; rssMb: number; rssSettledMb: number; samples: StartRun[]};
	awsCli: {firstOutputMs: number; samples: StartRun[]};
}

const rssMb = (pid: number): number => {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
	return kb / 1024;
};

/** The tmux helper's shell prints this line when the program ends; it is not the program's output. */
const EXIT_LINE = /^\[iamtui-e2e exit \d+\]?.*$/m;
const programOutput = (screen: string) => screen.replace(EXIT_LINE, '').trim();

/**
 * Polls the pane every `intervalMs`. A capture costs tmux ~7 ms of CPU: polled back to back it takes
 * most of a core, which on a 2-core machine it takes from the program measured (and from moto).
 */
const poll = async (session: TmuxSession, done: (screen: string) => boolean, timeoutMs: number, intervalMs: number): Promise<string> => {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const screen = session.screen();
		if (done(screen)) return screen;
		if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms; the screen was:\n${screen}`);
		if (EXIT_LINE.test(screen)) throw new Error(`the program exited before the expected screen; the screen was:\n${screen}`);
		await sleep(intervalMs);
	}
};

/** Resolution of usersShownMs: at most this much late, a small error on a figure of seconds. */
const USERS_POLL_MS = 50;
/** How long the TUI sits idle on the list before its RSS is read a second time. */
const SETTLE_MS = 5_000;

const drawn = (screen: string) => programOutput(screen).length > 0;

const once = async (command: string[], root: string, usersPattern?: RegExp, timeoutMs = 120_000): Promise<StartRun> => {
	// CI=0: ink prints nothing until exit when it believes it runs in CI; we measure an operator's terminal.
	const env = {CI: '0', CONTINUOUS_INTEGRATION: '0'};
	const started = performance.now();
	const session = TmuxSession.start({command, env, cwd: root, width: 120, height: 40});
	// tmux servers outlive us: a Ctrl-C (process.exit in bench.ts) must not leave a TUI running.
	const killOnExit = () => session.kill();
	process.once('exit', killOnExit);
	try {
		// The first frame comes within a second or two: polled closely (2 ms between captures).
		await poll(session, drawn, timeoutMs, 2);
		const run: StartRun = {firstFrameMs: performance.now() - started};
		if (usersPattern) {
			// The list takes seconds (the snapshot): 50 ms between captures leaves the CPU to the TUI and moto.
			await poll(session, screen => usersPattern.test(screen), timeoutMs, USERS_POLL_MS);
			run.usersShownMs = performance.now() - started;
			run.rssMb = rssMb(session.pid());
			await sleep(SETTLE_MS);
			run.rssSettledMb = rssMb(session.pid());
		}
		return run;
	} finally {
		process.removeListener('exit', killOnExit);
		session.kill();
	}
};

export const measureStart = async (options: {root: string; endpoint: string; users: number; runs: number}): Promise<StartResult> => {
	const cli = path.join(options.root, 'dist', 'cli.js');
	const iamtui: StartRun[] = [];
	const awsCli: StartRun[] = [];
	const usersPattern = new RegExp(`Users \\(${options.users}\\)`);
	// Interleaved, so machine noise hits both sides alike.
	for (let n = 0; n < options.runs; n++) {
		iamtui.push(await once([process.execPath, cli, '--endpoint-url', options.endpoint], options.root, usersPattern));
		awsCli.push(await once(['aws', 'iam', 'list-users', '--max-items', '1', '--endpoint-url', options.endpoint], options.root));
	}
	return {
		runs: options.runs,
		iamtui: {
			firstFrameMs: median(iamtui.map(r => r.firstFrameMs)),
			usersShownMs: median(iamtui.map(r => r.usersShownMs!)),
			rssMb: median(iamtui.map(r => r.rssMb!)),
			rssSettledMb: median(iamtui.map(r => r.rssSettledMb!)),
			samples: iamtui,
		},
		awsCli: {firstOutputMs: median(awsCli.map(r => r.firstFrameMs)), samples: awsCli},
	};
};
