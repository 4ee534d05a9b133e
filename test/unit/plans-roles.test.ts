// Role writes as plans: attach/detach (IAM's 10 per role), inline put/delete (10,240 characters for all of a
// role's inline policies), taking a principal out of a trust policy (a statement with no principal left is
// removed, a trust with no statement left is refused), the snapshot patch, and each write's inverse.
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {checkPolicyDocument} from '../../source/model/policy-document.js';
import {planLines, planText} from '../../source/model/plans/describe.js';
import {applyPatch} from '../../source/model/plans/patch.js';
import {jsonDiff, planRemoveTrustPrincipal, withoutPrincipal} from '../../source/model/plans/role-trust.js';
import {MAX_INLINE_ROLE_POLICY_CHARS, planAttachRolePolicy, planDeleteRolePolicy, planDetachRolePolicy, planPutRolePolicy} from '../../source/model/plans/roles.js';
import type {AppliedChange} from '../../source/model/plans/types.js';
import {inverseOf} from '../../source/model/plans/undo.js';
import {ACCOUNT, accountWithRoles, allow, OTHER_ACCOUNT, policy, ROOT, roleOf, trustPolicy, trusts, userArn} from '../fixtures/roles.js';

const arn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const ANA = userArn('ana');
const BOB = userArn('bob');
const managed = Object.fromEntries(Array.from({length: 11}, (_, n) => [`P${n}`, policy(allow(`s3:Get${n}`))]));

const account = () =>
	accountWithRoles({
		users: {ana: {}, bob: {}},
		managed,
		roles: {
			Deploy: {trust: trustPolicy(trusts({AWS: [ANA, BOB]}), trusts({Service: 'ec2.amazonaws.com'})), managed: ['P0'], inline: {extra: policy(allow('s3:ListBucket'))}},
			Full: {trust: trustPolicy(trusts(ROOT)), managed: Array.from({length: 10}, (_, n) => `P${n}`)},
			Solo: {trust: trustPolicy({...trusts(ANA), Sid: 'AnaOnly'}, trusts(`arn:aws:iam::${OTHER_ACCOUNT}:root`))},
			Lonely: {trust: trustPolicy(trusts(ANA))},
		},
	});

describe('attach and detach a managed policy on a role', () => {
	it('attaches with the aws line and the gateway call; already attached is a no-op', () => {
		const plan = planAttachRolePolicy(account(), {role: 'Deploy', policyArn: arn('P1')});
		expect(plan.steps[0]!.awsCli).toBe(`aws iam attach-role-policy --role-name Deploy --policy-arn ${arn('P1')}`);
		expect(plan.steps[0]!.run).toEqual({operation: 'attachRolePolicy', role: 'Deploy', policyArn: arn('P1')});
		expect(plan.dangerous).toBe(false);
		expect(plan.targets).toContainEqual({kind: 'role', name: 'Deploy'});
		expect(planAttachRolePolicy(account(), {role: 'Deploy', policyArn: arn('P0')}).steps[0]!.noop).toContain('already attached');
	});

	it("refuses IAM's 10 managed policies per role, unknown roles and policies, service-linked roles", () => {
		expect(() => planAttachRolePolicy(account(), {role: 'Full', policyArn: arn('P10')})).toThrowError(
			expect.objectContaining({kind: 'LimitExceeded', message: expect.stringContaining('already has 10 managed policies')}),
		);
		// Re-attaching one it has is not a new attachment: no quota problem.
		expect(planAttachRolePolicy(account(), {role: 'Full', policyArn: arn('P3')}).steps[0]!.noop).toBeDefined();
		expect(() => planAttachRolePolicy(account(), {role: 'Deplo', policyArn: arn('P1')})).toThrowError(expect.objectContaining({kind: 'NotFound', hint: expect.stringContaining('Deploy')}));
		expect(() => planAttachRolePolicy(account(), {role: 'Deploy', policyArn: arn('Nope')})).toThrowError(expect.objectContaining({kind: 'NotFound'}));
		const index = account();
		const linked = {...roleOf('AWSServiceRoleForSupport', {trust: trustPolicy(trusts({Service: 'support.amazonaws.com'}))}), path: '/aws-service-role/support.amazonaws.com/'};
		const withLinked = buildIndex({...index.snapshot, roles: [...index.snapshot.roles, linked]});
		expect(() => planAttachRolePolicy(withLinked, {role: 'AWSServiceRoleForSupport', policyArn: arn('P1')})).toThrowError(
			expect.objectContaining({kind: 'Invalid', message: expect.stringContaining('service-linked')}),
		);
	});

	it('detaches (dangerous), by role ARN too; not attached is a no-op', () => {
		const plan = planDetachRolePolicy(account(), {role: `arn:aws:iam::${ACCOUNT}:role/Deploy`, policyArn: arn('P0')});
		expect(plan.dangerous).toBe(true);
		expect(plan.steps[0]!.awsCli).toBe(`aws iam detach-role-policy --role-name Deploy --policy-arn ${arn('P0')}`);
		expect(planDetachRolePolicy(account(), {role: 'Deploy', policyArn: arn('P5')}).steps[0]!.noop).toContain('not attached');
	});
});

