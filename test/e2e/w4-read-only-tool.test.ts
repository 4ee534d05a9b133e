// W4 "restricted tool account" in the TUI, with the built iamtui in tmux against seeded moto. A group and
// a user in it are made headlessly first (that part is W1's); then in the TUI: (1) a customer managed
// policy from the inventory-read-only template, attached to the group in the same plan — the user's
// Access view lists exactly the template's actions, each through the group, and `iamtui can` agrees;
// (2) the AWS managed ReadOnlyAccess attached to another group from the Group screen (m) — reads are
// allowed through it and writes are not.
import {expect, it} from 'vitest';
import type {TmuxSession} from '../helpers/tmux.js';
import {e2eAccount} from '../helpers/e2e.js';
import {cursorLine, filterList, jump, moveCursorTo, openUserSafely} from '../helpers/e2e-steps.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const COST = {group: 'CostTools', user: 'costbot', policy: 'InventoryReadOnlyPolicy'};
const READ_ONLY = {group: 'ReadOnlyTools', user: 'readbot'};
const COST_ACTIONS = [
	'ec2:Describe*',
	'iam:GenerateCredentialReport',
	'iam:GenerateServiceLastAccessedDetails',
	'iam:Get*',
	'iam:List*',
	'organizations:Describe*',
	'organizations:List*',
];

/** Unfolds every service of the Access view (enter on each ▸), then returns the screen. */
const expandAll = async (tui: TmuxSession): Promise<string> => {
	let screen = tui.screen();
	while (/^[› ] ▸ /m.test(screen)) {
		const line = await moveCursorTo(tui, /^› ▸ /);
		const service = line.slice('› ▸ '.length).split(/\s+/)[0]!;
		tui.keys('Enter');
		screen = await tui.waitFor(new RegExp(`^› ▾ ${service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`, 'm'));
	}
	return screen;
};

/** The actions of every "allow … on RESOURCE" line of the Access view. */
const allowedActions = (screen: string): string[] =>
	screen
		.split('\n')
		.map(line => line.replace(/^›/, ' ').trim())
		.filter(line => line.startsWith('allow '))
		.flatMap(line => line.slice('allow '.length).replace(/ on \S+$/, '').split(', '))
		.sort();

const canCode = async (account: ReturnType<typeof e2eAccount>, user: string, action: string): Promise<number | null> => {
	const run = await account.cli(['can', user, action]);
	expect(run.stderr).toBe('');
	return run.code;
};

