// Keys typed while the app is busy (a reload indexing 5,000 users, a slow render), pasted, or sent by a
// fast typist reach Ink in one read: "/dana", or a password then ↓ ↓ space. Ink hands the keys of one
// read over synchronously, before React has rendered what the first one did, so the second would meet
// the focus of before (the space lands in the password instead of toggling the field two rows down).
// The pacer delivers one keystroke per commit: a key that arrives before React committed what the
// previous key did waits its turn, and a chunk of several keystrokes is split into them first.
// Why Ink's internal_eventEmitter (an internal API), checked against Ink 6.8.0 (issue 17): Ink has no
// paste hook and no bracketed paste; useInput hands over parsed input, not the bytes (Ink's input parser
// splits escape sequences out but keeps a run of text, "/dana", as one event). Splitting that run into
// keystrokes is easy; giving each the Key Ink would give it (return, tab, backspace, shift, ctrl) needs
// Ink's keypress parser, which Ink does not export (its package exports only the index). So each held
// keystroke goes back into Ink's input emitter as bytes, and Ink parses it as if it had just been typed
// (the one useInput of the app, KeyboardProvider's, receives it). Writing keys back into stdin is no
// supported path either (push/unshift are a stream's own API, and the tests' stdin is not a stream).
// Ink is pinned and patched (patches/): an upgrade re-checks this.
import {useInput, useStdin, type Key} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';

const ESCAPE = '\u001B';
/** Keys delivered in a row from React's effects before one waits a turn (React warns at 50 nested updates). */
const RUN = 20;

/** Length of the escape sequence starting at `start` (data[start] is ESC): CSI, SS3, alt-chord or lone ESC. */
const escapeLength = (data: string, start: number): number => {
	const next = data[start + 1];
	if (next === undefined) return 1;
	if (next === '[') {
		// CSI: ESC [ parameters (0x30–0x3f) intermediates (0x20–0x2f) final (0x40–0x7e); ESC [ [ A too.
		let index = start + 2;
		if (data[index] === '[') index++;
		while (index < data.length) {
			const code = data.charCodeAt(index);
			if (code >= 0x40 && code <= 0x7e) return index - start + 1;
			if (code < 0x20 || code > 0x3f) break;
			index++;
		}
		// Unterminated or malformed: ESC [ is alt-[ and the rest are keys of their own.
		return 2;
	}
	if (next === 'O' && start + 2 < data.length) return 3;
	// ESC ESC [ A (alt-arrow): one keystroke.
	if (next === ESCAPE && (data[start + 2] === '[' || data[start + 2] === 'O')) return 1 + escapeLength(data, start + 1);
	if (next === ESCAPE) return 1;
	// Alt-chord: ESC and one character (a code point, so an astral one stays whole).
	return 1 + (data.codePointAt(start + 1)! > 0xffff ? 2 : 1);
};

/** The keystrokes in one chunk: characters one by one, escape sequences (arrows, alt-chords, esc) whole. */
export const splitKeystrokes = (data: string): string[] => {
	const keystrokes: string[] = [];
	let index = 0;
	while (index < data.length) {
		if (data[index] === ESCAPE) {
			const length = escapeLength(data, index);
			keystrokes.push(data.slice(index, index + length));
			index += length;
			continue;
		}
		const character = String.fromCodePoint(data.codePointAt(index)!);
		keystrokes.push(character);
		index += character.length;
	}
	return keystrokes.length > 0 ? keystrokes : [data];
};

/** Like Ink's useInput, but each keystroke is handled only after React committed what the previous one did. */
export const usePacedInput = (handler: (input: string, key: Key) => void): void => {
	const {internal_eventEmitter: events} = useStdin();
	const handlerRef = useRef(handler);
	handlerRef.current = handler;
	// The raw chunk of the event being handled: Ink gives the handler the parsed input, not the bytes.
	const raw = useRef('');
	const queue = useRef<string[]>([]);
	const replaying = useRef(false);
	// A key was handled and React has not committed its effects yet: the next key must wait.
	const uncommitted = useRef(false);
	const [turn, setTurn] = useState(0);
	useEffect(() => {
		const remember = (data: string) => {
			raw.current = data;
		};
		events.prependListener('input', remember);
		return () => {
			events.removeListener('input', remember);
		};
	}, [events]);

	// Stable, so Ink keeps one listener instead of re-subscribing on every render.
	const onInput = useCallback((input: string, key: Key) => {
		if (!replaying.current) {
			const keystrokes = splitKeystrokes(raw.current || input);
			if (keystrokes.length > 1 || queue.current.length > 0 || uncommitted.current) {
				const idle = queue.current.length === 0 && !uncommitted.current;
				queue.current.push(...keystrokes);
				if (idle) setTurn(current => current + 1);
				return;
			}
		}
		uncommitted.current = true;
		try {
			handlerRef.current(input, key);
		} finally {
			// A render, so the effect below runs once this key's changes are committed (even if it threw).
			setTurn(current => current + 1);
		}
	}, []);
	useInput(onInput);

	// The next key is delivered once React committed what the previous key did (a text field registered,
	// a filter opened, the focus moved): the effect runs after that commit. Delivered from inside the
	// effect, each key nests one more passive update in the previous one, and a 200-key paste passes
	// React's limit ("Maximum update depth exceeded"): every RUN keys, the next one waits for the event
	// loop's next turn instead, which ends the nesting. (Always waiting makes a long paste ~25 % slower.)
	// A waiting key stays queued, so keys arriving meanwhile line up behind it.
	const deliveredInARow = useRef(0);
	useEffect(() => {
		uncommitted.current = false;
		if (queue.current.length === 0) {
			deliveredInARow.current = 0;
			return;
		}
		const deliver = () => {
			const next = queue.current.shift();
			if (next === undefined) return;
			deliveredInARow.current++;
			replaying.current = true;
			try {
				events.emit('input', next);
			} finally {
				replaying.current = false;
			}
			// Nobody handled it (no listener took it): go on with the next, or the queue would stall.
			if (!uncommitted.current) setTurn(current => current + 1);
		};
		if (deliveredInARow.current < RUN) {
			deliver();
			return;
		}
		deliveredInARow.current = 0;
		const pending = setImmediate(deliver);
		return () => clearImmediate(pending);
	}, [turn, events]);
};
