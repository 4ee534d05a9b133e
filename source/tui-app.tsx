// The app as the TUI runs it: the real services (stores beside the config file, the lazy AWS gateway or
// offline export files) and the App. Loaded by tui.tsx once its first frame is on screen.
import React from 'react';
import path from 'node:path';
import {App} from './app.js';
import {lazyGateway, offlineGateway} from './aws/lazy-gateway.js';
import {createServices} from './create-services.js';
import type {TuiOptions} from './tui.js';
import type {TerminalSession} from './terminal.js';
import {collectingAfterLoads, releaseLoadGarbage} from './release-memory.js';
import {IamError} from './model/errors.js';

const EXPORT_HOLDS_NO_ORGANIZATION = new IamError('Invalid', 'an export (--from-file) holds one account, not an AWS Organization', "run iamtui against the management account's profile (--profile or --endpoint-url) to open its organization");

export const appElement = ({settings, store, fromFiles = []}: TuiOptions, terminal: TerminalSession) => {
	// The SDK loads when the gateway makes its first call (the default, lazy gateway).
	const services = createServices(path.dirname(store.path), {
		store,
		// A full collection as each snapshot arrives, and another once it is drawn (release-memory.ts).
		connect: collectingAfterLoads(fromFiles.length > 0 ? () => offlineGateway(fromFiles) : lazyGateway),
		...(fromFiles.length > 0 ? {openOrganization: async () => Promise.reject(EXPORT_HOLDS_NO_ORGANIZATION), everywhere: async () => Promise.reject(EXPORT_HOLDS_NO_ORGANIZATION)} : {}),
		afterSnapshotLoaded: releaseLoadGarbage,
		// scripts/demo.ts says so: its moto (and every change made in it) goes when the TUI quits.
		demo: process.env.IAMTUI_DEMO === '1',
		suspend: onResume => terminal.suspend(onResume),
	});
	// Export files are only ever read: the session is read-only, so App wraps every gateway it builds.
	return <App services={services} initial={fromFiles.length > 0 ? {...settings, readOnly: true, offline: true} : settings} />;
};
