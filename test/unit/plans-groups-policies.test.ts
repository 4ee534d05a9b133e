// Groups, managed and inline policies: the order IAM requires for deletions (it refuses with
// DeleteConflict otherwise — moto does not), the 10-policy quota, AWS managed policies that cannot be
// deleted, and what the confirmation shows (notes, the name to type).
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {planLines, planText} from '../../source/model/plans/describe.js';
import {planCreateGroup, planDeleteGroup} from '../../source/model/plans/groups.js';
import {planDeleteInlinePolicy, planPutInlinePolicy} from '../../source/model/plans/inline-policies.js';
import {planAttachPolicy, planCreatePolicy, planDeletePolicy, planDetachPolicy} from '../../source/model/plans/policies.js';
import type {Group, ManagedPolicy} from '../../source/model/snapshot.js';
import {ACCOUNT, fixtureSnapshot, groups, policies, users} from '../fixtures/account.js';

const index = buildIndex(fixtureSnapshot());
const arn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const doc = (action: string) => JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: action, Resource: '*'}]});

describe('groups', () => {
	it('creates a group with policies attached after it', () => {
		const plan = planCreateGroup(index, {name: 'Lightsail2', path: '/teams/', policyArns: [arn('LightsailFullAccessPolicy')]});
		expect(plan.steps.map(s => s.awsCli)).toEqual([
			'aws iam create-group --group-name Lightsail2 --path /teams/',
			`aws iam attach-group-policy --group-name Lightsail2 --policy-arn ${arn('LightsailFullAccessPolicy')}`,
		]);
		expect(plan.steps[0]!.run).toEqual({operation: 'createGroup', group: 'Lightsail2', path: '/teams/'});
	});

	it('refuses an existing name in any case, and invalid names', () => {
		expect(() => planCreateGroup(index, {name: 'developers'})).toThrowError(
			expect.objectContaining({kind: 'Conflict', message: 'a group named Developers already exists (IAM group names ignore case)'}),
		);
		expect(() => planCreateGroup(index, {name: 'Dev Ops'})).toThrowError(expect.objectContaining({kind: 'Invalid', message: expect.stringContaining('contains a space')}));
		expect(() => planCreateGroup(index, {name: 'x', policyArns: [arn('Nope')]})).toThrowError(expect.objectContaining({kind: 'NotFound'}));
	});

	it('deletes a group: members out, managed policies detached, inline policies deleted, then the group', () => {
		const developers = {...groups[0]!, inlinePolicies: [{name: 'DevExtra', document: doc('s3:ListAllMyBuckets')}]};
		const snapshot = fixtureSnapshot({groups: [developers, ...groups.slice(1)]});
		const plan = planDeleteGroup(buildIndex(snapshot), 'Developers');
		expect(plan.steps.map(s => s.awsCli)).toEqual([
			'aws iam remove-user-from-group --user-name ana.silva --group-name Developers',
			'aws iam remove-user-from-group --user-name bruno.costa --group-name Developers',
			'aws iam remove-user-from-group --user-name dmitri.ivanov --group-name Developers',
			'aws iam remove-user-from-group --user-name grace.hopper --group-name Developers',
			`aws iam detach-group-policy --group-name Developers --policy-arn ${arn('DevelopersEc2')}`,
			'aws iam delete-group-policy --group-name Developers --policy-name DevExtra',
			'aws iam delete-group --group-name Developers',
		]);
		expect(plan.steps.at(-1)!.run).toEqual({operation: 'deleteGroup', group: 'Developers'});
		expect(plan).toMatchObject({dangerous: true, confirmName: 'Developers'});
		expect(plan.previews.map(p => p.user)).toEqual(['ana.silva', 'bruno.costa', 'dmitri.ivanov', 'grace.hopper']);
		const text = planText(plan);
		expect(text).toContain('bruno.costa leaves Developers');
		expect(text).toContain('loses ec2:TerminateInstances');
		expect(text).toContain('DevExtra cannot be recovered');
		expect(planLines(plan).at(-1)).toEqual({depth: 0, text: 'Type Developers to confirm', tone: 'warning'});
	});

	it('deleting an empty group is one step', () => {
		expect(planDeleteGroup(index, 'EmptyGroup').steps.map(s => s.run.operation)).toEqual(['deleteGroup']);
		expect(() => planDeleteGroup(index, 'Nope')).toThrowError(expect.objectContaining({kind: 'NotFound'}));
	});
});