describeWithMoto('e2e: W4 read-only tool account in tmux', () => {
	const account = e2eAccount();

	it('inventory-read-only attached to the group: the Access view shows exactly its actions; can agrees', async () => {
		for (const args of [['create-group', COST.group], ['create-user', COST.user, '--group', COST.group]]) {
			const run = await account.cli(args);
			expect(run.code, run.stderr).toBe(0);
		}
		const tui = await account.open({height: 50});

		await jump(tui, 'policies', /Policies \(\d+\)/);
		tui.keys('n');
		await tui.waitFor('choose a template');
		await filterList(tui, 'inventory-read-only');
		await tui.waitFor(/^› inventory-read-only/m);
		tui.keys('Enter');
		await tui.waitFor(`Policy name  ${COST.policy}`);
		tui.keys('Enter');
		await tui.waitFor('optional: "/" or e.g. /tools/');
		tui.keys('Enter');
		await tui.waitFor('optional, up to 1000 characters');
		tui.keys('Enter');
		await tui.waitFor(`Preview of ${COST.policy} — valid`);
		tui.keys('Enter');
		await tui.waitFor(`Attach ${COST.policy} to a group or a user?`);
		await filterList(tui, `group ${COST.group}`);
		await tui.waitFor(new RegExp(`^› group ${COST.group}\\s`, 'm'));
		tui.keys('Enter');
		const plan = await tui.waitFor('y/enter runs 2 steps');
		expect(plan).toContain(`aws iam create-policy --policy-name ${COST.policy}`);
		expect(plan).toContain(`aws iam attach-group-policy --group-name ${COST.group}`);
		tui.keys('y');
		await tui.waitFor(new RegExp(`done\\s+Attach ${COST.policy} to group ${COST.group}`));
		tui.keys('Enter');
		await tui.waitFor(new RegExp(`${COST.policy}\\s+customer\\s+1`));

		await jump(tui, 'users', /Users \(\d+\)/);
		await openUserSafely(tui, COST.user);
		tui.keys('A');
		await tui.waitFor(`Access of ${COST.user}`);
		await tui.waitFor('Allowed by service (3)');
		const access = await expandAll(tui);
		expect(allowedActions(access)).toEqual(COST_ACTIONS);
		expect(access).not.toMatch(/\bdeny\b/i);
		expect(access).not.toContain('ADMIN-EQUIVALENT');
		const paths = access.split('\n').filter(line => line.includes('←'));
		expect(paths).toHaveLength(3);
		for (const line of paths) expect(line).toMatch(new RegExp(`← group ${COST.group} → policy ${COST.policy} → statement #\\d`));
		tui.keys('Escape');
		await tui.waitFor(`User ${COST.user}`);
		tui.keys('q');
		await tui.waitFor(/Users \(1\/\d+\)/);
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);

		for (const action of ['ec2:DescribeInstances', 'iam:GetUser', 'iam:GenerateCredentialReport', 'organizations:ListAccounts'])
			expect(await canCode(account, COST.user, action), action).toBe(0);
		for (const action of ['ec2:RunInstances', 'iam:CreateUser', 's3:GetObject', 'organizations:CreateAccount'])
			expect(await canCode(account, COST.user, action), action).toBe(1);
		const detail = JSON.parse((await account.cli(['user', COST.user, '--json'])).stdout) as {PoliciesViaGroups: Array<{GroupName: string; PolicyName: string}>};
		expect(detail.PoliciesViaGroups).toEqual([expect.objectContaining({GroupName: COST.group, PolicyName: COST.policy})]);
	}, 300_000);

	it('ReadOnlyAccess attached to a group from the Group screen: reads allowed through it, writes not', async () => {
		for (const args of [['create-group', READ_ONLY.group], ['create-user', READ_ONLY.user, '--group', READ_ONLY.group]]) {
			const run = await account.cli(args);
			expect(run.code, run.stderr).toBe(0);
		}
		const tui = await account.open({height: 50});

		await jump(tui, 'groups', /Groups \(\d+\)/);
		await filterList(tui, READ_ONLY.group);
		tui.keys('Enter');
		await tui.waitFor(/Managed policies \(0\)/);
		tui.keys('m');
		await tui.waitFor(`Attach a managed policy to group ${READ_ONLY.group}`);
		await filterList(tui, 'ReadOnlyAccess');
		// IAMReadOnlyAccess matches the filter too: go to the one we mean.
		await moveCursorTo(tui, /^› ReadOnlyAccess\s+AWS/);
		tui.keys('Enter');
		const plan = await tui.waitFor('y/enter runs 1 step');
		expect(plan).toContain(`aws iam attach-group-policy --group-name ${READ_ONLY.group} --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess`);
		tui.keys('y');
		await tui.waitFor(new RegExp(`done\\s+Attach ReadOnlyAccess to group ${READ_ONLY.group}`));
		tui.keys('Enter');
		await tui.waitFor(/Managed policies \(1\)\n\s+ReadOnlyAccess/);
		tui.keys('Escape');
		await tui.waitFor(/Groups \(1\/\d+\)/);

		await jump(tui, 'users', /Users \(\d+\)/);
		await openUserSafely(tui, READ_ONLY.user);
		tui.keys('A');
		const access = await tui.waitFor(/Allowed by service \((\d+)\)/);
		// ReadOnlyAccess reaches hundreds of services; every grant path goes through the group and the policy.
		expect(Number(access.match(/Allowed by service \((\d+)\)/)![1])).toBeGreaterThan(50);
		expect(access).not.toContain('ADMIN-EQUIVALENT');
		expect(cursorLine(access)).toMatch(/^› ▸ /);
		tui.keys('Enter');
		const expanded = await tui.waitFor(/←/);
		const paths = expanded.split('\n').filter(line => line.includes('←'));
		expect(paths.length).toBeGreaterThan(0);
		for (const line of paths) expect(line).toMatch(new RegExp(`← group ${READ_ONLY.group} → policy ReadOnlyAccess → statement`));
		tui.keys('Escape');
		await tui.waitFor(`User ${READ_ONLY.user}`);
		tui.keys('q');
		await tui.waitFor(/Users \(1\/\d+\)/);
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);

		for (const action of ['s3:GetObject', 'ec2:DescribeInstances'])
			expect(await canCode(account, READ_ONLY.user, action), action).toBe(0);
		for (const action of ['s3:PutObject', 'ec2:TerminateInstances', 'iam:CreateUser'])
			expect(await canCode(account, READ_ONLY.user, action), action).toBe(1);
	}, 300_000);
});
