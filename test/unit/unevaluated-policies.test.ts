// A policy that could not be evaluated may allow or deny what it may speak of, so answers it could change are
// Conditional on it — for users and groups (access.test, access-who-can-fast), and for roles: a role's own
// such policy makes its row Conditional (a row of its own when nothing else grants), and people who may assume
// it reach the action through it Conditionally. One read but refused speaks only of what its Action names.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, rolePrincipal, throughRoles, whoCan} from '../../source/model/access.js';
import {explainFor} from '../../source/model/access/explain.js';
import {principalFor} from '../../source/model/access/model.js';
import {roleByName} from '../../source/model/access/roles.js';
import {accountWithRoles, allow, deny, policy, ROOT, roleArn, trustPolicy, trusts} from '../fixtures/roles.js';

const index = accountWithRoles({
	users: {ana: {inline: {assume: policy(allow('sts:AssumeRole', roleArn('*')))}}},
	roles: {
		// Cut short: not JSON, it may speak of anything.
		Broken: {trust: trustPolicy(trusts(ROOT)), inline: {half: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"'}},
		// No Resource: refused, but it speaks of s3 only.
		S3Only: {trust: trustPolicy(trusts(ROOT)), inline: {s3: policy({Effect: 'Allow', Action: 's3:GetObject'})}},
		Sure: {trust: trustPolicy(trusts(ROOT)), inline: {ec2: policy(allow('ec2:StopInstances'))}},
		// A known explicit deny settles ec2 whatever the unreadable policy says.
		Denied: {trust: trustPolicy(trusts(ROOT)), inline: {half: '{"Statement": [', no: policy(deny('ec2:*'))}},
	},
});

const ask = async (action: string) => {
	const answer = await whoCan(buildAccessModel(index), action);
	if (!answer.ok) throw new Error(answer.message);
	return answer;
};

describe('roles with a policy that could not be evaluated', () => {
	it("a role's unreadable policy: its row is Conditional on it, and ana reaches the action through it Conditionally", async () => {
		const answer = await ask('ec2:TerminateInstances');
		expect(answer.roles.map(r => [r.name, r.decision, r.conditions.map(c => `${c.key} ${c.operator}`)])).toEqual([
			['Broken', 'Conditional', ['the policy half could not be evaluated: it may allow or deny']],
		]);
		expect(answer.users.map(u => [u.name, u.decision, u.throughRoles?.map(p => p.role)])).toEqual([['ana', 'Conditional', ['Broken']]]);
		const model = buildAccessModel(index);
		expect((await throughRoles(model, principalFor(model, 'user', 'ana')!, 'ec2:TerminateInstances', '*')).map(p => [p.role, p.decision])).toEqual([['Broken', 'Conditional']]);
	});

	it('a known explicit deny stays certain: no row for ec2, Conditional for s3 (the unreadable policy may speak of it)', async () => {
		expect((await ask('ec2:TerminateInstances')).roles.map(r => r.name)).not.toContain('Denied');
		expect((await ask('s3:GetObject')).roles.map(r => r.name)).toContain('Denied');
		const model = buildAccessModel(index);
		const denied = await explainFor(model, rolePrincipal(model, roleByName(model, 'Denied')!), 'ec2:TerminateInstances');
		expect(denied.ok && [denied.decision, denied.notes]).toEqual(['ExplicitDeny', []]);
	});

	it('a role whose refused policy speaks of s3 only: no row for ec2, Conditional for s3; a sure grant beside it stays Allowed', async () => {
		expect((await ask('s3:GetObject')).roles.map(r => [r.name, r.decision])).toEqual([
			['Broken', 'Conditional'],
			['Denied', 'Conditional'],
			['S3Only', 'Conditional'],
		]);
		expect((await ask('ec2:StopInstances')).roles.map(r => [r.name, r.decision])).toEqual([
			['Broken', 'Conditional'],
			['Sure', 'Allowed'],
		]);
	});

	it('can ROLE: Conditional with the note where the policy may speak of the action, a certain deny where it cannot', async () => {
		const model = buildAccessModel(index);
		const s3Only = rolePrincipal(model, roleByName(model, 'S3Only')!);
		const s3 = await explainFor(model, s3Only, 's3:GetObject');
		expect(s3.ok && [s3.decision, s3.notes]).toEqual(['Conditional', ['the policy s3 could not be evaluated: it may allow or deny s3:GetObject']]);
		const ec2 = await explainFor(model, s3Only, 'ec2:TerminateInstances');
		expect(ec2.ok && ec2.decision).toBe('ImplicitDeny');
	});
});
