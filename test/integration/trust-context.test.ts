// Request context settles trust conditions, as it does identity ones: in the seeded demo (moto), ana.silva may
// assume Deploy only with MFA (its trust names her, with aws:MultiFactorAuthPresent). Without context the
// answer through the role is Conditional; --mfa makes it Allowed, saying what decided; MFA false takes it away
// (who-can says so below its table).
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

	it('who-can --mfa counts her Allowed through Deploy, saying what decided; MFA false says she was taken away', async () => {
		const rows = JSON.parse((await run('who-can', 'ec2:TerminateInstances', '--mfa', '--json')).stdout) as Array<Record<string, unknown>>;
		const held = 'decided by aws:MultiFactorAuthPresent=true: Bool aws:MultiFactorAuthPresent true holds (trust policy of Deploy, statement #1)';
		expect(rows.find(r => r['UserName'] === 'ana.silva')).toMatchObject({Decision: 'Allowed', WithoutContext: 'Conditional', DecidedBy: [held]});
		// Rows Allowed without the context are not said to be settled by it.
		expect(rows.find(r => r['UserName'] === 'dana.kim')).not.toHaveProperty('WithoutContext');
		const open = JSON.parse((await run('who-can', 'ec2:TerminateInstances', '--json')).stdout) as Array<Record<string, unknown>>;
		expect(open.find(r => r['UserName'] === 'ana.silva')).toMatchObject({Decision: 'Conditional'});
		expect(open.some(r => 'WithoutContext' in r)).toBe(false);

		const mfaText = await run('who-can', 'ec2:TerminateInstances', '--mfa');
		expect(mfaText.stdout).toContain(`with the context given (aws:MultiFactorAuthPresent=true), of those Conditional without it:\n  user ana.silva: Allowed\n    ${held}`);
		const without = await run('who-can', 'ec2:TerminateInstances', '--context', 'aws:MultiFactorAuthPresent=false');
		expect(without.code).toBe(0);
		expect(without.stdout).not.toMatch(/^user +ana\.silva/m);
		expect(without.stdout).toContain(
			'with the context given (aws:MultiFactorAuthPresent=false), of those Conditional without it:\n  user ana.silva: not with the context given\n    not through role Deploy\n      decided by aws:MultiFactorAuthPresent=false: Bool aws:MultiFactorAuthPresent true does not hold (trust policy of Deploy, statement #1)',
		);
		expect((await run('who-can', 'ec2:TerminateInstances')).stdout).not.toContain('with the context given');
	});
});
