// W1 onboarding: create a user with tags, a console password (reset at first sign-in, like the
// console: IAMUserChangePassword attached so they may set their own), an access key, and groups.
// IAM's rules are checked first, because the emulator accepts what IAM would refuse.
import {buildIndex, type SnapshotIndex} from '../indexes.js';
import type {Secret} from '../secret.js';
import type {Tag} from '../snapshot.js';
import {assertValid, checkPath, checkTags, checkUserName, MAX_GROUPS_PER_USER} from '../validate.js';
import {applyPatch} from './patch.js';
import {membershipPreview} from './preview.js';
import {conflict, limitExceeded, notFound, sameNameAs} from './refuse.js';
import {changePasswordSupport} from './change-password.js';
import {addToGroupStep, createAccessKeyStep, createLoginProfileStep, createUserStep} from './steps.js';
import type {Plan, PlanStep} from './types.js';

export {CHANGE_PASSWORD_POLICY_ARN} from './change-password.js';

export interface NewUserRequest {
	name: string;
	path?: string;
	tags: Tag[];
	console: null | {password: Secret; passwordResetRequired: boolean};
	accessKey: boolean;
	groups: string[];
}

const check = (index: SnapshotIndex, request: NewUserRequest, groups: string[]): void => {
	assertValid(checkUserName(request.name), request.path === undefined ? null : checkPath(request.path), checkTags(request.tags));
	const existing = sameNameAs(request.name, index.userByName.keys());
	if (existing) {
		const same = existing === request.name;
		throw conflict(
			same ? `a user named ${existing} already exists` : `a user named ${existing} already exists, and IAM user names ignore case`,
			'choose another name, or open the existing user',
		);
	}
	for (const group of groups) if (!index.groupByName.has(group)) throw notFound('group', group, index.groupByName.keys());
	if (groups.length > MAX_GROUPS_PER_USER)
		throw limitExceeded(`${groups.length} groups chosen; IAM puts a user in at most ${MAX_GROUPS_PER_USER}`, 'choose fewer groups');
};

/** The plan for a new user; throws IamError for an invalid or taken name, unknown groups, too many groups. */
export const planCreateUser = (index: SnapshotIndex, request: NewUserRequest): Plan => {
	const groups = [...new Set(request.groups)];
	check(index, request, groups);
	const {name} = request;
	const create = createUserStep(name, request.path, request.tags);
	const steps: PlanStep[] = [create];
	const notes: string[] = [];
	if (request.console) {
		const {password, passwordResetRequired} = request.console;
		const support = changePasswordSupport(index, name, passwordResetRequired);
		steps.push(createLoginProfileStep(name, password, passwordResetRequired), ...support.steps);
		notes.push(...support.notes);
	}
	if (request.accessKey) steps.push(createAccessKeyStep(name));
	steps.push(...groups.map(group => addToGroupStep(name, group)));
	if (request.console || request.accessKey)
		notes.push(`The ${[request.console && 'password', request.accessKey && 'secret access key'].filter(Boolean).join(' and ')} will be shown once, after the plan runs, and never again.`);

	// What each group brings, computed on the account as it will be once the user exists.
	const created = groups.length > 0 ? buildIndex(applyPatch(index.snapshot, {changes: [create.run]})) : index;
	return {
		title: `Create user ${name}`,
		dangerous: false,
		targets: [{kind: 'user', name}, ...groups.map(group => ({kind: 'group' as const, name: group}))],
		steps,
		previews: groups.map(group => membershipPreview(created, name, group, 'add')),
		notes,
	};
};
