// The built iamtui in a real terminal (tmux) against seeded moto: the walking skeleton as an operator sees it.
import {expect, it} from 'vitest';
import {describeWithMoto} from '../helpers/with-moto.js';
import {e2eAccount, openUser} from '../helpers/e2e.js';
import {ALL_GROUPS, LIGHTSAIL, SERVICE_ACCOUNT, TWO_KEY_USERS} from '../../scripts/seed.js';

describeWithMoto('e2e: browsing the seeded account in tmux', () => {
	const account = e2eAccount();
	const open = (width = 120, height = 36) => account.open({width, height});

	it('lists users, filters, opens a user with groups and keys, goes back and quits cleanly', async () => {
		const tui = await open();
		await tui.waitFor('Users (40)');
		const first = tui.screen();
		expect(first).toContain(LIGHTSAIL.consoleUser);
		expect(first).toContain('arn:aws:sts::123456789012');

		tui.keys('/');
		tui.type('rsd');
		await tui.waitFor('Users (1/40)');
		tui.keys('Enter');
		await tui.waitFor(/1 of 40 · esc clears/);
		tui.keys('Enter');
		const user = await tui.waitFor(/Access keys[\s\S]*AKIA[A-Z0-9]{16}\s+Active/);
		expect(user).toContain(`User ${SERVICE_ACCOUNT.user}`);
		expect(user).toContain(SERVICE_ACCOUNT.group);
		expect(user).toContain(`${SERVICE_ACCOUNT.inlinePolicy}  via ${SERVICE_ACCOUNT.group}`);

		tui.keys('Escape');
		await tui.waitFor('Users (1/40)');
		tui.keys('Escape');
		await tui.waitFor('Users (40)');
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);
		expect(tui.terminalState()).toEqual({alternateScreen: false, cursorVisible: true});
		// The account was drawn in the alternate screen: nothing of it stays in the scrollback.
		expect(tui.scrollback()).not.toContain(LIGHTSAIL.consoleUser);
	});

	it('shows both keys of a user mid-rotation, one Inactive, and jumps to groups with :groups', async () => {
		const tui = await open();
		await tui.waitFor('Users (40)');
		await openUser(tui, TWO_KEY_USERS[0]);
		const keys = await tui.waitFor(/Inactive/);
		expect(keys.match(/AKIA[A-Z0-9]{16}/g)).toHaveLength(2);
		expect(keys).toMatch(/Active/);

		tui.keys(':');
		tui.type('groups');
		// Enter only once the typed text is drawn, or it can arrive glued to the text and be read as part of it.
		await tui.waitFor(':groups');
		tui.keys('Enter');
		const groups = await tui.waitFor(`Groups (${ALL_GROUPS.length})`);
		expect(groups).toContain(LIGHTSAIL.group);
		tui.keys('C-c');
		await tui.waitForExit();
		expect(tui.terminalState()).toEqual({alternateScreen: false, cursorVisible: true});
	});

	it('restores the terminal on SIGTERM', async () => {
		const tui = await open();
		await tui.waitFor('Users (40)');
		process.kill(tui.pid(), 'SIGTERM');
		expect(await tui.waitForExit()).toBe(143);
		expect(tui.terminalState()).toEqual({alternateScreen: false, cursorVisible: true});
	});

	it('stays usable in a terminal smaller than 80×24', async () => {
		const tui = await open(60, 15);
		const screen = await tui.waitFor('Users (40)');
		expect(screen.split('\n').every(line => line.length <= 60)).toBe(true);
		tui.keys('Down', 'Enter');
		await tui.waitFor(/User \S+/);
		tui.keys('q');
		await tui.waitFor('Users (40)');
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);
	});
});
