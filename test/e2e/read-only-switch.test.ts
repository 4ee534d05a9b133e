// The built iamtui in tmux, started with --read-only: adding a profile on :profiles and switching to it
// keeps the READ-ONLY badge, the create-group key stays absent, and a recording proxy in front of moto
// (the new profile's endpoint) sees the account load and no mutating request.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {e2eAccount} from '../helpers/e2e.js';
import {jump, moveCursorTo, typeText} from '../helpers/e2e-steps.js';
import {startFaultProxy, type FaultProxy} from '../helpers/fault-proxy.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const MUTATING = /^(Create|Delete|Update|Put|Attach|Detach|Add|Remove|Upload|Enable|Deactivate|Tag|Untag|Set|Change|Reset)/;

describeWithMoto('e2e: read-only survives a profile switch in tmux', () => {
	const account = e2eAccount();
	let proxy: FaultProxy | undefined;
	afterEach(async () => proxy?.stop());

	it('--read-only, :profiles, add a profile, switch: still READ-ONLY, no create group, nothing mutating sent', async () => {
		// Rates 0: a recording proxy, nothing injected.
		proxy = await startFaultProxy({target: account.moto().endpoint, seed: 1});
		const tui = await account.open({args: ['--read-only']});
		expect(tui.screen()).toContain('READ-ONLY');
		const aws = path.join(account.env().HOME!, '.aws');
		mkdirSync(aws, {recursive: true});
		writeFileSync(path.join(aws, 'credentials'), '[stage]\naws_access_key_id = testing\naws_secret_access_key = testing\n');

		await jump(tui, 'profiles', /Profiles \(\d+\)/);
		tui.keys('a');
		await tui.waitFor('Add a profile');
		await typeText(tui, 'stage', /Name\s+stage\b/);
		tui.keys('Enter');
		await tui.waitFor('optional, e.g. us-east-1');
		tui.keys('Enter');
		await tui.waitFor('optional, e.g. http://127.0.0.1:5000');
		await typeText(tui, proxy.endpoint);
		tui.keys('Enter');
		await tui.waitFor('Profile stage saved');
		await moveCursorTo(tui, /^›[\s●]+stage\s/);
		tui.keys('Enter');
		const switched = await tui.waitFor(screen => screen.includes('profile stage ·') && /Users \(\d+\)/.test(screen), 60_000);
		expect(switched).toContain('READ-ONLY');

		const groups = await jump(tui, 'groups', /Groups \(\d+\)/);
		expect(groups).toContain('READ-ONLY');
		expect(groups).not.toContain('new group');
		tui.keys('n');
		await new Promise(resolve => setTimeout(resolve, 500));
		expect(tui.screen()).not.toContain('Create a group');
		expect(proxy.stats().byAction.GetAccountAuthorizationDetails).toBeGreaterThan(0);
		expect(Object.keys(proxy.stats().byAction).filter(action => MUTATING.test(action))).toEqual([]);
		// q goes back through the :profiles jump (to Users), then quits there.
		tui.keys('q');
		await tui.waitFor(/Users \(\d+\)/);
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);
	}, 180_000);
});
