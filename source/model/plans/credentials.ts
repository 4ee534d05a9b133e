// Access keys and console passwords. Credentials are not in the snapshot: the builders take what the
// detail screen loaded (the user's keys, the login profile) and refuse what IAM would refuse — a third
// key, a second login profile — with a hint that names the way out (the rotation helpers below).
import type {AccessKeyDetail, LoginProfile} from '../gateway.js';
import type {SnapshotIndex} from '../indexes.js';
import type {Secret} from '../secret.js';
import {MAX_ACCESS_KEYS} from '../validate.js';
import {changePasswordSupport} from './change-password.js';
import {conflict, limitExceeded, missing, requireUser} from './refuse.js';
import {
	createAccessKeyStep,
	createLoginProfileStep,
	deleteAccessKeyStep,
	deleteLoginProfileStep,
	updateAccessKeyStep,
	updateLoginProfileStep,
} from './steps.js';
import type {Plan, PlanStep} from './types.js';

const userPlan = (user: string, title: string, steps: PlanStep[], dangerous: boolean, notes: string[] = []): Plan => ({
	title,
	dangerous,
	targets: [{kind: 'user', name: user}],
	steps,
	previews: [],
	...(notes.length > 0 ? {notes} : {}),
});

/** The key created first (the one to rotate out). */
export const oldestKey = (keys: AccessKeyDetail[]): AccessKeyDetail | undefined =>
	[...keys].sort((a, b) => a.createDate.localeCompare(b.createDate))[0];

const day = (iso: string) => iso.slice(0, 10);

const keyUse = (key: AccessKeyDetail): string =>
	key.lastUsedDate ? `last used ${day(key.lastUsedDate)}${key.lastUsedService ? ` (${key.lastUsedService})` : ''}` : 'never used';

const findKey = (user: string, keys: AccessKeyDetail[], accessKeyId: string): AccessKeyDetail => {
	const key = keys.find(k => k.accessKeyId === accessKeyId);
	if (!key) throw missing(`${user} has no access key ${accessKeyId}`, keys.length > 0 ? `their keys: ${keys.map(k => k.accessKeyId).join(', ')}` : 'they have no access key');
	return key;
};

export const planCreateAccessKey = (index: SnapshotIndex, user: string, keys: AccessKeyDetail[]): Plan => {
	requireUser(index, user);
	if (keys.length >= MAX_ACCESS_KEYS) {
		const oldest = oldestKey(keys)!;
		throw limitExceeded(
			`${user} already has ${keys.length} access keys, IAM's limit per user`,
			`deactivate or delete the oldest key (${oldest.accessKeyId}, created ${day(oldest.createDate)}, ${oldest.status.toLowerCase()}, ${keyUse(oldest)}) first`,
		);
	}
	const notes = keys.length === 1 ? [`${user} will have two keys: switch what uses ${keys[0]!.accessKeyId} to the new one, then deactivate and delete the old one.`] : [];
	return userPlan(user, `Create an access key for ${user}`, [createAccessKeyStep(user)], false, [
		...notes,
		'The secret access key will be shown once, after the plan runs, and never again.',
	]);
};

/** At the limit: delete the oldest key, then create the new one (what uses the old key stops working). */
export const planReplaceOldestKey = (index: SnapshotIndex, user: string, keys: AccessKeyDetail[]): Plan => {
	requireUser(index, user);
	const oldest = oldestKey(keys);
	if (!oldest) return planCreateAccessKey(index, user, keys);
	return userPlan(user, `Replace access key ${oldest.accessKeyId} of ${user}`, [deleteAccessKeyStep(user, oldest.accessKeyId), createAccessKeyStep(user)], true, [
		`${oldest.accessKeyId} (created ${day(oldest.createDate)}, ${oldest.status.toLowerCase()}, ${keyUse(oldest)}) is deleted: anything still using it stops working at once.`,
		'The new secret access key will be shown once, after the plan runs, and never again.',
	]);
};

/** At the limit, the careful way: deactivate the oldest key now, delete it once nothing broke. */
export const planDeactivateOldestKey = (index: SnapshotIndex, user: string, keys: AccessKeyDetail[]): Plan => {
	const oldest = oldestKey(keys);
	if (!oldest) throw missing(`${user} has no access key`, 'create one instead');
	return planAccessKeyStatus(index, user, keys, oldest.accessKeyId, 'Inactive');
};

export const planAccessKeyStatus = (index: SnapshotIndex, user: string, keys: AccessKeyDetail[], accessKeyId: string, status: 'Active' | 'Inactive'): Plan => {
	requireUser(index, user);
	const key = findKey(user, keys, accessKeyId);
	const step = updateAccessKeyStep(user, accessKeyId, status);
	if (key.status === status) step.noop = `${accessKeyId} is already ${status.toLowerCase()}`;
	const deactivate = status === 'Inactive';
	const notes = deactivate
		? [`Anything using ${accessKeyId} (${keyUse(key)}) is refused from now on; activating it again undoes this.`]
		: [`${accessKeyId} works again for anyone who holds its secret.`];
	return userPlan(user, step.description, [step], deactivate, notes);
};

export const planDeleteAccessKey = (index: SnapshotIndex, user: string, keys: AccessKeyDetail[], accessKeyId: string): Plan => {
	requireUser(index, user);
	const key = findKey(user, keys, accessKeyId);
	const notes = [`Deleting a key cannot be undone (${keyUse(key)}).`];
	if (key.status === 'Active') notes.push(`${accessKeyId} is still active: anything using it stops working at once. Deactivating it first lets you check that nothing breaks.`);
	return userPlan(user, `Delete access key ${accessKeyId} of ${user}`, [deleteAccessKeyStep(user, accessKeyId)], true, notes);
};

export interface PasswordRequest {
	user: string;
	password: Secret;
	passwordResetRequired: boolean;
}

const shownOnce = 'The password will be shown once, after the plan runs, and never again.';

/** `loginProfile`: what the user has now (null: no console password). */
export const planCreateLoginProfile = (index: SnapshotIndex, request: PasswordRequest, loginProfile: LoginProfile | null): Plan => {
	const {user, password, passwordResetRequired} = request;
	requireUser(index, user);
	if (loginProfile) throw conflict(`${user} already has a console password (since ${day(loginProfile.createDate)})`, 'reset it instead');
	const support = changePasswordSupport(index, request.user, request.passwordResetRequired);
	return userPlan(user, `Give ${user} console access`, [createLoginProfileStep(user, password, passwordResetRequired), ...support.steps], false, [...support.notes, shownOnce]);
};

export const planResetPassword = (index: SnapshotIndex, request: PasswordRequest, loginProfile: LoginProfile | null): Plan => {
	const {user, password, passwordResetRequired} = request;
	requireUser(index, user);
	if (!loginProfile) throw missing(`${user} has no console password`, 'give them console access instead');
	const support = changePasswordSupport(index, request.user, request.passwordResetRequired);
	return userPlan(user, `Reset the console password of ${user}`, [updateLoginProfileStep(user, password, passwordResetRequired), ...support.steps], true, [
		`The old password stops working at once.`,
		...support.notes,
		shownOnce,
	]);
};

export const planRemoveLoginProfile = (index: SnapshotIndex, user: string, loginProfile: LoginProfile | null): Plan => {
	requireUser(index, user);
	if (!loginProfile) throw missing(`${user} has no console password`, 'nothing to remove');
	return userPlan(user, `Remove console access of ${user}`, [deleteLoginProfileStep(user)], true, [
		`${user} can no longer sign in to the console; access keys, if any, keep working.`,
	]);
};
