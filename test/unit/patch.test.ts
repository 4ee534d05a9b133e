// applyPatch: every write that changes what the snapshot holds shows at once, shaped like IAM's
// answer (ARNs with the account id, attachment counts); credential writes leave the snapshot alone.
import {describe, expect, it} from 'vitest';
import {buildIndex, policiesReachingUser} from '../../source/model/indexes.js';
import {planCreateUser} from '../../source/model/plans/create-user.js';
import {planCreateGroup} from '../../source/model/plans/groups.js';
import {applyPatch, membershipPatch} from '../../source/model/plans/patch.js';
import {planCreatePolicy} from '../../source/model/plans/policies.js';
import type {AppliedChange} from '../../source/model/plans/types.js';
import {emptySnapshot, type AccountSnapshot} from '../../source/model/snapshot.js';
import {Secret} from '../../source/model/secret.js';
import {ACCOUNT, fixtureSnapshot} from '../fixtures/account.js';

const NOW = '2024-06-02T00:00:00.000Z';
const apply = (...changes: AppliedChange[]) => applyPatch(fixtureSnapshot(), {changes}, NOW);
const user = (s: AccountSnapshot, name: string) => s.users.find(u => u.name === name);
const group = (s: AccountSnapshot, name: string) => s.groups.find(g => g.name === name);
const policy = (s: AccountSnapshot, arn: string) => s.policies.find(p => p.arn === arn);
const arn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

describe('applyPatch: users and groups', () => {
	it('creates a user with an ARN in the account, its path, tags and an IAM-shaped id', () => {
		const s = apply({operation: 'createUser', user: 'lucia', path: '/staff/', tags: [{Key: 'team', Value: 'x'}]});
		expect(user(s, 'lucia')).toMatchObject({
			arn: `arn:aws:iam::${ACCOUNT}:user/staff/lucia`,
			path: '/staff/',
			createDate: NOW,
			groups: [],
			attachedPolicies: [],
			inlinePolicies: [],
			tags: [{Key: 'team', Value: 'x'}],
		});
		expect(user(s, 'lucia')!.id).toMatch(/^AIDA[A-Z0-9]{17}$/);
		const bare = applyPatch(emptySnapshot(), {changes: [{operation: 'createUser', user: 'first'}]});
		expect(bare.users[0]!.arn).toBe('arn:aws:iam::000000000000:user/first');
	});

	it('deletes a user: gone from the list and the report, its attachments released', () => {
		const s = apply({operation: 'deleteUser', user: 'auditor'});
		expect(user(s, 'auditor')).toBeUndefined();
		expect(s.credentialReport.status === 'ok' && s.credentialReport.rows.some(r => r.user === 'auditor')).toBe(false);
		expect(policy(s, READ_ONLY)!.attachmentCount).toBe(0);
	});

	it('tags (replacing a key, ignoring case) and untags', () => {
		const s = apply({operation: 'tagUser', user: 'heidi.klum', tags: [{Key: 'team', Value: 'a'}, {Key: 'cost', Value: '1'}]}, {operation: 'tagUser', user: 'heidi.klum', tags: [{Key: 'Team', Value: 'b'}]});
		expect(user(s, 'heidi.klum')!.tags).toEqual([{Key: 'cost', Value: '1'}, {Key: 'Team', Value: 'b'}]);
		const untagged = applyPatch(s, {changes: [{operation: 'untagUser', user: 'heidi.klum', tagKeys: ['team']}]});
		expect(user(untagged, 'heidi.klum')!.tags).toEqual([{Key: 'cost', Value: '1'}]);
	});

	it('creates and deletes a group; deleting takes it off its members', () => {
		const created = apply({operation: 'createGroup', group: 'Ops', path: '/teams/'});
		expect(group(created, 'Ops')).toMatchObject({arn: `arn:aws:iam::${ACCOUNT}:group/teams/Ops`, path: '/teams/', attachedPolicies: [], inlinePolicies: []});
		expect(group(created, 'Ops')!.id).toMatch(/^AGPA/);
		const deleted = apply({operation: 'deleteGroup', group: 'Developers'});
		expect(group(deleted, 'Developers')).toBeUndefined();
		expect(user(deleted, 'ana.silva')!.groups).toEqual(['LightsailFullAccessGroup']);
		expect(policy(deleted, arn('DevelopersEc2'))!.attachmentCount).toBe(0);
	});

	it('memberships, as the membership preview uses them', () => {
		const s = applyPatch(fixtureSnapshot(), membershipPatch('heidi.klum', 'Managers', true));
		expect(user(s, 'heidi.klum')!.groups).toEqual(['Managers']);
		expect(user(applyPatch(s, membershipPatch('heidi.klum', 'Managers', true)), 'heidi.klum')!.groups).toEqual(['Managers']);
		expect(user(applyPatch(s, membershipPatch('heidi.klum', 'Managers', false)), 'heidi.klum')!.groups).toEqual([]);
	});
});

