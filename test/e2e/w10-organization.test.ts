// W10 in a real terminal: the built iamtui in tmux against a seeded organization in moto (scripts/seed-org.ts,
// the AWSReservedSSO role made as AWS provisions it), as the management account's auditor with moto's IAM
// authorization on. :accounts opens the organization (sandbox refused, named with the reason); org-wide
// who-can for ec2:TerminateInstances names the Identity Center admins in dev with their path and nobody in
// the prod OU its SCP covers; from a who-can line, the member account's screen explains its principal (e),
// its own policies' answer capped by the SCP.
import {afterEach, expect, it} from 'vitest';
import {cliPath, motoEnvironment, root} from '../helpers/cli.js';
import {askWhoCan, jump, moveCursorTo, typeText} from '../helpers/e2e-steps.js';
import {useSeededOrgMoto} from '../helpers/org-moto.js';
import {SSO_ADMIN_ROLE} from '../helpers/org-seed.js';
import {TmuxSession} from '../helpers/tmux.js';
import {describeWithMoto} from '../helpers/with-moto.js';

describeWithMoto('e2e: an organization (W10) in tmux', () => {
	const org = useSeededOrgMoto({ssoRoles: true});
	let session: TmuxSession | undefined;
	afterEach(() => {
		session?.kill();
		session = undefined;
	});

	const start = () => {
		const {auditor} = org.seeded();
		return TmuxSession.start({
			command: [process.execPath, cliPath, '--endpoint-url', org.moto().endpoint],
			env: {...motoEnvironment(), AWS_ACCESS_KEY_ID: auditor.accessKeyId, AWS_SECRET_ACCESS_KEY: auditor.secretAccessKey, AWS_MAX_ATTEMPTS: '1'},
			width: 200,
			height: 50,
			cwd: root,
		});
	};

	it(':accounts lists every account with its OU and SCPs; o on :whocan shows the IC admins per account, none in the SCP-covered prod OU', async () => {
		const {accounts} = org.seeded();
		session = start();
		const tui = session;
		await tui.waitFor(/Users \(1\)/);

		const list = await jump(tui, 'accounts', /3 of 5 accounts loaded through OrganizationAccountAccessRole, 1 FAILED/);
		expect(list).toMatch(new RegExp(`workload-prod +${accounts.prod} +Root / prod +ACTIVE +loaded \\(1 user, 2 roles\\) +.*DenyTerminate@prod`));
		expect(list).toMatch(new RegExp(`workload-dev +${accounts.dev} +Root / dev +ACTIVE +loaded \\(2 users, 2 roles\\)`));
		expect(list).toMatch(new RegExp(`sandbox +${accounts.sandbox} +Root +ACTIVE +FAILED: assume role`));
		expect(list).toMatch(/retired +\d+ +Root +SUSPENDED +skipped/);

		const here = await askWhoCan(tui, 'ec2:TerminateInstances');
		expect(here).toContain('Who can… (in this account)');
		tui.keys('o');
		const answer = await tui.waitFor(/Who can… \(across the organization: 5 accounts\)[\s\S]*workload-prod \(\d+\): 0 can/);
		const lines = answer.split('\n');
		const section = (name: string) => {
			const start = lines.findIndex(line => new RegExp(`${name} \\(\\d{12}\\): (\\d+ can|NOT READ)`).test(line));
			const end = lines.findIndex((line, n) => n > start && /\(\d{12}\): (\d+ can|NOT READ)/.test(line));
			return lines.slice(start, end < 0 ? undefined : end).join('\n');
		};
		const dev = section('workload-dev');
		expect(dev).toMatch(new RegExp(`person alice +Allowed +IC user alice \\((assigned directly \\+ group Admins|group Admins \\+ assigned directly)\\) → permission set AdminAccess → role ${SSO_ADMIN_ROLE} → account workload-dev`));
		expect(dev).toMatch(new RegExp(`person carol +Allowed +IC user carol → group Admins → permission set AdminAccess → role ${SSO_ADMIN_ROLE} → account workload-dev`));
		const prod = section('workload-prod');
		expect(prod).toMatch(/0 can, \d+ blocked by SCP/);
		expect(prod).toContain('SCP DenyTerminate on OU prod denies it here: nobody in this account can');
		expect(prod).not.toMatch(/person (alice|carol)/);
		expect(section('sandbox')).toContain('NOT READ');

		// q goes back the way the jumps came: the accounts, the users, then quits.
		tui.keys('q');
		await tui.waitFor('Accounts (5)');
		tui.keys('q');
		await tui.waitFor('Users (1)');
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);
	}, 120_000);

	it("e on an Account screen explains the principal a who-can line named there: prod's admin role may terminate by its policy, its OU's SCP denies it", async () => {
		session = start();
		const tui = session;
		await tui.waitFor(/Users \(1\)/);
		await askWhoCan(tui, 'ec2:DescribeInstances', /Who can… \(in this account\)[\s\S]*(can ec2:DescribeInstances|Nobody)/);
		tui.keys('o');
		await tui.waitFor(/Who can… \(across the organization: 5 accounts\)[\s\S]*workload-prod \(\d+\): [1-9]\d* can[\s\S]*workload-dev \(\d+\): [1-9]|workload-dev \(\d+\): [1-9][\s\S]*workload-prod \(\d+\): [1-9]/);
		// The role is in dev and in prod: the lines are grouped by account, so the prod one is the first or the second.
		const role = new RegExp(`role ${SSO_ADMIN_ROLE} +Allowed`);
		await moveCursorTo(tui, role);
		tui.keys('Enter');
		let account = await tui.waitFor(/Account workload-(dev|prod) \(\d+\)/);
		if (account.includes('Account workload-dev')) {
			tui.keys('Escape');
			await tui.waitFor('Who can… (across the organization: 5 accounts)');
			tui.keys('Down');
			await moveCursorTo(tui, role);
			tui.keys('Enter');
			account = await tui.waitFor(/Account workload-prod \(\d+\)/);
		}
		expect(account).toContain(`Account workload-prod (${org.seeded().accounts.prod})`);
		tui.keys('e');
		await tui.waitFor(`can role ${SSO_ADMIN_ROLE} do`);
		await typeText(tui, 'ec2:TerminateInstances', 'do ec2:TerminateInstances');
		tui.keys('Enter');
		const answer = await tui.waitFor(/in account workload-prod \(\d+\): ExplicitDeny after SCPs and RCPs/);
		expect(answer).toContain('by its own policies: Allowed — ec2:TerminateInstances on *');
		expect(answer).toContain('denied here by SCP DenyTerminate on OU prod');
		expect(answer).toContain(`granted by allow: role ${SSO_ADMIN_ROLE} → inline policy AwsSSOInlinePolicy → statement #1`);
	}, 120_000);
});
