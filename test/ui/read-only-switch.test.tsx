// Read-only belongs to the session: a TUI started read-only stays read-only whichever way the operator
// changes profile (picking one on :profiles, adding one then reloading with r, an assume-role profile that
// asks for an MFA code). The real lazy gateway talks to moto through a recording proxy, which proves that
// no mutating request reached IAM. And the mechanism itself: a connect() that forgets the flag is wrapped.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, expect, it, vi} from 'vitest';
import {createGateway} from '../../source/aws/gateway.js';
import {lazyGateway} from '../../source/aws/lazy-gateway.js';
import {connectGuarded} from '../../source/aws/read-only.js';
import type {ConnectionSettings, IamGateway} from '../../source/model/gateway.js';
import {DEMO_ACCOUNT_ID} from '../../scripts/seed.js';
import type {TestServices} from '../fixtures/services.js';
import {appHarness, type AppStartOptions} from '../helpers/app.js';
import {startFaultProxy, type FaultProxy} from '../helpers/fault-proxy.js';
import {keys, tick, type Rendered} from '../helpers/render.js';
import {describeWithMoto, useSeededDemoMoto} from '../helpers/with-moto.js';

const MUTATING = /^(Create|Delete|Update|Put|Attach|Detach|Add|Remove|Upload|Enable|Deactivate|Tag|Untag|Set|Change|Reset)/;
const LOADED = /Users \(\d+\)/;