describe('applyPatch: policies', () => {
	it('attaches and detaches managed policies, counting attachments once', () => {
		const s = apply(
			{operation: 'attachUserPolicy', user: 'heidi.klum', policyArn: arn('UnusedCustomerPolicy')},
			{operation: 'attachUserPolicy', user: 'heidi.klum', policyArn: arn('UnusedCustomerPolicy')},
			{operation: 'attachGroupPolicy', group: 'EmptyGroup', policyArn: arn('UnusedCustomerPolicy')},
		);
		expect(user(s, 'heidi.klum')!.attachedPolicies).toEqual([{name: 'UnusedCustomerPolicy', arn: arn('UnusedCustomerPolicy')}]);
		expect(group(s, 'EmptyGroup')!.attachedPolicies).toEqual([{name: 'UnusedCustomerPolicy', arn: arn('UnusedCustomerPolicy')}]);
		expect(policy(s, arn('UnusedCustomerPolicy'))!.attachmentCount).toBe(2);
		const detached = applyPatch(s, {changes: [{operation: 'detachGroupPolicy', group: 'EmptyGroup', policyArn: arn('UnusedCustomerPolicy')}, {operation: 'detachUserPolicy', user: 'heidi.klum', policyArn: arn('UnusedCustomerPolicy')}]});
		expect(user(detached, 'heidi.klum')!.attachedPolicies).toEqual([]);
		expect(policy(detached, arn('UnusedCustomerPolicy'))!.attachmentCount).toBe(0);
	});

	it('lists an AWS managed policy attached for the first time', () => {
		const s3 = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
		const s = apply({operation: 'attachUserPolicy', user: 'heidi.klum', policyArn: s3});
		expect(policy(s, s3)).toMatchObject({name: 'AmazonS3ReadOnlyAccess', awsManaged: true, attachmentCount: 1});
		expect(user(s, 'heidi.klum')!.attachedPolicies).toEqual([{name: 'AmazonS3ReadOnlyAccess', arn: s3}]);
	});

	it("creates a policy at IAM's ARN (or the one IAM returned) and deletes it with every reference", () => {
		const document = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'lightsail:*', Resource: '*'}]});
		const s = apply({operation: 'createPolicy', policyName: 'Team', path: '/t/', document, description: 'd'});
		expect(policy(s, `arn:aws:iam::${ACCOUNT}:policy/t/Team`)).toMatchObject({name: 'Team', path: '/t/', document, description: 'd', awsManaged: false, attachmentCount: 0, defaultVersionId: 'v1'});
		const returned = apply({operation: 'createPolicy', policyName: 'Team', document, result: {arn: 'arn:aws:iam::999999999999:policy/Team'}});
		expect(policy(returned, 'arn:aws:iam::999999999999:policy/Team')).toBeDefined();
		const lightsail = arn('LightsailFullAccessPolicy');
		const gone = apply({operation: 'putUserPermissionsBoundary', user: 'heidi.klum', policyArn: lightsail}, {operation: 'deletePolicy', policyArn: lightsail});
		expect(policy(gone, lightsail)).toBeUndefined();
		expect(group(gone, 'LightsailFullAccessGroup')!.attachedPolicies).toEqual([]);
		expect(user(gone, 'heidi.klum')!.permissionsBoundaryArn).toBeUndefined();
	});

	it('puts, replaces and deletes inline policies of users and groups', () => {
		const s = apply(
			{operation: 'putUserPolicy', user: 'eve.adams', policyName: 'EveExtra', document: '{"v":2}'},
			{operation: 'putGroupPolicy', group: 'EmptyGroup', policyName: 'G', document: '{}'},
		);
		expect(user(s, 'eve.adams')!.inlinePolicies).toEqual([{name: 'EveExtra', document: '{"v":2}'}]);
		expect(group(s, 'EmptyGroup')!.inlinePolicies).toEqual([{name: 'G', document: '{}'}]);
		const deleted = applyPatch(s, {changes: [{operation: 'deleteUserPolicy', user: 'eve.adams', policyName: 'EveExtra'}, {operation: 'deleteGroupPolicy', group: 'EmptyGroup', policyName: 'G'}]});
		expect(user(deleted, 'eve.adams')!.inlinePolicies).toEqual([]);
		expect(group(deleted, 'EmptyGroup')!.inlinePolicies).toEqual([]);
	});

	it('sets and removes a permissions boundary', () => {
		const s = apply({operation: 'putUserPermissionsBoundary', user: 'heidi.klum', policyArn: READ_ONLY});
		expect(user(s, 'heidi.klum')!.permissionsBoundaryArn).toBe(READ_ONLY);
		expect('permissionsBoundaryArn' in user(applyPatch(s, {changes: [{operation: 'deleteUserPermissionsBoundary', user: 'heidi.klum'}]}), 'heidi.klum')!).toBe(false);
	});

	it('credential writes and policy versions leave the snapshot as it is', () => {
		const snapshot = fixtureSnapshot();
		const changes: AppliedChange[] = [
			{operation: 'createAccessKey', user: 'rsdash', result: {accessKeyId: 'AKIA1'}},
			{operation: 'deleteAccessKey', user: 'rsdash', accessKeyId: 'AKIA1'},
			{operation: 'createLoginProfile', user: 'rsdash', password: new Secret('p'), passwordResetRequired: true},
			{operation: 'uploadSigningCertificate', user: 'rsdash', certificateBody: 'PEM', result: {certificateId: 'C1'}},
			{operation: 'deletePolicyVersion', policyArn: arn('DevelopersEc2'), versionId: 'v1'},
		];
		expect(applyPatch(snapshot, {changes})).toBe(snapshot);
	});
});