describe('managed policies', () => {
	it('creates a policy and attaches it in the same plan, by its predictable ARN', () => {
		const document = doc('lightsail:*');
		const plan = planCreatePolicy(index, ACCOUNT, {name: 'LightsailTeam', path: '/team/', description: 'Lightsail, all of it', document, attachTo: {kind: 'group', name: 'EmptyGroup'}});
		expect(plan.steps.map(s => s.awsCli)).toEqual([
			"aws iam create-policy --policy-name LightsailTeam --path /team/ --description 'Lightsail, all of it' --policy-document file://LightsailTeam.json",
			`aws iam attach-group-policy --group-name EmptyGroup --policy-arn arn:aws:iam::${ACCOUNT}:policy/team/LightsailTeam`,
		]);
		expect(plan.steps[0]!.run).toEqual({operation: 'createPolicy', policyName: 'LightsailTeam', path: '/team/', document, description: 'Lightsail, all of it'});
		expect(plan.notes).toContain(`Its ARN will be arn:aws:iam::${ACCOUNT}:policy/team/LightsailTeam.`);
		expect(plan.notes).toContain('      "Action": "lightsail:*",');
		expect(planText(plan)).toContain('Policy document (save it as LightsailTeam.json');
	});

	it('refuses a taken name (ignoring case) and a full target', () => {
		expect(() => planCreatePolicy(index, ACCOUNT, {name: 'lightsailfullaccesspolicy', document: doc('lightsail:*')})).toThrowError(
			expect.objectContaining({kind: 'Conflict', message: expect.stringContaining('LightsailFullAccessPolicy already exists')}),
		);
		// An AWS managed policy's name is not taken for customer policies.
		expect(planCreatePolicy(index, ACCOUNT, {name: 'ReadOnlyAccess', document: doc('s3:Get*')}).steps).toHaveLength(1);
		expect(() => planCreatePolicy(index, ACCOUNT, {name: 'bad name', document: doc('s3:Get*')})).toThrowError(expect.objectContaining({kind: 'Invalid'}));
	});

	/** A group carrying ten managed policies. */
	const full = () => {
		const ten: ManagedPolicy[] = Array.from({length: 10}, (_, n) => ({...policies[3]!, name: `P${n}`, arn: arn(`P${n}`)}));
		const crowded: Group = {...groups[4]!, attachedPolicies: ten.map(p => ({name: p.name, arn: p.arn}))};
		return buildIndex(fixtureSnapshot({policies: [...policies, ...ten], groups: [...groups.slice(0, 4), crowded]}));
	};

	it('attaches: one step; already attached is a no-op; an 11th policy is refused', () => {
		const plan = planAttachPolicy(index, {policyArn: READ_ONLY, target: {kind: 'group', name: 'Managers'}});
		expect(plan.steps).toEqual([
			{
				description: 'Attach ReadOnlyAccess to group Managers',
				awsCli: `aws iam attach-group-policy --group-name Managers --policy-arn ${READ_ONLY}`,
				run: {operation: 'attachGroupPolicy', group: 'Managers', policyArn: READ_ONLY},
			},
		]);
		expect(plan.notes).toContain('gives it to the 2 members of Managers: carla.mendes, dmitri.ivanov');
		expect(planAttachPolicy(index, {policyArn: arn('DevelopersEc2'), target: {kind: 'group', name: 'Developers'}}).steps[0]!.noop).toBe(
			'DevelopersEc2 is already attached to group Developers',
		);
		expect(() => planAttachPolicy(full(), {policyArn: arn('UnusedCustomerPolicy'), target: {kind: 'group', name: 'EmptyGroup'}})).toThrowError(
			expect.objectContaining({kind: 'LimitExceeded', message: "group EmptyGroup already has 10 managed policies attached, IAM's quota per group"}),
		);
		// Re-attaching one of the ten is a no-op, not a limit error.
		expect(planAttachPolicy(full(), {policyArn: arn('P0'), target: {kind: 'group', name: 'EmptyGroup'}}).steps[0]!.noop).toBeDefined();
	});

	it('attaches an AWS managed policy the snapshot does not list, refuses an unknown customer policy', () => {
		const s3 = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
		const plan = planAttachPolicy(index, {policyArn: s3, target: {kind: 'user', name: 'rsdash'}});
		expect(plan.steps[0]!.awsCli).toBe(`aws iam attach-user-policy --user-name rsdash --policy-arn ${s3}`);
		expect(plan.notes!.join(' ')).toMatch(/not yet attached in this account/);
		expect(() => planAttachPolicy(index, {policyArn: arn('Nope'), target: {kind: 'user', name: 'rsdash'}})).toThrowError(
			expect.objectContaining({kind: 'NotFound', message: `no policy named ${arn('Nope')} in this account`}),
		);
		expect(() => planAttachPolicy(index, {policyArn: s3, target: {kind: 'user', name: 'nobody'}})).toThrowError(expect.objectContaining({kind: 'NotFound'}));
	});

	it('detaches (dangerous) and says who keeps the policy through another path', () => {
		const plan = planDetachPolicy(index, {policyArn: arn('DevelopersEc2'), target: {kind: 'group', name: 'Managers'}});
		expect(plan.steps[0]!.noop).toBe('DevelopersEc2 is not attached to group Managers');
		const detach = planDetachPolicy(index, {policyArn: arn('DevelopersEc2'), target: {kind: 'group', name: 'Developers'}});
		expect(detach.dangerous).toBe(true);
		expect(detach.steps[0]!.awsCli).toBe(`aws iam detach-group-policy --group-name Developers --policy-arn ${arn('DevelopersEc2')}`);
		expect(detach.notes).toEqual(['takes it from the 4 members of Developers: ana.silva, bruno.costa, dmitri.ivanov, grace.hopper']);
		const both = buildIndex(fixtureSnapshot({users: users.map(u => (u.name === 'dmitri.ivanov' ? {...u, attachedPolicies: [{name: 'DevelopersEc2', arn: arn('DevelopersEc2')}]} : u))}));
		expect(planDetachPolicy(both, {policyArn: arn('DevelopersEc2'), target: {kind: 'group', name: 'Developers'}}).notes).toContain('dmitri.ivanov still gets it (attached directly)');
	});

	it('deletes a customer policy: detach from users and groups, delete non-default versions, then the policy', () => {
		const lightsail = arn('LightsailFullAccessPolicy');
		const snapshot = fixtureSnapshot({
			users: users.map(u => (u.name === 'heidi.klum' ? {...u, attachedPolicies: [{name: 'LightsailFullAccessPolicy', arn: lightsail}]} : u)),
			policies: policies.map(p => (p.arn === lightsail ? {...p, attachmentCount: 3, defaultVersionId: 'v3'} : p)),
		});
		const versions = [
			{versionId: 'v3', isDefault: true, createDate: '2024-03-01T00:00:00Z'},
			{versionId: 'v2', isDefault: false, createDate: '2024-02-01T00:00:00Z'},
			{versionId: 'v1', isDefault: false, createDate: '2024-01-01T00:00:00Z'},
		];
		const plan = planDeletePolicy(buildIndex(snapshot), lightsail, versions);
		expect(plan.steps.map(s => s.awsCli)).toEqual([
			`aws iam detach-user-policy --user-name heidi.klum --policy-arn ${lightsail}`,
			`aws iam detach-group-policy --group-name LightsailFullAccessGroup --policy-arn ${lightsail}`,
			`aws iam delete-policy-version --policy-arn ${lightsail} --version-id v2`,
			`aws iam delete-policy-version --policy-arn ${lightsail} --version-id v1`,
			`aws iam delete-policy --policy-arn ${lightsail}`,
		]);
		expect(plan).toMatchObject({dangerous: true, confirmName: 'LightsailFullAccessPolicy'});
		expect(plan.notes!.join('\n')).toMatch(/IAM counts 3 attachments, 1 of them to roles/);
		expect(planText(plan)).toContain('Type LightsailFullAccessPolicy to confirm');
	});

	it('removes a permissions boundary that uses the policy before deleting it', () => {
		const snapshot = fixtureSnapshot({users: users.map(u => (u.name === 'newbie' ? {...u, permissionsBoundaryArn: arn('UnusedCustomerPolicy')} : u))});
		const plan = planDeletePolicy(buildIndex(snapshot), arn('UnusedCustomerPolicy'), []);
		expect(plan.steps.map(s => s.run)).toEqual([
			{operation: 'deleteUserPermissionsBoundary', user: 'newbie'},
			{operation: 'deletePolicy', policyArn: arn('UnusedCustomerPolicy')},
		]);
	});

	it('refuses to delete an AWS managed policy or an unknown one', () => {
		expect(() => planDeletePolicy(index, READ_ONLY, [])).toThrowError(
			expect.objectContaining({kind: 'Invalid', message: 'ReadOnlyAccess is an AWS managed policy: AWS owns it, it cannot be deleted'}),
		);
		expect(() => planDeletePolicy(index, arn('Nope'), [])).toThrowError(expect.objectContaining({kind: 'NotFound'}));
	});
});

