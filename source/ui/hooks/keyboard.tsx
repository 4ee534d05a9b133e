// One owner per key press. Every component that reacts to keys registers a layer; each key goes to the
// active layers from the highest priority down until one handles it. So a text field swallows `q`, an
// overlay hides the screen below it, and no two components ever answer the same key — whatever order
// React re-subscribed them in. Layers register in layout effects, so a key right after a render finds them;
// keys typed ahead arrive one at a time (keystroke-pacer.ts), so each finds the owner the last one made.
import {useInput, useStdout, type Key} from 'ink';
import {createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import type {Scope} from '../key-scopes.js';
import {matchCommand, readOnlyRefusal, type CommandId} from '../keymap.js';
import {useMessages} from './messages.js';
import {usePacedInput} from './keystroke-pacer.js';
import {ServicesContext} from './services-context.js';

/** What a layer's handler returns to let the next layer see the key. */
export const PASS = 'pass';
export type KeyHandler = (input: string, key: Key) => typeof PASS | void;

/** Higher first: prompts over overlays over text fields over screens over the global keys. */
export const priority = {global: 0, screen: 10, text: 20, overlay: 30, prompt: 40} as const;

interface Layer {
	id: number;
	priority: number;
	handler: {current: KeyHandler};
	active: {current: boolean};
	/** Ctrl-C goes only to these layers, and other keys never do: no text field can swallow a quit. */
	interrupt?: boolean;
}

const isInterrupt = (input: string, key: Key): boolean => key.ctrl && input === 'c';
const isSuspend = (input: string, key: Key): boolean => key.ctrl && input === 'z';

// Erase the screen, cursor to the top-left corner: the frame is drawn again whole (as after a resize).
const CLEAR_SCREEN = '\u001B[2J\u001B[H';

/**
 * Ctrl+Z, from anywhere (no text field keeps it): the TUI stops as a shell job does and `fg` brings it
 * back, redrawn. Where the terminal cannot stop it (no job control, Windows) it says so and stays.
 */
const useSuspend = (before: Set<BeforeSuspend>): (() => void) => {
	const suspend = useContext(ServicesContext)?.suspend;
	const {write} = useStdout();
	const {flash} = useMessages();
	return useCallback(() => {
		const resumed = (stopped: boolean) => {
			write(CLEAR_SCREEN);
			if (!stopped) flash('Ctrl+Z: nothing here can stop iamtui (no job control: run it from a shell); q quits', 'error');
		};
		// What must not outlast the stop (a secret on the clipboard: a stopped process runs no timer) goes first.
		void Promise.all([...before].map(async task => task()))
			.catch(() => undefined)
			.then(() => {
				if (!suspend?.(resumed)) flash('Ctrl+Z: suspending is not available here; q quits', 'error');
			});
	}, [suspend, write, flash, before]);
};

/** Run before the TUI stops for Ctrl+Z, and waited for. */
export type BeforeSuspend = () => Promise<unknown> | void;

interface KeyboardState {
	readOnly: boolean;
	register(layer: Omit<Layer, 'id'>): () => void;
	/** Tasks run (and waited for) before a Ctrl+Z stops the TUI. */
	beforeSuspend: Set<BeforeSuspend>;
}

const KeyboardContext = createContext<KeyboardState | undefined>(undefined);

export function KeyboardProvider(props: {readOnly: boolean; children: ReactNode}) {
	const layers = useRef<Layer[]>([]);
	const nextId = useRef(0);
	const [beforeSuspend] = useState(() => new Set<BeforeSuspend>());
	const suspend = useSuspend(beforeSuspend);
	const dispatch = useCallback((input: string, key: Key) => {
		if (isSuspend(input, key)) return suspend();
		const interrupt = isInterrupt(input, key);
		const ordered = layers.current
			.filter(layer => layer.active.current && Boolean(layer.interrupt) === interrupt)
			.sort((a, b) => b.priority - a.priority || b.id - a.id);
		for (const layer of ordered) if (layer.handler.current(input, key) !== PASS) return;
	}, [suspend]);
	usePacedInput(dispatch);
	const register = useCallback((layer: Omit<Layer, 'id'>) => {
		const entry = {...layer, id: nextId.current++};
		layers.current = [...layers.current, entry];
		return () => {
			layers.current = layers.current.filter(l => l !== entry);
		};
	}, []);
	const value = useMemo(() => ({readOnly: props.readOnly, register, beforeSuspend}), [props.readOnly, register, beforeSuspend]);
	return <KeyboardContext.Provider value={value}>{props.children}</KeyboardContext.Provider>;
}

export const useReadOnly = (): boolean => useContext(KeyboardContext)?.readOnly ?? false;

/** `task` runs, and is waited for, before a Ctrl+Z stops the TUI (while this component is mounted). */
export const useBeforeSuspend = (task: BeforeSuspend): void => {
	const tasks = useContext(KeyboardContext)?.beforeSuspend;
	const latest = useRef(task);
	latest.current = task;
	useEffect(() => {
		if (!tasks) return;
		const run = () => latest.current();
		tasks.add(run);
		return () => void tasks.delete(run);
	}, [tasks]);
};

/** Receives keys while `active`, in priority order; without a KeyboardProvider (a screen alone) it listens directly. */
export const useKeys = (handler: KeyHandler, options: {active: boolean; priority: number; interrupt?: boolean}): void => {
	const keyboard = useContext(KeyboardContext);
	const handlerRef = useRef(handler);
	handlerRef.current = handler;
	const activeRef = useRef(options.active);
	activeRef.current = options.active;
	const register = keyboard?.register;
	const interrupt = options.interrupt === true;
	useLayoutEffect(
		() => register?.({priority: options.priority, handler: handlerRef, active: activeRef, interrupt}),
		[register, options.priority, interrupt],
	);
	const direct = useCallback(
		(input: string, key: Key) => void (isInterrupt(input, key) === interrupt && handlerRef.current(input, key)),
		[interrupt],
	);
	useInput(direct, {isActive: !keyboard && options.active});
};

/** Ctrl-C: the highest active handler decides (the show-once screen warns first); PASS hands it down. */
export const useInterrupt = (handler: () => typeof PASS | void, options: {active: boolean; priority: number}): void =>
	useKeys(() => handler(), {...options, interrupt: true});

export type CommandHandlers = Partial<Record<CommandId, () => void>>;

/** Runs the handler of the command a key means in this scope; other keys pass to the next layer. */
export const useCommands = (
	scope: Scope,
	handlers: CommandHandlers,
	active: boolean,
	options: {priority?: number; onOtherKey?: KeyHandler} = {},
): void => {
	const readOnly = useReadOnly();
	const {flash} = useMessages();
	useKeys(
		(input, key) => {
			const id = matchCommand(scope, input, key, {readOnly});
			const handler = id ? handlers[id] : undefined;
			if (handler) return handler();
			// A write key in read-only mode (a read-only profile, an export) says why it does nothing.
			const refused = readOnly && !id ? readOnlyRefusal(scope, input, key) : undefined;
			if (refused && handlers[refused.id]) return flash(refused.text);
			return options.onOtherKey ? options.onOtherKey(input, key) : PASS;
		},
		{active, priority: options.priority ?? priority.screen},
	);
};
