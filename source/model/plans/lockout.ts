// The self-lockout guard: a plan that takes away the caller's own way to make IAM writes (or deletes
// the caller) says so before it runs, since the operator could not undo it with the same credentials.
// Decided by the access model on the account before and after the plan, for the caller alone.
// Asynchronous because the evaluator is.
import {buildAccessModel, explain, userPolicies, type AccessModel} from '../access.js';
import {buildIndex, type SnapshotIndex} from '../indexes.js';
import type {User} from '../snapshot.js';
import {applyPatch} from './patch.js';
import type {Plan} from './types.js';

/** The writes iamtui needs to give access back; losing any of them is a lockout. */
export const LOCKOUT_ACTIONS = ['iam:AddUserToGroup', 'iam:AttachUserPolicy', 'iam:PutUserPolicy', 'iam:CreateAccessKey'] as const;

// Giving yourself access back acts on your own user, except joining a group, which acts on the group.
const resourceFor = (action: string, caller: User) => (action === 'iam:AddUserToGroup' ? '*' : caller.arn);

/** Everything that decides the user's access, as text: equal text, equal access. */
const accessFingerprint = (model: AccessModel, user: User | undefined): string => {
	const policies = user && userPolicies(model, user.name);
	if (!user || !policies) return '';
	const documents = policies.policies.map(p => [p.key, p.document]);
	return JSON.stringify([user.arn, user.tags, documents, policies.boundary?.key ?? null, policies.boundary?.document ?? null]);
};

const allowed = async (model: AccessModel, caller: User, action: string): Promise<boolean | undefined> => {
	const answer = await explain(model, caller.name, action, resourceFor(action, caller));
	if (!answer.ok) return undefined;
	return answer.decision === 'Allowed' || answer.decision === 'Conditional';
};

/**
 * The consequence when `plan` removes the caller's allow for one of LOCKOUT_ACTIONS or deletes the
 * caller; undefined when it does not, or when the caller is not an IAM user of this account.
 */
export const lockoutOf = async (index: SnapshotIndex, plan: Plan, callerArn: string): Promise<string | undefined> => {
	const caller = index.snapshot.users.find(u => u.arn === callerArn);
	if (!caller) return undefined;
	const changes = plan.steps.filter(step => !step.noop).map(step => step.run);
	if (changes.some(c => c.operation === 'deleteUser' && c.user === caller.name))
		return `you (${caller.name}) delete your own user: these credentials stop working, and you could not undo this yourself`;
	const after = buildIndex(applyPatch(index.snapshot, {changes}, index.snapshot.loadedAt));
	const [before, then] = [buildAccessModel(index), buildAccessModel(after)];
	// Most plans do not touch the caller's policies: no simulation needed.
	if (accessFingerprint(before, caller) === accessFingerprint(then, after.userByName.get(caller.name))) return undefined;
	const lost: string[] = [];
	for (const action of LOCKOUT_ACTIONS) {
		if ((await allowed(before, caller, action)) !== true) continue;
		if ((await allowed(then, caller, action)) === false) lost.push(action);
	}
	if (lost.length === 0) return undefined;
	return `you (${caller.name}) lose ${lost.join(', ')}: you could not undo this yourself`;
};

/** The plan with `lockout` set when it locks the caller out (and then marked dangerous). */
export const guardLockout = async (index: SnapshotIndex, plan: Plan, callerArn: string): Promise<Plan> => {
	const lockout = await lockoutOf(index, plan, callerArn);
	const {lockout: _previous, ...rest} = plan;
	return lockout ? {...rest, lockout, dangerous: true} : rest;
};