describe('inline policies', () => {
	it('puts a new inline policy on a group', () => {
		const plan = planPutInlinePolicy(index, {target: {kind: 'group', name: 'RightScaleDash'}, policyName: 'ReadBilling', document: doc('aws-portal:ViewBilling')});
		expect(plan.steps[0]!.awsCli).toBe('aws iam put-group-policy --group-name RightScaleDash --policy-name ReadBilling --policy-document file://ReadBilling.json');
		expect(plan.steps[0]!.run).toEqual({operation: 'putGroupPolicy', group: 'RightScaleDash', policyName: 'ReadBilling', document: doc('aws-portal:ViewBilling')});
		expect(plan.dangerous).toBe(false);
	});

	it('replacing one of the same name is allowed, dangerous, and says it replaces it', () => {
		const plan = planPutInlinePolicy(index, {target: {kind: 'user', name: 'eve.adams'}, policyName: 'EveExtra', document: doc('s3:ListBucket')});
		expect(plan.title).toBe('Replace inline policy EveExtra on user eve.adams');
		expect(plan.dangerous).toBe(true);
		expect(plan.notes![0]).toBe('user eve.adams already has an inline policy named EveExtra: this replaces it.');
		expect(plan.steps[0]!.awsCli).toBe('aws iam put-user-policy --user-name eve.adams --policy-name EveExtra --policy-document file://EveExtra.json');
	});

	it("refuses invalid names and a user's inline policies over 2,048 characters", () => {
		expect(() => planPutInlinePolicy(index, {target: {kind: 'user', name: 'eve.adams'}, policyName: 'a/b', document: doc('s3:*')})).toThrowError(
			expect.objectContaining({kind: 'Invalid'}),
		);
		const big = doc(`s3:${'x'.repeat(2000)}`);
		expect(() => planPutInlinePolicy(index, {target: {kind: 'user', name: 'eve.adams'}, policyName: 'Big', document: big})).toThrowError(
			expect.objectContaining({kind: 'LimitExceeded', message: expect.stringMatching(/would total \d+ characters .*IAM allows 2048/)}),
		);
		// A group may hold more.
		expect(planPutInlinePolicy(index, {target: {kind: 'group', name: 'EmptyGroup'}, policyName: 'Big', document: big}).steps).toHaveLength(1);
	});

	it('deletes an inline policy (dangerous), refuses an unknown one', () => {
		const plan = planDeleteInlinePolicy(index, {kind: 'group', name: 'RightScaleDash'}, 'AllowEverything');
		expect(plan.dangerous).toBe(true);
		expect(plan.steps[0]!.awsCli).toBe('aws iam delete-group-policy --group-name RightScaleDash --policy-name AllowEverything');
		expect(() => planDeleteInlinePolicy(index, {kind: 'user', name: 'eve.adams'}, 'Nope')).toThrowError(
			expect.objectContaining({kind: 'NotFound', message: 'user eve.adams has no inline policy named Nope', hint: 'its inline policies: EveExtra'}),
		);
	});
});
