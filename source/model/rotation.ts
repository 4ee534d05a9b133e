// Key rotation without downtime, as stages: create a second key → the operator switches the tool to
// it → verify (last used of both keys) → deactivate the old key → delete it. The stages that write are
// plans built with the credentials plan builders; the progress (key ids and the stage — never a
// secret) is plain data a store keeps, and it is reconciled with the keys IAM lists, so a rotation
// interrupted anywhere (even between a write and its record) resumes where the account really is.
import {z} from 'zod';
import {IamError} from './errors.js';
import type {AccessKeyDetail} from './gateway.js';
import type {SnapshotIndex} from './indexes.js';
import {planAccessKeyStatus, planCreateAccessKey, planDeleteAccessKey} from './plans/credentials.js';
import {limitExceeded, missing, requireUser} from './plans/refuse.js';
import type {Plan} from './plans/types.js';
import {MAX_ACCESS_KEYS} from './validate.js';

export const ROTATION_STAGES = ['create', 'switch', 'verify', 'deactivate', 'delete', 'done'] as const;
export type RotationStage = (typeof ROTATION_STAGES)[number];

// Access key ids are upper-case letters and digits: a secret (mixed case, / and +) cannot pass for one.
const keyId = z.string().regex(/^[A-Z0-9]{16,128}$/, 'an access key id is 16-128 upper-case letters and digits');

export const rotationSchema = z
	.object({
		account: z.string().regex(/^\d{12}$/, 'an account id has 12 digits'),
		user: z.string().min(1),
		oldKeyId: keyId,
		newKeyId: keyId.nullable(),
		stage: z.enum(ROTATION_STAGES),
		startedAt: z.string(),
		updatedAt: z.string(),
	})
	.strict();

export type RotationProgress = z.infer<typeof rotationSchema>;

/** Each stage: what it does, and what it needs before it can be done. */
export const STAGES: Record<RotationStage, {title: string; needs: string}> = {
	create: {title: 'Create the second key', needs: 'one active key, and room for a second (IAM allows two per user)'},
	switch: {title: 'Switch the tool to the new key', needs: 'the new secret, saved or copied when it was shown once'},
	verify: {title: 'Verify: the new key is in use, the old one is not', needs: 'the last use of both keys (GetAccessKeyLastUsed)'},
	deactivate: {title: 'Deactivate the old key', needs: 'the new key in use; activating the old key again undoes this'},
	delete: {title: 'Delete the old key', needs: 'the old key inactive for a while, and nothing broke'},
	done: {title: 'Rotation finished', needs: ''},
};

const day = (iso: string) => iso.slice(0, 10);

/** A rotation starts from one active key and room for a second; anything else is refused with the way out. */
export const startRotation = (
	index: SnapshotIndex,
	user: string,
	keys: AccessKeyDetail[],
	context: {account: string; now: Date},
): RotationProgress => {
	requireUser(index, user);
	const active = keys.filter(k => k.status === 'Active');
	if (keys.length === 0) throw missing(`${user} has no access key: there is nothing to rotate`, 'create a key instead');
	if (active.length === 0)
		throw new IamError('Invalid', `${user} has no active access key: there is nothing to rotate`, `delete the inactive key ${keys[0]!.accessKeyId} and create a new one`);
	if (active.length > 1)
		throw new IamError(
			'Invalid',
			`${user} has two active keys; a rotation starts from one`,
			'look at their last use, deactivate the one nothing uses, then rotate the other',
		);
	if (keys.length >= MAX_ACCESS_KEYS) {
		const inactive = keys.find(k => k.status === 'Inactive')!;
		throw limitExceeded(
			`${user} already has ${keys.length} access keys, IAM's limit, so a second active one cannot be created`,
			`delete the inactive key ${inactive.accessKeyId} (created ${day(inactive.createDate)}) first`,
		);
	}
	const at = context.now.toISOString();
	return {account: context.account, user, oldKeyId: active[0]!.accessKeyId, newKeyId: null, stage: 'create', startedAt: at, updatedAt: at};
};

export interface Reconciled {
	progress: RotationProgress;
	/** Something changed outside the rotation that stops it; the UI says it and offers to forget it. */
	problem?: string;
}

const newest = (keys: AccessKeyDetail[]) => [...keys].sort((a, b) => b.createDate.localeCompare(a.createDate))[0];

