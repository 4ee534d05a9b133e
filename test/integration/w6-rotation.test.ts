// W6 against moto through the real gateway: a service account with one key is rotated by the model's
// stages, each write a plan run by the executor — the second key is created (both keys coexist), the
// old one is deactivated, then deleted. The new secret comes back once, in the create report; the
// rotation store (and the journal beside it) never holds it.
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, expect, it} from 'vitest';
import type {IamGateway} from '../../source/model/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import {executePlan} from '../../source/model/plans/execute.js';
import {confirmStage, reconcileRotation, rotationPlan, startRotation, verifyRotation, type RotationProgress} from '../../source/model/rotation.js';
import {Journal} from '../../source/store/journal.js';
import {RotationStore} from '../../source/store/rotations.js';
import {describeWithMoto} from '../helpers/with-moto.js';
import {ACCOUNT, useMotoForWrites} from './writes-moto.js';

const USER = 'rsdash';

describeWithMoto('W6 key rotation against moto', () => {
	const env = useMotoForWrites();
	let folder: string;
	beforeEach(() => {
		folder = mkdtempSync(path.join(os.tmpdir(), 'iamtui-w6-'));
	});
	afterEach(() => rmSync(folder, {recursive: true, force: true}));

	/** Every file iamtui wrote, as one string. */
	const written = () => readdirSync(folder).map(name => readFileSync(path.join(folder, name), 'utf8')).join('\n');

	it('second key → both active → old deactivated → old deleted; the secret returned once and never stored', async () => {
		const gateway: IamGateway = env.gateway();
		await gateway.createUser({user: USER, path: '/service/'});
		const {accessKeyId: oldKey} = await gateway.createAccessKey({user: USER});
		const store = new RotationStore(folder);
		const journal = new Journal(folder);
		const actor = {profile: 'moto', account: ACCOUNT, callerArn: null};
		const index = buildIndex(await gateway.loadSnapshot());
		const run = async (progress: RotationProgress) => {
			const plan = rotationPlan(progress, index, await gateway.accessKeys(USER));
			if (!plan) throw new Error(`no plan at stage ${progress.stage}`);
			const report = await executePlan(plan, {gateway, journal, actor});
			expect(report.ok).toBe(true);
			return report;
		};
		const settle = async (progress: RotationProgress) => {
			const {progress: next, problem} = reconcileRotation(progress, await gateway.accessKeys(USER), new Date());
			expect(problem).toBeUndefined();
			if (next.stage === 'done') store.remove(ACCOUNT, USER);
			else store.save(next);
			return next;
		};

		// Create: the plan runs, the secret comes back once, in the report.
		let progress = startRotation(index, USER, await gateway.accessKeys(USER), {account: ACCOUNT, now: new Date()});
		expect(progress).toMatchObject({oldKeyId: oldKey, stage: 'create'});
		store.save(progress);
		const created = await run(progress);
		expect(created.secrets).toHaveLength(1);
		const [issued] = created.secrets;
		if (issued?.kind !== 'access-key') throw new Error('expected an access key');
		const secret = issued.secretAccessKey.reveal();
		expect(secret).toMatch(/^.{40}$/);

		// Both keys coexist, active, during the switch.
		const during = await gateway.accessKeys(USER);
		expect(during.map(k => [k.accessKeyId, k.status]).sort()).toEqual([[issued.accessKeyId, 'Active'], [oldKey, 'Active']].sort());
		progress = await settle(progress);
		expect(progress).toMatchObject({stage: 'switch', newKeyId: issued.accessKeyId});

		// Switched, verified: a key nobody used yet has no last use, so the check says to wait.
		progress = confirmStage(progress, new Date());
		expect(verifyRotation(progress, await gateway.accessKeys(USER))).toMatchObject({ready: false});
		progress = confirmStage(progress, new Date());
		store.save(progress);
		expect(progress.stage).toBe('deactivate');

		// Deactivate the old key, then delete it.
		expect((await run(progress)).secrets).toEqual([]);
		expect((await gateway.accessKeys(USER)).map(k => [k.accessKeyId, k.status]).sort()).toEqual([[issued.accessKeyId, 'Active'], [oldKey, 'Inactive']].sort());
		progress = await settle(progress);
		expect(progress.stage).toBe('delete');
		expect(statSync(store.path).mode & 0o777).toBe(0o600);

		expect((await run(progress)).secrets).toEqual([]);
		expect((await gateway.accessKeys(USER)).map(k => k.accessKeyId)).toEqual([issued.accessKeyId]);
		progress = await settle(progress);
		expect(progress.stage).toBe('done');
		expect(store.list()).toEqual([]);

		// The journal has the three writes; no file iamtui wrote holds the secret.
		expect(journal.read().map(e => [e.operation, e.target.accessKeyId ?? null, e.outcome])).toEqual([
			['iam:CreateAccessKey', issued.accessKeyId, 'ok'],
			['iam:UpdateAccessKey', oldKey, 'ok'],
			['iam:DeleteAccessKey', oldKey, 'ok'],
		]);
		expect(written()).not.toContain(secret);
		issued.secretAccessKey.wipe();
	});

	it('a rotation cannot start from a user at the two-key limit: IAM would refuse the second key', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: USER});
		const {accessKeyId: first} = await gateway.createAccessKey({user: USER});
		const {accessKeyId: second} = await gateway.createAccessKey({user: USER});
		await gateway.updateAccessKey({user: USER, accessKeyId: second, status: 'Inactive'});
		const index = buildIndex(await gateway.loadSnapshot());
		expect(() => startRotation(index, USER, [], {account: ACCOUNT, now: new Date()})).toThrow(/no access key/);
		const keys = await gateway.accessKeys(USER);
		expect(() => startRotation(index, USER, keys, {account: ACCOUNT, now: new Date()})).toThrow(/2 access keys, IAM's limit/);
		// What the refusal stands for: IAM itself refuses a third key.
		await expect(gateway.createAccessKey({user: USER})).rejects.toMatchObject({kind: 'LimitExceeded'});
		expect((await gateway.accessKeys(USER)).map(k => k.accessKeyId).sort()).toEqual([first, second].sort());
	});
});
