// A headless destructive command asks on the terminal before it writes (commands/confirm.ts). In a real
// terminal (tmux), the built binary against the seeded demo account: Ctrl+C at the prompt ends it as
// interrupted (130) with one line and nothing sent, Ctrl+D is no answer (cancelled, 1), y goes ahead.
// moto's membership and the journal say what was sent.
import {afterEach, expect, it} from 'vitest';
import {LIGHTSAIL} from '../../scripts/seed.js';
import {cliPath, root} from '../helpers/cli.js';
import {e2eAccount} from '../helpers/e2e.js';
import {TmuxSession} from '../helpers/tmux.js';
import {describeWithMoto} from '../helpers/with-moto.js';

describeWithMoto('e2e: confirmation prompts of headless commands', () => {
	const account = e2eAccount();
	let session: TmuxSession | undefined;
	afterEach(() => {
		session?.kill();
		session = undefined;
	});

	/** The headless command in tmux, once its question is on the screen. */
	const asked = async (args: string[], question: RegExp): Promise<TmuxSession> => {
		session?.kill();
		session = TmuxSession.start({command: [process.execPath, cliPath, ...args, '--endpoint-url', account.moto().endpoint], env: account.env(), cwd: root, width: 140, height: 40});
		await session.waitFor(question, 60_000);
		return session;
	};
	const members = async () =>
		(JSON.parse((await account.cli(['groups', '--json'])).stdout) as Array<{GroupName: string; Members: string[]}>).find(g => g.GroupName === LIGHTSAIL.group)?.Members;
	const journal = async () => JSON.parse((await account.cli(['journal', '--json'])).stdout) as Array<{operation: string; outcome: string}>;
	const remove = ['remove-from-group', LIGHTSAIL.consoleUser, LIGHTSAIL.group];

	it('Ctrl+C at Proceed? ends with 130 and one line, Ctrl+D is a No; neither sends anything', async () => {
		let tui = await asked(remove, /Proceed\? \[y\/N\]/);
		tui.keys('C-c');
		expect(await tui.waitForExit()).toBe(130);
		const interrupted = tui.screen();
		expect(interrupted).toContain('iamtui: interrupted at the prompt (Ctrl+C): nothing was sent');
		expect(interrupted).not.toMatch(/Aborted|Error|at .*\.js:\d+/);

		tui = await asked(remove, /Proceed\? \[y\/N\]/);
		tui.keys('C-d');
		expect(await tui.waitForExit()).toBe(1);
		expect(tui.screen()).toContain('iamtui: cancelled, nothing was sent');

		expect(await members()).toContain(LIGHTSAIL.consoleUser);
		expect(await journal()).toEqual([]);
	}, 180_000);

	it('Ctrl+C where offboard asks for the name ends with 130; the user is untouched', async () => {
		const tui = await asked(['offboard', LIGHTSAIL.consoleUser], new RegExp(`Type "${LIGHTSAIL.consoleUser.replace('.', '\\.')}" to proceed`));
		tui.keys('C-c');
		expect(await tui.waitForExit()).toBe(130);
		expect(tui.screen()).toContain('interrupted at the prompt (Ctrl+C): nothing was sent');
		expect((await account.cli(['user', LIGHTSAIL.consoleUser])).code).toBe(0);
		expect(await journal()).toEqual([]);
	}, 180_000);

	it('y at Proceed? removes the user from the group', async () => {
		const tui = await asked(remove, /Proceed\? \[y\/N\]/);
		tui.type('y');
		tui.keys('Enter');
		expect(await tui.waitForExit(60_000)).toBe(0);
		expect(await members()).not.toContain(LIGHTSAIL.consoleUser);
		expect(await journal()).toEqual([expect.objectContaining({operation: 'iam:RemoveUserFromGroup', outcome: 'ok'})]);
	}, 180_000);
});
