// W2 "revoke Lightsail access" with the built iamtui in tmux against seeded moto: open ana.silva, remove
// her from LightsailFullAccessGroup through the confirmation, then check with the headless binary that
// she still exists, is no longer in the group, and that the journal recorded the write.
import {afterAll, afterEach, beforeAll, expect, it} from 'vitest';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';
import {cliPath, motoEnvironment, root, runCli} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';
import {LIGHTSAIL, seedDemoAccount} from '../../scripts/seed.js';

describeWithMoto('e2e: group membership in tmux', () => {
	let moto: Moto;
	let session: TmuxSession | undefined;

	beforeAll(async () => {
		moto = await startMoto({loadManagedPolicies: true});
		await seedDemoAccount(moto.endpoint);
	});
	afterEach(() => session?.kill());
	afterAll(async () => moto?.stop());

	it('W2: removes ana.silva from LightsailFullAccessGroup after the confirmation; she remains', async () => {
		const env = motoEnvironment();
		const tui = (session = TmuxSession.start({
			command: [process.execPath, cliPath, '--endpoint-url', moto.endpoint],
			env,
			width: 140,
			height: 40,
			cwd: root,
		}));
		await tui.waitFor('Users (40)');
		tui.keys('/');
		tui.type(LIGHTSAIL.consoleUser);
		await tui.waitFor('Users (1/40)');
		tui.keys('Enter');
		await tui.waitFor(/esc clears/);
		tui.keys('Enter');
		await tui.waitFor(`User ${LIGHTSAIL.consoleUser}`);
		await tui.waitFor(/Groups \(1\)/);
		tui.keys('Tab');
		await tui.waitFor(new RegExp(`› ${LIGHTSAIL.group}`));
		tui.keys('x');
		const plan = await tui.waitFor('n/esc cancels');
		expect(plan).toContain(`aws iam remove-user-from-group --user-name ${LIGHTSAIL.consoleUser} --group-name ${LIGHTSAIL.group}`);
		expect(plan).toContain(`loses ${LIGHTSAIL.policy}`);
		expect(plan).toContain('loses lightsail:*');
		tui.keys('y');
		await tui.waitFor(new RegExp(`done\\s+Remove ${LIGHTSAIL.consoleUser.replace('.', '\\.')} from group ${LIGHTSAIL.group}`));
		tui.keys('Enter');
		await tui.waitFor(/Groups \(0\)/);
		tui.keys('q');
		await tui.waitFor('Users (1/40)');
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);

		const user = await runCli(['user', LIGHTSAIL.consoleUser, '--json', '--endpoint-url', moto.endpoint], env);
		expect(user.code).toBe(0);
		const detail = JSON.parse(user.stdout) as {UserName: string; Groups: string[]; PoliciesViaGroups: unknown[]};
		expect(detail.UserName).toBe(LIGHTSAIL.consoleUser);
		expect(detail.Groups).not.toContain(LIGHTSAIL.group);
		expect(detail.PoliciesViaGroups).toEqual([]);
		// W2's yardstick: her effective permissions no longer include lightsail:* (can: exit 1 = denied).
		const can = await runCli(['can', LIGHTSAIL.consoleUser, 'lightsail:GetInstances', '--endpoint-url', moto.endpoint], env);
		expect(can.code).toBe(1);
		const group = JSON.parse((await runCli(['groups', '--json', '--endpoint-url', moto.endpoint], env)).stdout) as Array<{GroupName: string; Members: string[]}>;
		expect(group.find(g => g.GroupName === LIGHTSAIL.group)?.Members).not.toContain(LIGHTSAIL.consoleUser);
		const journal = JSON.parse((await runCli(['journal', '--json'], env)).stdout) as Array<Record<string, unknown>>;
		expect(journal).toEqual([
			expect.objectContaining({operation: 'iam:RemoveUserFromGroup', target: {user: LIGHTSAIL.consoleUser, group: LIGHTSAIL.group}, outcome: 'ok'}),
		]);
	}, 180_000);
});
