// assumeIdentity (a caller's identity answer for sts:AssumeRole, simulated on its distinct matching
// statements and shared between callers) must give exactly evaluatePrincipal's answer, and its two keys
// must be fine enough: the simulation is kept per (statements, role ARN), the caller's view per principal.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, rolePrincipal} from '../../source/model/access.js';
import {assumeIdentity} from '../../source/model/access/assume-identity.js';
import {evaluatePrincipal, principalFor, type AccessModel, type Principal} from '../../source/model/access/model.js';
import {roleByName} from '../../source/model/access/roles.js';
import {ROOT, accountWithRoles, allow, deny, policy, roleArn, trustPolicy, trusts, type AccountSpec} from '../fixtures/roles.js';

const ASSUME = 'sts:AssumeRole';
const MFA = {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}};
const account = trustPolicy(trusts(ROOT));

const spec: AccountSpec = {
	managed: {
		// The same statement in two policies, with different Sids and beside other statements.
		DeployA: policy({Sid: 'One', ...allow(ASSUME, roleArn('deploy-*'))}, allow('s3:GetObject')),
		DeployB: policy(allow('ec2:*'), {Sid: 'Two', ...allow(ASSUME, roleArn('deploy-*'))}),
		AdminMfa: policy(allow(ASSUME, roleArn('admin-*'), MFA)),
		NoAdmin: policy(deny(ASSUME, roleArn('admin-2'))),
		Boundary: policy(allow('sts:*')),
	},
	groups: {Deployers: {managed: ['DeployA']}, Admins: {managed: ['AdminMfa']}},
	users: {
		both: {groups: ['Deployers'], managed: ['DeployB']},
		deployer: {groups: ['Deployers']},
		admin: {groups: ['Admins']},
		denied: {groups: ['Admins'], managed: ['NoAdmin']},
		bounded: {groups: ['Deployers'], boundary: 'Boundary'},
		self: {inline: {Own: policy(allow(ASSUME, roleArn('${aws:username}')))}},
		nobody: {},
	},
	roles: {
		'deploy-1': {trust: account},
		'admin-1': {trust: account},
		'admin-2': {trust: account},
		self: {trust: account},
		worker: {trust: trustPolicy(trusts({Service: 'ec2.amazonaws.com'})), managed: ['DeployB', 'AdminMfa']},
	},
};

const callers = (model: AccessModel): Principal[] => [
	...Object.keys(spec.users!).map(name => principalFor(model, 'user', name)!),
	rolePrincipal(model, roleByName(model, 'worker')!),
];
const TARGETS = ['deploy-1', 'admin-1', 'admin-2', 'self'].map(name => roleArn(name));

describe('assumeIdentity', () => {
	it('answers as evaluatePrincipal for every caller and role, with the statements in the caller\'s own policies', async () => {
		const shared = buildAccessModel(accountWithRoles(spec));
		const plain = buildAccessModel(accountWithRoles(spec));
		const seen = new Set<string>();
		for (const on of TARGETS) {
			for (const [n, caller] of callers(shared).entries()) {
				const expected = await evaluatePrincipal(plain, callers(plain)[n]!, ASSUME, on);
				const got = await assumeIdentity(shared, caller, on);
				expect(got, `${caller.name} on ${on}`).toEqual(expected);
				if (got.ok) seen.add(got.decision);
			}
		}
		// The table covers every decision, and a statement held twice is listed in both policies.
		expect([...seen].sort()).toEqual(['Allowed', 'Conditional', 'ExplicitDeny', 'ImplicitDeny']);
		const both = await assumeIdentity(shared, principalFor(shared, 'user', 'both')!, roleArn('deploy-1'));
		expect(both.ok && both.statements.map(s => `${s.policyKey}#${s.statementIndex}${s.sid ?? ''}`)).toEqual([
			'arn:aws:iam::123456789012:policy/DeployB#2Two',
			'arn:aws:iam::123456789012:policy/DeployA#1One',
		]);
	});

	it('keeps a simulation per role ARN: allowed on deploy-1 first does not answer admin-1', async () => {
		const model = buildAccessModel(accountWithRoles(spec));
		const deployer = principalFor(model, 'user', 'deployer')!;
		const first = await assumeIdentity(model, deployer, roleArn('deploy-1'));
		const then = await assumeIdentity(model, deployer, roleArn('admin-1'));
		expect(first.ok && first.decision).toBe('Allowed');
		expect(then.ok && then.decision).toBe('ImplicitDeny');
	});

	it('keeps a simulation per set of statements: callers holding different ones on one ARN differ', async () => {
		const model = buildAccessModel(accountWithRoles(spec));
		const on = roleArn('admin-2');
		const answers = [];
		for (const name of ['admin', 'denied', 'deployer']) answers.push(await assumeIdentity(model, principalFor(model, 'user', name)!, on));
		expect(answers.map(a => a.ok && a.decision)).toEqual(['Conditional', 'ExplicitDeny', 'ImplicitDeny']);
	});

	it('keeps the caller\'s view per principal: a user of the same name in another snapshot has its own statements', async () => {
		const first = buildAccessModel(accountWithRoles(spec));
		const other = buildAccessModel(accountWithRoles({...spec, users: {...spec.users, deployer: {groups: ['Admins']}}}));
		const a = await assumeIdentity(first, principalFor(first, 'user', 'deployer')!, roleArn('deploy-1'));
		const b = await assumeIdentity(other, principalFor(other, 'user', 'deployer')!, roleArn('deploy-1'));
		expect(a.ok && a.decision).toBe('Allowed');
		expect(b.ok && b.decision).toBe('ImplicitDeny');
	});
});
