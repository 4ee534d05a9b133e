// With request context given, the role paths it takes away are named with what decided: a trust condition that
// does not hold, or the role's own condition; without context, or when the context takes nothing, none.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, throughRoles} from '../../source/model/access.js';
import {refusedByContext} from '../../source/model/access/context-refused.js';
import {principalFor} from '../../source/model/access/model.js';
import {accountWithRoles, allow, policy, ROOT, roleArn, trustPolicy, trusts, userArn} from '../fixtures/roles.js';

const MFA = {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}};
const OFFICE = {Condition: {IpAddress: {'aws:SourceIp': '10.0.0.0/8'}}};
const index = accountWithRoles({
	users: {ana: {inline: {a: policy(allow('sts:AssumeRole', roleArn('FromOffice')))}}},
	roles: {
		WithMfa: {trust: trustPolicy(trusts(userArn('ana'), MFA)), inline: {ec2: policy(allow('ec2:*'))}},
		FromOffice: {trust: trustPolicy(trusts(ROOT)), inline: {ec2: policy(allow('ec2:*', '*', OFFICE))}},
	},
});

const refusedWith = async (context: Record<string, string> | undefined) => {
	const model = buildAccessModel(index, context);
	const ana = principalFor(model, 'user', 'ana')!;
	const kept = await throughRoles(model, ana, 'ec2:TerminateInstances', '*');
	return {kept: kept.map(p => p.role), refused: await refusedByContext(model, ana, 'ec2:TerminateInstances', '*', kept)};
};

describe('role paths the request context takes away', () => {
	it('a trust condition that does not hold, and a role condition that does not: each named with what decided', async () => {
		const {kept, refused} = await refusedWith({'aws:MultiFactorAuthPresent': 'false', 'aws:SourceIp': '192.0.2.1'});
		expect(kept).toEqual([]);
		expect([...refused].sort((a, b) => a.role.localeCompare(b.role))).toEqual([
			{role: 'FromOffice', decided: ['decided by aws:SourceIp=192.0.2.1: IpAddress aws:SourceIp 10.0.0.0/8 does not hold (role FromOffice)']},
			{role: 'WithMfa', decided: ['decided by aws:MultiFactorAuthPresent=false: Bool aws:MultiFactorAuthPresent true does not hold (trust policy of WithMfa, statement #1)']},
		]);
	});

	it('none when the context takes nothing away, or without context', async () => {
		expect((await refusedWith({'aws:MultiFactorAuthPresent': 'true', 'aws:SourceIp': '10.1.2.3'})).refused).toEqual([]);
		expect((await refusedWith(undefined)).refused).toEqual([]);
		// Without context both paths are there (Conditional): what the first case refused was reachable.
		const open = buildAccessModel(index);
		expect((await throughRoles(open, principalFor(open, 'user', 'ana')!, 'ec2:TerminateInstances', '*')).map(p => p.role).sort()).toEqual(['FromOffice', 'WithMfa']);
	});
});
