// W2 "revoke Lightsail access" with the built iamtui in tmux against seeded moto: open ana.silva, remove
// her from LightsailFullAccessGroup through the confirmation, then check with the headless binary that
// she still exists, is no longer in the group, and that the journal recorded the write.
import {expect, it} from 'vitest';
import {describeWithMoto} from '../helpers/with-moto.js';
import {e2eAccount, openUser} from '../helpers/e2e.js';
import {LIGHTSAIL} from '../../scripts/seed.js';

describeWithMoto('e2e: group membership in tmux', () => {
	const account = e2eAccount();

	it('W2: removes ana.silva from LightsailFullAccessGroup after the confirmation; she remains', async () => {
		const tui = await account.open();
		await openUser(tui, LIGHTSAIL.consoleUser);
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

		const user = await account.cli(['user', LIGHTSAIL.consoleUser, '--json']);
		expect(user.code).toBe(0);
		const detail = JSON.parse(user.stdout) as {UserName: string; Groups: string[]; PoliciesViaGroups: unknown[]};
		expect(detail.UserName).toBe(LIGHTSAIL.consoleUser);
		expect(detail.Groups).not.toContain(LIGHTSAIL.group);
		expect(detail.PoliciesViaGroups).toEqual([]);
		// W2's yardstick: her own permissions no longer include lightsail:* (can --direct: exit 1 = denied).
		const direct = await account.cli(['can', LIGHTSAIL.consoleUser, 'lightsail:GetInstances', '--direct']);
		expect(direct.code).toBe(1);
		// The seeded Deploy role trusts her (with MFA) and may assume ReadOnlyAudit (ReadOnlyAccess reads
		// Lightsail): through roles she still reads it, only with MFA — Conditional (exit 2), never Allowed.
		const widest = await account.cli(['can', LIGHTSAIL.consoleUser, 'lightsail:GetInstances']);
		expect(widest.code).toBe(2);
		expect(widest.stdout).toContain('Deploy');
		const write = await account.cli(['can', LIGHTSAIL.consoleUser, 'lightsail:CreateInstances']);
		expect(write.code).toBe(1);
		const group = JSON.parse((await account.cli(['groups', '--json'])).stdout) as Array<{GroupName: string; Members: string[]}>;
		expect(group.find(g => g.GroupName === LIGHTSAIL.group)?.Members).not.toContain(LIGHTSAIL.consoleUser);
		const journal = JSON.parse((await account.cli(['journal', '--json'])).stdout) as Array<Record<string, unknown>>;
		expect(journal).toEqual([
			expect.objectContaining({operation: 'iam:RemoveUserFromGroup', target: {user: LIGHTSAIL.consoleUser, group: LIGHTSAIL.group}, outcome: 'ok'}),
		]);
	}, 180_000);
});
