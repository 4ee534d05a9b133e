// Enter on a line of org-wide who-can (o on :whocan), in the whole App against the W10 organization in moto:
// an Identity Center person opens their Person screen; an IAM principal of a member account opens that
// account's screen with the principal shown first, the cursor on it; one of this profile's own account opens
// its own screen, where it can be changed.
import {IAMClient, PutUserPolicyCommand} from '@aws-sdk/client-iam';
import {expect, it} from 'vitest';
import {askAcrossOrganization, orgAppHarness} from '../helpers/org-app.js';
import {roleCredentials, SSO_ADMIN_ROLE} from '../helpers/org-seed.js';
import {asSeeding, attachDevRegionScp, useSeededOrgMoto} from '../helpers/org-moto.js';
import {keys, tick} from '../helpers/render.js';
import {setRequestContext} from '../helpers/access-steps.js';
import {select, selectedLine} from '../helpers/user-screen.js';
import {describeWithMoto} from '../helpers/with-moto.js';

describeWithMoto('enter on an org-wide who-can line (moto, W10 organization)', () => {
	const org = useSeededOrgMoto({ssoRoles: true});
	const app = orgAppHarness();

	/** :whocan asked ACTION of the whole organization, its answer on screen. */
	const askOrg = async (action: string) => {
		const {tui} = app.start({endpoint: org.moto().endpoint, columns: 220, rows: 80});
		await askAcrossOrganization(tui, action);
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
		expect(account).toContain('The role opened here (e explains its access in this account)');
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

	it('a request context holds across the organization too: an SCP Conditional on the region is settled by it, each account asked again', async () => {
		await attachDevRegionScp(org.moto(), org.seeded().ous.dev);

		const tui = await askOrg('s3:PutObject');
		expect(tui.lastFrame()).toContain('SCPs allow it only under conditions (DevWritesInEurope on OU dev) — unless aws:RequestedRegion StringNotEquals eu-west-1: every answer here is Conditional');
		tui.write('c');
		await tui.waitFor('enter applies');
		await tui.type('aws:RequestedRegion=us-east-1');
		tui.write(keys.enter);
		const denied = await tui.waitFor('SCP DevWritesInEurope on OU dev denies it here: nobody in this account can', {timeoutMs: 30_000});
		expect(denied).toContain('request context: aws:RequestedRegion=us-east-1 (c changes it; every account and its SCPs assume it)');
		expect(denied).toMatch(/workload-dev \(\d+\): 0 can, \d+ blocked by SCP/);
		expect(denied).not.toContain('SCPs allow it only under conditions');
		expect(denied).toContain('decided by aws:RequestedRegion=us-east-1: StringNotEquals aws:RequestedRegion eu-west-1 holds (SCP DevWritesInEurope on OU dev)');

		await setRequestContext(tui, 'aws:RequestedRegion=eu-west-1');
		const permitted = await tui.waitForFrame(f => /workload-dev \(\d+\): [1-9]\d* can/.test(f) && !f.includes('denies it here'), {timeoutMs: 30_000});
		expect(permitted).toContain('Who can… (across the organization: 5 accounts)');
		expect(permitted).toContain('SCPs let it through with the context given — decided by aws:RequestedRegion=eu-west-1: StringNotEquals aws:RequestedRegion eu-west-1 does not hold (SCP DevWritesInEurope on OU dev)');
	}, 60_000);

	it('with a request context, each account says whom it changed among those Conditional without it; enter opens the principal in its account', async () => {
		// dev's dev-ana may stop instances only with MFA (put through dev's audit role, as the seed makes its users).
		await asSeeding(org.moto(), async () => {
			const iam = new IAMClient({region: 'us-east-1', endpoint: org.moto().endpoint, credentials: await roleCredentials(org.moto().endpoint, org.seeded().accounts.dev), maxAttempts: 1});
			await iam.send(new PutUserPolicyCommand({UserName: 'dev-ana', PolicyName: 'StopWithMfa', PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}}]})}));
		});

		const tui = await askOrg('ec2:StopInstances');
		expect(tui.lastFrame()).toMatch(/user dev-ana {2}Conditional/);
		expect(tui.lastFrame()).not.toContain('the request context changed here');
		await setRequestContext(tui, 'aws:MultiFactorAuthPresent=true');
		const settled = await tui.waitFor('the request context changed here (1), of those Conditional without it:', {timeoutMs: 30_000});
		expect(settled).toMatch(/user dev-ana {2}Allowed/);
		expect(settled).toContain('  user dev-ana: Allowed');
		expect(settled).toContain('decided by aws:MultiFactorAuthPresent=true: Bool aws:MultiFactorAuthPresent true holds (inline policy StopWithMfa → statement #1)');
		// Said under dev only: nothing was Conditional elsewhere.
		expect(settled.split('the request context changed here')).toHaveLength(2);
		await select(tui, 'user dev-ana: Allowed');
		tui.write(keys.enter);
		const account = await tui.waitFor(`Account workload-dev (${org.seeded().accounts.dev})`);
		expect(selectedLine(account)).toContain('user dev-ana');

		await tick();
		tui.write(keys.escape);
		await tui.waitFor('Who can… (across the organization: 5 accounts)');
		await setRequestContext(tui, 'aws:MultiFactorAuthPresent=false');
		const taken = await tui.waitFor('  user dev-ana: not with the context given', {timeoutMs: 30_000});
		expect(taken).not.toMatch(/user dev-ana {2}(Allowed|Conditional)/);
	}, 60_000);
});