describeWithMoto('read-only survives every profile switch (recording proxy)', () => {
	const {moto} = useSeededDemoMoto();
	let proxy: FaultProxy;
	let services: TestServices | undefined;
	let dir: string;

	beforeAll(() => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-ro-switch-'));
		const keysFor = (name: string) => `[${name}]\naws_access_key_id = testing\naws_secret_access_key = testing\n`;
		writeFileSync(path.join(dir, 'credentials'), ['prod', 'stage', 'edited'].map(keysFor).join('\n'));
		writeFileSync(
			path.join(dir, 'config'),
			`[profile mfa-role]\nrole_arn = arn:aws:iam::${DEMO_ACCOUNT_ID}:role/admin\nsource_profile = prod\nmfa_serial = arn:aws:iam::${DEMO_ACCOUNT_ID}:mfa/me\n`,
		);
		vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(dir, 'credentials'));
		vi.stubEnv('AWS_CONFIG_FILE', path.join(dir, 'config'));
		vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
	});
	afterAll(() => {
		vi.unstubAllEnvs();
		rmSync(dir, {recursive: true, force: true});
	});
	beforeEach(async () => {
		// Rates 0: a recording proxy, nothing injected.
		proxy = await startFaultProxy({target: moto().endpoint, seed: 1});
	});
	afterEach(async () => {
		services = undefined;
		await proxy.stop();
	});
	// Registered after the proxy's clean-up, so it runs first: the App is gone before its proxy stops.
	const harness = appHarness();

	const mutatingRequests = () => Object.keys(proxy.stats().byAction).filter(action => MUTATING.test(action));

	/** The TUI as cli.tsx builds it (the real lazy gateway), every profile pointed at the recording proxy. */
	const startThroughProxy = (options: AppStartOptions): Rendered => {
		const started = harness.start({
			connect: (settings, hooks) => lazyGateway({...settings, endpoint: proxy.endpoint, maxAttempts: 2}, hooks),
			columns: 120,
			rows: 40,
			...options,
		});
		services = started.services;
		return started.tui;
	};

	const startReadOnly = async (): Promise<Rendered> => {
		const ui = startThroughProxy({initial: {profile: 'prod', readOnly: true}, awsProfiles: ['mfa-role', 'prod', 'stage']});
		const frame = await ui.waitFor(LOADED, {timeoutMs: 20_000});
		expect(frame).toContain('READ-ONLY');
		return ui;
	};

	const openProfiles = async (tui: Rendered) => {
		tui.write(':');
		await tui.waitFor(':users :groups');
		await tui.type('profiles');
		tui.write(keys.enter);
		await tui.waitFor(/Profiles \(\d+\)/);
	};

	const selectProfile = async (tui: Rendered, name: string) => {
		for (let n = 0; n < 10 && !tui.lastFrame().split('\n').some(line => line.startsWith(`› `) && line.includes(` ${name} `)); n++) {
			tui.write(keys.down);
			await tick();
			await tui.waitForFrame(() => true);
		}
		await tui.waitForFrame(f => f.split('\n').some(line => line.startsWith('› ') && line.includes(` ${name} `)));
	};

	/** Still read-only after the switch: the badge, no "new group" key, and `n` on Groups opens nothing. */
	const expectStillReadOnly = async (tui: Rendered) => {
		const frame = await tui.waitFor(LOADED, {timeoutMs: 20_000});
		expect(frame).toContain('READ-ONLY');
		tui.write(':');
		await tui.waitFor(':users :groups');
		await tui.type('groups');
		tui.write(keys.enter);
		const groups = await tui.waitFor(/Groups \(\d+\)/);
		expect(groups).not.toContain('new group');
		tui.write('n');
		await new Promise(resolve => setTimeout(resolve, 200));
		expect(tui.lastFrame()).not.toContain('Create a group');
		expect(tui.lastFrame()).toContain('READ-ONLY');
		expect(proxy.stats().byAction.GetAccountAuthorizationDetails).toBeGreaterThan(1);
		expect(mutatingRequests()).toEqual([]);
	};

	it('picking a profile on :profiles keeps the session read-only', async () => {
		const tui = await startReadOnly();
		await openProfiles(tui);
		await selectProfile(tui, 'stage');
		tui.write(keys.enter);
		await tui.waitForFrame(f => /Users \(\d+\)/.test(f) && f.includes('stage'), {timeoutMs: 20_000});
		await expectStillReadOnly(tui);
		expect(services!.connections.map(c => [c.settings.profile, c.settings.readOnly])).toEqual([
			['prod', true],
			['stage', true],
		]);
	}, 60_000);

	it('adding a profile, switching to it and reloading with r keeps it read-only', async () => {
		const tui = await startReadOnly();
		await openProfiles(tui);
		tui.write('a');
		await tui.waitFor('Add a profile');
		await tui.type('edited');
		tui.write(keys.enter);
		await tui.waitFor('optional, e.g. us-east-1');
		tui.write(keys.enter);
		await tui.waitFor('optional, e.g. http://127.0.0.1:5000');
		tui.write(keys.enter);
		await tui.waitFor('Profile edited saved');
		await selectProfile(tui, 'edited');
		tui.write(keys.enter);
		await tui.waitForFrame(f => /Users \(\d+\)/.test(f) && f.includes('edited'), {timeoutMs: 20_000});
		tui.write('r');
		await tui.waitFor('Reloading the account');
		await expectStillReadOnly(tui);
		// Opened read-only, it is remembered read-only (the readme's "read-only preference").
		expect(services!.store.profile('edited')?.readOnly).toBe(true);
	}, 60_000);

	it('an assume-role profile that asks for an MFA code opens read-only', async () => {
		const tui = await startReadOnly();
		await openProfiles(tui);
		await selectProfile(tui, 'mfa-role');
		tui.write(keys.enter);
		await tui.waitFor('MFA code needed', {timeoutMs: 20_000});
		await tui.type('123456');
		tui.write(keys.enter);
		await tui.waitForFrame(f => /Users \(\d+\)/.test(f) && f.includes('mfa-role'), {timeoutMs: 20_000});
		expect(proxy.stats().byAction.AssumeRole).toBe(1);
		await expectStillReadOnly(tui);
	}, 60_000);

	it('a profile stored read-only opens read-only even when the session is not', async () => {
		const ui = startThroughProxy({
			initial: {profile: 'prod'},
			awsProfiles: ['prod', 'stage'],
			prepare: ready => ready.store.saveProfile({name: 'stage', readOnly: true}),
		});
		expect(await ui.waitFor(LOADED, {timeoutMs: 20_000})).not.toContain('READ-ONLY');
		await openProfiles(ui);
		// Reached by a path that does not carry the stored flag: the stored setting still holds.
		await selectProfile(ui, 'stage');
		ui.write(keys.enter);
		await ui.waitForFrame(f => /Users \(\d+\)/.test(f) && f.includes('stage'), {timeoutMs: 20_000});
		await expectStillReadOnly(ui);
	}, 60_000);

	it('connectGuarded wraps whatever connect() returns, even a connect that forgets the flag', async () => {
		// A connect that ignores settings.readOnly: the gateway it builds would write.
		const forgetful = (settings: ConnectionSettings): IamGateway => createGateway({...settings, readOnly: false, endpoint: proxy.endpoint, maxAttempts: 2});
		const gateway = connectGuarded(forgetful, {profile: 'prod', readOnly: true}, {}, error => {
			throw error;
		});
		expect(gateway.readOnly).toBe(true);
		await expect(gateway.createGroup({group: 'NotSent'})).rejects.toMatchObject({kind: 'ReadOnly'});
		await expect(gateway.addUserToGroup({user: 'ana.silva', group: 'NotSent'})).rejects.toMatchObject({kind: 'ReadOnly'});
		expect((await gateway.loadSnapshot()).users.length).toBeGreaterThan(0);
		// A connect that throws still gives a read-only gateway.
		const failed = connectGuarded(
			() => {
				throw new Error('no such profile');
			},
			{readOnly: true},
			{},
			error => ({readOnly: false, callerIdentity: () => Promise.reject(error)}) as unknown as IamGateway,
		);
		expect(failed.readOnly).toBe(true);
		await expect(failed.deleteUser({user: 'x'} as never)).rejects.toMatchObject({kind: 'ReadOnly'});
		expect(mutatingRequests()).toEqual([]);
	});
});