describe('a whole plan applied', () => {
	it('W1: policy, group with it, user in the group — the user gets the policy through the group', () => {
		const document = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'lightsail:*', Resource: '*'}]});
		// The account's id comes from the entities it holds (here the users).
		let s = fixtureSnapshot({groups: [], policies: []});
		s = applyPatch(s, {changes: planCreatePolicy(buildIndex(s), ACCOUNT, {name: 'LightsailFullAccessPolicy', document}).steps.map(x => x.run)});
		s = applyPatch(s, {changes: planCreateGroup(buildIndex(s), {name: 'LightsailFullAccessGroup', policyArns: [arn('LightsailFullAccessPolicy')]}).steps.map(x => x.run)});
		const userPlan = planCreateUser(buildIndex(s), {name: 'lucia', tags: [], console: {password: new Secret('p'), passwordResetRequired: false}, accessKey: true, groups: ['LightsailFullAccessGroup']});
		const index = buildIndex(applyPatch(s, {changes: userPlan.steps.map(x => x.run)}));
		const lucia = index.userByName.get('lucia')!;
		expect(lucia.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/lucia`);
		expect(policiesReachingUser(index, lucia)).toEqual([{kind: 'managed', name: 'LightsailFullAccessPolicy', arn: arn('LightsailFullAccessPolicy'), viaGroup: 'LightsailFullAccessGroup'}]);
		expect(index.policyByArn.get(arn('LightsailFullAccessPolicy'))!.attachmentCount).toBe(1);
	});
});
