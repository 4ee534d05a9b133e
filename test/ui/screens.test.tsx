// Each screen rendered alone from the fixture, with plain props: no App, no gateway beyond what it takes.
import {describe, expect, it, vi} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {GroupScreen} from '../../source/ui/screens/GroupScreen.js';
import {GroupsScreen} from '../../source/ui/screens/GroupsScreen.js';
import {PoliciesScreen} from '../../source/ui/screens/PoliciesScreen.js';
import {PolicyScreen} from '../../source/ui/screens/PolicyScreen.js';
import {UserScreen} from '../../source/ui/screens/UserScreen.js';
import {UsersScreen} from '../../source/ui/screens/UsersScreen.js';
import {ACCOUNT, FIXTURE_NOW, HOSTILE_NAME, HOSTILE_NAME_SHOWN, fixtureSnapshot} from '../fixtures/account.js';
import {fixtureDetails} from '../fixtures/gateway.js';
import {keys, renderTui} from '../helpers/render.js';

const index = buildIndex(fixtureSnapshot());
const size = {focused: true, width: 100, height: 28};
const noop = () => {};

describe('screens alone', () => {
	it('Users: every column, and enter opens the selected user', async () => {
		const onOpenUser = vi.fn();
		const tui = renderTui(<UsersScreen {...size} index={index} now={FIXTURE_NOW} onOpenUser={onOpenUser} />);
		const frame = await tui.waitFor('Users (12)');
		expect(frame).toMatch(/NAME +GROUPS +POLICIES CONSOLE MFA KEY AGE LAST ACTIVE/);
		expect(frame).toMatch(/ana\.silva +Developers, LightsailFullAccessGroup +2 yes +yes +30d +1d/);
		expect(frame).toMatch(/bruno\.costa +Developers +1 yes +no +200d +5d/);
		// newbie is not in the credential report yet.
		expect(frame).toMatch(/newbie +0 \? +\? +\? +\?/);
		tui.write(keys.down);
		await tui.waitFor('› auditor');
		tui.write(keys.enter);
		await vi.waitFor(() => expect(onOpenUser).toHaveBeenCalledWith('auditor'));
		tui.unmount();
	});

	it('User: sections, per-user details loaded on open, tags sanitized', async () => {
		const loadDetails = vi.fn(async (name: string) => fixtureDetails[name]!);
		const tui = renderTui(
			<UserScreen {...size} index={index} name="ana.silva" now={FIXTURE_NOW} loadDetails={loadDetails} onOpen={noop} onBack={noop} />,
		);
		const loading = await tui.waitFor('User ana.silva');
		expect(loading).toMatch(/Groups \(2\)[\s\S]*Developers[\s\S]*LightsailFullAccessGroup/);
		expect(loading).toContain('Policies through groups (2)');
		const frame = await tui.waitFor('AKIAANAEXAMPLE000001');
		expect(frame).toContain('AKIAANAEXAMPLE000001  Active  age 30d  last used 2d ago (s3, eu-west-1)');
		expect(frame).toContain(`arn:aws:iam::${ACCOUNT}:mfa/ana.silva`);
		expect(frame).toContain('team = platform');
		expect(frame).not.toContain('\u001B[2J');
		expect(loadDetails).toHaveBeenCalledWith('ana.silva');
		tui.unmount();
	});

	it('User: a failing detail call shows the error inline', async () => {
		const tui = renderTui(
			<UserScreen
				{...size}
				index={index}
				name="bruno.costa"
				now={FIXTURE_NOW}
				loadDetails={async () => {
					throw new Error('not authorized to perform iam:ListAccessKeys');
				}}
				onOpen={noop}
				onBack={noop}
			/>,
		);
		const frame = await tui.waitFor('not authorized to perform iam:ListAccessKeys');
		expect(frame).toContain('Groups (1)');
		tui.unmount();
	});

	it('Groups and Group: members, policies; enter on a member opens the user', async () => {
		const groups = renderTui(<GroupsScreen {...size} index={index} onOpenGroup={noop} />);
		const list = await groups.waitFor('Groups (5)');
		expect(list).toMatch(/Developers +4 DevelopersEc2/);
		expect(list).toMatch(/RightScaleDash +1 AllowEverything/);
		groups.unmount();

		const onOpen = vi.fn();
		const group = renderTui(<GroupScreen {...size} index={index} name="Managers" now={FIXTURE_NOW} onOpen={onOpen} onBack={noop} />);
		const frame = await group.waitFor('Group Managers');
		expect(frame).toMatch(/Members \(2\)[\s\S]*carla\.mendes[\s\S]*dmitri\.ivanov/);
		expect(frame).toContain('ManagersDescribe');
		group.write(keys.tab);
		await group.waitFor('› carla.mendes');
		group.write(keys.enter);
		await vi.waitFor(() => expect(onOpen).toHaveBeenCalledWith({screen: 'user', name: 'carla.mendes'}));
		group.unmount();
	});

	it('Policies and Policy: attached AWS managed and every customer managed; document pretty-printed', async () => {
		const policies = renderTui(<PoliciesScreen {...size} index={index} onOpenPolicy={noop} />);
		const list = await policies.waitFor('Policies (5)');
		expect(list).toMatch(/ReadOnlyAccess +AWS +1/);
		expect(list).toMatch(/UnusedCustomerPolicy +customer +0/);
		expect(list).not.toContain('AdministratorAccess');
		policies.unmount();

		const arn = `arn:aws:iam::${ACCOUNT}:policy/LightsailFullAccessPolicy`;
		const policy = renderTui(<PolicyScreen {...size} index={index} target={{kind: 'managed', arn}} onOpen={noop} onBack={noop} />);
		const frame = await policy.waitFor('Policy LightsailFullAccessPolicy');
		expect(frame).toContain('customer managed · default version v1');
		expect(frame).toMatch(/Attached to groups \(1\)\n. +LightsailFullAccessGroup/);
		expect(frame).toContain('"Action": "lightsail:*"');
		policy.unmount();
	});

	it('Policy: an inline policy document', async () => {
		const tui = renderTui(
			<PolicyScreen
				{...size}
				index={index}
				target={{kind: 'inline', owner: 'group', ownerName: 'RightScaleDash', policyName: 'AllowEverything'}}
				onOpen={noop}
				onBack={noop}
			/>,
		);
		const frame = await tui.waitFor('Inline policy AllowEverything');
		expect(frame).toContain('of group RightScaleDash');
		expect(frame).toContain('"Action": "*"');
		tui.unmount();
	});

	it('renders a hostile name harmless on every screen that shows it', async () => {
		const tui = renderTui(
			<UserScreen {...size} index={index} name={HOSTILE_NAME} now={FIXTURE_NOW} loadDetails={async () => ({accessKeys: [], mfaDevices: [], tags: []})} onOpen={noop} onBack={noop} />,
		);
		const frame = await tui.waitFor(`User ${HOSTILE_NAME_SHOWN}`);
		expect(frame).not.toMatch(/\u001B\]|\u0007|pwned/);
		tui.unmount();
	});

	it('an empty account shows a usable list', async () => {
		const empty = buildIndex(fixtureSnapshot({users: [], groups: [], policies: []}));
		const tui = renderTui(<UsersScreen {...size} index={empty} now={FIXTURE_NOW} onOpenUser={noop} />);
		await tui.waitFor('No users in this account.');
		tui.write(keys.down);
		tui.write(keys.enter);
		await tui.waitFor('Users (0)');
		tui.unmount();
	});
});
