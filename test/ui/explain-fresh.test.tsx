// Explain follows the account (issue 16, item 5b), as who-can does: its answer stays on the Access view
// after enter, and is asked again on the new model after r (a change made outside the TUI) and after a
// write made in the TUI (from a `:groups` jump above the Access view). The whole App against moto.
import {IAMClient, RemoveUserFromGroupCommand} from '@aws-sdk/client-iam';
import {expect, it} from 'vitest';
import {LIGHTSAIL} from '../../scripts/seed.js';
import {keys, tick, type Rendered} from '../helpers/render.js';
import {jump, motoAppHarness, openFiltered} from '../helpers/moto-app.js';
import {selectedLine} from '../helpers/user-screen.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const ACTION = 'lightsail:GetInstances';
const ALLOWED = `Allowed — ${ACTION} on *`;
const DENIED = `Denied (implicit) — ${ACTION} on *`;
const client = (endpoint: string) => new IAMClient({endpoint, region: 'us-east-1', credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});

/** bruno.costa (only in the Lightsail group): A, e, the action, enter; the answer stays with the fields left. */
const explainBruno = async (tui: Rendered) => {
	await openFiltered(tui, 'bruno.costa');
	tui.write('A');
	await tui.waitFor('Access of bruno.costa', {timeoutMs: 15_000});
	tui.write('e');
	await tui.waitFor('can bruno.costa do');
	await tui.type(ACTION);
	await tui.waitFor(`do ${ACTION}`);
	tui.write(keys.enter);
	const answer = await tui.waitFor(ALLOWED, {timeoutMs: 15_000});
	await tui.waitFor('e edits the question · esc closes');
	return answer;
};

describeWithMoto('Explain is asked again when the account changes', () => {
	const harness = motoAppHarness();

	it('after r: the group removed outside the TUI turns Allowed into Denied (implicit) in the same panel', async () => {
		const {tui} = await harness.start();
		expect(await explainBruno(tui)).toContain(`granted by allow: group ${LIGHTSAIL.group} → policy`);
		await client(harness.moto().endpoint).send(new RemoveUserFromGroupCommand({GroupName: LIGHTSAIL.group, UserName: 'bruno.costa'}));
		tui.write('r');
		const after = await tui.waitFor(DENIED, {timeoutMs: 15_000});
		expect(after).not.toContain(ALLOWED);
		expect(after).toContain('can bruno.costa do');
		// esc closes the panel, then goes back as before.
		tui.write(keys.escape);
		await tui.waitForFrame(frame => !frame.includes('can bruno.costa do'));
		expect(tui.lastFrame()).toContain('Access of bruno.costa');
	});

	it('after a write: removing him from the group (from a :groups jump) changes the answer waiting underneath', async () => {
		const {tui} = await harness.start();
		await explainBruno(tui);
		await jump(tui, 'groups', /Groups \(\d+\)/);
		await openFiltered(tui, LIGHTSAIL.group, `Group ${LIGHTSAIL.group}`);
		for (let n = 0; n < 30 && !selectedLine(tui.lastFrame()).includes('bruno.costa'); n++) {
			tui.write(keys.down);
			await tick();
			await new Promise(resolve => setTimeout(resolve, 20));
		}
		expect(selectedLine(tui.lastFrame())).toContain('bruno.costa');
		tui.write('x');
		await tui.waitFor(`Remove bruno.costa from group ${LIGHTSAIL.group}`);
		tui.write('y');
		await tui.waitFor('enter/esc goes back', {timeoutMs: 10_000});
		tui.write(keys.enter);
		await tui.waitFor(`Group ${LIGHTSAIL.group}`);
		for (const back of ['q', 'q']) {
			tui.write(back);
			await tick();
			await new Promise(resolve => setTimeout(resolve, 50));
		}
		const after = await tui.waitForFrame(frame => frame.includes('Access of bruno.costa') && frame.includes(DENIED), {timeoutMs: 15_000});
		expect(after).not.toContain(ALLOWED);
	});
});
