// Group and policy writes in the TUI: create a group with a policy, delete a group (members removed,
// policies detached and deleted first, the name typed), attach and detach, and read-only mode.
import {describe, expect, it} from 'vitest';
import {fixtureSnapshot, groups} from '../fixtures/account.js';
import type {FixtureGatewayOptions} from '../fixtures/gateway.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {keys, tick, type Rendered} from '../helpers/render.js';

const harness = appHarness();

const start = (options: FixtureGatewayOptions = {}, size = {columns: 200, rows: 45}) => harness.start({...options, ...size});

const selectedLine = (frame: string) => frame.split('\n').find(line => line.trimStart().startsWith('› ')) ?? '';
const footer = (frame: string) => frame.split('\n').filter(Boolean).pop() ?? '';

const jump = async (tui: Rendered, target: string, expected: string) => {
	tui.write(':');
	await tui.waitFor(':users :groups');
	tui.write(target);
	await tui.waitFor(`:${target}`);
	tui.write(keys.enter);
	await tui.waitFor(expected);
};

/** Filter the list to `text` and keep the filter, so the one matching row is selected. */
const select = async (tui: Rendered, text: string) => {
	tui.write('/');
	await tui.waitFor('enter keep');
	// ctrl-u: start from an empty filter even when one is kept.
	tui.write('\u0015');
	await tui.waitFor('type to filter');
	tui.write(text);
	await tui.waitFor(/1 of \d+/);
	tui.write(keys.enter);
	await tui.waitFor('esc clears');
};

const openGroup = async (tui: Rendered, name: string) => {
	await tui.waitFor('Users (12)');
	await jump(tui, 'groups', 'Groups (5)');
	await select(tui, name);
	tui.write(keys.enter);
	await tui.waitFor(`Group ${name}`);
};

