// `can` through roles, as a script runs it: the built binary on the demo export (--from-file). The Ops member
// may not terminate instances by their own policies, but may assume the account-trusted Admin role: exit 0
// with the role path; --direct gives the identity-only answer (exit 1); a role answers by name.
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ADMIN_ROLE, OPS} from '../../scripts/seed.js';
import {motoEnvironment, root, runCli} from '../helpers/cli.js';

const demoExport = path.join(root, 'demo', 'demo-account.json');
const member = OPS.members[0];

describe('can through roles (binary, demo export)', () => {
	const env = motoEnvironment();
	const can = (...args: string[]) => runCli(['can', ...args, '--from-file', demoExport], env);

	it('answers through the Admin role, and only by identity policies with --direct', async () => {
		const text = await can(member, 'ec2:TerminateInstances');
		expect(text.code).toBe(0);
		expect(text.stdout).toContain(`${member} ec2:TerminateInstances on *: ImplicitDeny directly; Allowed through roles`);
		expect(text.stdout).toContain(`through role ${ADMIN_ROLE.role}: Allowed: group ${OPS.group} → inline policy ${OPS.inlinePolicy} → statement #1 → assume role ${ADMIN_ROLE.role} (trust statement #1: the account)`);

		const json = await can(member, 'ec2:TerminateInstances', '--json');
		expect(json.code).toBe(0);
		expect(JSON.parse(json.stdout)).toMatchObject({UserName: member, Decision: 'ImplicitDeny', WidestDecision: 'Allowed', ThroughRoles: [{RoleName: ADMIN_ROLE.role, Decision: 'Allowed', Path: [{UserName: member, AssumeRoleName: ADMIN_ROLE.role, Statements: [{GroupName: OPS.group, PolicyName: OPS.inlinePolicy}]}]}]});

		const direct = await can(member, 'ec2:TerminateInstances', '--direct', '--json');
		expect(direct.code).toBe(1);
		expect(JSON.parse(direct.stdout)).not.toHaveProperty('ThroughRoles');
	});

	it('the summary says what the roles alone give: Allowed directly, Conditional (MFA) through roles, never "Allowed through roles"', async () => {
		// ana.silva reads Lightsail through her group; the Deploy role trusts her only with MFA.
		const text = await can('ana.silva', 'lightsail:GetInstances');
		expect(text.code).toBe(0);
		expect(text.stdout).toContain('ana.silva lightsail:GetInstances on *: Allowed directly; Conditional through roles');
		expect(text.stdout).toMatch(/through role \S+: Conditional: assume role Deploy/);
	});

	it('a role by name answers for itself', async () => {
		const role = await can(ADMIN_ROLE.role, 'ec2:TerminateInstances', '--json');
		expect(role.code).toBe(0);
		expect(JSON.parse(role.stdout)).toMatchObject({RoleName: ADMIN_ROLE.role, Decision: 'Allowed'});
	});
});
