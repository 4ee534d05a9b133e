// The SCPs' (and RCPs') word on a wildcard query: each action by its own verdict, asked of the simulator once
// per class of actions the same statements on the path take in. Real verdicts (scpVerdict, rcpVerdict) on
// W10's organization shape; `asked` counts what reached the simulator.
import {describe, expect, it} from 'vitest';
import {controlVerdicts} from '../../source/model/org/control-verdicts.js';
import {pathToAccount, type ServiceControlPolicy} from '../../source/model/org/organization.js';
import {rcpVerdict} from '../../source/model/org/rcp-verdict.js';
import {scpVerdict, type SingleVerdict} from '../../source/model/org/scp-verdict.js';
import {DEV, denyTerminate, orgWith, PROD, scp} from '../fixtures/org-shape.js';

const EC2 = ['ec2:StartInstances', 'ec2:StopInstances', 'ec2:TerminateInstances', 'ec2:RunInstances'];

const scpsOf = (prodScps: ServiceControlPolicy[], account = PROD, resource = '*', actions = EC2) => {
	const org = orgWith(prodScps);
	const asked: string[] = [];
	const documents = pathToAccount(org, account)!.flatMap(target => target.scps.map(p => p.document));
	const verdicts = controlVerdicts(documents, actions, resource, action => {
		asked.push(action);
		return scpVerdict(org, account, action, resource);
	});
	return {verdicts, asked};
};

describe('controlVerdicts', () => {
	it('an SCP denying one action of a wildcard: that action denied, the others permitted, asked twice (one per class)', async () => {
		const {verdicts, asked} = scpsOf([denyTerminate]);
		const {overall, of} = await verdicts;
		expect(asked).toEqual(['ec2:StartInstances', 'ec2:TerminateInstances']);
		expect(of('ec2:TerminateInstances')).toMatchObject({kind: 'denied', how: 'explicit-deny', decider: {scp: {name: 'DenyTerminate'}, target: {name: 'Prod'}}});
		expect(of('ec2:RunInstances')).toEqual({kind: 'permitted'});
		expect(overall.kind).toBe('partly');
		if (overall.kind !== 'partly') return;
		expect(overall.groups.map(g => [g.verdict.kind, g.actions])).toEqual([
			['permitted', ['ec2:StartInstances', 'ec2:StopInstances', 'ec2:RunInstances']],
			['denied', ['ec2:TerminateInstances']],
		]);
	});

	it('verdicts all alike are the query\'s verdict, not "partly": one class, asked once', async () => {
		const {verdicts, asked} = scpsOf([]);
		expect((await verdicts).overall).toEqual({kind: 'permitted'});
		expect(asked).toEqual(['ec2:StartInstances']);
		const denyAll = scp('DenyEc2', {Effect: 'Deny', Action: 'ec2:*', Resource: '*'});
		const denied = await scpsOf([denyAll]).verdicts;
		expect(denied.overall).toMatchObject({kind: 'denied', decider: {scp: {name: 'DenyEc2'}}});
	});

	it('a conditional deny of some actions: those Conditional with the condition, the rest permitted', async () => {
		const onlyInEu = scp('StopOnlyInEU', {Effect: 'Deny', Action: ['ec2:StopInstances', 'ec2:TerminateInstances'], Resource: '*', Condition: {StringNotEquals: {'aws:RequestedRegion': 'eu-west-1'}}});
		const {verdicts, asked} = scpsOf([onlyInEu]);
		const {overall, of} = await verdicts;
		expect(asked).toEqual(['ec2:StartInstances', 'ec2:StopInstances']);
		expect(of('ec2:TerminateInstances')).toMatchObject({kind: 'conditional', conditions: [{key: 'aws:RequestedRegion', values: ['eu-west-1']}]});
		expect(overall.kind === 'partly' && overall.groups.map(g => g.actions.length)).toEqual([2, 2]);
	});

	it('on a named resource each action is asked alone (whether it acts on the resource is its own)', async () => {
		const {verdicts, asked} = scpsOf([denyTerminate], PROD, 'arn:aws:ec2:us-east-1:222222222222:instance/i-1');
		await verdicts;
		expect(asked).toEqual(EC2);
	});

	it("a statement whose resource or condition key is the action's own: the actions it takes in are asked alone, the others still by class", async () => {
		// The simulator matches a named resource against each action's resource types, and keeps only the action's own condition keys.
		const instancesOnly = scp('InstancesOnly', {Effect: 'Deny', Action: ['ec2:StopInstances', 'ec2:TerminateInstances'], Resource: 'arn:aws:ec2:*:*:instance/i-prod*'});
		const byResource = scpsOf([instancesOnly]);
		await byResource.verdicts;
		expect(byResource.asked).toEqual(['ec2:StartInstances', 'ec2:StopInstances', 'ec2:TerminateInstances']);
		const tagged = scp('TaggedOnly', {Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*', Condition: {StringEquals: {'aws:ResourceTag/env': 'prod'}}});
		const byTag = scpsOf([tagged]);
		await byTag.verdicts;
		expect(byTag.asked).toEqual(['ec2:StartInstances', 'ec2:TerminateInstances']);
		const serviceKey = scp('NoPublicAmis', {Effect: 'Deny', Action: ['ec2:StopInstances', 'ec2:TerminateInstances'], Resource: '*', Condition: {Bool: {'ec2:Public': 'true'}}});
		const byKey = scpsOf([serviceKey]);
		await byKey.verdicts;
		expect(byKey.asked).toEqual(['ec2:StartInstances', 'ec2:StopInstances', 'ec2:TerminateInstances']);
	});

	it('on a named resource, an action that does not act on it is no question: left out of the verdict (the account skips it too)', async () => {
		const object = 'arn:aws:s3:::reports/2026/q4.csv';
		const {verdicts, asked} = scpsOf([], PROD, object, ['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
		const {overall, of} = await verdicts;
		expect(asked).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
		expect(of('s3:ListBucket')).toMatchObject({kind: 'unknown', notActedOn: true});
		expect(overall).toEqual({kind: 'permitted'});
		// Only when no action acts on it is that the verdict (the account's own answer refuses such a query first).
		expect((await scpsOf([], PROD, object, ['s3:ListBucket']).verdicts).overall).toMatchObject({kind: 'unknown', notActedOn: true});
	});

	it('RCPs alike: an RCP denying object deletions in dev denies that action of s3:*, nothing else', async () => {
		const org = orgWith([]);
		const noDeletes: ServiceControlPolicy = {id: 'p-rcp', name: 'NoDeletes', document: {Version: '2012-10-17', Statement: [{Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: '*'}]}};
		org.root.ous.find(ou => ou.id === 'ou-dev')!.rcps = [noDeletes];
		const documents = pathToAccount(org, DEV)!.flatMap(target => (target.rcps ?? []).map(p => p.document));
		const {overall, of} = await controlVerdicts(documents, ['s3:GetObject', 's3:DeleteObject', 's3:PutObject'], '*', (action): Promise<SingleVerdict> => rcpVerdict(org, DEV, action, '*'));
		expect(of('s3:DeleteObject')).toMatchObject({kind: 'denied', decider: {scp: {name: 'NoDeletes'}}});
		expect(of('s3:GetObject')).toEqual({kind: 'permitted'});
		expect(overall.kind === 'partly' && overall.groups.map(g => g.actions)).toEqual([['s3:GetObject', 's3:PutObject'], ['s3:DeleteObject']]);
	});
});