/** The stage the account is really at, given the keys IAM lists now (a plan may have run since). */
export const reconcileRotation = (progress: RotationProgress, keys: AccessKeyDetail[], now: Date): Reconciled => {
	const old = keys.find(k => k.accessKeyId === progress.oldKeyId);
	const at = (stage: RotationStage, extra: Partial<RotationProgress> = {}): Reconciled =>
		stage === progress.stage && Object.keys(extra).length === 0
			? {progress}
			: {progress: {...progress, ...extra, stage, updatedAt: now.toISOString()}};
	let newKeyId = progress.newKeyId;
	let found: Partial<RotationProgress> = {};
	if (newKeyId === null) {
		const created = newest(keys.filter(k => k.accessKeyId !== progress.oldKeyId));
		if (created) {
			newKeyId = created.accessKeyId;
			found = {newKeyId};
		}
	}
	const fresh = newKeyId ? keys.find(k => k.accessKeyId === newKeyId) : undefined;
	if (progress.stage === 'done') return {progress};
	if (!old) {
		if (fresh || progress.stage === 'delete') return at('done', found);
		return {progress, problem: `the old key ${progress.oldKeyId} is gone (deleted outside this rotation), and no new key was created`};
	}
	if (newKeyId && !fresh)
		return {progress, problem: `the new key ${newKeyId} is gone (deleted outside this rotation); the old key ${old.accessKeyId} is ${old.status.toLowerCase()}`};
	if (progress.stage === 'create') return fresh ? at('switch', found) : {progress};
	if (progress.stage === 'deactivate' && old.status === 'Inactive') return at('delete', found);
	// Activated again (something broke): deleting it now would break it for good.
	if (progress.stage === 'delete' && old.status === 'Active') return at('deactivate', found);
	return at(progress.stage, found);
};

/** The stages the operator moves on by hand: switch → verify → deactivate. */
export const confirmStage = (progress: RotationProgress, now: Date): RotationProgress => {
	const next: Partial<Record<RotationStage, RotationStage>> = {switch: 'verify', verify: 'deactivate'};
	const stage = next[progress.stage];
	return stage ? {...progress, stage, updatedAt: now.toISOString()} : progress;
};

/** The write a stage makes, built by the credentials plan builders; undefined for the stages that only wait. */
export const rotationPlan = (progress: RotationProgress, index: SnapshotIndex, keys: AccessKeyDetail[]): Plan | undefined => {
	const {user, oldKeyId} = progress;
	const note = `Key rotation of ${user}: ${STAGES[progress.stage].title.toLowerCase()} (${oldKeyId} is the key being replaced).`;
	const withNote = (plan: Plan): Plan => ({...plan, notes: [note, ...(plan.notes ?? [])]});
	if (progress.stage === 'create') return withNote(planCreateAccessKey(index, user, keys));
	if (progress.stage === 'deactivate') return withNote(planAccessKeyStatus(index, user, keys, oldKeyId, 'Inactive'));
	if (progress.stage === 'delete') return withNote(planDeleteAccessKey(index, user, keys, oldKeyId));
	return undefined;
};

export interface Verification {
	/** The new key is in use and the old one was not used after it. */
	ready: boolean;
	lines: string[];
}

const used = (key: AccessKeyDetail) =>
	key.lastUsedDate ? `last used ${key.lastUsedDate.replace('T', ' ').slice(0, 16)} UTC${key.lastUsedService ? ` (${key.lastUsedService})` : ''}` : 'never used';

/** Compares GetAccessKeyLastUsed of the new and the old key. */
export const verifyRotation = (progress: RotationProgress, keys: AccessKeyDetail[]): Verification => {
	const fresh = keys.find(k => k.accessKeyId === progress.newKeyId);
	const old = keys.find(k => k.accessKeyId === progress.oldKeyId);
	if (!fresh) return {ready: false, lines: [`the new key ${progress.newKeyId ?? '(not created yet)'} is not listed`]};
	const lines = [`new key ${fresh.accessKeyId}: ${used(fresh)}`, old ? `old key ${old.accessKeyId}: ${used(old)}` : `old key ${progress.oldKeyId}: gone`];
	if (!fresh.lastUsedDate) return {ready: false, lines: [...lines, 'The new key has not been used yet: the tool has not switched, or has made no call since (last use can lag by hours).']};
	if (old?.lastUsedDate && old.lastUsedDate > fresh.lastUsedDate)
		return {ready: false, lines: [...lines, 'The old key was used after the new one: something still uses the old key.']};
	return {ready: true, lines: [...lines, 'The new key is in use and the old one has not been used since: safe to deactivate it.']};
};
