// Read-only turned off on purpose (issue 14, item 1): on :profiles `w` makes a stored read-only profile
// writable again, only after a visible question answered y; it does not lift the read-only of a session
// started with --read-only (the screen says to restart without it), and a reload in that session does not
// re-mark the profile. Making a profile read-only needs no confirmation.
import {describe, expect, it} from 'vitest';
import type {ConnectionSettings} from '../../source/model/gateway.js';
import {fixtureGateway} from '../fixtures/gateway.js';
import {appHarness} from '../helpers/app.js';
import {keys, tick, type Rendered} from '../helpers/render.js';

const harness = appHarness();

/** Snapshot loads so far, over every gateway the app built. */
let loads = 0;

const openProfiles = async (initial: ConnectionSettings) => {
	loads = 0;
	const {tui: ui, services} = harness.start({
		initial,
		columns: 160,
		rows: 30,
		awsProfiles: [],
		connect: settings => {
			const gateway = fixtureGateway({readOnly: settings.readOnly === true});
			const load = gateway.loadSnapshot.bind(gateway);
			gateway.loadSnapshot = async options => {
				const snapshot = await load(options);
				loads++;
				return snapshot;
			};
			return gateway;
		},
	});
	await ui.waitFor('Users (12)');
	ui.write(':');
	await ui.waitFor(':users :groups');
	await ui.type('profiles');
	ui.write(keys.enter);
	await ui.waitFor('Profiles (1)');
	await tick();
	return {tui: ui, store: services.store};
};

const waitStatus = (tui: Rendered, text: string) => tui.waitFor(text);

describe(':profiles w (read-only ⇄ writable)', () => {
	it('opened with --read-only: w asks, y stores it writable, the session stays read-only and says to restart; a reload does not re-mark it', async () => {
		const {tui, store} = await openProfiles({profile: 'dev', readOnly: true});
		expect(tui.lastFrame()).toContain('READ-ONLY');
		expect(store.profile('dev')?.readOnly).toBe(true); // remembered read-only: opened with --read-only
		expect(tui.lastFrame()).toMatch(/dev +iamtui +read-only/);
		tui.write('w');
		await tui.waitFor('Make dev writable? Writes from iamtui will reach its account. y makes it writable');
		expect(store.profile('dev')?.readOnly).toBe(true);
		tui.write('y');
		await waitStatus(tui, 'This session stays read-only: restart without --read-only to write to dev');
		expect(store.profile('dev')?.readOnly).toBe(false);
		expect(tui.lastFrame()).toContain('READ-ONLY');
		// r reloads the account (markUsed runs again in this --read-only session): the choice holds.
		const before = loads;
		tui.write('r');
		await tui.waitForFrame(() => loads > before);
		await tui.waitFor('Profiles (1)');
		expect(store.profile('dev')?.readOnly).toBe(false);
		expect(tui.lastFrame()).toContain('READ-ONLY');
	});

	it('any other key than y cancels: the profile stays read-only', async () => {
		const {tui, store} = await openProfiles({profile: 'dev', readOnly: true});
		tui.write('w');
		await tui.waitFor('Make dev writable?');
		tui.write('n');
		await tui.waitForFrame(frame => !frame.includes('Make dev writable?'));
		expect(store.profile('dev')?.readOnly).toBe(true);
	});

	it('a writable profile: w stores it read-only at once, no question', async () => {
		const {tui, store} = await openProfiles({profile: 'dev'});
		expect(store.profile('dev')?.readOnly).toBeUndefined();
		tui.write('w');
		await waitStatus(tui, 'Profile dev is stored read-only: it opens read-only from now on');
		expect(store.profile('dev')?.readOnly).toBe(true);
		expect(tui.lastFrame()).not.toContain('Make dev writable?');
	});
});
