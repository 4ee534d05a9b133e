// The whole App rendered against the fixture account, with cleanup after each test: what most UI tests
// start from. Call appHarness() at the top of a test file; start() renders a fresh App.
import path from 'node:path';
import {afterEach} from 'vitest';
import {App} from '../../source/app.js';
import {Journal} from '../../source/store/journal.js';
import {fixtureGateway, type FixtureGateway, type FixtureGatewayOptions} from '../fixtures/gateway.js';
import {testServices, type TestServices} from '../fixtures/services.js';
import {renderTui, type Rendered} from './render.js';

export interface StartedApp {
	tui: Rendered;
	gateway: FixtureGateway;
	services: TestServices;
	/** The journal the app writes (beside its config store). */
	journal: Journal;
}

export const appHarness = () => {
	let services: TestServices | undefined;
	let ui: Rendered | undefined;
	afterEach(() => {
		ui?.unmount();
		services?.dispose();
		ui = undefined;
		services = undefined;
	});
	return {
		start(options: FixtureGatewayOptions & {columns?: number; rows?: number; profile?: string} = {}): StartedApp {
			const {columns = 120, rows = 40, profile = 'dev', ...gatewayOptions} = options;
			const gateway = fixtureGateway(gatewayOptions);
			services = testServices({gateway: () => gateway});
			ui = renderTui(<App services={services} initial={{profile}} />, {columns, rows});
			return {tui: ui, gateway, services, journal: new Journal(path.dirname(services.store.path))};
		},
	};
};

/** The writes the fixture gateway received, as `name:arg:arg` (reads left out). */
export const writesOf = (gateway: FixtureGateway): string[] =>
	gateway.calls.filter(call => !/^(callerIdentity|loadSnapshot|userDetails|getUser|loginProfile|accessKeys|mfaDevices|signingCertificates|sshPublicKeys|serviceSpecificCredentials|passwordPolicy|accountAlias|policyVersions)\b/.test(call));
