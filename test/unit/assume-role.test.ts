import {describe, expect, it} from 'vitest';
import {assumableRoles, buildAccessModel, canAssume, findRole, outsideTrust, rolePrincipal, trustOf, whoCanAssume, type AssumeStep, type Decision} from '../../source/model/access.js';
import {principalFor} from '../../source/model/access/model.js';
import {
	ACCOUNT, OTHER_ACCOUNT, ROOT, accountWithRoles, allow, deny, policy, roleArn, trustPolicy, trusts, userArn,
	type RoleSpec, type UserSpec,
} from '../fixtures/roles.js';

const TARGET = roleArn('Target');
const ASSUME_TARGET = policy(allow('sts:AssumeRole', TARGET));
const MFA = {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}};

interface Case {
	name: string;
	trust: string;
	ana?: UserSpec;
	managed?: Record<string, string>;
	groups?: Record<string, {inline?: Record<string, string>}>;
	expected: Decision;
	/** The trust statement's principal form, when admitted. */
	how?: 'account' | 'direct';
	/** A condition key the answer must show. */
	condition?: string;
	/** Text the reason must contain. */
	reason?: RegExp;
	/** Text outsideTrust must name. */
	outside?: RegExp;
}

const cases: Case[] = [
	{name: 'account root ARN + identity allow', trust: trustPolicy(trusts(ROOT)), ana: {inline: {a: ASSUME_TARGET}}, expected: 'Allowed', how: 'account'},
	{name: 'bare account id + identity allow', trust: trustPolicy(trusts(ACCOUNT)), ana: {inline: {a: ASSUME_TARGET}}, expected: 'Allowed', how: 'account'},
	{name: 'account trust, identity allow missing', trust: trustPolicy(trusts(ROOT)), expected: 'ImplicitDeny', reason: /no identity policy/},
	{name: 'account trust, identity allows another role only', trust: trustPolicy(trusts(ROOT)), ana: {inline: {a: policy(allow('sts:AssumeRole', roleArn('Other')))}}, expected: 'ImplicitDeny'},
	{name: 'account trust, allow through a group', trust: trustPolicy(trusts(ROOT)), ana: {groups: ['Devs']}, groups: {Devs: {inline: {assume: ASSUME_TARGET}}}, expected: 'Allowed', how: 'account'},
	{name: 'account trust, identity allow sts:* on *', trust: trustPolicy(trusts(ROOT)), ana: {inline: {a: policy(allow('sts:*'))}}, expected: 'Allowed'},
	{name: 'account trust, explicit identity deny on sts:AssumeRole', trust: trustPolicy(trusts(ROOT)), ana: {inline: {a: policy(allow('sts:AssumeRole'), deny('sts:AssumeRole', TARGET))}}, expected: 'ExplicitDeny', reason: /denies/},
	{name: 'account trust, boundary without sts:AssumeRole', trust: trustPolicy(trusts(ROOT)), ana: {inline: {a: ASSUME_TARGET}, boundary: 'B'}, managed: {B: policy(allow('s3:*'))}, expected: 'ImplicitDeny', reason: /boundary/},
	{name: 'account trust, boundary allows sts:*', trust: trustPolicy(trusts(ROOT)), ana: {inline: {a: ASSUME_TARGET}, boundary: 'B'}, managed: {B: policy(allow('sts:*'))}, expected: 'Allowed'},
	{name: 'user ARN trust, no identity allow needed', trust: trustPolicy(trusts(userArn('ana'))), expected: 'Allowed', how: 'direct'},
	{name: 'user ARN trust among several principals', trust: trustPolicy(trusts({AWS: [userArn('bob'), userArn('ana')]})), expected: 'Allowed', how: 'direct'},
	{name: 'user ARN trust, explicit identity deny still denies', trust: trustPolicy(trusts(userArn('ana'))), ana: {inline: {d: policy(deny('sts:AssumeRole'))}}, expected: 'ExplicitDeny'},
	{name: 'user ARN trust, boundary without sts:AssumeRole does not limit it', trust: trustPolicy(trusts(userArn('ana'))), ana: {boundary: 'B'}, managed: {B: policy(allow('s3:*'))}, expected: 'Allowed', how: 'direct'},
	{name: 'user ARN trust, explicit deny in the boundary denies', trust: trustPolicy(trusts(userArn('ana'))), ana: {boundary: 'B'}, managed: {B: policy(allow('*'), deny('sts:AssumeRole'))}, expected: 'ExplicitDeny'},
	{name: 'trust names another user', trust: trustPolicy(trusts(userArn('bob'))), ana: {inline: {a: ASSUME_TARGET}}, expected: 'ImplicitDeny', reason: /does not name/},
	{name: 'trust names the user by unique id', trust: trustPolicy(trusts('AIDAANA0')), expected: 'Allowed', how: 'direct'},
	{name: 'MFA condition → Conditional', trust: trustPolicy(trusts(userArn('ana'), MFA)), expected: 'Conditional', condition: 'aws:MultiFactorAuthPresent'},
	{name: 'ExternalId condition on account trust → Conditional', trust: trustPolicy(trusts(ROOT, {Condition: {StringEquals: {'sts:ExternalId': 'x-1'}}})), ana: {inline: {a: ASSUME_TARGET}}, expected: 'Conditional', condition: 'sts:ExternalId'},
	{name: 'SourceIdentity condition → Conditional', trust: trustPolicy(trusts(userArn('ana'), {Condition: {StringLike: {'sts:SourceIdentity': 'ana*'}}})), expected: 'Conditional', condition: 'sts:SourceIdentity'},
	{name: 'PrincipalTag condition → Conditional', trust: trustPolicy(trusts(ROOT, {Condition: {StringEquals: {'aws:PrincipalTag/team': 'ops'}}})), ana: {inline: {a: ASSUME_TARGET}}, expected: 'Conditional', condition: 'aws:PrincipalTag/team'},
	{name: 'identity allow with an MFA condition → Conditional', trust: trustPolicy(trusts(ROOT)), ana: {inline: {a: policy(allow('sts:AssumeRole', TARGET, MFA))}}, expected: 'Conditional', condition: 'aws:MultiFactorAuthPresent'},
	{name: '"*" principal is outside trust, not counted', trust: trustPolicy(trusts('*')), ana: {inline: {a: ASSUME_TARGET}}, expected: 'ImplicitDeny', outside: /\* \(anyone/},
	{name: '{"AWS": "*"} is outside trust, not counted', trust: trustPolicy({Effect: 'Allow', Principal: {AWS: '*'}, Action: 'sts:AssumeRole'}), ana: {inline: {a: ASSUME_TARGET}}, expected: 'ImplicitDeny', outside: /anyone/},
	{name: 'other account root', trust: trustPolicy(trusts(`arn:aws:iam::${OTHER_ACCOUNT}:root`)), ana: {inline: {a: ASSUME_TARGET}}, expected: 'ImplicitDeny', outside: new RegExp(`${OTHER_ACCOUNT}.*another account`)},
	{name: 'other account user of the same name', trust: trustPolicy(trusts(userArn('ana', OTHER_ACCOUNT))), expected: 'ImplicitDeny', outside: /another account/},
	{name: 'service principal', trust: trustPolicy(trusts({Service: 'ec2.amazonaws.com'})), ana: {inline: {a: ASSUME_TARGET}}, expected: 'ImplicitDeny', outside: /service ec2\.amazonaws\.com/},
	{name: 'federated principal', trust: trustPolicy({Effect: 'Allow', Principal: {Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/Okta`}, Action: 'sts:AssumeRoleWithSAML'}), ana: {inline: {a: ASSUME_TARGET}}, expected: 'ImplicitDeny', outside: /federated .*saml-provider\/Okta/},
	{name: 'Deny in the trust policy applies', trust: trustPolicy(trusts(ROOT), {Effect: 'Deny', Principal: {AWS: userArn('ana')}, Action: 'sts:AssumeRole'}), ana: {inline: {a: ASSUME_TARGET}}, expected: 'ExplicitDeny', reason: /trust policy of Target denies/},
	{name: 'conditional Deny in the trust → Conditional', trust: trustPolicy(trusts(userArn('ana')), {Effect: 'Deny', Principal: {AWS: userArn('ana')}, Action: 'sts:AssumeRole', Condition: {Bool: {'aws:SecureTransport': 'false'}}}), expected: 'Conditional', condition: 'aws:SecureTransport'},
	{name: 'NotPrincipal Allow is reported, not counted', trust: trustPolicy({Effect: 'Allow', NotPrincipal: {AWS: userArn('bob')}, Action: 'sts:AssumeRole'}), ana: {inline: {a: ASSUME_TARGET}}, expected: 'ImplicitDeny', outside: /NotPrincipal/},
	{name: 'NotPrincipal Deny denies everyone not listed', trust: trustPolicy(trusts(ROOT), {Effect: 'Deny', NotPrincipal: {AWS: userArn('bob')}, Action: 'sts:AssumeRole'}), ana: {inline: {a: ASSUME_TARGET}}, expected: 'ExplicitDeny'},
	{name: 'NotPrincipal Deny spares those listed', trust: trustPolicy(trusts(ROOT), {Effect: 'Deny', NotPrincipal: {AWS: userArn('ana')}, Action: 'sts:AssumeRole'}), ana: {inline: {a: ASSUME_TARGET}}, expected: 'Allowed'},
	{name: 'malformed JSON', trust: '{"Statement": [', ana: {inline: {a: ASSUME_TARGET}}, expected: 'ImplicitDeny', reason: /could not be read/, outside: /malformed/},
	{name: 'trust that is not an object', trust: '"just text"', expected: 'ImplicitDeny', reason: /could not be read/},
	{name: 'empty trust policy', trust: '', expected: 'ImplicitDeny', reason: /could not be read/},
	{name: 'statement without a principal', trust: trustPolicy({Effect: 'Allow', Action: 'sts:AssumeRole'}), ana: {inline: {a: ASSUME_TARGET}}, expected: 'ImplicitDeny', outside: /names no principal/},
	{name: 'principal of an unknown form', trust: trustPolicy(trusts({CanonicalUser: 'abc'})), expected: 'ImplicitDeny', outside: /unknown principal/},
	{name: 'trust for another action only', trust: trustPolicy({Effect: 'Allow', Principal: {AWS: userArn('ana')}, Action: 'sts:TagSession'}), expected: 'ImplicitDeny'},
	{name: 'trust Action sts:* covers AssumeRole', trust: trustPolicy({Effect: 'Allow', Principal: {AWS: userArn('ana')}, Action: 'sts:*'}), expected: 'Allowed'},
];

const answerFor = async (c: Case): Promise<{step: AssumeStep; outside: string[]}> => {
	const index = accountWithRoles({
		users: {ana: c.ana ?? {}, bob: {}},
		groups: c.groups ?? {},
		managed: c.managed ?? {},
		roles: {Target: {trust: c.trust, inline: {admin: policy(allow('*'))}}},
	});
	const model = buildAccessModel(index);
	const role = findRole(model, 'Target')!;
	const step = await canAssume(model, principalFor(model, 'user', 'ana')!, role);
	return {step, outside: outsideTrust(trustOf(role), ACCOUNT)};
};

describe('who can assume a role (same account), trust table', () => {
	it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));
	it.each(cases)('$name → $expected', async c => {
		const {step, outside} = await answerFor(c);
		expect(step.decision).toBe(c.expected);
		if (c.how) expect(step.trust?.principal).toBe(c.how);
		if (c.condition) expect(step.conditions.map(x => x.key)).toContain(c.condition);
		if (c.expected !== 'Conditional') expect(step.conditions).toEqual([]);
		if (c.reason) expect(step.reason).toMatch(c.reason);
		if (c.outside) expect(outside.join('\n')).toMatch(c.outside);
	});

	it('account trust: the path names the group, policy and statement that allow sts:AssumeRole', async () => {
		const {step} = await answerFor(cases[4]!);
		expect(step.identity).toEqual([expect.objectContaining({source: {kind: 'inline', name: 'assume', viaGroup: 'Devs'}, statementIndex: 1, effect: 'Allow'})]);
		expect(step.trust).toEqual({role: 'Target', statementIndex: 1, principal: 'account', effect: 'Allow'});
	});
});

const roleCase = (caller: RoleSpec, trust: string, managed: Record<string, string> = {}) => {
	const model = buildAccessModel(accountWithRoles({managed, roles: {Caller: caller, Target: {trust}}}));
	return canAssume(model, rolePrincipal(model, findRole(model, 'Caller')!), findRole(model, 'Target')!);
};

describe('a role assuming a role', () => {
	const callerTrust = trustPolicy(trusts({Service: 'ec2.amazonaws.com'}));
	it('trust naming the role ARN needs no identity allow', async () => {
		expect((await roleCase({trust: callerTrust}, trustPolicy(trusts(roleArn('Caller'))))).decision).toBe('Allowed');
	});
	it('trust naming the role ARN is limited by an implicit deny in its boundary', async () => {
		const step = await roleCase({trust: callerTrust, boundary: 'B'}, trustPolicy(trusts(roleArn('Caller'))), {B: policy(allow('s3:*'))});
		expect(step.decision).toBe('ImplicitDeny');
		expect(step.reason).toMatch(/boundary of role Caller/);
	});
	it('account trust needs the role identity allow', async () => {
		expect((await roleCase({trust: callerTrust}, trustPolicy(trusts(ROOT)))).decision).toBe('ImplicitDeny');
		expect((await roleCase({trust: callerTrust, inline: {a: ASSUME_TARGET}}, trustPolicy(trusts(ROOT)))).decision).toBe('Allowed');
	});
});

describe('role chaining', () => {
	it('follows a chain of 3 and stops at the cycle back to the first role', async () => {
		const model = buildAccessModel(
			accountWithRoles({
				users: {ana: {inline: {a: policy(allow('sts:AssumeRole', roleArn('A')))}}},
				roles: {
					A: {trust: trustPolicy(trusts(ROOT), trusts(roleArn('C')))},
					B: {trust: trustPolicy(trusts(roleArn('A')))},
					C: {trust: trustPolicy(trusts(roleArn('B')))},
				},
			}),
		);
		const reach = await assumableRoles(model, principalFor(model, 'user', 'ana')!);
		expect(reach.map(r => [r.role.name, r.steps.map(s => `${s.caller.name}→${s.role}`).join(' ')])).toEqual([
			['A', 'ana→A'],
			['B', 'ana→A A→B'],
			['C', 'ana→A A→B B→C'],
		]);
		// From C the cycle leads back to A: seen, not followed again.
		const fromC = await assumableRoles(model, rolePrincipal(model, findRole(model, 'C')!));
		expect(fromC.map(r => r.role.name)).toEqual(['A', 'B']);
	});
});

describe('roles admitted through the account, shared between roles of one signature', () => {
	// Ops and Dev may assume any role (one signature for A and B); A's trust also names Ops, B's only the
	// account. The answer shared between them must not carry over who A's trust names: Ops still assumes B.
	const model = () =>
		buildAccessModel(
			accountWithRoles({
				roles: {
					Ops: {trust: trustPolicy(trusts({Service: 'ec2.amazonaws.com'})), inline: {a: policy(allow('sts:AssumeRole', roleArn('*')))}},
					Dev: {trust: trustPolicy(trusts({Service: 'ec2.amazonaws.com'})), inline: {a: policy(allow('sts:AssumeRole', roleArn('*')))}},
					A: {trust: trustPolicy(trusts(ROOT), trusts(roleArn('Ops'), {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}}))},
					B: {trust: trustPolicy(trusts(ROOT))},
				},
			}),
		);
	const callers = (steps: AssumeStep[]) => steps.map(s => [s.caller.name, s.decision]);
	it.each([
		['A then B', ['A', 'B']],
		['B then A', ['B', 'A']],
	])('asked %s: each role answers as canAssume does', async (_order, order) => {
		const account = model();
		const ops = rolePrincipal(account, findRole(account, 'Ops')!);
		const answers: Record<string, AssumeStep[]> = {};
		for (const name of order) answers[name] = await whoCanAssume(account, findRole(account, name)!);
		for (const name of order) {
			const step = await canAssume(account, ops, findRole(account, name)!);
			expect(callers(answers[name]!.filter(s => s.caller.name === 'Ops'))).toEqual([['Ops', step.decision]]);
		}
		expect(callers(answers['B']!)).toEqual([['Ops', 'Allowed'], ['Dev', 'Allowed']]);
	});
});

describe('trust conditions with request context given (--context, --mfa)', () => {
	const EXTERNAL = {Condition: {StringEquals: {'sts:ExternalId': 'x-1'}}};
	const stepWith = async (trust: string, context: Record<string, string>, ana: UserSpec = {}) => {
		const model = buildAccessModel(accountWithRoles({users: {ana, bob: {}}, roles: {Target: {trust, inline: {admin: policy(allow('*'))}}}}), context);
		return canAssume(model, principalFor(model, 'user', 'ana')!, findRole(model, 'Target')!);
	};

	it.each([
		['MFA given: the trust condition holds → Allowed, saying what decided', trustPolicy(trusts(userArn('ana'), MFA)), {'aws:MultiFactorAuthPresent': 'true'}, 'Allowed', /decided by aws:MultiFactorAuthPresent=true: Bool aws:MultiFactorAuthPresent true holds \(trust policy of Target, statement #1\)/],
		['no MFA: it does not hold → ImplicitDeny, saying so', trustPolicy(trusts(userArn('ana'), MFA)), {'aws:MultiFactorAuthPresent': 'false'}, 'ImplicitDeny', /does not hold/],
		['MFA given, ExternalId not: still Conditional', trustPolicy(trusts(userArn('ana'), {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}, StringEquals: {'sts:ExternalId': 'x-1'}}})), {'aws:MultiFactorAuthPresent': 'true'}, 'Conditional', undefined],
		['the ExternalId given on an account trust', trustPolicy(trusts(ROOT, EXTERNAL)), {'sts:ExternalId': 'x-1'}, 'Allowed', /decided by sts:ExternalId=x-1/],
		['a wrong ExternalId', trustPolicy(trusts(ROOT, EXTERNAL)), {'sts:ExternalId': 'nope'}, 'ImplicitDeny', /does not hold/],
		['a conditional Deny the context meets denies', trustPolicy(trusts(userArn('ana')), {Effect: 'Deny', Principal: {AWS: userArn('ana')}, Action: 'sts:AssumeRole', Condition: {Bool: {'aws:SecureTransport': 'false'}}}), {'aws:SecureTransport': 'false'}, 'ExplicitDeny', /holds/],
		['a conditional Deny the context spares', trustPolicy(trusts(userArn('ana')), {Effect: 'Deny', Principal: {AWS: userArn('ana')}, Action: 'sts:AssumeRole', Condition: {Bool: {'aws:SecureTransport': 'false'}}}), {'aws:SecureTransport': 'true'}, 'Allowed', /does not hold/],
	])('%s', async (_name, trust, context, expected, decided) => {
		const step = await stepWith(trust, context, {inline: {a: ASSUME_TARGET}});
		expect(step.decision).toBe(expected);
		if (expected !== 'Conditional') expect(step.conditions).toEqual([]);
		if (decided) expect(step.decided?.join('\n')).toMatch(decided);
		else expect(step.decided).toBeUndefined();
	});

	it('a context key the trust does not read changes nothing', async () => {
		const step = await stepWith(trustPolicy(trusts(userArn('ana'), MFA)), {'aws:SourceIp': '10.1.2.3'});
		expect(step.decision).toBe('Conditional');
		expect(step.decided).toBeUndefined();
	});

	it('whoCanAssume through an account trust (the fast path) settles it too', async () => {
		const spec = {users: {ana: {inline: {a: ASSUME_TARGET}}, bob: {}}, roles: {Target: {trust: trustPolicy(trusts(ROOT, MFA)), inline: {admin: policy(allow('*'))}}}};
		for (const [mfa, expected] of [['true', 'Allowed'], ['false', undefined]] as const) {
			const model = buildAccessModel(accountWithRoles(spec), {'aws:MultiFactorAuthPresent': mfa});
			const steps = await whoCanAssume(model, findRole(model, 'Target')!);
			expect(steps.find(s => s.caller.name === 'ana')?.decision).toBe(expected);
		}
	});
});
