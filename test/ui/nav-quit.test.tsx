// q and Ctrl-C through the whole App against moto (issue 16, item 5): q after a `:` jump goes back to
// where the jump came from, and only the first screen quits; the demo asks once before a quit throws its
// changes away; Ctrl-C on the show-once secret warns as q does instead of quitting with it unsaved.
import {expect, it} from 'vitest';
import {tick, type Rendered} from '../helpers/render.js';
import {jump, motoAppHarness, openFiltered, USERS_LOADED} from '../helpers/moto-app.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const CTRL_C = '\u0003';

/** Resolves true if the app exits within `ms` (Ink's exit), false if it is still running. */
const exits = (tui: Rendered, ms = 400): Promise<boolean> =>
	Promise.race([tui.instance.waitUntilExit().then(() => true), new Promise<boolean>(resolve => setTimeout(() => resolve(false), ms))]);

/** On ana.silva (no access key): K, run the plan, and the secret is on screen. */
const issueKey = async (tui: Rendered) => {
	await openFiltered(tui, 'ana.silva');
	// K waits for the user's credentials (a per-user call): press until the plan is there.
	for (let tries = 0; !tui.lastFrame().includes('aws iam create-access-key'); tries++) {
		if (tries > 40) throw new Error(`no plan after K:\n${tui.lastFrame()}`);
		tui.write('K');
		await tui.waitForFrame(frame => frame.includes('aws iam create-access-key'), {timeoutMs: 250}).catch(() => undefined);
		await tick();
	}
	tui.write('y');
	await tui.waitFor('Secret access key', {timeoutMs: 10_000});
};

describeWithMoto('q and Ctrl-C: back after a jump, quit only from the first screen', () => {
	const harness = motoAppHarness();

	it('q after :groups then :policies goes back to Groups, then to Users, and only then quits', async () => {
		const {tui} = await harness.start();
		await jump(tui, 'groups', /Groups \(\d+\)/);
		await jump(tui, 'policies', /Policies \(\d+\)/);
		// The footer says what q does here: back, not quit.
		expect(tui.lastFrame()).toMatch(/ q back$/m);
		expect(tui.lastFrame()).not.toContain('q quit');
		tui.write('q');
		await tui.waitFor(/Groups \(\d+\)/);
		expect(await exits(tui, 100)).toBe(false);
		tui.write('q');
		const first = await tui.waitFor(USERS_LOADED);
		expect(first).toMatch(/ q quit$/m);
		expect(await exits(tui, 100)).toBe(false);
		tui.write('q');
		expect(await exits(tui)).toBe(true);
	});

	it('a jump from an open user comes back to that user; :users from deeper goes down to the first list', async () => {
		const {tui} = await harness.start();
		await openFiltered(tui, 'dana.kim');
		await jump(tui, 'groups', /Groups \(\d+\)/);
		tui.write('q');
		await tui.waitFor('User dana.kim');
		await jump(tui, 'policies', /Policies \(\d+\)/);
		await jump(tui, 'users', /Users \(1\/\d+\)/); // still filtered to dana.kim: the same list, kept
		tui.write('q');
		expect(await exits(tui)).toBe(true);
	});

	it('in the demo, a quit after a write asks once: n stays, y quits; without writes q quits at once', async () => {
		const quiet = await harness.start({demo: true});
		quiet.tui.write('q');
		expect(await exits(quiet.tui)).toBe(true);
		quiet.tui.unmount();

		const {tui} = await harness.start({demo: true});
		await issueKey(tui);
		tui.write('d');
		await tui.waitFor('dismiss anyway? y/n');
		tui.write('y');
		await tui.waitFor('User ana.silva');
		tui.write('q');
		await tui.waitFor(/Users \(1\/\d+\)/);
		tui.write('q');
		await tui.waitFor('Quit the demo? The change you made goes with it. y/N');
		tui.write('n');
		await tui.waitForFrame(frame => !frame.includes('Quit the demo?'));
		expect(await exits(tui, 100)).toBe(false);
		tui.write('q');
		await tui.waitFor('Quit the demo?');
		tui.write('y');
		expect(await exits(tui)).toBe(true);
	});

	it('Ctrl-C on the show-once secret asks like q (not saved); after n the secret is still there', async () => {
		const {tui} = await harness.start();
		await issueKey(tui);
		tui.write(CTRL_C);
		await tui.waitFor('you have not saved it: dismiss anyway? y/n');
		expect(await exits(tui, 100)).toBe(false);
		tui.write('n');
		await tui.waitForFrame(frame => !frame.includes('dismiss anyway') && frame.includes('Secret access key'));
		await tick();
		// In the save field too: Ctrl-C is not typed into it and does not quit.
		tui.write('s');
		await tui.waitFor('Save as CSV to:');
		tui.write(CTRL_C);
		await tui.waitFor('dismiss anyway? y/n');
		expect(await exits(tui, 100)).toBe(false);
	});

	it('Ctrl-C elsewhere quits at once', async () => {
		const {tui} = await harness.start();
		await jump(tui, 'groups', /Groups \(\d+\)/);
		tui.write(CTRL_C);
		expect(await exits(tui)).toBe(true);
	});
});
