// Answers computed from the account are never the old snapshot's (issue 16, item 5b), through the whole
// App against moto: who-can after a write made from its own answer and after r (the account changed
// behind the TUI's back), the Access view after r, and the rotation's verify stage re-reading
// the keys' last use when it is entered (moto marks a key used when a request is signed with it).
import {IAMClient, ListUsersCommand, RemoveUserFromGroupCommand} from '@aws-sdk/client-iam';
import {expect, it} from 'vitest';
import {LIGHTSAIL} from '../../scripts/seed.js';
import {keys, tick, type Rendered} from '../helpers/render.js';
import {jump, motoAppHarness, openFiltered} from '../helpers/moto-app.js';
import {selectedLine} from '../helpers/user-screen.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const ACTION = 'lightsail:GetInstances';
const ANSWER = new RegExp(`Users who can ${ACTION} on \\* \\((\\d+)\\)`);
const client = (endpoint: string, credentials = {accessKeyId: 'testing', secretAccessKey: 'testing'}) => new IAMClient({endpoint, region: 'us-east-1', credentials, maxAttempts: 1});

const usersSection = (frame: string) => frame.slice(frame.search(ANSWER), frame.includes('Groups whose') ? frame.indexOf('Groups whose') : undefined);

const askWhoCan = async (tui: Rendered) => {
	await jump(tui, 'whocan', 'Who can…');
	await tui.type(ACTION);
	await tui.waitFor(`do ${ACTION}`);
	tui.write(keys.enter);
	return tui.waitFor(ANSWER, {timeoutMs: 15_000});
};

describeWithMoto('answers follow the account: who-can, Access, rotation verify', () => {
	const harness = motoAppHarness();

	it('who-can is asked again after a write made from it: the member removed from the group is no longer Allowed through it', async () => {
		const {tui} = await harness.start();
		const before = await askWhoCan(tui);
		expect(usersSection(before)).toMatch(/ana\.silva +Allowed/);
		await tui.waitFor('enter opens · / edits the query'); // the answer has the keys
		for (let n = 0; n < 30 && !selectedLine(tui.lastFrame()).includes('ana.silva'); n++) {
			tui.write(keys.down);
			await tick();
			await new Promise(resolve => setTimeout(resolve, 20));
		}
		expect(selectedLine(tui.lastFrame())).toContain('ana.silva');
		tui.write(keys.enter);
		await tui.waitFor('User ana.silva');
		await tui.waitFor(new RegExp(`› +${LIGHTSAIL.group}`));
		tui.write('x');
		await tui.waitFor(`Remove ana.silva from group ${LIGHTSAIL.group}`);
		tui.write('y');
		await tui.waitFor('enter/esc goes back', {timeoutMs: 10_000});
		tui.write(keys.enter);
		await tui.waitFor('User ana.silva');
		tui.write(keys.escape);
		// Out of the group she keeps only the Deploy role's path, which needs MFA: Conditional now.
		const after = await tui.waitForFrame(frame => ANSWER.test(frame) && /ana\.silva +Conditional/.test(usersSection(frame)), {timeoutMs: 15_000});
		expect(usersSection(after)).toMatch(/bruno\.costa +Allowed/);
	});

	it('who-can is asked again after r: a change made outside the TUI shows in the same answer', async () => {
		const {tui} = await harness.start();
		const before = await askWhoCan(tui);
		expect(usersSection(before)).toContain('bruno.costa');
		await client(harness.moto().endpoint).send(new RemoveUserFromGroupCommand({GroupName: LIGHTSAIL.group, UserName: 'bruno.costa'}));
		await tui.waitFor('enter opens · / edits the query');
		tui.write('r');
		const after = await tui.waitForFrame(frame => ANSWER.test(frame) && !usersSection(frame).includes('bruno.costa'), {timeoutMs: 15_000});
		expect(usersSection(after)).toContain('ana.silva');
	});

	it('the Access view is read again on r: a group removed outside the TUI takes its service away', async () => {
		const {tui} = await harness.start();
		await openFiltered(tui, 'bruno.costa');
		tui.write('A');
		const before = await tui.waitFor('Access of bruno.costa', {timeoutMs: 15_000});
		expect(before).toMatch(/lightsail/i);
		await client(harness.moto().endpoint).send(new RemoveUserFromGroupCommand({GroupName: LIGHTSAIL.group, UserName: 'bruno.costa'}));
		tui.write('r');
		await tui.waitForFrame(frame => frame.includes('Access of bruno.costa') && !/lightsail/i.test(frame), {timeoutMs: 15_000});
	});

	it('the rotation verify stage re-reads the keys when entered: the new key used since is shown used', async () => {
		const {tui, services} = await harness.start();
		await openFiltered(tui, 'dana.kim');
		tui.write('R');
		await tui.waitFor('› 1. Create the second key', {timeoutMs: 10_000});
		tui.write(keys.enter);
		await tui.waitFor('aws iam create-access-key --user-name dana.kim');
		tui.write('y');
		const shown = await tui.waitFor('save or copy now', {timeoutMs: 10_000});
		const accessKeyId = /Access key ID\s+(\S+)/.exec(shown)?.[1] ?? '';
		tui.write('c');
		await tui.waitFor('clipboard clears in');
		const secretAccessKey = services.clipboardText();
		tui.write('d');
		await tui.waitFor('› 2. Switch the tool to the new key', {timeoutMs: 10_000});
		// The write's background reload (and the keys the wizard reads after it) done before the tool switches.
		await tui.waitForFrame(frame => !frame.includes('reloading…'), {timeoutMs: 15_000});
		await new Promise(resolve => setTimeout(resolve, 1500));
		// The operator switches the tool: it makes a call with the new key (moto records its last use).
		await client(harness.moto().endpoint, {accessKeyId, secretAccessKey}).send(new ListUsersCommand({}));
		tui.write(keys.enter);
		const verify = await tui.waitForFrame(frame => frame.includes('› 3. Verify') && frame.includes(`new key ${accessKeyId}: last used`), {timeoutMs: 10_000});
		expect(verify).not.toContain('The new key has not been used yet');
	});
});
