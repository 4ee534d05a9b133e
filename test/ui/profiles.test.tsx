import {describe, expect, it} from 'vitest';
import type {ConnectionSettings} from '../../source/model/gateway.js';
import {fixtureSnapshot, users} from '../fixtures/account.js';
import {fixtureGateway} from '../fixtures/gateway.js';
import type {TestServices} from '../fixtures/services.js';
import {appHarness} from '../helpers/app.js';
import {keys, tick} from '../helpers/render.js';

const harness = appHarness();
let services: TestServices | undefined;

/** Each profile sees its own account: `local` has only the first three users. */
const gatewayFor = (settings: ConnectionSettings) =>
	fixtureGateway(settings.profile === 'local' ? {snapshot: fixtureSnapshot({users: users.slice(0, 3)})} : {});

const openProfiles = async (awsProfiles: NonNullable<Parameters<typeof harness.start>[0]>['awsProfiles'] = ['default', 'prod']) => {
	const started = harness.start({connect: gatewayFor, awsProfiles, columns: 100, rows: 30});
	services = started.services;
	const ui = started.tui;
	await ui.waitFor('Users (12)');
	ui.write(':');
	await ui.waitFor(':users :groups');
	await ui.type('profiles');
	ui.write(keys.enter);
	// dev was stored by markUsed when its account loaded; default and prod come from ~/.aws/config.
	await ui.waitFor('Profiles (3)');
	return ui;
};

const selectedLine = (frame: string) => frame.split('\n').find(line => line.startsWith('› ')) ?? '';

describe('Profiles', () => {
	it('lists stored and ~/.aws/config profiles and marks the current one', async () => {
		const tui = await openProfiles();
		const frame = tui.lastFrame();
		expect(frame).toMatch(/● dev +iamtui/);
		expect(frame).toMatch(/default +~\/\.aws/);
		expect(frame).toContain('prod');
	});

	it("shows the region and endpoint a ~/.aws profile sets (the SDK uses them when iamtui stores none)", async () => {
		const tui = await openProfiles([{name: 'default', region: 'eu-west-2'}, {name: 'prod', region: 'us-east-2', endpoint: 'http://127.0.0.1:4566'}]);
		const frame = tui.lastFrame();
		expect(frame).toMatch(/default +~\/\.aws +eu-west-2/);
		expect(frame).toMatch(/prod +~\/\.aws +us-east-2 +http:\/\/127\.0\.0\.1:4566/);
	});

	it('marks a ~/.aws region that is not one; enter on it says why and stays, where a switch would fail', async () => {
		const tui = await openProfiles([{name: 'default', region: 'eu-west-2'}, {name: 'typo', region: 'us east 1'}]);
		expect(tui.lastFrame()).toMatch(/typo +~\/\.aws +✗ us east 1/);
		expect(tui.lastFrame()).toMatch(/default +~\/\.aws +eu-west-2/);
		for (let n = 0; n < 5 && !selectedLine(tui.lastFrame()).includes('typo'); n++) {
			const before = selectedLine(tui.lastFrame());
			tui.write(keys.down);
			await tui.waitForFrame(f => selectedLine(f) !== before);
		}
		tui.write(keys.enter);
		const frame = await tui.waitFor('typo cannot be opened');
		expect(frame).toContain('"us east 1" is not an AWS region: did you mean us-east-1?');
		expect(frame).toContain('Profiles (3)');
		expect(frame).toMatch(/● dev/);
	});

	it('adds a profile, showing validation errors first, then switches to it', async () => {
		const tui = await openProfiles();
		tui.write('a');
		await tui.waitFor('Add a profile');
		// The keys live in ~/.aws (iamtui stores none): the form says whether they are there.
		await tui.type('pro');
		await tui.waitFor('no [pro] in ~/.aws yet: add its keys with aws configure --profile pro before switching');
		await tui.type('d');
		await tui.waitFor('keys: [prod] in ~/.aws');
		for (let n = 0; n < 4; n++) tui.write(keys.backspace);
		await tui.waitForFrame(f => !f.includes('keys: [prod]'));
		await tick();
		await tui.type('local');
		await tui.waitFor('no [local] in ~/.aws yet');
		tui.write(keys.enter);
		await tui.waitFor('optional, e.g. us-east-1');
		await tui.type('nowhere');
		tui.write(keys.enter);
		await tui.waitFor('optional, e.g. http://127.0.0.1:5000');
		await tui.type('ftp://x');
		tui.write(keys.enter);
		const invalid = await tui.waitFor('a region looks like us-east-1');
		expect(invalid).toContain('an http:// or https:// URL');
		// The form jumped back to the region: fix it, then the endpoint.
		tui.write('\u0015');
		await tui.waitForFrame(f => !f.includes('nowhere'));
		await tick();
		await tui.type('us-east-1');
		tui.write(keys.down);
		await tick();
		tui.write('\u0015');
		await tui.waitForFrame(f => !f.includes('ftp://x'));
		await tick();
		tui.write('http://127.0.0.1:5000');
		await tui.waitFor('http://127.0.0.1:5000');
		tui.write(keys.enter);
		await tui.waitFor('Profile local saved');
		await tui.waitFor('Profiles (4)');
		expect(services!.store.profile('local')).toEqual({name: 'local', region: 'us-east-1', endpoint: 'http://127.0.0.1:5000'});

		// Move to "local" (sorted: default, dev, local, prod) and switch.
		tui.write(keys.down);
		await tick();
		tui.write(keys.down);
		await tui.waitForFrame(f => selectedLine(f).includes('local'));
		tui.write(keys.enter);
		await tui.waitFor('Users (3)');
		expect(tui.lastFrame()).toContain('profile local');
		expect(services!.connections.at(-1)!.settings).toEqual({profile: 'local', region: 'us-east-1', endpoint: 'http://127.0.0.1:5000', readOnly: false});
		expect(services!.store.lastProfile()).toBe('local');
	});

	it('removes a stored profile after a confirmation, and refuses ~/.aws/config ones', async () => {
		const tui = await openProfiles();
		tui.write('d');
		await tui.waitFor('default comes from ~/.aws/config');
		tui.write(keys.down);
		await tui.waitForFrame(f => selectedLine(f).includes('dev'));
		tui.write('d');
		await tui.waitFor('Remove the stored profile dev?');
		tui.write('n');
		await tui.waitForFrame(f => !f.includes('Remove the stored profile'));
		await tick();
		expect(services!.store.profile('dev')).toBeDefined();
		tui.write('d');
		await tui.waitFor('Remove the stored profile dev?');
		tui.write('y');
		await tui.waitFor('Profile dev removed');
		expect(services!.store.profile('dev')).toBeUndefined();
	});

	it('esc cancels the form without saving', async () => {
		const tui = await openProfiles();
		tui.write('a');
		await tui.waitFor('Add a profile');
		await tui.type('q');
		await tui.waitFor(/Name +q/);
		tui.write(keys.escape);
		await tui.waitFor('Profiles (3)');
		expect(services!.store.profiles().map(p => p.name)).toEqual(['dev']);
	});
});
