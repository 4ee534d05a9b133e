// Renders an Ink tree into a fake terminal of a chosen size and waits for frames by polling — never a
// fixed sleep. After writing keys, wait for the frame you expect, then `tick()` before the next write,
// or the next key can race the render.
import {EventEmitter} from 'node:events';
import {render as inkRender, type Instance} from 'ink';
import type {ReactElement} from 'react';
import {FakeStdin} from './fake-stdin.js';

class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	frames: string[] = [];
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
	lastFrame = () => this.frames[this.frames.length - 1] ?? '';
}


export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
} as const;

export interface Rendered {
	lastFrame(): string;
	/** Writes keys to stdin (one write: a string of several printable characters arrives as a paste). */
	write(data: string): void;
	/** Writes each character (or named key) separately, waiting a tick between them. */
	type(text: string): Promise<void>;
	waitForFrame(predicate: (frame: string) => boolean, options?: {timeoutMs?: number; message?: string}): Promise<string>;
	/** Waits for text to appear, then yields a tick so the next key does not race the render. */
	waitFor(text: string | RegExp, options?: {timeoutMs?: number}): Promise<string>;
	resize(columns: number, rows: number): void;
	unmount(): void;
	instance: Instance;
}

export const tick = () => new Promise<void>(resolve => setTimeout(resolve, 0));

/** Text with every space and line break dropped: a line the screen wrapped reads whole again. */
export const compact = (text: string) => text.replace(/\s+/g, '');

const stripAnsi = (text: string) => text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');

export const renderTui = (tree: ReactElement, size: {columns?: number; rows?: number} = {}): Rendered => {
	const stdout = new FakeStdout(size.columns ?? 100, size.rows ?? 30);
	const stdin = new FakeStdin();
	const instance = inkRender(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(100, 30) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const lastFrame = () => stripAnsi(stdout.lastFrame());
	const waitForFrame: Rendered['waitForFrame'] = async (predicate, options = {}) => {
		const deadline = Date.now() + (options.timeoutMs ?? 5000);
		for (;;) {
			const frame = lastFrame();
			if (predicate(frame)) return frame;
			if (Date.now() > deadline)
				throw new Error(`${options.message ?? 'Timed out waiting for a frame'}; last frame:\n${frame}`);
			await new Promise(resolve => setTimeout(resolve, 5));
		}
	};
	return {
		instance,
		lastFrame,
		write: data => stdin.write(data),
		async type(text) {
			for (const char of Array.from(text)) {
				stdin.write(char);
				await tick();
			}
		},
		waitForFrame,
		async waitFor(text, options = {}) {
			const frame = await waitForFrame(f => (typeof text === 'string' ? f.includes(text) : text.test(f)), {
				...options,
				message: `Timed out waiting for ${String(text)}`,
			});
			await tick();
			return frame;
		},
		resize(columns, rows) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
		},
		unmount: () => instance.unmount(),
	};
};
