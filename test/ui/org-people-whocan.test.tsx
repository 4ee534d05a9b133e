// :people, a person, and who-can across the organization (o on :whocan), in the whole App against the W10
// organization in moto, as its auditor with IAM authorization on; the AWSReservedSSO_AdminAccess_* role is
// made in prod and dev as AWS provisions it (moto does not).
import {expect, it} from 'vitest';
import {gateAction} from '../helpers/gate-proxy.js';
import {jump} from '../helpers/moto-app.js';
import {orgAppHarness} from '../helpers/org-app.js';
import {SSO_ADMIN_ROLE} from '../helpers/org-seed.js';
import {useSeededOrgMoto} from '../helpers/org-moto.js';
import {keys} from '../helpers/render.js';
import {select, selectedLine} from '../helpers/user-screen.js';
import {describeWithMoto} from '../helpers/with-moto.js';

/** The lines from an account's heading to the next account's. */
const sectionOf = (frame: string, account: string): string => {
	const lines = frame.split('\n');
	const start = lines.findIndex(line => line.includes(`${account} (`) && /: (\d+ can|NOT READ|skipped)/.test(line));
	if (start < 0) return '';
	const end = lines.findIndex((line, n) => n > start && /\(\d{12}\): (\d+ can|NOT READ|skipped)/.test(line));
	return lines.slice(start, end < 0 ? undefined : end).join('\n');
};

