// With request context given, who-can says what the context changed among the principals Conditional without
// it: made Allowed or taken away, each with what decided (its own policy's condition, a trust's, a role's);
// an account trust the context refuses admits nobody through the account, and one it leaves open keeps
// its users Conditional (never wrongly certain). Past the worked-out few, the rest are listed without.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, whoCan} from '../../source/model/access.js';
import {CONTEXT_EFFECTS_WORKED_OUT, contextEffects} from '../../source/model/access/who-can-context.js';
import {accountWithRoles, allow, policy, ROOT, roleArn, trustPolicy, trusts, userArn} from '../fixtures/roles.js';

const MFA = {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}};
const OFFICE = {Condition: {IpAddress: {'aws:SourceIp': '10.0.0.0/8'}}};
const ACTION = 'ec2:TerminateInstances';

const index = accountWithRoles({
	users: {
		ana: {},
		bob: {inline: {ec2: policy(allow('ec2:*', '*', MFA))}},
		carl: {inline: {ec2: policy(allow('ec2:*'))}},
		dee: {inline: {assume: policy(allow('sts:AssumeRole', roleArn('Admin')))}},
		eve: {inline: {assume: policy(allow('sts:AssumeRole', roleArn('Office')))}},
	},
	roles: {
		WithMfa: {trust: trustPolicy(trusts(userArn('ana'), MFA)), inline: {ec2: policy(allow('ec2:*'))}},
		// Trusted by the account, only with MFA: refused for everyone coming through the account when it is absent.
		Admin: {trust: trustPolicy(trusts(ROOT, MFA)), inline: {all: policy(allow('*'))}},
		// Two account statements: MFA, or the office network. MFA refused, the network not given: still open.
		Office: {trust: trustPolicy(trusts(ROOT, MFA), trusts(ROOT, OFFICE)), inline: {ec2: policy(allow('ec2:*'))}},
	},
});

const effectsWith = async (context: Record<string, string>) => {
	const model = buildAccessModel(index, context);
	const answer = await whoCan(model, ACTION);
	if (!answer.ok) throw new Error(answer.message);
	return {answer, effects: (await contextEffects(model, ACTION, '*', answer)).changed};
};

const users = (answer: Awaited<ReturnType<typeof effectsWith>>['answer']) => answer.users.map(u => `${u.name} ${u.decision}`);

describe('who-can with request context: what it changed', () => {
	it('MFA absent: the MFA-bound principals are taken away, each with what decided; the office path stays Conditional', async () => {
		const {answer, effects} = await effectsWith({'aws:MultiFactorAuthPresent': 'false'});
		expect(users(answer)).toEqual(['carl Allowed', 'eve Conditional']);
		expect(effects).toEqual([
			{
				kind: 'user',
				name: 'ana',
				decision: 'NotAllowed',
				decided: [
					'not through role WithMfa',
					'  decided by aws:MultiFactorAuthPresent=false: Bool aws:MultiFactorAuthPresent true does not hold (trust policy of WithMfa, statement #1)',
				],
			},
			{kind: 'user', name: 'bob', decision: 'NotAllowed', decided: ['decided by aws:MultiFactorAuthPresent=false: Bool aws:MultiFactorAuthPresent true does not hold (inline policy ec2 → statement #1)']},
			{
				kind: 'user',
				name: 'dee',
				decision: 'NotAllowed',
				decided: [
					'not through role Admin',
					'  decided by aws:MultiFactorAuthPresent=false: Bool aws:MultiFactorAuthPresent true does not hold (trust policy of Admin, statement #1)',
					// Admin (allowed everything) may assume Office: that chain goes through Admin's trust first.
					'not through role Office',
					'  decided by aws:MultiFactorAuthPresent=false: Bool aws:MultiFactorAuthPresent true does not hold (trust policy of Admin, statement #1)',
				],
			},
		]);
	});

	it('MFA present: the same principals are made Allowed, each with what decided', async () => {
		const {answer, effects} = await effectsWith({'aws:MultiFactorAuthPresent': 'true'});
		expect(users(answer)).toEqual(['ana Allowed', 'bob Allowed', 'carl Allowed', 'dee Allowed', 'eve Allowed']);
		const held = (where: string) => `decided by aws:MultiFactorAuthPresent=true: Bool aws:MultiFactorAuthPresent true holds (${where})`;
		expect(effects).toEqual([
			{kind: 'user', name: 'ana', decision: 'Allowed', decided: [held('trust policy of WithMfa, statement #1')]},
			{kind: 'user', name: 'bob', decision: 'Allowed', decided: [held('inline policy ec2 → statement #1')]},
			{kind: 'user', name: 'dee', decision: 'Allowed', decided: [held('trust policy of Admin, statement #1')]},
			{kind: 'user', name: 'eve', decision: 'Allowed', decided: [held('trust policy of Office, statement #1')]},
		]);
	});

	it('nothing changed without context, or when the context settles nothing the answer hangs on', async () => {
		const model = buildAccessModel(index);
		const answer = await whoCan(model, ACTION);
		if (!answer.ok) throw new Error(answer.message);
		expect((await contextEffects(model, ACTION, '*', answer)).changed).toEqual([]);
		// Without context every MFA-bound principal is Conditional: what the cases above settled was open.
		expect(users(answer)).toEqual(['ana Conditional', 'bob Conditional', 'carl Allowed', 'dee Conditional', 'eve Conditional']);
		expect((await effectsWith({'aws:SourceIp': '192.0.2.1'})).effects).toEqual([]);
	});

	it(`past ${CONTEXT_EFFECTS_WORKED_OUT} principals, the rest are listed without what decided`, async () => {
		const many = Object.fromEntries(Array.from({length: CONTEXT_EFFECTS_WORKED_OUT + 3}, (_, n) => [`u${String(n).padStart(2, '0')}`, {inline: {ec2: policy(allow('ec2:*', '*', MFA))}}]));
		const model = buildAccessModel(accountWithRoles({users: many}), {'aws:MultiFactorAuthPresent': 'false'});
		const answer = await whoCan(model, ACTION);
		if (!answer.ok) throw new Error(answer.message);
		const {changed} = await contextEffects(model, ACTION, '*', answer);
		expect(changed.map(c => c.name)).toEqual(Object.keys(many));
		expect(changed.every(c => c.decision === 'NotAllowed')).toBe(true);
		expect(changed.filter(c => c.decided).map(c => c.name)).toEqual(Object.keys(many).slice(0, CONTEXT_EFFECTS_WORKED_OUT));
	});
});
