// WhoCan → User: enter on a user opens the User screen with the cursor on the group that granted the
// action (not merely their first group), so `x` plans removing them from exactly that group; a direct
// grant opens on the granting policy instead.
import {describe, expect, it} from 'vitest';
import {accessSnapshot, MFA_USER} from '../fixtures/access.js';
import {askWhoCan} from '../helpers/access-steps.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {keys, tick} from '../helpers/render.js';

const {start} = appHarness();

const selectedLine = (frame: string) => frame.split('\n').find(line => line.trimStart().startsWith('› ')) ?? '';

describe('who can → the user, on the granting group', () => {
	it('enter opens ana.silva on LightsailFullAccessGroup (her second group); x plans removing her from it', async () => {
		const {tui, gateway} = start({snapshot: accessSnapshot()});
		const answer = await askWhoCan(tui, 'lightsail:GetInstances');
		expect(selectedLine(answer)).toContain('ana.silva');
		expect(answer).toContain('via group LightsailFullAccessGroup');
		tui.write(keys.enter);
		// Her groups are Developers then LightsailFullAccessGroup: the cursor starts on the one that granted.
		const user = await tui.waitFor('User ana.silva');
		expect(user).toContain('Developers');
		expect(selectedLine(user)).toContain('LightsailFullAccessGroup');
		await tick();
		tui.write('x');
		const plan = await tui.waitFor('Remove ana.silva from group LightsailFullAccessGroup');
		expect(plan).not.toContain('from group Developers');
		expect(plan).toContain('lightsail:*');
		expect(writesOf(gateway)).toEqual([]);
	});

	it('a path line opens on its own group; a direct grant opens on the policy', async () => {
		const {tui} = start({snapshot: accessSnapshot()});
		await askWhoCan(tui, 'ec2:TerminateInstances');
		// ana.silva, then her path "via group Developers".
		tui.write(keys.down);
		await tui.waitForFrame(f => /› +via group Developers/.test(f));
		tui.write(keys.enter);
		expect(selectedLine(await tui.waitFor('User ana.silva'))).toContain('Developers');
		tui.write(keys.escape);
		await tui.waitFor('Who can…');

		// Down to the user whose only grant is their own inline policy.
		for (let n = 0; n < 30 && !selectedLine(tui.lastFrame()).includes(MFA_USER); n++) {
			const before = selectedLine(tui.lastFrame());
			tui.write(keys.down);
			await tui.waitForFrame(f => selectedLine(f) !== before);
		}
		expect(selectedLine(tui.lastFrame())).toContain(MFA_USER);
		tui.write(keys.enter);
		const user = await tui.waitFor(`User ${MFA_USER}`);
		expect(selectedLine(user)).toContain('TerminateWithMfa');
	});
});
