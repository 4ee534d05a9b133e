// The whole App against the seeded demo account in moto: the real gateway (@aws-sdk/client-iam over
// HTTP to 127.0.0.1), real stores in a temporary folder. Call motoAppHarness() inside a describeWithMoto.
import {createGateway} from '../../source/aws/gateway.js';
import {ALL_USERS} from '../../scripts/seed.js';
import {testServices, type TestServices} from '../fixtures/services.js';
import {appLifecycle} from './app.js';
import {keys, type Rendered} from './render.js';
import {useSeededDemoMoto} from './with-moto.js';

/** The Users list header once the demo account is in. */
export const USERS_LOADED = `Users (${ALL_USERS.length})`;

export const motoAppHarness = () => {
	const {moto} = useSeededDemoMoto();
	const mount = appLifecycle();
	return {
		moto,
		/** Renders the App and waits for the Users list; `demo` as scripts/demo.ts runs it. */
		async start(options: {columns?: number; rows?: number; demo?: boolean} = {}): Promise<{tui: Rendered; services: TestServices}> {
			const {columns = 120, rows = 40} = options;
			const services = testServices({gateway: (settings, hooks) => createGateway({...settings, endpoint: moto().endpoint, maxAttempts: 2}, hooks)});
			if (options.demo) services.demo = true;
			const tui = mount(services, {}, {columns, rows});
			await tui.waitFor(USERS_LOADED, {timeoutMs: 20_000});
			return {tui, services};
		},
	};
};

/** `:target` enter, then waits for what the target screen shows. */
export const jump = async (tui: Rendered, target: string, expected: string | RegExp) => {
	tui.write(':');
	await tui.waitFor(':users :groups');
	await tui.type(target);
	tui.write(keys.enter);
	await tui.waitFor(expected);
};

/** On a list: `/name`, enter keeps the filter, enter opens the one row left. */
export const openFiltered = async (tui: Rendered, name: string, opened = `User ${name}`) => {
	tui.write('/');
	await tui.waitFor('type to filter');
	await tui.type(name);
	await tui.waitForFrame(frame => /\b1 of \d+/.test(frame));
	tui.write(keys.enter);
	await tui.waitFor('esc clears');
	tui.write(keys.enter);
	await tui.waitFor(opened);
};
