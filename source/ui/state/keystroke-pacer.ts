// Keys typed while the app is busy (a reload indexing 5,000 users, a slow render) reach Ink as one
// chunk: "/dana" arrives as a single input that matches no command, and was lost. The pacer splits such
// a run into its keystrokes and hands them over one by one, each after React has committed what the one
// before did — so "/" opens the filter and "dana" lands in it, as if typed slowly.
import {useInput, useStdin, type Key} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';

const ESCAPE = '\u001B';

/** The keystrokes in one chunk of plain typing; escape sequences (arrows, esc) are never split. */
export const splitKeystrokes = (data: string): string[] => {
	if (data.includes(ESCAPE)) return [data];
	const characters = Array.from(data);
	return characters.length > 1 ? characters : [data];
};

/** Like Ink's useInput, but a run of keystrokes typed ahead is delivered one key at a time, in order. */
export const usePacedInput = (handler: (input: string, key: Key) => void): void => {
	const {internal_eventEmitter: events} = useStdin();
	const handlerRef = useRef(handler);
	handlerRef.current = handler;
	// The raw chunk of the event being handled: Ink gives the handler the parsed input, not the bytes.
	const raw = useRef('');
	const queue = useRef<string[]>([]);
	const replaying = useRef(false);
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
			// Split runs wait their turn; so does a key that arrives while earlier ones are still queued.
			if (keystrokes.length > 1 || queue.current.length > 0) {
				const idle = queue.current.length === 0;
				queue.current.push(...keystrokes);
				if (idle) setTurn(current => current + 1);
				return;
			}
		}
		handlerRef.current(input, key);
	}, []);
	useInput(onInput);

	// One key per commit: the next is delivered from an effect, i.e. after React committed what the
	// previous key did (a text field registered, a filter opened); a timer cannot promise that.
	useEffect(() => {
		const next = queue.current.shift();
		if (next === undefined) return;
		replaying.current = true;
		try {
			events.emit('input', next);
		} finally {
			replaying.current = false;
		}
		setTurn(current => current + 1);
	}, [turn, events]);
};
