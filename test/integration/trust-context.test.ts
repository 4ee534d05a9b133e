// Request context settles trust conditions, as it does identity ones: in the seeded demo (moto), ana.silva may
// assume Deploy only with MFA (its trust names her, with aws:MultiFactorAuthPresent). Without context the
// answer through the role is Conditional; --mfa makes it Allowed, saying what decided; MFA false takes it away.
import {expect, it} from 'vitest';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {describeWithMoto, useSeededDemoMoto} from '../helpers/with-moto.js';

describeWithMoto('trust conditions with --mfa / --context (moto, the built binary)', () => {
	const {moto} = useSeededDemoMoto();
	const run = (...args: string[]) => runCli([...args, '--endpoint-url', moto().endpoint], motoEnvironment());

	it('can: Conditional through Deploy, Allowed with --mfa (what decided is said), none with MFA false', async () => {
		const open = await run('can', 'ana.silva', 'ec2:TerminateInstances');
		expect(open.stdout).toContain('Conditional through roles');
		expect(open.stdout).toContain('if aws:MultiFactorAuthPresent Bool true (trust policy)');

		const mfa = await run('can', 'ana.silva', 'ec2:TerminateInstances', '--mfa');
		expect(mfa.code).toBe(0);
		expect(mfa.stdout).toContain('Allowed through roles');
		expect(mfa.stdout).toContain('decided by aws:MultiFactorAuthPresent=true: Bool aws:MultiFactorAuthPresent true holds (trust policy of Deploy, statement #1)');
		expect(mfa.stdout).not.toContain('if aws:MultiFactorAuthPresent');

		const without = await run('can', 'ana.silva', 'ec2:TerminateInstances', '--context', 'aws:MultiFactorAuthPresent=false');
		expect(without.code).toBe(1);
		expect(without.stdout).not.toContain('through role Deploy:');
		// What the context took away is said, with what decided.
		expect(without.stdout).toContain('  not through role Deploy with the context given\n    decided by aws:MultiFactorAuthPresent=false: Bool aws:MultiFactorAuthPresent true does not hold (trust policy of Deploy, statement #1)');
		const json = JSON.parse((await run('can', 'ana.silva', 'ec2:TerminateInstances', '--context', 'aws:MultiFactorAuthPresent=false', '--json')).stdout) as Record<string, unknown>;
		expect(json['RefusedByContext']).toEqual([{RoleName: 'Deploy', Decided: [expect.stringContaining('does not hold (trust policy of Deploy, statement #1)')]}]);
		// Without context nothing is said to be refused.
		expect(open.stdout).not.toContain('with the context given');
	});

	it('who-can --mfa counts her Allowed through Deploy', async () => {
		const rows = JSON.parse((await run('who-can', 'ec2:TerminateInstances', '--mfa', '--json')).stdout) as Array<Record<string, unknown>>;
		expect(rows.find(r => r['UserName'] === 'ana.silva')).toMatchObject({Decision: 'Allowed'});
		const open = JSON.parse((await run('who-can', 'ec2:TerminateInstances', '--json')).stdout) as Array<Record<string, unknown>>;
		expect(open.find(r => r['UserName'] === 'ana.silva')).toMatchObject({Decision: 'Conditional'});
	});
});
