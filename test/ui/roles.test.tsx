// The Roles list and the Role screen: alone with plain props, and through the App (:roles, enter, esc).
import {describe, expect, it, vi} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {policyRows} from '../../source/model/views.js';
import {PolicyScreen} from '../../source/ui/screens/PolicyScreen.js';
import {RoleScreen} from '../../source/ui/screens/RoleScreen.js';
import {RolesScreen} from '../../source/ui/screens/RolesScreen.js';
import {ACCOUNT, FIXTURE_NOW, fixtureRoles, fixtureSnapshot} from '../fixtures/account.js';
import {appHarness} from '../helpers/app.js';
import {filterTo} from '../helpers/group-steps.js';
import {keys, renderTui} from '../helpers/render.js';

const index = buildIndex(fixtureSnapshot({roles: fixtureRoles}));
const size = {focused: true, width: 120, height: 30};
const noop = () => {};
const lineOf = (frame: string, name: string) => frame.split('\n').find(line => line.includes(` ${name} `)) ?? '';

describe('Roles list', () => {
	it('shows trusted principals in short, last use, and marks service-linked and service roles', async () => {
		const tui = renderTui(<RolesScreen {...size} width={130} index={index} now={FIXTURE_NOW} onOpenRole={noop} />, {columns: 130});
		const frame = await tui.waitFor('Roles (7)');
		expect(frame).toMatch(/NAME +KIND +TRUSTED +ADMIN +LAST USED +FINDINGS +PATH/);
		expect(lineOf(frame, 'Admin')).toMatch(/Admin +account +admin +2d ago +\//);
		expect(lineOf(frame, 'Deploy')).toMatch(/Deploy +user ana\.silva +never +never used +\/ops\//);
		expect(lineOf(frame, 'web-ec2')).toMatch(/web-ec2 +service +ec2\.amazonaws\.com/);
		expect(lineOf(frame, 'AWSServiceRoleForSupport')).toMatch(/svc-linked +support\.amazonaws\.com/);
		expect(lineOf(frame, 'PartnerAudit')).toContain('other account 111122223333');
		expect(lineOf(frame, 'OpenDoor')).toContain('* (anyone!)');
		expect(lineOf(frame, 'Broken')).toContain('(malformed trust policy)');
		tui.unmount();
	});

	it('filters with / on the trusted principals too, sorts with s, and opens with enter', async () => {
		const onOpenRole = vi.fn();
		const tui = renderTui(<RolesScreen {...size} index={index} now={FIXTURE_NOW} onOpenRole={onOpenRole} />);
		await tui.waitFor('Roles (7)');
		tui.write('/');
		await tui.type('anyone');
		const filtered = await tui.waitFor('OpenDoor');
		expect(filtered).not.toContain('Admin ');
		tui.write(keys.escape);
		await tui.waitFor('Admin');
		// Sort by path (the second column): /aws-service-role/… comes after /, /ops/ last.
		tui.write('s');
		const byPath = await tui.waitForFrame(frame => frame.includes('sorted by path'));
		const order = byPath.split('\n').map(line => /^\W*(\S+)/.exec(line)?.[1]).filter(name => fixtureRoles.some(r => r.name === name));
		expect(order.at(-1)).toBe('Deploy');
		tui.write(keys.home);
		await tui.waitFor('›');
		tui.write(keys.enter);
		await vi.waitFor(() => expect(onOpenRole).toHaveBeenCalled());
		tui.unmount();
	});
});

describe('Role screen', () => {
	it('shows each trust statement with principals and conditions, policies, boundary, tags, last use', async () => {
		const tui = renderTui(<RoleScreen {...size} height={40} index={index} name="Deploy" now={FIXTURE_NOW} onOpen={noop} onBack={noop} />);
		const frame = await tui.waitFor('Role Deploy');
		expect(frame).toContain(`arn:aws:iam::${ACCOUNT}:role/ops/Deploy`);
		expect(frame).toContain('Trust policy (1 statement)');
		expect(frame).toContain('Allow sts:AssumeRole');
		expect(frame).toContain(`principal user ana.silva  arn:aws:iam::${ACCOUNT}:user/ana.silva`);
		expect(frame).toContain('condition Bool aws:MultiFactorAuthPresent = true');
		expect(frame).toMatch(/Inline policies \(1\)[\s\S]*deploy-ec2/);
		expect(frame).toMatch(/Permissions boundary[\s\S]*policy\/ManagersDescribe/);
		expect(frame).toContain('team = platform');
		expect(frame).toContain('last used: no record');
		tui.unmount();
	});

	it('says who of this account may assume the role (worked out by AWS\'s rules, shown when it arrives), enter opens them', async () => {
		const onOpen = vi.fn();
		const tui = renderTui(<RoleScreen {...size} height={40} index={index} name="Deploy" now={FIXTURE_NOW} onOpen={onOpen} onBack={noop} />);
		const frame = await tui.waitFor('May assume it (1: users and roles of this account)');
		expect(frame).toContain('user ana.silva  Conditional  named in trust statement #1 (names them)');
		expect(frame).toContain('if aws:MultiFactorAuthPresent Bool true (trust policy)');
		await tui.type('\t\t');
		await tui.waitForFrame(current => /› +user ana\.silva  Conditional/.test(current));
		tui.write(keys.enter);
		await vi.waitFor(() => expect(onOpen).toHaveBeenCalledWith({screen: 'user', name: 'ana.silva'}));
		tui.unmount();
		// An account trust: users whose own policies allow sts:AssumeRole on it (rsdash's group allows everything).
		const admin = renderTui(<RoleScreen {...size} width={160} index={index} name="Admin" now={FIXTURE_NOW} onOpen={noop} onBack={noop} />, {columns: 160});
		expect(await admin.waitFor(/May assume it \(\d/)).toContain(
			'user rsdash  Allowed  via group RightScaleDash → inline policy AllowEverything → statement #1 · trust statement #1 (the account)',
		);
		admin.unmount();
		// A trust naming only another account: nobody here (the trust policy names the outsider, as a warning).
		const partner = renderTui(<RoleScreen {...size} index={index} name="PartnerAudit" now={FIXTURE_NOW} onOpen={noop} onBack={noop} />);
		expect(await partner.waitFor('May assume it (0: users and roles of this account)')).toMatch(/May assume it \(0[^\n]*\n +none/);
		partner.unmount();
	});

	it('names other accounts, anyone and malformed trust as such; service roles and instance profiles', async () => {
		const partner = renderTui(<RoleScreen {...size} index={index} name="PartnerAudit" now={FIXTURE_NOW} onOpen={noop} onBack={noop} />);
		const p = await partner.waitFor('Role PartnerAudit');
		expect(p).toContain('principal other account 111122223333  arn:aws:iam::111122223333:root');
		expect(p).toContain('condition StringEquals sts:ExternalId = partner-42');
		partner.unmount();
		const open = renderTui(<RoleScreen {...size} index={index} name="OpenDoor" now={FIXTURE_NOW} onOpen={noop} onBack={noop} />);
		expect(await open.waitFor('Role OpenDoor')).toContain('principal * (anyone!)');
		open.unmount();
		const broken = renderTui(<RoleScreen {...size} index={index} name="Broken" now={FIXTURE_NOW} onOpen={noop} onBack={noop} />);
		const b = await broken.waitFor('Role Broken');
		expect(b).toContain('Trust policy (0 statements)');
		expect(b).toContain('malformed: the trust policy is not valid JSON');
		broken.unmount();
		const web = renderTui(<RoleScreen {...size} index={index} name="web-ec2" now={FIXTURE_NOW} onOpen={noop} onBack={noop} />);
		const w = await web.waitFor('Role web-ec2');
		expect(w).toContain('service role: only AWS services may assume it');
		expect(w).toMatch(/Instance profiles \(1\)[\s\S]*web-ec2  arn:aws:iam::123456789012:instance-profile\/web-ec2/);
		web.unmount();
		const linked = renderTui(<RoleScreen {...size} index={index} name="AWSServiceRoleForSupport" now={FIXTURE_NOW} onOpen={noop} onBack={noop} />);
		expect(await linked.waitFor('Role AWSServiceRoleForSupport')).toContain('service-linked role');
		linked.unmount();
	});
});

describe('a managed policy attached to roles', () => {
	it('the Policy screen lists the roles it is attached to (enter opens one) and the count includes them', async () => {
		const arn = 'arn:aws:iam::aws:policy/AdministratorAccess';
		const onOpen = vi.fn();
		const tui = renderTui(<PolicyScreen {...size} index={index} target={{kind: 'managed', arn}} onOpen={onOpen} onBack={noop} />);
		const frame = await tui.waitFor('Attached to roles (1)');
		expect(frame).toMatch(/Attached to roles \(1\)\n +Admin/);
		// Three tabs with no render between them (a fast typist, a loaded machine): each still jumps a section.
		for (const _ of [1, 2, 3]) tui.write(keys.tab);
		await tui.waitForFrame(current => /› +Admin/.test(current));
		tui.write(keys.enter);
		await vi.waitFor(() => expect(onOpen).toHaveBeenCalledWith({screen: 'role', name: 'Admin'}));
		tui.unmount();
		// The fixture says 0 attachments (moto's count may lag): the snapshot's role attachment counts.
		expect(policyRows(index).find(r => r.arn === arn)!.attachmentCount).toBe(1);
	});
});

describe('roles in the App', () => {
	const {start} = appHarness();

	it(':roles, enter opens the role, enter on a trusted user opens the user, and on a policy the policy', async () => {
		const {tui} = start({snapshot: fixtureSnapshot({roles: fixtureRoles})});
		await tui.waitFor('Users (12)');
		tui.write(':');
		await tui.type('roles\r');
		await tui.waitFor('Roles (7)');
		await filterTo(tui, 'Deploy');
		tui.write(keys.enter);
		await tui.waitFor('Role Deploy');
		await tui.waitFor(/May assume it \(\d/);
		// tab to the trust section, then down to the trusted user's line, one rendered move at a time.
		tui.write(keys.tab);
		await tui.waitFor('› Allow sts:AssumeRole');
		tui.write('j');
		await tui.waitForFrame(frame => /› +principal user ana/.test(frame));
		tui.write(keys.enter);
		await tui.waitFor('User ana.silva');
		tui.write(keys.escape);
		await tui.waitFor('Role Deploy');
		await tui.waitFor(/May assume it \(\d/);
		// From the trust section: who may assume it, the managed policies, then the inline ones.
		await tui.type('\t\t\t');
		await tui.waitForFrame(frame => /› +deploy-ec2/.test(frame));
		tui.write(keys.enter);
		const inline = await tui.waitFor('Inline policy deploy-ec2');
		expect(inline).toContain('of role Deploy');
		expect(inline).toContain('ec2:TerminateInstances');
	});
});
