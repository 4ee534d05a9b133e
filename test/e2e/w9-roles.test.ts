// W9 in a real terminal: the built iamtui in tmux against seeded moto. ":whocan ec2:TerminateInstances"
// names kwame.mensah, who reaches it only through the account-trusted Admin role (Ops group → sts:AssumeRole),
// with the whole path, and ana.silva as Conditional through Deploy (MFA in its trust). Removing kwame from
// Ops in the TUI takes his only path away: the headless who-can no longer names him.
import {expect, it} from 'vitest';
import {describeWithMoto} from '../helpers/with-moto.js';
import {e2eAccount, openUser} from '../helpers/e2e.js';
import {askWhoCan, jump} from '../helpers/e2e-steps.js';
import {ADMIN_ROLE, DEPLOY_ROLE, OPS} from '../../scripts/seed.js';

const [OPS_MEMBER] = OPS.members;

interface WhoCanRow {
	UserName?: string;
	RoleName?: string;
	Decision: string;
	Via?: unknown;
}

describeWithMoto('e2e: access through roles (W9) in tmux', () => {
	const account = e2eAccount();
	const whoCanUsers = async (): Promise<WhoCanRow[]> => {
		const result = await account.cli(['who-can', 'ec2:TerminateInstances', '--json']);
		expect(result.code).toBe(0);
		return (JSON.parse(result.stdout) as WhoCanRow[]).filter(row => row.UserName !== undefined);
	};

	it('who-can names the Ops member through the Admin role and the Deploy user as Conditional; leaving Ops removes him', async () => {
		const tui = await account.open({height: 60});
		const answer = await askWhoCan(tui, 'ec2:TerminateInstances');
		expect(answer).toMatch(new RegExp(`${OPS_MEMBER!.replace('.', '\\.')}\\s+Allowed`));
		expect(answer).toContain(`through role ${ADMIN_ROLE.role}: group ${OPS.group} → inline policy ${OPS.inlinePolicy} → statement #1 → assume role ${ADMIN_ROLE.role}`);
		expect(answer).toMatch(new RegExp(`${DEPLOY_ROLE.user.replace('.', '\\.')}\\s+Conditional`));
		expect(answer).toContain(`through role ${DEPLOY_ROLE.role} (Conditional)`);
		expect(answer).toContain('aws:MultiFactorAuthPresent');

		const before = await whoCanUsers();
		expect(before.find(row => row.UserName === OPS_MEMBER)?.Decision).toBe('Allowed');
		expect(JSON.stringify(before.find(row => row.UserName === OPS_MEMBER)?.Via)).toContain(ADMIN_ROLE.role);

		// Take his path away: out of Ops, through the confirmation.
		// q after a : jump still quits (issue 16): jump back to the users instead.
		await jump(tui, 'users', /Users \(\d+\)/);
		await openUser(tui, OPS_MEMBER!);
		await tui.waitFor(/Groups \(1\)/);
		tui.keys('Tab');
		await tui.waitFor(new RegExp(`› ${OPS.group}`));
		tui.keys('x');
		await tui.waitFor('n/esc cancels');
		tui.keys('y');
		await tui.waitFor(new RegExp(`done\\s+Remove ${OPS_MEMBER!.replace('.', '\\.')} from group ${OPS.group}`));
		tui.keys('Enter');
		await tui.waitFor(/Groups \(0\)/);
		tui.keys('q');
		await tui.waitFor(/Users \(1\/\d+\)/);
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);

		const after = await whoCanUsers();
		expect(after.map(row => row.UserName)).not.toContain(OPS_MEMBER);
		// Nobody else lost anything: the same users, less him.
		expect(after.map(row => row.UserName).sort()).toEqual(before.map(row => row.UserName).filter(name => name !== OPS_MEMBER).sort());
	}, 180_000);
});
