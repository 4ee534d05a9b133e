// A role's effective access from the Role screen (E), as a user's from the User screen (A): its allowed
// actions by service with grant paths, the admin-equivalent badge, and Explain (e) asking "can role R do
// ACTION?" — its boundary applied — with a request context (c) as on a user's.
import {describe, expect, it} from 'vitest';
import {fixtureRoles, fixtureSnapshot} from '../fixtures/account.js';
import {askWhoCan, setRequestContext} from '../helpers/access-steps.js';
import {select} from '../helpers/user-screen.js';
import {appHarness} from '../helpers/app.js';
import {openRole} from '../helpers/role-steps.js';
import {keys, type Rendered} from '../helpers/render.js';

const {start} = appHarness();

const explainRole = async (tui: Rendered, name: string, action: string) => {
	tui.write('e');
	await tui.waitFor(`can role ${name} do`);
	await tui.type(action);
	await tui.waitFor(`do ${action}`);
	tui.write(keys.enter);
	return tui.waitFor(new RegExp(`(Allowed|Conditional|Denied \\((implicit|explicit)\\)) — ${action} on \\*`));
};

describe("a role's access (E on the Role screen)", () => {
	it('Deploy: its grants by service; Explain says the boundary stops what its policy allows; esc comes back to the role', async () => {
		const {tui} = start({snapshot: fixtureSnapshot({roles: fixtureRoles}), columns: 140, rows: 40});
		await openRole(tui, 'Deploy');
		tui.write('E');
		const access = await tui.waitFor('Access of role Deploy');
		expect(access).toMatch(/ec2/);
		expect(access).not.toContain('ADMIN-EQUIVALENT');
		const denied = await explainRole(tui, 'Deploy', 'ec2:TerminateInstances');
		expect(denied).toContain('Denied (implicit) — ec2:TerminateInstances on *');
		expect(denied).toContain('the permissions boundary ManagersDescribe');
		tui.write(keys.escape);
		await tui.waitForFrame(f => !f.includes('can role Deploy do'));
		tui.write(keys.escape);
		await tui.waitFor('Role Deploy');
	});

	it('Admin: the badge, Allowed for anything; a request context set with c is what Explain assumes', async () => {
		const {tui} = start({snapshot: fixtureSnapshot({roles: fixtureRoles}), columns: 140, rows: 40});
		await openRole(tui, 'Admin');
		tui.write('E');
		const access = await tui.waitFor('Access of role Admin');
		expect(access).toContain('ADMIN-EQUIVALENT');
		expect(await explainRole(tui, 'Admin', 'iam:CreateUser')).toContain('Allowed — iam:CreateUser on *');
		tui.write(keys.escape);
		await tui.waitForFrame(f => !f.includes('can role Admin do'));
		await setRequestContext(tui, 'aws:MultiFactorAuthPresent=true');
		expect(tui.lastFrame()).toContain('request context: aws:MultiFactorAuthPresent=true (c changes it; Explain assumes it)');
	});

	it("on :whocan a role's row opens its Role screen, where E is its access", async () => {
		const {tui} = start({snapshot: fixtureSnapshot({roles: fixtureRoles}), columns: 140, rows: 60});
		const answer = await askWhoCan(tui, 'iam:CreateUser', 'Users (12)');
		expect(answer).toMatch(/Roles whose policies grant it \(\d+\)/);
		await select(tui, 'Admin  Allowed');
		tui.write(keys.enter);
		await tui.waitFor('Role Admin');
		tui.write('E');
		await tui.waitFor('Access of role Admin');
	});
});
