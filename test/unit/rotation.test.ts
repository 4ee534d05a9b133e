// Key rotation as stages: what starts one (one active key, room for a second), the plan of each stage
// (built by the credentials plan builders), the stage the keys IAM lists imply, and the verify check.
import {describe, expect, it} from 'vitest';
import type {AccessKeyDetail} from '../../source/model/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import {confirmStage, reconcileRotation, rotationPlan, rotationSchema, startRotation, verifyRotation, type RotationProgress} from '../../source/model/rotation.js';
import {ACCOUNT, FIXTURE_NOW, fixtureSnapshot} from '../fixtures/account.js';

const index = buildIndex(fixtureSnapshot());
const USER = 'rsdash';
const OLD = 'AKIAOLDKEY0000000001';
const NEW = 'AKIANEWKEY0000000002';
const LATER = new Date(FIXTURE_NOW.getTime() + 3_600_000);

const key = (accessKeyId: string, extra: Partial<AccessKeyDetail> = {}): AccessKeyDetail => ({
	accessKeyId,
	status: 'Active',
	createDate: '2024-01-01T00:00:00.000Z',
	lastUsedDate: null,
	lastUsedService: null,
	lastUsedRegion: null,
	...extra,
});
const oldKey = (extra: Partial<AccessKeyDetail> = {}) => key(OLD, extra);
const newKey = (extra: Partial<AccessKeyDetail> = {}) => key(NEW, {createDate: '2024-06-01T12:00:00.000Z', ...extra});

const start = (): RotationProgress => startRotation(index, USER, [oldKey()], {account: ACCOUNT, now: FIXTURE_NOW});
const at = (stage: RotationProgress['stage'], newKeyId: string | null = NEW): RotationProgress => ({...start(), stage, newKeyId});

describe('startRotation', () => {
	it('starts from the one active key, at the create stage', () => {
		expect(start()).toEqual({
			account: ACCOUNT,
			user: USER,
			oldKeyId: OLD,
			newKeyId: null,
			stage: 'create',
			startedAt: FIXTURE_NOW.toISOString(),
			updatedAt: FIXTURE_NOW.toISOString(),
		});
	});

	it('refuses without a key, with only an inactive one, with two active ones, and at the two-key limit', () => {
		const refusal = (keys: AccessKeyDetail[]) => {
			try {
				startRotation(index, USER, keys, {account: ACCOUNT, now: FIXTURE_NOW});
			} catch (error) {
				return error as {kind: string; message: string; hint: string};
			}
			throw new Error('expected a refusal');
		};
		expect(refusal([])).toMatchObject({kind: 'NotFound', hint: 'create a key instead'});
		expect(refusal([oldKey({status: 'Inactive'})]).message).toMatch(/no active access key/);
		expect(refusal([oldKey(), newKey()]).message).toMatch(/two active keys/);
		const limit = refusal([oldKey(), newKey({status: 'Inactive'})]);
		expect(limit.kind).toBe('LimitExceeded');
		expect(limit.hint).toContain(`delete the inactive key ${NEW}`);
		expect(() => startRotation(index, 'nobody', [oldKey()], {account: ACCOUNT, now: FIXTURE_NOW})).toThrow(/no user named nobody/);
	});
});

describe('rotationPlan', () => {
	it('create: one createAccessKey step, the secret shown once', () => {
		const plan = rotationPlan(start(), index, [oldKey()])!;
		expect(plan.steps.map(s => s.run)).toEqual([{operation: 'createAccessKey', user: USER}]);
		expect(plan.steps[0]!.awsCli).toBe(`aws iam create-access-key --user-name ${USER}`);
		expect(plan.notes!.join('\n')).toContain('shown once');
	});

	it('deactivate, then delete the old key; the waiting stages have no plan', () => {
		const keys = [oldKey(), newKey()];
		expect(rotationPlan(at('deactivate'), index, keys)!.steps.map(s => s.run)).toEqual([
			{operation: 'updateAccessKey', user: USER, accessKeyId: OLD, status: 'Inactive'},
		]);
		const deletion = rotationPlan(at('delete'), index, [oldKey({status: 'Inactive'}), newKey()])!;
		expect(deletion.steps.map(s => s.run)).toEqual([{operation: 'deleteAccessKey', user: USER, accessKeyId: OLD}]);
		expect(deletion.dangerous).toBe(true);
		for (const stage of ['switch', 'verify', 'done'] as const) expect(rotationPlan(at(stage), index, keys)).toBeUndefined();
	});
});

