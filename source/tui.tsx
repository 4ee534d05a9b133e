// Runs the TUI: alternate screen, Ink render, and a restored terminal on every exit path.
// The first frame is drawn before the app's modules load: it is the app's own loading screen (status
// line and progress), drawn from a few light modules; the app (every screen, the policy evaluator,
// the stores — most of the code) loads right after and takes over. The SDK loads later still, when
// the gateway makes its first call.
import {toStderr, writeText} from './commands/output.js';
import React from 'react';
import {Box, render} from 'ink';
import type {ConnectionSettings} from './model/gateway.js';
import type {ConfigStore} from './store/config.js';
import {enterAlternateScreen} from './terminal.js';
import {describeError} from './model/errors.js';
import {EXIT_CRASH, EXIT_INTERRUPTED, EXIT_OK, EXIT_TERMINATED} from './cli/exit-codes.js';
import {Progress} from './ui/components/Progress.js';
import {StatusLine} from './ui/components/StatusLine.js';

export interface TuiOptions {
	settings: ConnectionSettings;
	store: ConfigStore;
	/** Offline: GAAD export files, opened read-only instead of a live account. */
	fromFiles?: string[];
}

/** What the app shows while it starts and loads the account, before any of it has loaded. */
function BootFrame(props: {settings: ConnectionSettings; readOnly: boolean}) {
	const width = process.stdout.columns ?? 80;
	return (
		<Box flexDirection="column" width={width}>
			<StatusLine profile={props.settings.profile} identity={undefined} identityError={undefined} readOnly={props.readOnly} loadedAt={undefined} reloading={false} message={undefined} width={width} />
			<Progress profile={props.settings.profile} progress={undefined} />
		</Box>
	);
}

export const runTui = async ({settings, store, fromFiles = []}: TuiOptions): Promise<number> => {
	const terminal = enterAlternateScreen(process.stdout, process.stdin);
	const die = (code: number, message?: string, signal?: NodeJS.Signals) => {
		try {
			terminal.beforeLastFrame();
			instance.unmount();
		} catch {
			// Exiting anyway; the terminal is restored below.
		}
		terminal.restore();
		if (message) writeText(toStderr, `iamtui: ${message}`);
		// Quit as a background job (`kill %1` after Ctrl+Z): Node's exit sets the terminal's mode back, and
		// from the background that stops the process again, for good. Ended by the signal itself, as a
		// shell expects a job to end, it does not (the terminal was put back when it was suspended).
		if (signal && !terminal.inForeground()) {
			process.removeAllListeners(signal);
			process.kill(process.pid, signal);
		}
		process.exit(code);
	};
	const onSignal = (signal: NodeJS.Signals) => die(signal === 'SIGINT' ? EXIT_INTERRUPTED : EXIT_TERMINATED, undefined, signal);
	const onCrash = (error: unknown) => die(EXIT_CRASH, `unexpected error: ${describeError(error)} (the terminal was restored)`);
	// First in line: Ink's signal-exit would otherwise re-raise the signal and the exit code would be lost.
	for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.prependListener(signal, onSignal);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);

	// Offline exports open read-only, as the app will say once it has loaded.
	const readOnly = Boolean(settings.readOnly) || fromFiles.length > 0;
	// Ctrl-C is the app's (Shell quits; the show-once secret warns first); before the app listens for keys
	// the terminal is not in raw mode, so it is a SIGINT and onSignal exits.
	// incrementalRendering: a key press rewrites the rows it changed, not the whole screen (Shell keeps the
	// frame one row short of the terminal, so Ink never takes its clear-everything path).
	const instance = render(<BootFrame settings={settings} readOnly={readOnly} />, {exitOnCtrlC: false, incrementalRendering: true});
	try {
		const {appElement} = await import('./tui-app.js');
		instance.rerender(appElement({settings, store, fromFiles}, terminal));
		await instance.waitUntilExit();
		return EXIT_OK;
	} finally {
		terminal.restore();
	}
};
