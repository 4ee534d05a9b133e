// Group membership in the TUI: the preview, the confirmation, marking several members, the journal,
// and read-only mode hiding the keys.
import {statSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {JOURNAL_FILE} from '../../source/store/journal.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {keys, type Rendered} from '../helpers/render.js';

const {start} = appHarness();

const writes = writesOf;
const selectedLine = (frame: string) => frame.split('\n').find(line => line.trimStart().startsWith('› ')) ?? '';

/** Users list → ana.silva (the first row) → the cursor on her LightsailFullAccessGroup line. */
const openAnaLightsail = async (tui: Rendered) => {
	await tui.waitFor('Users (12)');
	tui.write(keys.enter);
	await tui.waitFor('User ana.silva');
	tui.write(keys.tab);
	await tui.waitForFrame(f => selectedLine(f).includes('Developers'));
	tui.write(keys.down);
	await tui.waitForFrame(f => selectedLine(f).includes('LightsailFullAccessGroup'));
	await new Promise(resolve => setTimeout(resolve, 0));
};

describe('group membership in the TUI', () => {
	it('x on a group: the plan with its aws iam line and the preview; y runs it, journals it, patches the screen', async () => {
		const {tui, gateway, journal} = start();
		await openAnaLightsail(tui);
		tui.write('x');
		const plan = await tui.waitFor('Remove ana.silva from group LightsailFullAccessGroup');
		expect(plan).toContain('aws iam remove-user-from-group --user-name ana.silva --group-name LightsailFullAccessGroup');
		expect(plan).toContain('loses LightsailFullAccessPolicy');
		expect(plan).toContain('loses lightsail:*');
		expect(plan).toContain('This takes access away');
		expect(writes(gateway)).toEqual([]);

		tui.write('y');
		const done = await tui.waitFor(/done\s+Remove ana\.silva from group LightsailFullAccessGroup/);
		expect(done).toContain('Done');
		expect(writes(gateway)).toEqual(['removeUserFromGroup:ana.silva:LightsailFullAccessGroup']);
		expect(journal.read()).toEqual([
			expect.objectContaining({
				operation: 'iam:RemoveUserFromGroup',
				target: {user: 'ana.silva', group: 'LightsailFullAccessGroup'},
				outcome: 'ok',
				profile: 'dev',
				callerArn: 'arn:aws:iam::123456789012:user/operator',
				errorCode: null,
			}),
		]);
		expect(statSync(journal.path).mode & 0o777).toBe(0o600);
		expect(path.basename(journal.path)).toBe(JOURNAL_FILE);

		tui.write(keys.enter);
		const back = await tui.waitFor('User ana.silva');
		expect(back).toMatch(/Groups \(1\)/);
		expect(back).not.toContain('LightsailFullAccessPolicy  via LightsailFullAccessGroup');
	});

	it('n cancels: nothing is sent and nothing journaled', async () => {
		const {tui, gateway, journal} = start();
		await openAnaLightsail(tui);
		tui.write('x');
		await tui.waitFor('n/esc cancels');
		tui.write('n');
		await tui.waitFor('User ana.silva');
		expect(writes(gateway)).toEqual([]);
		expect(journal.read()).toEqual([]);
	});

	it('a on a user: pick a group from a filterable list, see what she gains, confirm', async () => {
		const {tui, gateway} = start();
		await tui.waitFor('Users (12)');
		tui.write(keys.enter);
		await tui.waitFor('User ana.silva');
		tui.write('a');
		const picker = await tui.waitFor('Add ana.silva to a group');
		// Only the groups she is not in.
		expect(picker).toContain('Managers');
		expect(picker).not.toMatch(/^\s*›?\s*Developers/m);
		tui.write('/');
		await tui.waitFor('type to filter');
		await tui.type('Mana');
		await tui.waitFor('1 of 3');
		tui.write(keys.enter);
		await tui.waitFor('1 of 3 · esc clears');
		tui.write(keys.enter);
		const plan = await tui.waitFor('Add ana.silva to group Managers');
		expect(plan).toContain('aws iam add-user-to-group --user-name ana.silva --group-name Managers');
		expect(plan).toContain('gets ManagersDescribe');
		expect(plan).toContain('gains ec2:Describe*');
		tui.write(keys.enter);
		await tui.waitFor(/done\s+Add ana\.silva to group Managers/);
		expect(writes(gateway)).toEqual(['addUserToGroup:ana.silva:Managers']);
	});

	it('on a group, space marks several members and x removes them all in one plan', async () => {
		const {tui, gateway} = start();
		await tui.waitFor('Users (12)');
		tui.write(':');
		await tui.waitFor(':users :groups');
		await tui.type('groups');
		tui.write(keys.enter);
		await tui.waitFor('Groups (5)');
		tui.write(keys.enter);
		await tui.waitFor('Group Developers');
		tui.write(keys.tab);
		await tui.waitForFrame(f => selectedLine(f).includes('ana.silva'));
		tui.write(' ');
		await tui.waitFor('1 marked');
		tui.write(keys.down);
		await tui.waitForFrame(f => selectedLine(f).includes('bruno.costa'));
		tui.write(' ');
		const marked = await tui.waitFor('2 marked');
		expect(marked).toContain('✓ ana.silva');
		expect(marked).toContain('✓ bruno.costa');
		tui.write('x');
		const plan = await tui.waitFor('Remove 2 users from group Developers');
		expect(plan).toContain('aws iam remove-user-from-group --user-name ana.silva --group-name Developers');
		expect(plan).toContain('aws iam remove-user-from-group --user-name bruno.costa --group-name Developers');
		expect(plan).toContain('loses ec2:TerminateInstances');
		tui.write('y');
		await tui.waitFor(/done\s+Remove bruno\.costa/);
		expect(writes(gateway)).toEqual(['removeUserFromGroup:ana.silva:Developers', 'removeUserFromGroup:bruno.costa:Developers']);
		tui.write(keys.escape);
		const group = await tui.waitFor('Group Developers');
		expect(group).toMatch(/Members \(2\)/);
	});

	it('a on a group: space marks several users in the picker, one plan adds them', async () => {
		const {tui, gateway} = start();
		await tui.waitFor('Users (12)');
		tui.write(':');
		await tui.waitFor(':users :groups');
		await tui.type('groups');
		tui.write(keys.enter);
		await tui.waitFor('Groups (5)');
		tui.write(keys.down);
		await tui.waitForFrame(f => selectedLine(f).includes('EmptyGroup'));
		tui.write(keys.enter);
		await tui.waitFor('Group EmptyGroup');
		tui.write('a');
		await tui.waitFor('Add users to EmptyGroup');
		tui.write(' ');
		await tui.waitFor('1 marked');
		tui.write(keys.down);
		await tui.waitForFrame(f => selectedLine(f).includes('bruno.costa'));
		tui.write(' ');
		await tui.waitFor('2 marked');
		tui.write(keys.enter);
		const plan = await tui.waitFor('Add 2 users to group EmptyGroup');
		expect(plan).toContain('the group carries no policies');
		tui.write('y');
		await tui.waitFor(/done\s+Add bruno\.costa/);
		expect(writes(gateway)).toEqual(['addUserToGroup:ana.silva:EmptyGroup', 'addUserToGroup:bruno.costa:EmptyGroup']);
	});

	it('read-only: the membership keys are absent from the footer and help, and do nothing', async () => {
		const {tui, gateway, journal} = start({readOnly: true, columns: 200, rows: 40});
		await tui.waitFor('READ-ONLY');
		await tui.waitFor('Users (12)');
		tui.write(keys.enter);
		await tui.waitFor('User ana.silva');
		expect(tui.lastFrame()).not.toContain('add to group');
		expect(tui.lastFrame()).not.toContain('remove from group');
		tui.write(keys.tab);
		await tui.waitForFrame(f => selectedLine(f).includes('Developers'));
		tui.write('x');
		tui.write('a');
		tui.write('?');
		const help = await tui.waitFor('Show or hide this help');
		expect(help).not.toContain('Remove this user from the selected group');
		expect(help).not.toContain('Add this user to a group');
		expect(writes(gateway)).toEqual([]);
		expect(journal.read()).toEqual([]);
	});

	it('not read-only: the footer offers them', async () => {
		const {tui} = start({columns: 250, rows: 40});
		await tui.waitFor('Users (12)');
		tui.write(keys.enter);
		await tui.waitFor('User ana.silva');
		await tui.waitFor('a add to group');
		expect(tui.lastFrame()).toContain('x remove from group');
	});
});
