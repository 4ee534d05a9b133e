// Enter on a line of org-wide who-can (o on :whocan), in the whole App against the W10 organization in moto:
// an Identity Center person opens their Person screen; an IAM principal of a member account opens that
// account's screen with the principal shown first, the cursor on it; one of this profile's own account opens
// its own screen, where it can be changed.
import {expect, it} from 'vitest';
import {jump} from '../helpers/moto-app.js';
import {orgAppHarness} from '../helpers/org-app.js';
import {SSO_ADMIN_ROLE} from '../helpers/org-seed.js';
import {useSeededOrgMoto} from '../helpers/org-moto.js';
import {keys} from '../helpers/render.js';
import {select, selectedLine} from '../helpers/user-screen.js';
import {describeWithMoto} from '../helpers/with-moto.js';

describeWithMoto('enter on an org-wide who-can line (moto, W10 organization)', () => {
	const org = useSeededOrgMoto({ssoRoles: true});
	const app = orgAppHarness();

	/** :whocan asked ACTION of the whole organization, its answer on screen. */
	const askOrg = async (action: string) => {
		const {tui} = app.start({endpoint: org.moto().endpoint, columns: 220, rows: 80});
		await tui.waitFor('Users (1)');
		await jump(tui, 'whocan', 'Who can… (in this account)');
		await tui.type(action);
		tui.write(keys.enter);
		await tui.waitFor(/Users who can|Nobody|can/);
		tui.write('o');
		await tui.waitFor(/Who can… \(across the organization: 5 accounts\)[\s\S]*workload-dev \(\d+\): \d+ can/, {timeoutMs: 30_000});
		return tui;
	};

	it('a person line opens the Person screen; esc comes back to the answer', async () => {
		const tui = await askOrg('ec2:TerminateInstances');
		expect(tui.lastFrame()).toContain('enter opens');
		await select(tui, 'person carol');
		tui.write(keys.enter);
		const person = await tui.waitFor('Person carol  Carol Danvers');
		expect(person).toContain(`workload-dev (${org.seeded().accounts.dev})  AdminAccess  via group Admins`);
		tui.write(keys.escape);
		await tui.waitFor('Who can… (across the organization: 5 accounts)');
		expect(selectedLine(tui.lastFrame())).toContain('person carol');
	}, 60_000);

	it("a member account's role opens that account's screen with the role first, the cursor on it", async () => {
		const tui = await askOrg('ec2:TerminateInstances');
		await select(tui, `role ${SSO_ADMIN_ROLE}  Allowed`);
		tui.write(keys.enter);
		const account = await tui.waitFor(`Account workload-dev (${org.seeded().accounts.dev})`);
		expect(account).toContain('The role the who-can line named');
		expect(selectedLine(account)).toMatch(new RegExp(`› role ${SSO_ADMIN_ROLE}  arn:aws:iam::${org.seeded().accounts.dev}:role/(\\S+/)?${SSO_ADMIN_ROLE}$`));
		expect(account).toMatch(/inline policies: AwsSSOInlinePolicy/);
		expect(account).toContain('read through the audit role: to change it, use the profile of this account');
		// The account's own lines follow.
		expect(account).toContain('Identity Center people who reach it');
	}, 60_000);

	it("a user of this profile's own account opens the User screen of this account", async () => {
		const tui = await askOrg('iam:GetAccountAuthorizationDetails');
		await select(tui, 'user auditor');
		tui.write(keys.enter);
		const user = await tui.waitFor('User auditor');
		expect(user).not.toContain('Account ');
		// On the inline policy that grants it, as this account's who-can opens a user.
		expect(selectedLine(user)).toContain('iamtui-read-only');
	}, 60_000);

	it("a request context set in this account is this account's: the organization's answer says it assumes none, and c is not offered there", async () => {
		const {tui} = app.start({endpoint: org.moto().endpoint, columns: 220, rows: 80});
		await tui.waitFor('Users (1)');
		await jump(tui, 'whocan', 'Who can… (in this account)');
		await tui.type('ec2:TerminateInstances');
		tui.write(keys.enter);
		await tui.waitFor('c request context');
		tui.write('c');
		await tui.waitFor('enter applies');
		await tui.type('aws:MultiFactorAuthPresent=true');
		tui.write(keys.enter);
		await tui.waitFor('request context: aws:MultiFactorAuthPresent=true (c changes it)');
		tui.write('o');
		const across = await tui.waitFor(/Who can… \(across the organization: 5 accounts\)[\s\S]*workload-dev \(\d+\): \d+ can/, {timeoutMs: 30_000});
		expect(across).toContain("request context: aws:MultiFactorAuthPresent=true (c changes it; the organization's answer assumes none)");
		expect(across).not.toContain('c request context');
		tui.write('c');
		// c is this account's: no field opens over the organization's answer; o comes back to this account, where it does.
		tui.write('o');
		await tui.waitFor('Who can… (in this account)');
		expect(tui.lastFrame()).not.toContain('enter applies');
		tui.write('c');
		await tui.waitFor('enter applies');
	}, 60_000);
});
