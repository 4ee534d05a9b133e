// Keypress to frame on the Users screen, in-process: the real App rendered by Ink as the binary renders it
// (not debug mode, so its real 30 fps throttle and incremental log-update path run) into a fake terminal whose write() stamps the
// time. A key's latency = stdin write → the first frame written after it that shows its effect.
import {EventEmitter} from 'node:events';
import {createElement, type ReactElement} from 'react';
import {render} from 'ink';
import {App} from '../../source/app.js';
import type {Services} from '../../source/ui/hooks/services.js';
import {percentile, sleep} from './pool.js';
import {FakeStdin} from '../../test/helpers/fake-stdin.js';

/** A terminal that stamps the time of each write (shared with who-can-keys.ts). */
export class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	columns = 120;
	rows = 40;
	onWrite: ((text: string, at: number) => void) | undefined;
	write = (chunk: string | Uint8Array) => {
		this.onWrite?.(String(chunk), performance.now());
		return true;
	};
}


/** What a FakeStdout shows: the latest frame, and the time of the first frame after now that `accept` takes. */
export const frameWatcher = (stdout: FakeStdout, onUnawaited?: () => void) => {
	let frame = '';
	let waiter: {accept: (frame: string) => boolean; resolve: (at: number) => void} | undefined;
	stdout.onWrite = (text, at) => {
		const visible = strip(text);
		if (visible.trim() === '') return;
		frame = visible;
		if (waiter?.accept(visible)) {
			waiter.resolve(at);
			waiter = undefined;
		} else if (!waiter) onUnawaited?.();
	};
	const nextFrame = (accept: (frame: string) => boolean, timeoutMs = 10_000) =>
		new Promise<number>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms; last frame:\n${frame}`)), timeoutMs);
			waiter = {accept, resolve: at => (clearTimeout(timer), resolve(at))};
		});
	return {frame: () => frame, nextFrame};
};

/** The App into the fake terminal, rendered as the binary renders it (tui.tsx): a key rewrites the rows it changed. */
export const renderAsTheBinary = (app: ReactElement, stdout: FakeStdout, stdin: FakeStdin) =>
	render(app, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout() as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		exitOnCtrlC: false,
		patchConsole: false,
		incrementalRendering: true,
	});

const KEYS = {up: '\u001B[A', down: '\u001B[B', backspace: '\u007F'};
const strip = (text: string) => text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');
const cursorRow = (frame: string) => /› (\S+)/.exec(frame)?.[1];
/** More than Ink's 33 ms render throttle: each key starts from an idle app, as a person typing. */
const GAP_MS = 40;

export interface KeypressResult {
	/** ↓ (and ↑ once the end is reached). */
	moves: number;
	filterKeys: number;
	moveP50Ms: number;
	moveP99Ms: number;
	filterP50Ms: number;
	filterP99Ms: number;
	allP50Ms: number;
	allP99Ms: number;
	/** Frames written after a key's frame and before the next key (a second render pass, timers). */
	extraFrames: number;
	/** From render to the first frame with the Users list (the snapshot is handed over at once). */
	listShownMs: number;
}

export const measureKeypresses = async (options: {
	services: Services;
	endpoint: string;
	users: string[];
	moves: number;
	filterRounds: number;
}): Promise<KeypressResult> => {
	const stdout = new FakeStdout();
	const stdin = new FakeStdin();
	let extra = 0;
	let measuring = false;
	const {frame, nextFrame} = frameWatcher(stdout, () => {
		if (measuring) extra++;
	});

	const rendered = performance.now();
	// A frame is then the write a key caused.
	const instance = renderAsTheBinary(createElement(App, {services: options.services, initial: {endpoint: options.endpoint}}), stdout, stdin);
	try {
		const loaded = `Users (${options.users.length})`;
		const listShownMs = frame().includes(loaded) ? performance.now() - rendered : (await nextFrame(f => f.includes(loaded), 120_000)) - rendered;
		await sleep(300);

		/** Sends one key; ms until the first frame `accept` takes (given the frame shown before the key). */
		const press = async (key: string, accept: (next: string, before: string) => boolean): Promise<number> => {
			const before = frame();
			const shown = nextFrame(next => accept(next, before));
			const started = performance.now();
			stdin.write(key);
			const at = await shown;
			await sleep(GAP_MS);
			return at - started;
		};
		const changed = (next: string, before: string) => next !== before;

		measuring = true;
		const moves: number[] = [];
		const moved = (next: string, before: string) => cursorRow(next) !== undefined && cursorRow(next) !== cursorRow(before);
		// Down through the list; back up from the last row when the list is shorter than the moves.
		const span = Math.max(1, options.users.length - 1);
		for (let n = 0; n < options.moves; n++) moves.push(await press(Math.floor(n / span) % 2 === 0 ? KEYS.down : KEYS.up, moved));

		measuring = false;
		await press('/', next => next.includes('type to filter'));
		measuring = true;
		const filters: number[] = [];
		for (let round = 0; round < options.filterRounds; round++) {
			// A name from across the list, typed a character at a time, then erased.
			const query = options.users[Math.floor(((round + 0.5) / options.filterRounds) * options.users.length)]!;
			for (const char of query) filters.push(await press(char, changed));
			for (let n = 0; n < query.length; n++) filters.push(await press(KEYS.backspace, changed));
		}
		measuring = false;
		const all = [...moves, ...filters];
		return {
			moves: moves.length,
			filterKeys: filters.length,
			moveP50Ms: percentile(moves, 50),
			moveP99Ms: percentile(moves, 99),
			filterP50Ms: percentile(filters, 50),
			filterP99Ms: percentile(filters, 99),
			allP50Ms: percentile(all, 50),
			allP99Ms: percentile(all, 99),
			extraFrames: extra,
			listShownMs,
		};
	} finally {
		instance.unmount();
	}
};