describeWithMoto(':people and org-wide who-can (moto, W10 organization)', () => {
	const org = useSeededOrgMoto({ssoRoles: true});
	const app = orgAppHarness();

	const start = (rows = 40) => app.start({endpoint: org.moto().endpoint, columns: 200, rows}).tui;

	it(':people lists the Identity Center people; a person shows each account and permission set, directly or through which group', async () => {
		const tui = start();
		await tui.waitFor('Users (1)');
		await jump(tui, 'people', 'Identity Center people (3)');
		const list = tui.lastFrame();
		expect(list).toMatch(/alice +Alice Liddell +alice@example\.com +Admins +2/);
		expect(list).toMatch(/bob +Bob Builder +bob@example\.com +1/);
		tui.write('/');
		await tui.type('alice');
		await tui.waitFor('Identity Center people (1/3)');
		tui.write(keys.enter);
		await tui.waitFor('esc clears');
		tui.write(keys.enter);
		const person = await tui.waitFor('Person alice  Alice Liddell');
		expect(person).toContain('Identity Center groups (1)');
		expect(person).toContain('Accounts and permission sets reached (2)');
		expect(person).toContain(`workload-prod (${org.seeded().accounts.prod})  AdminAccess  via group Admins`);
		// Two ways into dev's admin set: her own assignment and the group's.
		expect(person).toMatch(new RegExp(`workload-dev \\(${org.seeded().accounts.dev}\\)  AdminAccess  via (assigned directly \\+ group Admins|group Admins \\+ assigned directly)`));
		// The role each set became, as the accounts' roles were read: its real name where AWS provisioned it.
		expect(person).toContain(`as role ${SSO_ADMIN_ROLE} · holds an inline policy`);
		expect(person).not.toContain('AWSReservedSSO_AdminAccess_*');
		tui.write(keys.escape);
		await tui.waitFor('Identity Center people (1/3)');
		tui.write(keys.escape);
		await tui.waitFor('Identity Center people (3)');
		await select(tui, 'bob');
		tui.write(keys.enter);
		// Bob's ReadOnly set has no role in dev as read (only AdminAccess is provisioned in this organization).
		const bob = await tui.waitFor('Person bob  Bob Builder');
		expect(bob).toContain('as role AWSReservedSSO_ReadOnly_*: not provisioned in workload-dev as read · holds no policy');
	}, 60_000);

	it("enter on a person's account line opens the permission set's role in that account, where e explains it: in prod the SCP denies what the set allows", async () => {
		const tui = start(60);
		await tui.waitFor('Users (1)');
		await jump(tui, 'people', 'Identity Center people (3)');
		await select(tui, 'carol');
		tui.write(keys.enter);
		await tui.waitFor('Person carol  Carol Danvers');
		expect(tui.lastFrame()).toContain('Accounts and permission sets reached (2): enter opens the role in its account, e there explains it');
		await select(tui, `workload-prod (${org.seeded().accounts.prod})  AdminAccess`);
		tui.write(keys.enter);
		const account = await tui.waitFor('The role opened here');
		expect(account).toContain(`Account workload-prod (${org.seeded().accounts.prod})`);
		expect(selectedLine(account)).toContain(`role ${SSO_ADMIN_ROLE}`);
		tui.write('e');
		await tui.waitFor(`can role ${SSO_ADMIN_ROLE} do`);
		await tui.type('ec2:TerminateInstances');
		tui.write(keys.enter);
		const answer = await tui.waitFor(`in account workload-prod (${org.seeded().accounts.prod}): ExplicitDeny after SCPs and RCPs`, {timeoutMs: 20_000});
		expect(answer).toContain('by its own policies: Allowed — ec2:TerminateInstances on *');
		expect(answer).toContain('denied here by SCP DenyTerminate on OU prod');
	}, 60_000);

	it("enter on a person's Identity Center group opens it: its members (each opening their person) and what it is assigned (each opening the role)", async () => {
		const tui = start(50);
		await tui.waitFor('Users (1)');
		await jump(tui, 'people', 'Identity Center people (3)');
		tui.write(keys.enter);
		const alice = await tui.waitFor('Person alice  Alice Liddell');
		expect(alice).toContain('Identity Center groups (1): enter opens one, its members and what it is assigned');
		await select(tui, 'Admins');
		tui.write(keys.enter);
		const group = await tui.waitFor('Identity Center group Admins');
		expect(group).toContain(`id ${org.seeded().groupId}`);
		expect(group).toContain('Members (2): enter opens the person');
		expect(group).toMatch(/alice {2}Alice Liddell {2}alice@example\.com/);
		expect(group).toMatch(/carol {2}Carol Danvers {2}carol@example\.com/);
		// Bob's ReadOnly in dev and alice's own admin assignment there are theirs, not the group's.
		expect(group).toContain('Accounts and permission sets assigned to the group (2): enter opens the role in its account, e there explains it');
		expect(group).toContain(`workload-dev (${org.seeded().accounts.dev})  AdminAccess\n`);
		expect(group).toContain(`workload-prod (${org.seeded().accounts.prod})  AdminAccess\n`);
		expect(group).not.toContain('ReadOnly');
		expect(group).not.toContain('bob');
		await select(tui, 'carol');
		tui.write(keys.enter);
		await tui.waitFor('Person carol  Carol Danvers');
		tui.write(keys.escape);
		await tui.waitFor('Identity Center group Admins');
		expect(selectedLine(tui.lastFrame())).toContain('carol');
		await select(tui, `workload-prod (${org.seeded().accounts.prod})  AdminAccess`);
		tui.write(keys.enter);
		const account = await tui.waitFor('The role opened here');
		expect(selectedLine(account)).toContain(`role ${SSO_ADMIN_ROLE}`);
	}, 60_000);

	it('o on :whocan answers across the organization: the IC admins in dev with their path, nobody in prod (its SCP named), sandbox not read', async () => {
		const tui = start(60);
		await tui.waitFor('Users (1)');
		await jump(tui, 'whocan', 'Who can… (in this account)');
		await tui.type('ec2:TerminateInstances');
		tui.write(keys.enter);
		await tui.waitFor('Users who can ec2:TerminateInstances');
		tui.write('o');
		const frame = await tui.waitFor(/Who can… \(across the organization: 5 accounts\)[\s\S]*workload-dev \(\d+\): \d+ can/, {timeoutMs: 30_000});
		const dev = sectionOf(frame, 'workload-dev');
		// Assigned directly and through Admins: named once, both ways in brackets.
		expect(dev).toMatch(new RegExp(`person alice {2}Allowed {2}IC user alice \\((assigned directly \\+ group Admins|group Admins \\+ assigned directly)\\) → permission set AdminAccess → role ${SSO_ADMIN_ROLE} → account workload-dev`));
		expect(dev).toMatch(new RegExp(`person carol {2}Allowed {2}IC user carol → group Admins → permission set AdminAccess → role ${SSO_ADMIN_ROLE} → account workload-dev`));
		expect(dev).toMatch(new RegExp(`role ${SSO_ADMIN_ROLE} {2}Allowed {2}role ${SSO_ADMIN_ROLE} → inline policy AwsSSOInlinePolicy → statement #`));
		expect(dev).not.toContain('person bob');
		const prod = sectionOf(frame, 'workload-prod');
		expect(prod).toMatch(/workload-prod \(\d+\): 0 can, \d+ blocked by SCP/);
		expect(prod).toContain('SCP DenyTerminate on OU prod denies it here: nobody in this account can');
		expect(prod).not.toContain('person ');
		expect(sectionOf(frame, 'sandbox')).toMatch(/sandbox \(\d+\): NOT READ[\s\S]*not read: cannot assume/);
		// The closed account is skipped on purpose, as `accounts` says: not a gap called NOT READ.
		expect(sectionOf(frame, 'retired')).toMatch(/retired \(\d+\): skipped[\s\S]*skipped: the account is suspended/);
		// o again: back to this account's answer.
		tui.write('o');
		await tui.waitFor(/Who can… \(in this account\)[\s\S]*Users who can ec2:TerminateInstances/);
	}, 60_000);

	it('asked while Identity Center is still being read (the accounts already in), the org-wide answer waits for it and names its people', async () => {
		// Identity Center's people listing held; this account's own snapshot read straight from moto.
		const gate = await gateAction(org.moto().endpoint, 'ListUsers');
		try {
			const tui = app.start({endpoint: gate.endpoint, accountEndpoint: org.moto().endpoint, columns: 200, rows: 60}).tui;
			await tui.waitFor('Users (1)');
			await jump(tui, 'accounts', /accounts loaded through OrganizationAccountAccessRole.* · reading Identity Center…/);
			await jump(tui, 'whocan', 'Who can… (in this account)');
			await tui.type('ec2:TerminateInstances');
			tui.write(keys.enter);
			await tui.waitFor('Users who can ec2:TerminateInstances');
			tui.write('o');
			await tui.waitFor('reading Identity Center (its people are in the answer), then ec2:TerminateInstances on * in every account…');
			expect(gate.waiting()).toBeGreaterThan(0);
			gate.release();
			const frame = await tui.waitFor(/workload-dev \(\d+\): \d+ can[\s\S]*person carol/, {timeoutMs: 30_000});
			expect(sectionOf(frame, 'workload-dev')).toMatch(/person alice {2}Allowed {2}IC user alice/);
		} finally {
			await gate.stop();
		}
	}, 60_000);
});
