// The whole App against an organization in moto, as the org ui tests run it: the real gateway and the real
// organization reader (openOrgSession) over HTTP to 127.0.0.1, one attempt per call, real stores in a
// temporary folder (appLifecycle disposes of them). Call orgAppHarness() at the top of a describeWithMoto.
import {createGateway} from '../../source/aws/gateway.js';
import {openOrgSession} from '../../source/aws/org-session.js';
import type {ConnectionSettings} from '../../source/model/gateway.js';
import {testServices, type TestServices} from '../fixtures/services.js';
import {appLifecycle} from './app.js';
import {jump} from './moto-app.js';
import {keys, type Rendered} from './render.js';

type ServiceOptions = NonNullable<Parameters<typeof testServices>[0]>;

export interface OrgAppOptions {
	/** The management account's endpoint the session starts on. */
	endpoint: string;
	columns: number;
	rows: number;
	/**
	 * This account's own snapshot read from here while the organization goes through `endpoint`: a gate there
	 * holds the organization's calls, not the snapshot the App starts with.
	 */
	accountEndpoint?: string;
	/** Other connection settings (read-only…). */
	initial?: Omit<ConnectionSettings, 'endpoint'>;
	/** In place of the real gateway, organization reader or everywhere session (a gate, a fault proxy). */
	services?: ServiceOptions;
}

export const orgAppHarness = () => {
	const mount = appLifecycle();
	return {
		start(options: OrgAppOptions): {tui: Rendered; services: TestServices} {
			const services = testServices({
				gateway: (settings, hooks) => createGateway({...settings, ...(options.accountEndpoint ? {endpoint: options.accountEndpoint} : {}), maxAttempts: 1}, hooks),
				openOrganization: openOrgSession,
				...options.services,
			});
			const tui = mount(services, {endpoint: options.endpoint, maxAttempts: 1, ...options.initial}, {columns: options.columns, rows: options.rows});
			return {tui, services};
		},
	};
};

/** On the App's first screen (this account's users): :whocan ACTION, then o — the answer across the organization on screen. */
export const askAcrossOrganization = async (tui: Rendered, action: string): Promise<string> => {
	await tui.waitFor('Users (1)');
	await jump(tui, 'whocan', 'Who can… (in this account)');
	await tui.type(action);
	tui.write(keys.enter);
	await tui.waitFor(/Users who can|Nobody|can/);
	tui.write('o');
	return tui.waitFor(/Who can… \(across the organization: 5 accounts\)[\s\S]*workload-dev \(\d+\): \d+ can/, {timeoutMs: 30_000});
};