describe('group writes', () => {
	it('n on the groups list: name, path, a policy marked; the plan first, then the calls in order', async () => {
		const {tui, gateway} = start();
		await tui.waitFor('Users (12)');
		await jump(tui, 'groups', 'Groups (5)');
		tui.write('n');
		await tui.waitFor('Create a group');
		tui.write('Lightsail Team');
		await tui.waitFor('Lightsail Team');
		tui.write(keys.enter);
		await tick();
		tui.write(keys.enter);
		// An invalid name keeps the form (back on the name field): a space is not allowed.
		await tui.waitFor('contains a space');
		for (let n = 0; n < 'Lightsail Team'.length; n++) tui.write(keys.backspace);
		await tui.waitForFrame(f => !f.includes('Lightsail Team'));
		tui.write('LightsailTeam');
		await tui.waitFor('LightsailTeam');
		tui.write(keys.enter);
		await tick();
		tui.write('/teams/');
		await tui.waitFor('/teams/');
		tui.write(keys.enter);
		await tui.waitFor('Policies to attach to LightsailTeam');
		await select(tui, 'LightsailFullAccessPolicy');
		tui.write(' ');
		await tui.waitFor('with 1 marked');
		tui.write(keys.enter);
		const plan = await tui.waitFor('Create group LightsailTeam');
		expect(plan).toContain('aws iam create-group --group-name LightsailTeam --path /teams/');
		expect(plan).toContain('Attach LightsailFullAccessPolicy to group LightsailTeam');
		expect(plan).toContain('aws iam attach-group-policy --group-name LightsailTeam --policy-arn arn:aws:iam::123456789012:policy/LightsailFullAccessPolicy');
		expect(writesOf(gateway)).toEqual([]);

		tui.write('y');
		await tui.waitFor(/done\s+Attach LightsailFullAccessPolicy to group LightsailTeam/);
		expect(writesOf(gateway)).toEqual([
			'createGroup:LightsailTeam:/teams/',
			'attachGroupPolicy:LightsailTeam:arn:aws:iam::123456789012:policy/LightsailFullAccessPolicy',
		]);
		tui.write(keys.enter);
		const list = await tui.waitFor('Groups (6');
		expect(list).toContain('LightsailTeam');
	});

	it('a group name that exists (ignoring case) is refused on the form', async () => {
		const {tui, gateway} = start();
		await tui.waitFor('Users (12)');
		await jump(tui, 'groups', 'Groups (5)');
		tui.write('n');
		await tui.waitFor('Create a group');
		tui.write('developers');
		await tui.waitFor('developers');
		tui.write(keys.enter);
		await tick();
		tui.write(keys.enter);
		const refused = await tui.waitFor('a group named Developers already exists');
		expect(refused).toContain('IAM group names ignore case');
		expect(writesOf(gateway)).toEqual([]);
	});

	it('D deletes a group: members removed, policies detached, inline deleted, then the group — only once its name is typed', async () => {
		const withInline = groups.map(g => (g.name === 'LightsailFullAccessGroup' ? {...g, inlinePolicies: [{name: 'ExtraS3', document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}'}]} : g));
		const {tui, gateway} = start({snapshot: fixtureSnapshot({groups: withInline})});
		await tui.waitFor('Users (12)');
		await jump(tui, 'groups', 'Groups (5)');
		await select(tui, 'LightsailFull');
		tui.write('D');
		const plan = await tui.waitFor('Delete group LightsailFullAccessGroup');
		const steps = plan.split('\n').filter(line => /^\s+\d\. /.test(line)).map(line => line.trim());
		expect(steps).toEqual([
			'1. Remove ana.silva from group LightsailFullAccessGroup',
			'2. Remove eve.adams from group LightsailFullAccessGroup',
			'3. Detach LightsailFullAccessPolicy from group LightsailFullAccessGroup',
			'4. Delete inline policy ExtraS3 of group LightsailFullAccessGroup',
			'5. Delete group LightsailFullAccessGroup',
		]);
		expect(plan).toContain('loses LightsailFullAccessPolicy');
		expect(plan).toContain('Type "LightsailFullAccessGroup" and press enter');

		// y is only a letter of the name here: a wrong name does not run it.
		tui.write('y');
		await tui.waitFor('confirm: y');
		tui.write(keys.enter);
		await tui.waitFor('does not match');
		tui.write('\u0015');
		await tui.waitForFrame(f => !f.includes('match — type exactly: y'));
		tui.write('LightsailFullAccess');
		await tui.waitFor('confirm: LightsailFullAccess');
		tui.write(keys.enter);
		await tui.waitFor('does not match');
		expect(writesOf(gateway)).toEqual([]);

		tui.write('Group');
		await tui.waitFor('confirm: LightsailFullAccessGroup');
		tui.write(keys.enter);
		await tui.waitFor(/done\s+Delete group LightsailFullAccessGroup/);
		expect(writesOf(gateway)).toEqual([
			'removeUserFromGroup:ana.silva:LightsailFullAccessGroup',
			'removeUserFromGroup:eve.adams:LightsailFullAccessGroup',
			'detachGroupPolicy:LightsailFullAccessGroup:arn:aws:iam::123456789012:policy/LightsailFullAccessPolicy',
			'deleteGroupPolicy:LightsailFullAccessGroup:ExtraS3',
			'deleteGroup:LightsailFullAccessGroup',
		]);
		tui.write(keys.enter);
		const list = await tui.waitFor('Groups (');
		expect(list).not.toContain('LightsailFullAccessGroup');
	});

	it('on a group: m attaches a policy picked from the account, d detaches the selected one', async () => {
		const {tui, gateway} = start();
		await openGroup(tui, 'Managers');
		tui.write('m');
		const picker = await tui.waitFor('Attach a managed policy to group Managers');
		// Already attached: not offered.
		expect(picker).not.toMatch(/ManagersDescribe\s+customer/);
		await select(tui, 'policy/ReadOnlyAccess');
		tui.write(keys.enter);
		const plan = await tui.waitFor('Attach ReadOnlyAccess to group Managers');
		expect(plan).toContain('aws iam attach-group-policy --group-name Managers --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess');
		expect(plan).toContain('gives it to the 2 members of Managers: carla.mendes, dmitri.ivanov');
		tui.write('y');
		await tui.waitFor(/done\s+Attach ReadOnlyAccess/);
		tui.write(keys.enter);
		const group = await tui.waitFor('Managed policies (2)');
		expect(group).toContain('ReadOnlyAccess');

		// tab: members, then the managed policies; d on ManagersDescribe.
		tui.write(keys.tab);
		await tui.waitForFrame(f => selectedLine(f).includes('carla.mendes'));
		tui.write(keys.tab);
		await tui.waitForFrame(f => selectedLine(f).includes('ManagersDescribe'));
		tui.write('d');
		const detach = await tui.waitFor('Detach ManagersDescribe from group Managers');
		expect(detach).toContain('This takes access away');
		expect(detach).toContain('takes it from the 2 members of Managers');
		tui.write('y');
		await tui.waitFor(/done\s+Detach ManagersDescribe/);
		expect(writesOf(gateway)).toEqual([
			'attachGroupPolicy:Managers:arn:aws:iam::aws:policy/ReadOnlyAccess',
			'detachGroupPolicy:Managers:arn:aws:iam::123456789012:policy/ManagersDescribe',
		]);
	});

	it('d on an inline policy of a group deletes it, with its document in the plan', async () => {
		const {tui, gateway} = start();
		await openGroup(tui, 'RightScaleDash');
		for (const expected of ['rsdash', 'none', 'AllowEverything']) {
			tui.write(keys.tab);
			await tui.waitForFrame(f => selectedLine(f).includes(expected));
		}
		tui.write('d');
		const plan = await tui.waitFor('Delete inline policy AllowEverything of group RightScaleDash');
		expect(plan).toContain('aws iam delete-group-policy --group-name RightScaleDash --policy-name AllowEverything');
		expect(plan).toContain('cannot be recovered');
		tui.write('y');
		await tui.waitFor(/done\s+Delete inline policy/);
		expect(writesOf(gateway)).toEqual(['deleteGroupPolicy:RightScaleDash:AllowEverything']);
	});
});

describe('policy writes', () => {
	it('a on a policy attaches it to a picked group; D on an AWS managed policy is refused with a reason', async () => {
		const {tui, gateway} = start();
		await tui.waitFor('Users (12)');
		await jump(tui, 'policies', 'Policies (');
		await select(tui, 'UnusedCustomer');
		tui.write(keys.enter);
		await tui.waitFor('Policy UnusedCustomerPolicy');
		tui.write('a');
		await tui.waitFor('Attach UnusedCustomerPolicy to a group or a user');
		await select(tui, 'EmptyGroup');
		tui.write(keys.enter);
		await tui.waitFor('Attach UnusedCustomerPolicy to group EmptyGroup');
		tui.write('y');
		await tui.waitFor(/done\s+Attach UnusedCustomerPolicy/);
		expect(writesOf(gateway)).toEqual(['attachGroupPolicy:EmptyGroup:arn:aws:iam::123456789012:policy/UnusedCustomerPolicy']);

		tui.write(keys.enter);
		await tui.waitFor('Policy UnusedCustomerPolicy');
		tui.write(keys.escape);
		await tui.waitFor('Policies (');
		tui.write(keys.escape);
		// Wait for the escape to clear the filter: a key right after a lone escape reads as alt+key.
		await tui.waitFor('Policies (5)');
		await select(tui, 'policy/ReadOnlyAccess');
		tui.write('D');
		await tui.waitFor('ReadOnlyAccess is an AWS managed policy: AWS owns it, it cannot be deleted');
		expect(writesOf(gateway)).toHaveLength(1);
	});

	it('D on a customer policy: detached everywhere and old versions deleted first, the name typed', async () => {
		const {tui, gateway} = start();
		gateway.policyVersions = async () => [
			{versionId: 'v2', isDefault: false, createDate: '2024-02-01T00:00:00Z'},
			{versionId: 'v1', isDefault: true, createDate: '2024-01-01T00:00:00Z'},
		];
		await tui.waitFor('Users (12)');
		await jump(tui, 'policies', 'Policies (');
		await select(tui, 'ManagersDescribe');
		tui.write('D');
		const plan = await tui.waitFor('Delete policy ManagersDescribe');
		expect(plan).toContain('1. Detach ManagersDescribe from group Managers');
		expect(plan).toContain('2. Delete version v2 of policy ManagersDescribe');
		expect(plan).toContain('3. Delete policy ManagersDescribe');
		tui.write('ManagersDescribe');
		await tui.waitFor('confirm: ManagersDescribe');
		tui.write(keys.enter);
		await tui.waitFor(/done\s+Delete policy ManagersDescribe/);
		const arn = 'arn:aws:iam::123456789012:policy/ManagersDescribe';
		expect(writesOf(gateway)).toEqual([`detachGroupPolicy:Managers:${arn}`, `deletePolicyVersion:${arn}:v2`, `deletePolicy:${arn}`]);
	});
});

describe('read-only', () => {
	const groupKeys = ['new group', 'delete group'];
	const groupScreenKeys = ['attach policy', 'inline policy', 'delete group'];

	it('not read-only: the footers offer the group and policy writes', async () => {
		const {tui} = start();
		await openGroup(tui, 'Managers');
		for (const label of groupScreenKeys) expect(footer(tui.lastFrame())).toContain(label);
		tui.write(keys.escape);
		const list = await tui.waitFor('Groups (');
		for (const label of groupKeys) expect(footer(list)).toContain(label);
	});

	it('read-only: the write keys are absent from the footer and do nothing', async () => {
		const {tui, gateway} = start({readOnly: true});
		await tui.waitFor('READ-ONLY');
		await openGroup(tui, 'Managers');
		for (const label of groupScreenKeys) expect(footer(tui.lastFrame())).not.toContain(label);
		tui.write(keys.tab);
		await tui.waitForFrame(f => selectedLine(f).includes('carla.mendes'));
		tui.write(keys.tab);
		await tui.waitForFrame(f => selectedLine(f).includes('ManagersDescribe'));
		for (const key of ['m', 'i', 'd', 'D']) tui.write(key);
		await tick();
		await tui.waitFor('Group Managers');
		tui.write(keys.escape);
		const list = await tui.waitFor('Groups (');
		for (const label of groupKeys) expect(footer(list)).not.toContain(label);
		tui.write('n');
		tui.write('D');
		await jump(tui, 'policies', 'Policies (');
		expect(footer(tui.lastFrame())).not.toContain('new policy');
		tui.write('n');
		tui.write('D');
		await tick();
		const frame = await tui.waitFor('Policies (');
		expect(frame).not.toContain('choose a template');
		expect(frame).not.toContain('Create a group');
		expect(writesOf(gateway)).toEqual([]);
	});
});
