// Headless remove-from-group --dry-run through the built binary against the seeded demo (moto): kwame.mensah
// (Ops, whose policy may assume the Admin role) joins LightsailFullAccessGroup; the removal's preview says he
// still reaches lightsail:* through role Admin instead of implying it is revoked.
import {expect, it} from 'vitest';
import {ADMIN_ROLE, LIGHTSAIL, OPS} from '../../scripts/seed.js';
import {createGateway} from '../../source/aws/gateway.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {describeWithMoto, useSeededDemoMoto} from '../helpers/with-moto.js';

describeWithMoto('remove-from-group --dry-run through roles (moto)', () => {
	const {moto} = useSeededDemoMoto();

	it('says "still reaches lightsail:* through role Admin", sends nothing', async () => {
		const kwame = OPS.members[0];
		await createGateway({endpoint: moto().endpoint, maxAttempts: 3}).addUserToGroup({user: kwame, group: LIGHTSAIL.group});
		const run = (...args: string[]) => runCli([...args, '--endpoint-url', moto().endpoint], motoEnvironment());
		const dry = await run('remove-from-group', kwame, LIGHTSAIL.group, '--dry-run');
		expect(dry.stderr).toBe('');
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain(`still reaches lightsail:* through role ${ADMIN_ROLE.role} — access is not revoked`);
		expect(dry.stdout).not.toContain('loses lightsail:*');
		expect(dry.stdout).toContain('(dry run: nothing was sent)');
		// A member with no role path: the same removal revokes.
		const ana = await run('remove-from-group', LIGHTSAIL.consoleUser, LIGHTSAIL.group, '--dry-run');
		expect(ana.stdout).toContain('loses lightsail:*');
		expect(ana.stdout).not.toContain('through role');
		expect(ana.stdout).not.toContain('assume');
		// Out of Ops, whose policy allowed sts:AssumeRole on Admin: the role itself is said to go.
		const ops = await run('remove-from-group', kwame, OPS.group, '--dry-run');
		expect(ops.code).toBe(0);
		expect(ops.stdout).toContain(`can no longer assume role ${ADMIN_ROLE.role}`);
	});
});
