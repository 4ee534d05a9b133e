// The group-change confirmation (PlanConfirm through the App) tells a removal through roles: ana.silva
// leaves LightsailFullAccessGroup but still reaches lightsail:* through a role that trusts her directly.
import {describe, expect, it} from 'vitest';
import {fixtureRoles, fixtureSnapshot} from '../fixtures/account.js';
import {allow, policy, roleOf, trustPolicy, trusts, userArn} from '../fixtures/roles.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {keys, tick, type Rendered} from '../helpers/render.js';
import {openUser, select, selectedLine} from '../helpers/user-screen.js';

const {start} = appHarness();

const toLightsailGroup = async (tui: Rendered) => {
	await openUser(tui, 'ana.silva');
	tui.write(keys.tab);
	await tui.waitForFrame(f => selectedLine(f).includes('Developers'));
	await select(tui, 'LightsailFullAccessGroup');
	await tick();
};

const lightsailOps = roleOf('LightsailOps', {trust: trustPolicy(trusts(userArn('ana.silva'))), inline: {all: policy(allow('lightsail:*'))}});

describe('group-change preview through roles', () => {
	it('x on a group: "still reaches lightsail:* through role LightsailOps" instead of "loses lightsail:*"', async () => {
		const {tui, gateway} = start({snapshot: fixtureSnapshot({roles: [...fixtureRoles, lightsailOps]}), columns: 160});
		await toLightsailGroup(tui);
		tui.write('x');
		const plan = await tui.waitFor('still reaches lightsail:*');
		expect(plan).toContain('Remove ana.silva from group LightsailFullAccessGroup');
		expect(plan).toContain('still reaches lightsail:* through role LightsailOps — access is not revoked');
		expect(plan).not.toContain('loses lightsail:*');
		expect(plan).toContain('loses LightsailFullAccessPolicy');
		expect(writesOf(gateway)).toEqual([]);
	});

	it('without the role the same removal still says it revokes', async () => {
		const {tui} = start({snapshot: fixtureSnapshot({roles: fixtureRoles}), columns: 160});
		await toLightsailGroup(tui);
		tui.write('x');
		const plan = await tui.waitFor('loses lightsail:*');
		expect(plan).not.toContain('through role');
	});
});
