// A secret on the clipboard, cleared again after 30 seconds if the clipboard still holds it. The secret
// arrives as a Secret value and is revealed only while the clipboard is set.
import {createHash} from 'node:crypto';
import type {Secret} from '../model/secret.js';
import type {Clipboard} from './clipboard.js';

export type ClipboardOutcome = 'cleared' | 'changed' | 'cancelled' | 'failed';

export interface ClipboardHandle {
	/** Seconds until the clipboard is cleared. */
	readonly seconds: number;
	/** Clears the clipboard now if it still holds the secret, and stops the timer (on dismiss or quit). */
	clear(): Promise<ClipboardOutcome>;
	/** Stops the timer and leaves the clipboard as it is. */
	cancel(): void;
	/** Settles once: 'cleared', 'changed' (someone copied something else meanwhile: left alone), 'cancelled' or 'failed'. */
	readonly done: Promise<ClipboardOutcome>;
}

export interface Timers {
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(id: unknown): void;
}

// Looked up at call time, so fake timers installed later (tests) are the ones used.
const globalTimers: Timers = {
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: id => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export type CopyResult = {ok: true; handle: ClipboardHandle} | {ok: false; message: string};

// The handle remembers a digest, not the secret: it must still work after the Secret is wiped.
const digest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Puts the secret on the clipboard and clears it after `seconds`, but only if it still holds the secret. */
export const copyWithAutoClear = async (
	text: Secret,
	options: {clipboard: Clipboard; seconds?: number; timers?: Timers},
): Promise<CopyResult> => {
	const {clipboard, seconds = 30, timers = globalTimers} = options;
	let value: string;
	try {
		value = text.reveal();
	} catch (error) {
		return {ok: false, message: (error as Error).message};
	}
	const mark = digest(value);
	try {
		await clipboard.write(value);
	} catch (error) {
		return {ok: false, message: `Could not copy to the clipboard: ${(error as Error)?.message ?? String(error)}`};
	}

	let outcome: ClipboardOutcome | undefined;
	let resolveDone: (outcome: ClipboardOutcome) => void = () => {};
	const done = new Promise<ClipboardOutcome>(resolve => (resolveDone = resolve));
	const settle = (result: ClipboardOutcome): ClipboardOutcome => {
		if (outcome === undefined) {
			outcome = result;
			resolveDone(result);
		}
		return outcome;
	};
	const clearIfOurs = async (): Promise<ClipboardOutcome> => {
		try {
			if (digest(await clipboard.read()) !== mark) return 'changed';
			await clipboard.write('');
			return 'cleared';
		} catch {
			return 'failed';
		}
	};
	let timer: unknown = timers.setTimeout(() => {
		timer = undefined;
		void clearIfOurs().then(settle);
	}, seconds * 1000);
	const stopTimer = () => {
		if (timer !== undefined) timers.clearTimeout(timer);
		timer = undefined;
	};

	return {
		ok: true,
		handle: {
			seconds,
			done,
			cancel() {
				stopTimer();
				settle('cancelled');
			},
			async clear() {
				stopTimer();
				if (outcome === 'cleared' || outcome === 'changed') return outcome;
				const result = await clearIfOurs();
				// After a cancel the handle is settled already; still report what this clear did.
				settle(result);
				return result;
			},
		},
	};
};
