// The whole App rendered against the fixture account, with cleanup after each test: what most UI tests
// start from. Call appHarness() at the top of a test file; start() renders a fresh App.
import path from 'node:path';
import {afterEach} from 'vitest';
import {App} from '../../source/app.js';
import type {AwsConfigProfile} from '../../source/model/connection.js';
import type {ConnectionHooks, ConnectionSettings, IamGateway} from '../../source/model/gateway.js';
import {Journal} from '../../source/store/journal.js';
import {fixtureGateway, type FixtureGateway, type FixtureGatewayOptions} from '../fixtures/gateway.js';
import {testServices, type TestServices} from '../fixtures/services.js';
import {renderTui, type Rendered} from './render.js';

export interface StartedApp {
	tui: Rendered;
	/** The fixture gateway the app connects to (unused when start() was given `connect`). */
	gateway: FixtureGateway;
	services: TestServices;
	/** The journal the app writes (beside its config store). */
	journal: Journal;
}

/** Renders one App per test with these services; unmounts it and disposes of them after each test. */
export const appLifecycle = () => {
	let services: TestServices | undefined;
	let ui: Rendered | undefined;
	afterEach(() => {
		ui?.unmount();
		services?.dispose();
		ui = undefined;
		services = undefined;
	});
	return (with_: TestServices, initial: ConnectionSettings, size: {columns: number; rows: number}): Rendered => {
		services = with_;
		ui = renderTui(<App services={with_} initial={initial} />, size);
		return ui;
	};
};

export interface AppStartOptions extends FixtureGatewayOptions {
	columns?: number;
	rows?: number;
	/** The profile the session starts on (default dev); `initial` for other settings (read-only, none). */
	profile?: string;
	initial?: ConnectionSettings;
	/** A gateway per connection instead of the one fixture gateway (profile switches, failed connects). */
	connect?: (settings: ConnectionSettings, hooks: ConnectionHooks) => IamGateway;
	/** What the app connects through, around the fixture gateway (a held or failing operation). */
	wrap?: (gateway: FixtureGateway) => IamGateway;
	/** The profiles ~/.aws/config lists (default: default, prod), by name or with their region/endpoint. */
	awsProfiles?: Array<string | AwsConfigProfile>;
	/** The app's clock (default: the fixture's fixed now). */
	now?: () => Date;
	/** Called with the services before the App renders (a profile stored beforehand). */
	prepare?: (services: TestServices) => void;
}

export const appHarness = () => {
	const mount = appLifecycle();
	return {
		start(options: AppStartOptions = {}): StartedApp {
			const {columns = 120, rows = 40, profile = 'dev', initial, connect, wrap, awsProfiles, now, prepare, ...gatewayOptions} = options;
			const gateway = fixtureGateway(gatewayOptions);
			const connected = wrap ? wrap(gateway) : gateway;
			const services = testServices({gateway: connect ?? (() => connected), awsProfiles});
			if (now) services.now = now;
			prepare?.(services);
			const tui = mount(services, initial ?? {profile}, {columns, rows});
			return {tui, gateway, services, journal: new Journal(path.dirname(services.store.path))};
		},
	};
};

/** The writes the fixture gateway received, as `name:arg:arg` (reads left out). */
export const writesOf = (gateway: FixtureGateway): string[] =>
	gateway.calls.filter(call => !/^(callerIdentity|loadSnapshot|userDetails|getUser|loginProfile|accessKeys|mfaDevices|signingCertificates|sshPublicKeys|serviceSpecificCredentials|passwordPolicy|accountAlias|policyVersions)\b/.test(call));
