// W10's second half in a real terminal: the built iamtui in tmux against the seeded organization in moto
// (IAM authorization off: the operator may write), alice with IAM users that look like her in prod and dev.
// On her Person screen (her group Admins opened first: its members and what it is assigned) X shows the plan,
// space checks prod's alice, enter and her name typed run it: her Identity Center membership and direct
// assignment go, prod's alice is offboarded, dev's stays, and one record says so (read back with the SDK and
// from the config folder).
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {CreateUserCommand, GetUserCommand, IAMClient} from '@aws-sdk/client-iam';
import {IdentitystoreClient, ListGroupMembershipsForMemberCommand} from '@aws-sdk/client-identitystore';
import {ListInstancesCommand, SSOAdminClient} from '@aws-sdk/client-sso-admin';
import {afterAll, afterEach, beforeAll, expect, it} from 'vitest';
import {cliPath, motoEnvironment, root} from '../helpers/cli.js';
import {filterList, jump, typeText} from '../helpers/e2e-steps.js';
import {roleCredentials, seedOrganization, type SeededOrg} from '../helpers/org-seed.js';
import {TmuxSession} from '../helpers/tmux.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const sdk = (endpoint: string, credentials = {accessKeyId: 'testing', secretAccessKey: 'testing'}) => ({region: 'us-east-1', endpoint, credentials, maxAttempts: 1});

/** The line of the selected look-alike (the everywhere screen marks it with >). */
const selected = (screen: string): number => screen.split('\n').findIndex(line => /^\s*> \[/.test(line));

describeWithMoto('e2e: offboarding a person everywhere (W10) in tmux', () => {
	let moto: Moto;
	let seeded: SeededOrg;
	let session: TmuxSession | undefined;
	beforeAll(async () => {
		moto = await startMoto();
		seeded = await seedOrganization(moto.endpoint);
		for (const account of [seeded.accounts.prod, seeded.accounts.dev]) {
			const iam = new IAMClient(sdk(moto.endpoint, await roleCredentials(moto.endpoint, account)));
			await iam.send(new CreateUserCommand({UserName: 'alice'}));
		}
	}, 120_000);
	afterAll(async () => moto?.stop());
	afterEach(() => {
		session?.kill();
		session = undefined;
	});

	it('X on alice: the plan, prod’s alice checked, her name typed; IC membership gone, prod’s alice offboarded, dev’s kept, recorded', async () => {
		const {prod, dev} = seeded.accounts;
		const env: Record<string, string> = {...motoEnvironment(), AWS_MAX_ATTEMPTS: '1'};
		session = TmuxSession.start({command: [process.execPath, cliPath, '--endpoint-url', moto.endpoint], env, width: 200, height: 50, cwd: root});
		const tui = session;
		await tui.waitFor(/Users \(1\)/);
		await jump(tui, 'people', 'Identity Center people (3)');
		await filterList(tui, 'alice');
		tui.keys('Enter');
		await tui.waitFor('Person alice  Alice Liddell');
		// Who else her Identity Center group holds, and what it is assigned, before she leaves it: enter, then esc.
		tui.keys('Down');
		tui.keys('Enter');
		const group = await tui.waitFor(/Identity Center group Admins[\s\S]*Members \(2\)/);
		expect(group).toMatch(/carol {2}Carol Danvers/);
		expect(group).toContain(`workload-prod (${prod})  AdminAccess`);
		tui.keys('Escape');
		await tui.waitFor('Person alice  Alice Liddell');
		tui.keys('X');
		const plan = await tui.waitFor(/IAM users that look like alice[\s\S]*\[ \] alice[\s\S]*\[ \] alice/, 30_000);
		expect(plan).toContain('remove alice from the Identity Center group Admins');
		expect(plan).toContain(`remove the direct assignment of AdminAccess to alice in workload-dev (${dev})`);
		expect(plan).not.toContain('[x]');

		// Down to prod's alice (the line under prod's heading), then space checks it.
		for (let presses = 0; presses < 5; presses++) {
			const lines = tui.screen().split('\n');
			const at = selected(lines.join('\n'));
			if (at > 0 && lines[at - 1]!.includes(`workload-prod (${prod})`)) break;
			tui.keys('Down');
			await tui.waitFor(screen => selected(screen) !== at);
		}
		tui.keys('Space');
		const checked = await tui.waitFor(/> \[x\] alice/);
		const lines = checked.split('\n');
		expect(lines[selected(checked) - 1]).toContain(`workload-prod (${prod})`);
		tui.keys('Enter');
		await tui.waitFor('This removes 2 Identity Center grants and offboards 1 IAM user');
		await typeText(tui, 'alice', /offboard them everywhere: alice/);
		tui.keys('Enter');
		const done = await tui.waitFor(/alice is out of Identity Center and offboarded in every account checked\.[\s\S]*The record is /, 60_000);
		expect(done).toMatch(new RegExp(`done +offboard alice in workload-prod \\(${prod}\\)`));

		// Read back: Identity Center and each account's IAM.
		const sso = new SSOAdminClient(sdk(moto.endpoint));
		const instance = (await sso.send(new ListInstancesCommand({}))).Instances![0]!;
		const store = new IdentitystoreClient(sdk(moto.endpoint));
		const memberships = (await store.send(new ListGroupMembershipsForMemberCommand({IdentityStoreId: instance.IdentityStoreId, MemberId: {UserId: seeded.people.alice}}))).GroupMemberships ?? [];
		expect(memberships).toHaveLength(0);
		const user = async (account: string) =>
			new IAMClient(sdk(moto.endpoint, await roleCredentials(moto.endpoint, account))).send(new GetUserCommand({UserName: 'alice'})).then(
				() => 'exists',
				(error: {name?: string}) => error.name,
			);
		expect(await user(prod)).toBe('NoSuchEntityException');
		expect(await user(dev)).toBe('exists');
		const folder = path.join(env.IAMTUI_CONFIG_DIR!, 'records');
		const files = readdirSync(folder).filter(file => file.startsWith('everywhere-'));
		expect(files).toHaveLength(1);
		const record = JSON.parse(readFileSync(path.join(folder, files[0]!), 'utf8')) as {finishedAt: string | null; accounts: Array<{accountId: string; user: string; status: string}>};
		expect(record.finishedAt).not.toBeNull();
		expect(record.accounts).toEqual([expect.objectContaining({accountId: prod, user: 'alice', status: 'done'})]);

		// enter goes back to her Person screen, the organization read again: no group left.
		tui.keys('Enter');
		await tui.waitFor(/Person alice[\s\S]*Identity Center groups \(0\)/, 30_000);
		tui.keys('q');
		await tui.waitFor('Identity Center people');
		tui.keys('q');
		await tui.waitFor('Users (1)');
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);
	}, 180_000);
});
