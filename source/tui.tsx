// Runs the TUI: alternate screen, Ink render, and a restored terminal on every exit path.
import React from 'react';
import {render} from 'ink';
import {App} from './app.js';
import type {ConnectionSettings} from './model/gateway.js';
import type {ConfigStore} from './store/config.js';
import {Journal} from './store/journal.js';
import path from 'node:path';
import {enterAlternateScreen} from './terminal.js';
import {describeError} from './model/errors.js';
import {lazyGateway, offlineGateway} from './aws/lazy-gateway.js';

export interface TuiOptions {
	settings: ConnectionSettings;
	store: ConfigStore;
	/** Offline: GAAD export files, opened read-only instead of a live account. */
	fromFiles?: string[];
}

export const runTui = async ({settings, store, fromFiles = []}: TuiOptions): Promise<number> => {
	const terminal = enterAlternateScreen(process.stdout, process.stdin);
	const die = (code: number, message?: string) => {
		try {
			instance.unmount();
		} catch {
			// Exiting anyway; the terminal is restored below.
		}
		terminal.restore();
		if (message) process.stderr.write(`iamtui: ${message}\n`);
		process.exit(code);
	};
	const onSignal = (signal: NodeJS.Signals) => die(signal === 'SIGINT' ? 130 : 143);
	const onCrash = (error: unknown) => die(70, `unexpected error: ${describeError(error)} (the terminal was restored)`);
	// First in line: Ink's signal-exit would otherwise re-raise the signal and the exit code would be lost.
	for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.prependListener(signal, onSignal);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);

	// The SDK loads after Ink has drawn the first (loading) frame.
	const services = {
		connect: fromFiles.length > 0 ? () => offlineGateway(fromFiles) : lazyGateway,
		store,
		// Beside the config store, 0600: every write attempt.
		journal: new Journal(path.dirname(store.path)),
		awsConfigProfiles: async () => (await import('./aws/aws-config-profiles.js')).listAwsConfigProfiles(),
		now: () => new Date(),
	};
	const instance = render(<App services={services} initial={settings} />, {exitOnCtrlC: true});
	try {
		await instance.waitUntilExit();
		return 0;
	} finally {
		terminal.restore();
	}
};
