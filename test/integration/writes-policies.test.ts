// Managed, inline and boundary policy writes through the real gateway against moto, each checked
// afterwards through the gateway's reads (the snapshot, policyVersions).
import {CreatePolicyVersionCommand} from '@aws-sdk/client-iam';
import {expect, it} from 'vitest';
import {describeWithMoto} from '../helpers/with-moto.js';
import {ACCOUNT, POLICY_DOCUMENT, useMotoForWrites} from './writes-moto.js';

const WIDER = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:*', Resource: '*'}]});

describeWithMoto('policy writes against moto', () => {
	const env = useMotoForWrites();

	it('createPolicy returns the ARN; attach and detach on a user and a group; deletePolicy', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana'});
		await gateway.createGroup({group: 'Devs'});
		const {arn} = await gateway.createPolicy({policyName: 'S3Read', path: '/tools/', document: POLICY_DOCUMENT, description: 'read S3'});
		expect(arn).toBe(`arn:aws:iam::${ACCOUNT}:policy/tools/S3Read`);

		await gateway.attachUserPolicy({user: 'ana', policyArn: arn});
		await gateway.attachGroupPolicy({group: 'Devs', policyArn: arn});
		let snapshot = await gateway.loadSnapshot();
		expect(snapshot.policies.find(p => p.arn === arn)).toMatchObject({name: 'S3Read', path: '/tools/', description: 'read S3', attachmentCount: 2});
		expect(snapshot.users.find(u => u.name === 'ana')?.attachedPolicies).toEqual([{name: 'S3Read', arn}]);
		expect(snapshot.groups.find(g => g.name === 'Devs')?.attachedPolicies).toEqual([{name: 'S3Read', arn}]);

		await gateway.detachUserPolicy({user: 'ana', policyArn: arn});
		await gateway.detachGroupPolicy({group: 'Devs', policyArn: arn});
		snapshot = await gateway.loadSnapshot();
		expect(snapshot.users.find(u => u.name === 'ana')?.attachedPolicies).toEqual([]);
		expect(snapshot.groups.find(g => g.name === 'Devs')?.attachedPolicies).toEqual([]);

		await gateway.deletePolicy({policyArn: arn});
		expect((await gateway.loadSnapshot()).policies.map(p => p.arn)).not.toContain(arn);
	});

	it('a malformed policy document is Invalid', async () => {
		await expect(env.gateway().createPolicy({policyName: 'Bad', document: '{"nope": 1}'})).rejects.toMatchObject({
			kind: 'Invalid',
			code: 'MalformedPolicyDocument',
		});
	});

	it('policyVersions lists the versions; deletePolicyVersion removes one; the default one is a Conflict naming what to do', async () => {
		const gateway = env.gateway();
		const {arn} = await gateway.createPolicy({policyName: 'S3Read', document: POLICY_DOCUMENT});
		await env.sdk().send(new CreatePolicyVersionCommand({PolicyArn: arn, PolicyDocument: WIDER, SetAsDefault: true}));
		expect((await gateway.policyVersions(arn)).map(v => [v.versionId, v.isDefault])).toEqual([
			['v1', false],
			['v2', true],
		]);
		await gateway.deletePolicyVersion({policyArn: arn, versionId: 'v1'});
		expect((await gateway.policyVersions(arn)).map(v => v.versionId)).toEqual(['v2']);
		const refused = await gateway.deletePolicyVersion({policyArn: arn, versionId: 'v2'}).catch((e: unknown) => e);
		expect(refused).toMatchObject({kind: 'Conflict', code: 'DeleteConflict', hint: expect.stringContaining('make another version the default first')});
	});

	it('putUserPolicy and putGroupPolicy write inline documents; the deletes remove them', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana'});
		await gateway.createGroup({group: 'Devs'});
		await gateway.putUserPolicy({user: 'ana', policyName: 'own', document: POLICY_DOCUMENT});
		await gateway.putGroupPolicy({group: 'Devs', policyName: 'team', document: WIDER});
		let snapshot = await gateway.loadSnapshot();
		const inlineOf = (list: {name: string; document: string}[] | undefined) => list?.map(p => [p.name, JSON.parse(p.document)]);
		expect(inlineOf(snapshot.users.find(u => u.name === 'ana')?.inlinePolicies)).toEqual([['own', JSON.parse(POLICY_DOCUMENT)]]);
		expect(inlineOf(snapshot.groups.find(g => g.name === 'Devs')?.inlinePolicies)).toEqual([['team', JSON.parse(WIDER)]]);

		await gateway.deleteUserPolicy({user: 'ana', policyName: 'own'});
		await gateway.deleteGroupPolicy({group: 'Devs', policyName: 'team'});
		snapshot = await gateway.loadSnapshot();
		expect(snapshot.users.find(u => u.name === 'ana')?.inlinePolicies).toEqual([]);
		expect(snapshot.groups.find(g => g.name === 'Devs')?.inlinePolicies).toEqual([]);
	});

	it('permissions boundaries: moto 5.2 does not implement them; the gateway says so clearly, not with an HTML dump', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana'});
		const {arn} = await gateway.createPolicy({policyName: 'Boundary', document: WIDER});
		for (const [action, write] of [
			['iam:PutUserPermissionsBoundary', () => gateway.putUserPermissionsBoundary({user: 'ana', policyArn: arn})],
			['iam:DeleteUserPermissionsBoundary', () => gateway.deleteUserPermissionsBoundary({user: 'ana'})],
		] as const) {
			const error = (await write().catch((e: unknown) => e)) as Error & {kind: string; code: string};
			expect(error).toMatchObject({kind: 'Unknown', code: 'UnparseableServerError'});
			expect(error.message).toBe(`the IAM endpoint answered 500 to ${action} without an AWS error: it may not implement this operation`);
		}
	});
});
