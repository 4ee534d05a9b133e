// W5 in a real terminal: the built iamtui in tmux against seeded moto — ":whocan ec2:TerminateInstances"
// lists the members of Developers and none of Managers, each with the grant path.
import {afterAll, afterEach, beforeAll, expect, it} from 'vitest';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';
import {cliPath, motoEnvironment, root} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';
import {DEVELOPERS, MANAGERS, seedDemoAccount} from '../../scripts/seed.js';

describeWithMoto('e2e: who can (W5) in tmux', () => {
	let moto: Moto;
	let session: TmuxSession | undefined;

	beforeAll(async () => {
		moto = await startMoto({loadManagedPolicies: true});
		await seedDemoAccount(moto.endpoint);
	});
	afterEach(() => session?.kill());
	afterAll(async () => moto?.stop());

	it(':whocan ec2:TerminateInstances lists the developers and not the managers; enter opens the user', async () => {
		const tui = (session = TmuxSession.start({
			command: [process.execPath, cliPath, '--endpoint-url', moto.endpoint],
			env: motoEnvironment(),
			width: 140,
			height: 60,
			cwd: root,
		}));
		await tui.waitFor('Users (40)');
		tui.keys(':');
		tui.type('whocan');
		// A key sent while the typed text is still being read would arrive glued to it (as a paste).
		await tui.waitFor(/^:whocan/m);
		tui.keys('Enter');
		await tui.waitFor('Who can…');
		tui.type('ec2:TerminateInstances');
		await tui.waitFor('do ec2:TerminateInstances');
		tui.keys('Enter');
		const answer = await tui.waitFor(/Users who can ec2:TerminateInstances on \* \(\d+\)[\s\S]*Groups whose policies grant it/);
		for (const name of DEVELOPERS.members) expect(answer).toContain(name);
		for (const name of MANAGERS.members) expect(answer).not.toContain(name);
		expect(answer).toContain(`via group ${DEVELOPERS.group} → policy ${DEVELOPERS.policy} → statement #1`);

		// The first user in the answer is selected: enter opens them, esc comes back to the answer.
		const first = answer.split('\n').find(line => line.startsWith('› '))!.slice(2).split(/\s+/)[0]!;
		tui.keys('Enter');
		await tui.waitFor(`User ${first}`);
		tui.keys('Escape');
		await tui.waitFor('Users who can ec2:TerminateInstances');
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);
	});
});
