// W5 in a real terminal: the built iamtui in tmux against seeded moto — ":whocan ec2:TerminateInstances"
// lists the members of Developers and none of Managers, each with the grant path; enter opens a user on
// the granting group, where x plans the removal.
import {expect, it} from 'vitest';
import {describeWithMoto} from '../helpers/with-moto.js';
import {e2eAccount} from '../helpers/e2e.js';
import {askWhoCan} from '../helpers/e2e-steps.js';
import {DEVELOPERS, MANAGERS} from '../../scripts/seed.js';

describeWithMoto('e2e: who can (W5) in tmux', () => {
	const account = e2eAccount();

	it(':whocan ec2:TerminateInstances lists the developers and not the managers; enter opens the user', async () => {
		const tui = await account.open({height: 60});
		const answer = await askWhoCan(tui, 'ec2:TerminateInstances', /Users who can ec2:TerminateInstances on \* \(\d+\)[\s\S]*Groups whose policies grant it/);
		for (const name of DEVELOPERS.members) expect(answer).toContain(name);
		for (const name of MANAGERS.members) expect(answer).not.toContain(name);
		expect(answer).toContain(`via group ${DEVELOPERS.group} → policy ${DEVELOPERS.policy} → statement #1`);

		// Down to the first developer (users reaching it through a demo role may come first): enter opens them
		// on the granting group, x plans removing them from it (n cancels), esc comes back to the answer.
		const selectedLine = (screen: string) => screen.split('\n').find(line => line.startsWith('›')) ?? '';
		// A user's own row ("› name  Decision"), not one of the path lines under it.
		const selected = (screen: string) => /^› (\S+) /.exec(selectedLine(screen))?.[1] ?? '';
		const developers: readonly string[] = DEVELOPERS.members;
		let screen = answer;
		for (let moves = 0; moves < 20 && !developers.includes(selected(screen)); moves++) {
			const before = selectedLine(screen);
			tui.keys('j');
			screen = await tui.waitFor(current => selectedLine(current) !== before);
		}
		const first = selected(screen);
		expect(developers).toContain(first);
		tui.keys('Enter');
		await tui.waitFor(new RegExp(`User ${first.replace(/\./g, '\\.')}[\\s\\S]*› ${DEVELOPERS.group}`));
		tui.keys('x');
		await tui.waitFor(`Remove ${first} from group ${DEVELOPERS.group}`);
		tui.keys('n');
		await tui.waitFor(`User ${first}`);
		tui.keys('Escape');
		await tui.waitFor('Users who can ec2:TerminateInstances');
		// q goes back through the : jump (to Users), then quits there.
		tui.keys('q');
		await tui.waitFor(/Users \(\d+\)/);
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);
	});
});
