// "Reset at next sign-in" is useless unless the user may change the password: like the console, a plan
// that sets such a password also attaches the AWS managed IAMUserChangePassword. Shared by the create-user
// wizard and the password plans of an existing user.
import type {SnapshotIndex} from '../indexes.js';
import {MAX_MANAGED_POLICIES_PER_ENTITY} from '../validate.js';
import {attachStep} from './steps.js';
import type {PlanStep} from './types.js';

/** The policy the console attaches when a user must change the password at next sign-in. */
export const CHANGE_PASSWORD_POLICY_ARN = 'arn:aws:iam::aws:policy/IAMUserChangePassword';

/**
 * The attachment (and its note) a password plan for `user` needs: none without a reset, none when it is
 * attached already, and at IAM's 10-policy limit a note saying what that means instead.
 */
export const changePasswordSupport = (index: SnapshotIndex, user: string, passwordResetRequired: boolean): {steps: PlanStep[]; notes: string[]} => {
	if (!passwordResetRequired) return {steps: [], notes: []};
	const attached = index.userByName.get(user)?.attachedPolicies ?? [];
	if (attached.some(p => p.arn === CHANGE_PASSWORD_POLICY_ARN)) return {steps: [], notes: []};
	if (attached.length >= MAX_MANAGED_POLICIES_PER_ENTITY)
		return {
			steps: [],
			notes: [`IAMUserChangePassword cannot be attached (${user} has ${MAX_MANAGED_POLICIES_PER_ENTITY} managed policies, IAM's limit): unless a group grants iam:ChangePassword, ${user} cannot set the new password at sign-in.`],
		};
	return {
		steps: [attachStep({kind: 'user', name: user}, CHANGE_PASSWORD_POLICY_ARN, 'IAMUserChangePassword', true)],
		notes: [`IAMUserChangePassword is attached so that ${user} can set a new password at sign-in, as the console does.`],
	};
};
