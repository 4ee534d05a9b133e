// The roles in an offboarding, two kinds. Roles the user can assume, asked of the access model so the
// answer follows AWS's rules (an account trust plus an identity allow, or a trust naming the user;
// conditions make it Conditional): removing the user's groups and policies ends those reached through
// them. And trust policies that name the user by ARN: those outlive the user (AWS rewrites the ARN to
// the user's unique id AIDA… when the user is deleted), so the plan takes the user out of them.
import {buildAccessModel, principalFor} from '../access/model.js';
import {canAssume, grants} from '../access/assume-role.js';
import {assumeConditionText, stepText} from '../access/role-path-text.js';
import {rolesOf} from '../access/roles.js';
import {describeError} from '../errors.js';
import type {SnapshotIndex} from '../indexes.js';
import {parseTrustPolicy} from '../trust-principals.js';
import type {AssumableRole, TrustNaming} from './record.js';

/** Every role whose trust policy names `userArn` (as a principal of any statement), with its document. */
export const trustsNaming = (index: SnapshotIndex, userArn: string): TrustNaming[] =>
	(index.snapshot.roles ?? [])
		.filter(role => parseTrustPolicy(role.trustPolicy).statements.some(s => s.principals.some(p => p.raw === userArn)))
		.map(role => ({role: role.name, roleArn: role.arn, principal: userArn, document: role.trustPolicy}));

/**
 * The roles `userName` may assume directly, each with its path in words. Chains are not followed: a
 * role reached by chaining is reached through one of these, so the same step ends it — and following
 * them costs tens of seconds on an account with a thousand roles, before the screen can show anything.
 */
export const rolesUserCanAssume = async (index: SnapshotIndex, userName: string): Promise<AssumableRole[]> => {
	const model = buildAccessModel(index);
	const principal = principalFor(model, 'user', userName);
	if (!principal) return [];
	const steps = await Promise.all(rolesOf(model).map(role => canAssume(model, principal, role)));
	return steps.filter(grants).map(step => ({
		role: step.role,
		decision: step.decision === 'Allowed' ? 'Allowed' : 'Conditional',
		direct: step.trust?.principal === 'direct',
		first: step.role,
		path: stepText(step),
		conditions: step.conditions.map(assumeConditionText),
	}));
};

/**
 * Both lists for the record. The access model failing (a policy it cannot read) does not stop an
 * offboarding: the trusts are still found, and the failure is named among what could not be listed.
 */
export const roleInventory = async (
	index: SnapshotIndex,
	user: {name: string; arn: string},
): Promise<{assumableRoles: AssumableRole[]; trustPolicies: TrustNaming[]; unlisted: string[]}> => {
	const trustPolicies = trustsNaming(index, user.arn);
	try {
		return {assumableRoles: await rolesUserCanAssume(index, user.name), trustPolicies, unlisted: []};
	} catch (error) {
		return {assumableRoles: [], trustPolicies, unlisted: [`roles the user can assume (${describeError(error)})`]};
	}
};
