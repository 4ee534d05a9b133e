import {describe, expect, it} from 'vitest';
import {buildAccessModel, explain, throughRoles, whoCan, type WhoCanAnswer} from '../../source/model/access.js';
import {principalFor} from '../../source/model/access/model.js';
import {ROOT, accountWithRoles, allow, policy, roleArn, trustPolicy, trusts, userArn, type AccountSpec} from '../fixtures/roles.js';

const MFA = {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}};

/** W9's account: developers may assume an account-trusted Admin; Deploy trusts ops directly with MFA; Deploy chains to ReadOnlyAudit. */
const w9 = (devGroups = ['Developers']): AccountSpec => ({
	users: {dev: {groups: devGroups}, ops: {}, nobody: {}},
	groups: {Developers: {inline: {AssumeAdmin: policy(allow('sts:AssumeRole', roleArn('Admin')))}}},
	roles: {
		Admin: {trust: trustPolicy(trusts(ROOT)), inline: {Everything: policy(allow('*'))}},
		Deploy: {trust: trustPolicy(trusts(userArn('ops'), MFA)), inline: {Terminate: policy(allow('ec2:TerminateInstances'), allow('sts:AssumeRole', roleArn('ReadOnlyAudit')))}},
		ReadOnlyAudit: {trust: trustPolicy(trusts(roleArn('Deploy'))), inline: {Describe: policy(allow('ec2:Describe*'))}},
		Ec2Service: {trust: trustPolicy(trusts({Service: 'ec2.amazonaws.com'})), inline: {Ec2: policy(allow('ec2:*'))}},
	},
});

const answer = async (spec: AccountSpec, action: string): Promise<WhoCanAnswer> => {
	const result = await whoCan(buildAccessModel(accountWithRoles(spec)), action);
	if (!result.ok) throw new Error(result.message);
	return result;
};

describe('who-can through roles', () => {
	it('lists the developer through the Admin role with the whole path, and the Deploy user as Conditional (MFA)', async () => {
		const result = await answer(w9(), 'ec2:TerminateInstances');
		const dev = result.users.find(u => u.name === 'dev')!;
		expect(dev.decision).toBe('Allowed');
		expect(dev.via).toEqual([]);
		const [path] = dev.throughRoles!;
		expect(path!.role).toBe('Admin');
		expect(path!.steps).toHaveLength(1);
		expect(path!.steps[0]!.identity[0]!.source).toEqual({kind: 'inline', name: 'AssumeAdmin', viaGroup: 'Developers'});
		expect(path!.steps[0]!.trust).toMatchObject({role: 'Admin', statementIndex: 1, principal: 'account'});
		expect(path!.via[0]!.statement.source).toEqual({kind: 'inline', name: 'Everything', role: 'Admin'});

		const ops = result.users.find(u => u.name === 'ops')!;
		expect(ops.decision).toBe('Conditional');
		expect(ops.throughRoles!.map(p => p.role)).toEqual(['Deploy']);
		expect(ops.throughRoles![0]!.steps[0]!.conditions).toEqual([expect.objectContaining({key: 'aws:MultiFactorAuthPresent', where: 'trust', values: ['true']})]);
		expect(result.users.map(u => u.name)).toEqual(['dev', 'ops']);
	});

	it('lists roles as rows of their own, and names service principals without counting them', async () => {
		const result = await answer(w9(), 'ec2:TerminateInstances');
		expect(result.roles.map(r => [r.name, r.kind, r.decision])).toEqual([
			['Admin', 'role', 'Allowed'],
			['Deploy', 'role', 'Allowed'],
			['Ec2Service', 'role', 'Allowed'],
		]);
		expect(result.roleNotes).toContainEqual({role: 'Ec2Service', note: 'service ec2.amazonaws.com'});
	});

	it('follows a chain: ops reaches ReadOnlyAudit through Deploy', async () => {
		const result = await answer(w9(), 'ec2:DescribeInstances');
		const ops = result.users.find(u => u.name === 'ops')!;
		const chain = ops.throughRoles!.find(p => p.role === 'ReadOnlyAudit')!;
		expect(chain.steps.map(s => `${s.caller.name}→${s.role}`)).toEqual(['ops→Deploy', 'Deploy→ReadOnlyAudit']);
		expect(chain.decision).toBe('Conditional');
	});

	it('removing the developer from the group removes them from the answer', async () => {
		const result = await answer(w9([]), 'ec2:TerminateInstances');
		expect(result.users.map(u => u.name)).toEqual(['ops']);
	});

	it('a user with a direct grant keeps it and gains the role path; the identity-only explain is unchanged', async () => {
		const spec = w9();
		spec.users!.dev!.inline = {Own: policy(allow('ec2:TerminateInstances'))};
		const model = buildAccessModel(accountWithRoles(spec));
		const result = await whoCan(model, 'ec2:TerminateInstances');
		if (!result.ok) throw new Error(result.message);
		const dev = result.users.find(u => u.name === 'dev')!;
		expect(dev.via.map(v => v.statement.source.name)).toEqual(['Own']);
		expect(dev.throughRoles!.map(p => p.role)).toEqual(['Admin']);
		const direct = await explain(model, 'nobody', 'ec2:TerminateInstances');
		expect(direct.ok && direct.decision).toBe('ImplicitDeny');
		expect(await throughRoles(model, principalFor(model, 'user', 'nobody')!, 'ec2:TerminateInstances', '*')).toEqual([]);
	});

	it('roles holding the same statement through different policies each name their own; a boundary without the action leaves a role out', async () => {
		const result = await answer(
			{
				managed: {Terminate: policy(allow('ec2:TerminateInstances')), OnlyS3: policy(allow('s3:*'))},
				roles: {
					ByManaged: {trust: trustPolicy(trusts({Service: 'ec2.amazonaws.com'})), managed: ['Terminate']},
					ByInline: {trust: trustPolicy(trusts({Service: 'ec2.amazonaws.com'})), inline: {Mine: policy(allow('ec2:TerminateInstances'))}},
					Bounded: {trust: trustPolicy(trusts({Service: 'ec2.amazonaws.com'})), managed: ['Terminate'], boundary: 'OnlyS3'},
				},
			},
			'ec2:TerminateInstances',
		);
		expect(result.roles.map(r => [r.name, r.via.map(v => `${v.statement.source.kind} ${v.statement.source.name} #${v.statement.statementIndex}`)])).toEqual([
			['ByInline', ['inline Mine #1']],
			['ByManaged', ['managed Terminate #1']],
		]);
	});

	it('an account trust that also denies one user: that user is left out, the others stay', async () => {
		const spec = w9();
		spec.users!.dev2 = {groups: ['Developers']};
		spec.roles!.Admin!.trust = trustPolicy(trusts(ROOT), {Effect: 'Deny', Principal: {AWS: userArn('dev2')}, Action: 'sts:AssumeRole'});
		const result = await answer(spec, 'ec2:TerminateInstances');
		expect(result.users.map(u => u.name)).toEqual(['dev', 'ops']);
	});
});
