// Roles hygiene and the admin-equivalent badge on screen: the Roles list's ADMIN and FINDINGS columns,
// the Role screen's badge and findings, and the Hygiene screen's roles view (tab) through the App.
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {RoleScreen} from '../../source/ui/screens/RoleScreen.js';
import {RolesScreen} from '../../source/ui/screens/RolesScreen.js';
import {FIXTURE_NOW, fixtureRoles, fixtureSnapshot} from '../fixtures/account.js';
import {appHarness} from '../helpers/app.js';
import {filterTo} from '../helpers/group-steps.js';
import {keys, renderTui} from '../helpers/render.js';

const index = buildIndex(fixtureSnapshot({roles: fixtureRoles}));
const size = {focused: true, width: 150, height: 30};
const noop = () => {};
const lineOf = (frame: string, name: string) => frame.split('\n').find(line => line.includes(` ${name} `)) ?? '';

describe('Roles list: admin badge and findings', () => {
	it('marks the admin-equivalent role and shows each role\'s findings', async () => {
		const tui = renderTui(<RolesScreen {...size} index={index} now={FIXTURE_NOW} onOpenRole={noop} />, {columns: 150});
		const frame = await tui.waitFor('Roles (7)');
		expect(frame).toMatch(/NAME +KIND +TRUSTED +ADMIN +LAST USED +FINDINGS/);
		expect(lineOf(frame, 'Admin')).toMatch(/Admin +account +admin +2d ago/);
		// Deploy's own policy is not * on *: no badge.
		expect(lineOf(frame, 'Deploy')).not.toContain('admin');
		expect(lineOf(frame, 'PartnerAudit')).toContain('never used, other account');
		expect(lineOf(frame, 'OpenDoor')).toContain('never used, * trust');
		expect(lineOf(frame, 'Broken')).toContain('unused 200 d, malformed trust');
		// AWS's own role: never nagged about use.
		expect(lineOf(frame, 'AWSServiceRoleForSupport')).not.toContain('never used');
		tui.unmount();
	});
});

describe('Role screen: badge and findings', () => {
	it('heads an admin-equivalent role with the badge, and lists findings as warnings', async () => {
		const admin = renderTui(<RoleScreen {...size} index={index} name="Admin" now={FIXTURE_NOW} onOpen={noop} onBack={noop} />, {columns: 150});
		expect(await admin.waitFor('Role Admin')).toContain('Role Admin  ADMIN-EQUIVALENT');
		admin.unmount();
		const partner = renderTui(<RoleScreen {...size} index={index} name="PartnerAudit" now={FIXTURE_NOW} onOpen={noop} onBack={noop} />, {columns: 150});
		const p = await partner.waitFor('Role PartnerAudit');
		expect(p).not.toContain('ADMIN-EQUIVALENT');
		expect(p).toContain('finding: never used');
		expect(p).toContain('finding: trusted by unknown account 111122223333');
		partner.unmount();
	});
});

describe('Hygiene screen: the roles view', () => {
	const {start} = appHarness();

	it('tab switches to the roles with their findings, enter opens one, tab goes back to the users', async () => {
		const {tui} = start({snapshot: fixtureSnapshot({roles: fixtureRoles}), columns: 150});
		await tui.waitFor('Users (12)');
		tui.write(':');
		await tui.waitFor(':users');
		await tui.type('hygiene');
		tui.write(keys.enter);
		const users = await tui.waitFor('Credential hygiene (11)');
		expect(users).toContain('Roles: 1 unused · 4 never used · 1 * trust · 1 other account · 1 malformed trust · tab shows them');
		tui.write(keys.tab);
		const roles = await tui.waitFor('Role hygiene (7)');
		expect(roles).toMatch(/ROLE +KIND +LAST USED +FINDINGS/);
		expect(lineOf(roles, 'OpenDoor')).toMatch(/!never +never used · trusted by \* \(anyone, in any account\)/);
		expect(lineOf(roles, 'PartnerAudit')).toContain('trusted by unknown account 111122223333');
		expect(lineOf(roles, 'Broken')).toMatch(/!200d ago +unused 200 d · trust policy malformed/);
		expect(lineOf(roles, 'AWSServiceRoleForSupport')).toMatch(/svc-linked +never +\(service-linked: AWS keeps it\)/);
		expect(lineOf(roles, 'Admin')).not.toContain('!');
		await filterTo(tui, 'unknown account');
		await tui.waitFor('Role hygiene (1/7)');
		tui.write(keys.enter);
		await tui.waitForFrame(frame => !frame.includes('Role hygiene') && frame.includes('Role PartnerAudit'));
		tui.write(keys.escape);
		await tui.waitFor('Role hygiene');
		tui.write(keys.escape);
		await tui.waitFor('Role hygiene (7)');
		tui.write(keys.tab);
		await tui.waitFor('Credential hygiene (11)');
	});
});
