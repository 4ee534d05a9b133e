// Explain on an organization's Account screen (e there), in the whole App against the W10 organization in moto:
// the principal an org-wide who-can line named, asked about any action in its own account, its answer capped by
// the SCPs and RCPs on the account's path, as `iamtui can … --org --account` answers it; `c` sets a request
// context that the account's policies and its SCPs assume alike. Opened from :accounts, the account lists its users and
// roles: enter on one opens the screen on it, where e explains it; before that, e says how to pick one.
import {expect, it} from 'vitest';
import {jump} from '../helpers/moto-app.js';
import {askAcrossOrganization, orgAppHarness} from '../helpers/org-app.js';
import {SSO_ADMIN_ROLE} from '../helpers/org-seed.js';
import {attachDevRegionScp, useSeededOrgMoto} from '../helpers/org-moto.js';
import {keys, type Rendered} from '../helpers/render.js';
import {setRequestContext} from '../helpers/access-steps.js';
import {select, selectedLine} from '../helpers/user-screen.js';
import {describeWithMoto} from '../helpers/with-moto.js';

describeWithMoto('Explain on the Account screen (moto, W10 organization)', () => {
	const org = useSeededOrgMoto({ssoRoles: true});
	const app = orgAppHarness();

	/** :whocan ACTION across the organization, then enter on the SSO admin role's line of ACCOUNT: its Account screen. */
	const openRoleIn = async (action: string, account: 'workload-dev' | 'workload-prod') => {
		const {tui} = app.start({endpoint: org.moto().endpoint, columns: 220, rows: 80});
		await askAcrossOrganization(tui, action);
		// The role is in both accounts when the SCPs let it through: the lines are grouped by account, in its order.
		const frame = tui.lastFrame();
		const firstIsWanted = frame.indexOf(`${account} (`) < frame.indexOf(`${account === 'workload-dev' ? 'workload-prod' : 'workload-dev'} (`);
		await select(tui, `role ${SSO_ADMIN_ROLE}  Allowed`);
		if (!firstIsWanted) {
			tui.write(keys.down);
			await select(tui, `role ${SSO_ADMIN_ROLE}  Allowed`);
		}
		tui.write(keys.enter);
		await tui.waitFor('The role opened here');
		return tui;
	};

	/** e, the action typed, enter: the panel's answer once it is in. */
	const explain = async (tui: Rendered, action: string) => {
		tui.write('e');
		await tui.waitFor(`can role ${SSO_ADMIN_ROLE} do`);
		await tui.type(action);
		tui.write(keys.enter);
		return tui.waitFor(/in account workload-\w+ \(\d+\): \w+/, {timeoutMs: 20_000});
	};

	it('in dev the role may terminate instances: Allowed by its policy, Allowed in the account', async () => {
		const tui = await openRoleIn('ec2:TerminateInstances', 'workload-dev');
		const answer = await explain(tui, 'ec2:TerminateInstances');
		expect(answer).toContain(`Account workload-dev (${org.seeded().accounts.dev})`);
		expect(answer).toContain('Allowed — ec2:TerminateInstances on *');
		expect(answer).toContain(`in account workload-dev (${org.seeded().accounts.dev}): Allowed`);
		expect(answer).toContain(`granted by allow: role ${SSO_ADMIN_ROLE} → inline policy AwsSSOInlinePolicy → statement #1`);
		// esc leaves the answer; a second esc goes back to the who-can answer.
		tui.write(keys.escape);
		await tui.waitForFrame(f => !f.includes('in account workload-dev'));
		tui.write(keys.escape);
		await tui.waitFor('Who can… (across the organization: 5 accounts)');
	}, 60_000);

	it("in prod the same role's Allow is cut by the OU's SCP: ExplicitDeny in the account, naming the SCP and the OU", async () => {
		const tui = await openRoleIn('ec2:DescribeInstances', 'workload-prod');
		expect(tui.lastFrame()).toContain(`Account workload-prod (${org.seeded().accounts.prod})`);
		const answer = await explain(tui, 'ec2:TerminateInstances');
		// Its own policies allow it; the account does not.
		expect(answer).toContain('by its own policies: Allowed — ec2:TerminateInstances on *');
		expect(answer).toContain(`in account workload-prod (${org.seeded().accounts.prod}): ExplicitDeny after SCPs and RCPs`);
		expect(answer).toContain('  denied here by SCP DenyTerminate on OU prod');
	}, 60_000);

	it('c sets a request context the SCPs assume too: an SCP Conditional on the region is settled, and says what decided', async () => {
		await attachDevRegionScp(org.moto(), org.seeded().ous.dev);

		const tui = await openRoleIn('ec2:TerminateInstances', 'workload-dev');
		const open = await explain(tui, 's3:PutObject');
		const dev = `in account workload-dev (${org.seeded().accounts.dev})`;
		expect(open).toContain(`${dev}: Conditional after SCPs and RCPs`);
		expect(open).toContain('SCPs allow it only under conditions (DevWritesInEurope on OU dev) — unless aws:RequestedRegion StringNotEquals eu-west-1');

		await setRequestContext(tui, 'aws:RequestedRegion=us-east-1');
		const denied = await tui.waitFor(`${dev}: ExplicitDeny after SCPs and RCPs`, {timeoutMs: 20_000});
		expect(denied).toContain('request context: aws:RequestedRegion=us-east-1 (c changes it; Explain and the SCPs assume it)');
		expect(denied).toContain('decided by aws:RequestedRegion=us-east-1: StringNotEquals aws:RequestedRegion eu-west-1 holds (SCP DevWritesInEurope on OU dev)');

		await setRequestContext(tui, 'aws:RequestedRegion=eu-west-1');
		const allowed = await tui.waitFor(`${dev}: Allowed`, {timeoutMs: 20_000});
		expect(allowed).toContain('SCPs let it through with the context given');
	}, 60_000);

	it("opened from :accounts: e says how to pick a principal; enter on one of the account's users opens the screen on it, and e explains it", async () => {
		const {tui} = app.start({endpoint: org.moto().endpoint, columns: 220, rows: 80});
		await tui.waitFor('Users (1)');
		await jump(tui, 'accounts', /accounts loaded through/);
		await select(tui, 'workload-dev');
		tui.write(keys.enter);
		const screen = await tui.waitFor(`Account workload-dev (${org.seeded().accounts.dev})`);
		// The account's users and roles, listed last.
		expect(screen).toContain('Users and roles (4): enter opens one, e then explains it');
		expect(screen).toMatch(new RegExp(`role ${SSO_ADMIN_ROLE}  /aws-reserved/sso.amazonaws.com/`));
		tui.write('e');
		const said = await tui.waitFor("Explain asks about a principal: enter on one of the account's users or roles (listed last), then e");
		expect(said).not.toContain('can user');

		await select(tui, 'user dev-bo');
		tui.write(keys.enter);
		const opened = await tui.waitFor('The user opened here (e explains its access in this account)');
		expect(selectedLine(opened)).toContain(`user dev-bo  arn:aws:iam::${org.seeded().accounts.dev}:user/dev-bo`);
		tui.write('e');
		await tui.waitFor('can dev-bo do');
		await tui.type('ec2:TerminateInstances');
		tui.write(keys.enter);
		// No policy of their own, no role they may assume: denied in their account before any SCP has a say.
		const answer = await tui.waitFor(`in account workload-dev (${org.seeded().accounts.dev}): ImplicitDeny`, {timeoutMs: 20_000});
		expect(answer).toContain('by its own policies: Denied (implicit) — ec2:TerminateInstances on *');
		// esc closes the answer, then goes back to the account as it was opened.
		tui.write(keys.escape);
		await tui.waitForFrame(f => !f.includes('in account workload-dev'));
		tui.write(keys.escape);
		const back = await tui.waitForFrame(f => !f.includes('The user opened here'));
		expect(back).toContain(`Account workload-dev (${org.seeded().accounts.dev})`);
		expect(selectedLine(back)).toContain('user dev-bo');
	}, 60_000);

	it("on this profile's own account, enter on one of its users opens the User screen, where it can be changed", async () => {
		const {tui} = app.start({endpoint: org.moto().endpoint, columns: 220, rows: 80});
		await tui.waitFor('Users (1)');
		await jump(tui, 'accounts', /accounts loaded through/);
		tui.write(keys.enter);
		const own = await tui.waitFor(`(${org.seeded().managementId})`);
		expect(own).toContain('the management account');
		await select(tui, 'user auditor');
		tui.write(keys.enter);
		const user = await tui.waitFor('User auditor');
		expect(user).not.toContain(`Account `);
	}, 60_000);
});