describe('reconcileRotation', () => {
	it('create → switch once a second key is listed, naming it', () => {
		expect(reconcileRotation(start(), [oldKey()], LATER).progress.stage).toBe('create');
		const {progress} = reconcileRotation(start(), [oldKey(), newKey()], LATER);
		expect(progress).toMatchObject({stage: 'switch', newKeyId: NEW, updatedAt: LATER.toISOString()});
	});

	it('deactivate → delete once the old key is inactive; delete → done once it is gone; back to deactivate if reactivated', () => {
		expect(reconcileRotation(at('deactivate'), [oldKey(), newKey()], LATER).progress.stage).toBe('deactivate');
		expect(reconcileRotation(at('deactivate'), [oldKey({status: 'Inactive'}), newKey()], LATER).progress.stage).toBe('delete');
		expect(reconcileRotation(at('delete'), [newKey()], LATER).progress.stage).toBe('done');
		expect(reconcileRotation(at('delete'), [oldKey(), newKey()], LATER).progress.stage).toBe('deactivate');
	});

	it('leaves the progress untouched when nothing moved, and names a key deleted outside the rotation', () => {
		const verify = at('verify');
		expect(reconcileRotation(verify, [oldKey(), newKey()], LATER).progress).toBe(verify);
		expect(reconcileRotation(verify, [oldKey()], LATER).problem).toMatch(new RegExp(`new key ${NEW} is gone`));
		expect(reconcileRotation(start(), [], LATER).problem).toMatch(new RegExp(`old key ${OLD} is gone`));
	});

	it('switch and verify move on only when the operator says so', () => {
		expect(confirmStage(at('switch'), LATER).stage).toBe('verify');
		expect(confirmStage(at('verify'), LATER).stage).toBe('deactivate');
		expect(confirmStage(at('deactivate'), LATER).stage).toBe('deactivate');
	});
});

describe('verifyRotation', () => {
	it('is ready when the new key is used and the old one was not used after it', () => {
		const check = verifyRotation(at('verify'), [oldKey({lastUsedDate: '2024-06-01T10:00:00Z'}), newKey({lastUsedDate: '2024-06-01T13:00:00Z', lastUsedService: 's3'})]);
		expect(check.ready).toBe(true);
		expect(check.lines[0]).toBe(`new key ${NEW}: last used 2024-06-01 13:00 UTC (s3)`);
	});

	it('is not ready while the new key is unused, or when the old key was used after the new one', () => {
		expect(verifyRotation(at('verify'), [oldKey(), newKey()]).ready).toBe(false);
		const still = verifyRotation(at('verify'), [oldKey({lastUsedDate: '2024-06-01T14:00:00Z'}), newKey({lastUsedDate: '2024-06-01T13:00:00Z'})]);
		expect(still.ready).toBe(false);
		expect(still.lines.at(-1)).toMatch(/something still uses the old key/);
	});
});

describe('rotationSchema', () => {
	it('admits key ids only: a secret access key cannot pass for one, and extra fields are refused', () => {
		expect(rotationSchema.safeParse(at('verify')).success).toBe(true);
		expect(rotationSchema.safeParse({...at('verify'), newKeyId: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'}).success).toBe(false);
		expect(rotationSchema.safeParse({...at('verify'), secretAccessKey: 'x'}).success).toBe(false);
	});
});
