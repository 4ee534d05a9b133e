// Issue 14, item 2: reconcile after an ambiguous create only touches what it can prove it made (an
// entity created inside the request's window), and every write it sends is journaled. Against moto,
// through a proxy that lets moto act and then drops the answer; "another operator" acts in that window.
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {executePlan} from '../../source/model/plans/execute.js';
import type {Plan} from '../../source/model/plans/types.js';
import {Journal} from '../../source/store/journal.js';
import {dropAnswerAfterProcessing} from '../helpers/after-effect-proxy.js';
import {startFaultProxy} from '../helpers/fault-proxy.js';
import {describeWithMoto} from '../helpers/with-moto.js';
import {useMotoForWrites} from './writes-moto.js';

const actor = {profile: 'test', account: '123456789012', callerArn: 'arn:aws:iam::123456789012:user/operator'};

const createKeyPlan = (user: string): Plan => ({
	title: `Create an access key for ${user}`,
	dangerous: false,
	targets: [],
	previews: [],
	steps: [{description: `Create an access key for ${user}`, awsCli: `aws iam create-access-key --user-name ${user}`, run: {operation: 'createAccessKey', user}}],
});

describeWithMoto('reconcile deletes only what it can prove it created, and journals it', () => {
	const env = useMotoForWrites();
	const stops: Array<() => Promise<void>> = [];
	afterEach(async () => {
		for (const stop of stops.splice(0)) await stop();
	});
	const journal = () => new Journal(mkdtempSync(path.join(os.tmpdir(), 'iamtui-reconcile-')));
	const keyIds = async (user: string) => (await env.gateway().accessKeys(user)).map(k => k.accessKeyId).sort();

	it('another operator creates a key while the answer is lost: both keys survive, the operator is told which to check, nothing deleted', async () => {
		await env.gateway().createUser({user: 'ana'});
		let theirs = '';
		const proxy = await dropAnswerAfterProcessing(env.moto().endpoint, 'CreateAccessKey', {
			inWindow: async () => {
				theirs = (await env.gateway().createAccessKey({user: 'ana'})).accessKeyId;
			},
		});
		stops.push(() => proxy.stop());
		const log = journal();
		const report = await executePlan(createKeyPlan('ana'), {gateway: env.gateway(proxy.endpoint), journal: log, actor});

		const keys = await keyIds('ana');
		expect(keys).toHaveLength(2);
		expect(keys).toContain(theirs);
		const ours = keys.find(id => id !== theirs)!;
		expect(report.ok).toBe(false);
		expect(report.outcomes[0]!.message).toContain(ours);
		expect(report.outcomes[0]!.message).toContain(theirs);
		expect(report.outcomes[0]!.message).toMatch(/deleted none/);
		expect(proxy.history().map(e => e.action)).toEqual(['ListAccessKeys', 'CreateAccessKey', 'ListAccessKeys']);
		// The journal: the step's intent and its failure, and no delete (none was sent).
		expect(log.lines().map(e => [e.operation, e.outcome, e.errorCode, e.step])).toEqual([
			['iam:CreateAccessKey', 'intent', null, 0],
			['iam:CreateAccessKey', 'failed', 'UnprovenCreate', 0],
		]);
	});

	it('only our key appeared: it is deleted, and the deletion is in the journal with the plan id and step', async () => {
		await env.gateway().createUser({user: 'ana'});
		const proxy = await dropAnswerAfterProcessing(env.moto().endpoint, 'CreateAccessKey');
		stops.push(() => proxy.stop());
		const log = journal();
		const report = await executePlan(createKeyPlan('ana'), {gateway: env.gateway(proxy.endpoint), journal: log, actor});

		expect(report.ok).toBe(true);
		const [issued] = report.secrets;
		expect(await keyIds('ana')).toEqual([issued?.kind === 'access-key' ? issued.accessKeyId : 'none']);
		const deletes = proxy.history().filter(e => e.action === 'DeleteAccessKey');
		expect(deletes).toHaveLength(1);
		const lines = log.lines();
		const journaledDeletes = lines.filter(e => e.operation === 'iam:DeleteAccessKey');
		expect(journaledDeletes).toEqual(
			['intent', 'ok'].map(outcome =>
				expect.objectContaining({by: 'reconcile', outcome, planId: report.planId, step: 0, target: {user: 'ana', accessKeyId: expect.stringMatching(/\w+/)}}),
			),
		);
		expect(journaledDeletes[0]!.target.accessKeyId).not.toBe(issued?.kind === 'access-key' ? issued.accessKeyId : '');
		expect(lines.map(e => [e.operation, e.outcome])).toEqual([
			['iam:CreateAccessKey', 'intent'],
			['iam:DeleteAccessKey', 'intent'],
			['iam:DeleteAccessKey', 'ok'],
			['iam:CreateAccessKey', 'ok'],
		]);
	});

	it('CreateUser dropped, and a user of that name existed from before the request: not claimed as ours, the operator is told', async () => {
		await env.gateway().createUser({user: 'ana'});
		// Older than the request's window (5 s of clock margin).
		await new Promise(resolve => setTimeout(resolve, 6_500));
		const proxy = await startFaultProxy({target: env.moto().endpoint, seed: 7, dropRate: 1, maxFaults: 1, faultWhen: r => r.action === 'CreateUser'});
		stops.push(() => proxy.stop());
		const error = await env.gateway(proxy.endpoint).createUser({user: 'ana'}).catch((e: unknown) => e);
		expect(error).toMatchObject({kind: 'Conflict', code: 'UnprovenCreate', message: expect.stringContaining('iamtui did not create it')});
		expect(proxy.history().map(e => e.action)).toEqual(['CreateUser', 'GetUser']);
	}, 20_000);
});