describe('inline role policies', () => {
	const big = (chars: number) => JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(chars)}/*`}]});

	it("puts a document under IAM's 10,240-character role quota (more than a user's or group's)", () => {
		const document = big(8000);
		expect(checkPolicyDocument(document, 'role-inline').ok).toBe(true);
		expect(checkPolicyDocument(document, 'group-inline').ok).toBe(false);
		const plan = planPutRolePolicy(account(), {role: 'Deploy', policyName: 'reader', document});
		expect(plan.steps[0]!.awsCli).toBe('aws iam put-role-policy --role-name Deploy --policy-name reader --policy-document file://reader.json');
		expect(plan.steps[0]!.run).toEqual({operation: 'putRolePolicy', role: 'Deploy', policyName: 'reader', document});
		expect(plan.dangerous).toBe(false);
	});

	it('counts all of the role\'s inline policies together, and marks a replacement dangerous', () => {
		const index = accountWithRoles({roles: {R: {trust: trustPolicy(trusts(ROOT)), inline: {a: big(6000)}}}});
		expect(() => planPutRolePolicy(index, {role: 'R', policyName: 'b', document: big(5000)})).toThrowError(
			expect.objectContaining({kind: 'LimitExceeded', message: expect.stringContaining(`IAM allows ${MAX_INLINE_ROLE_POLICY_CHARS}`)}),
		);
		const replace = planPutRolePolicy(index, {role: 'R', policyName: 'a', document: big(9000)});
		expect(replace.dangerous).toBe(true);
		expect(replace.title).toBe('Replace inline policy a on role R');
		expect(() => planPutRolePolicy(index, {role: 'R', policyName: 'bad name', document: big(10)})).toThrowError(expect.objectContaining({kind: 'Invalid'}));
		expect(checkPolicyDocument(big(11_000), 'role-inline')).toEqual({ok: false, problems: [expect.stringContaining("a role's inline policies")]});
	});

	it('deletes one (dangerous, the document shown); an unknown name lists the role\'s policies', () => {
		const plan = planDeleteRolePolicy(account(), 'Deploy', 'extra');
		expect(plan.steps[0]!.awsCli).toBe('aws iam delete-role-policy --role-name Deploy --policy-name extra');
		expect(plan.dangerous).toBe(true);
		expect(planText(plan)).toContain('s3:ListBucket');
		expect(() => planDeleteRolePolicy(account(), 'Deploy', 'nope')).toThrowError(expect.objectContaining({kind: 'NotFound', hint: 'its inline policies: extra'}));
	});
});

describe('removing a principal from a trust policy', () => {
	const statements = (document: string) => (JSON.parse(document) as {Statement: Array<{Principal: unknown; Sid?: string}>}).Statement;

	it('takes one principal out of a statement that names others too, shown as a diff', () => {
		const plan = planRemoveTrustPrincipal(account(), 'Deploy', BOB);
		const run = plan.steps[0]!.run as {operation: string; document: string};
		expect(run.operation).toBe('updateAssumeRolePolicy');
		expect(statements(run.document).map(s => s.Principal)).toEqual([{AWS: [ANA]}, {Service: 'ec2.amazonaws.com'}]);
		expect(plan.steps[0]!.awsCli).toBe('aws iam update-assume-role-policy --role-name Deploy --policy-document file://Deploy-trust.json');
		expect(plan.dangerous).toBe(true);
		expect(plan.diff!.lines.filter(l => l.change !== ' ')).toEqual([{change: '-', text: `          "${ANA}",`}, {change: '-', text: `          "${BOB}"`}, {change: '+', text: `          "${ANA}"`}]);
		const lines = planLines(plan);
		expect(lines).toContainEqual({depth: 1, text: `-           "${BOB}"`, tone: 'loss'});
		expect(planText(plan)).toContain('Trust policy of role Deploy (- before, + after)');
	});

	it('removes a statement whose only principal it was, instead of leaving it with none', () => {
		const plan = planRemoveTrustPrincipal(account(), 'Solo', ANA);
		const run = plan.steps[0]!.run as {document: string};
		expect(statements(run.document)).toHaveLength(1);
		expect(statements(run.document)[0]!.Principal).toEqual({AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root`});
		expect(plan.notes).toContain(`statement AnaOnly named only ${ANA}: it is removed, not left with no principal.`);
	});

	it('refuses to leave a trust policy with no statement, saying why', () => {
		expect(() => planRemoveTrustPrincipal(account(), 'Lonely', ANA)).toThrowError(
			expect.objectContaining({kind: 'Invalid', message: expect.stringContaining('with no statement: IAM requires at least one'), hint: expect.stringContaining('delete role Lonely')}),
		);
	});

	it('refuses a principal the trust does not name; an account id matches its root ARN; services by name', () => {
		expect(() => planRemoveTrustPrincipal(account(), 'Deploy', userArn('carol'))).toThrowError(expect.objectContaining({kind: 'NotFound', message: expect.stringContaining('does not name')}));
		const byId = withoutPrincipal('Solo', account().roleByName.get('Solo')!.trustPolicy, OTHER_ACCOUNT);
		expect(statements(byId.document).map(s => s.Principal)).toEqual([{AWS: ANA}]);
		const service = withoutPrincipal('Deploy', account().roleByName.get('Deploy')!.trustPolicy, 'ec2.amazonaws.com');
		expect(service.removedStatements).toEqual(['statement 2']);
		expect(() => withoutPrincipal('X', '{"Statement": [', ANA)).toThrowError(expect.objectContaining({kind: 'Invalid', message: expect.stringContaining('cannot be read')}));
	});

	it('keeps a single Statement object as an object, conditions and all', () => {
		const trust = JSON.stringify({Version: '2012-10-17', Statement: {Effect: 'Allow', Principal: {AWS: [ANA, BOB]}, Action: 'sts:AssumeRole', Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}}});
		const after = JSON.parse(withoutPrincipal('R', trust, ANA).document) as {Statement: Record<string, unknown>};
		expect(after.Statement).toEqual({Effect: 'Allow', Principal: {AWS: [BOB]}, Action: 'sts:AssumeRole', Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}});
	});

	it('diffs line by line', () => {
		expect(jsonDiff('{"a":1,"b":2}', '{"a":1}')).toEqual([
			{change: ' ', text: '{'},
			{change: '-', text: '  "a": 1,'},
			{change: '-', text: '  "b": 2'},
			{change: '+', text: '  "a": 1'},
			{change: ' ', text: '}'},
		]);
	});
});

describe('the snapshot after a role write, and each write\'s inverse', () => {
	const before = account();
	const deploy = () => before.roleByName.get('Deploy')!;
	const newTrust = trustPolicy(trusts(ANA));
	const changes: AppliedChange[] = [
		{operation: 'attachRolePolicy', role: 'Deploy', policyArn: arn('P1')},
		{operation: 'detachRolePolicy', role: 'Deploy', policyArn: arn('P0')},
		{operation: 'putRolePolicy', role: 'Deploy', policyName: 'extra', document: policy(allow('s3:*'))},
		{operation: 'deleteRolePolicy', role: 'Deploy', policyName: 'extra'},
		{operation: 'updateAssumeRolePolicy', role: 'Deploy', document: newTrust},
	];

	it('patches the role', () => {
		const patched = (change: AppliedChange) => buildIndex(applyPatch(before.snapshot, {changes: [change]})).roleByName.get('Deploy')!;
		expect(patched(changes[0]!).attachedPolicies.map(p => p.name)).toEqual(['P0', 'P1']);
		expect(patched(changes[1]!).attachedPolicies).toEqual([]);
		expect(patched(changes[2]!).inlinePolicies).toEqual([{name: 'extra', document: policy(allow('s3:*'))}]);
		expect(patched(changes[3]!).inlinePolicies).toEqual([]);
		expect(patched(changes[4]!).trustPolicy).toBe(newTrust);
		const count = (change: AppliedChange) => applyPatch(before.snapshot, {changes: [change]}).policies.find(p => p.name === 'P1')!.attachmentCount;
		expect(count(changes[0]!)).toBe(2);
	});

	it('each inverse puts back what was there', () => {
		const inverses = changes.map(change => inverseOf(change, before));
		expect(inverses.map(i => ('run' in i ? i.run : i))).toEqual([
			{operation: 'detachRolePolicy', role: 'Deploy', policyArn: arn('P1')},
			{operation: 'attachRolePolicy', role: 'Deploy', policyArn: arn('P0')},
			{operation: 'putRolePolicy', role: 'Deploy', policyName: 'extra', document: deploy().inlinePolicies[0]!.document},
			{operation: 'putRolePolicy', role: 'Deploy', policyName: 'extra', document: deploy().inlinePolicies[0]!.document},
			{operation: 'updateAssumeRolePolicy', role: 'Deploy', document: deploy().trustPolicy},
		]);
		// A new inline policy's inverse deletes it; without the earlier account, the replaced state is unknown.
		expect(inverseOf({operation: 'putRolePolicy', role: 'Deploy', policyName: 'fresh', document: '{}'}, before)).toMatchObject({run: {operation: 'deleteRolePolicy', role: 'Deploy', policyName: 'fresh'}});
		expect(inverseOf(changes[4]!, undefined)).toEqual({cannot: expect.stringContaining('iam:UpdateAssumeRolePolicy of role Deploy')});
	});
});
