// The self-lockout guard: the one place that decides whether a plan takes away the caller's own way
// to make IAM writes, since the operator could not undo it with the same credentials. Every write path
// asks it (the TUI's confirmation, every headless write command). It counts: deleting yourself,
// deactivating or deleting the access key this session signs with, losing the allow of one of
// LOCKOUT_ACTIONS, and a conditional Deny that may apply to the caller (a network or MFA guard): the
// model cannot know the request's context, so a condition that can deny counts as a possible lockout.
// Asynchronous because the evaluator is.
import {buildAccessModel, explain, userPolicies, type AccessModel} from '../access.js';
import type {ConditionShown} from '../access/types.js';
import {buildIndex, type SnapshotIndex} from '../indexes.js';
import type {User} from '../snapshot.js';
import {applyPatch} from './patch.js';
import type {Plan, StepOperation} from './types.js';

/** The writes iamtui needs to give access back; losing any of them is a lockout. */
export const LOCKOUT_ACTIONS = ['iam:AddUserToGroup', 'iam:AttachUserPolicy', 'iam:PutUserPolicy', 'iam:CreateAccessKey'] as const;

/** Who runs the plan: the ARN STS names, and the access key id the session signs with (when known). */
export interface Caller {
	arn: string;
	accessKeyId?: string;
}

// Giving yourself access back acts on your own user, except joining a group, which acts on the group.
const resourceFor = (action: string, caller: User) => (action === 'iam:AddUserToGroup' ? '*' : caller.arn);

/** Everything that decides the user's access, as text: equal text, equal access. */
const accessFingerprint = (model: AccessModel, user: User | undefined): string => {
	const policies = user && userPolicies(model, user.name);
	if (!user || !policies) return '';
	const documents = policies.policies.map(p => [p.key, p.document]);
	return JSON.stringify([user.arn, user.tags, documents, policies.boundary?.key ?? null, policies.boundary?.document ?? null]);
};

interface Access {
	/** Allowed outright, allowed under conditions, or denied (explicitly or implicitly). */
	decision: 'allowed' | 'conditional' | 'denied';
	/** The Deny conditions the answer hangs on, as the operator would read them. */
	denyConditions: string[];
}

const conditionText = (c: ConditionShown) => `${c.operator} ${c.key} ${c.values.join(', ')} (${c.statement.source.viaGroup ? `group ${c.statement.source.viaGroup} → ` : ''}${c.statement.source.name})`;

const accessTo = async (model: AccessModel, caller: User, action: string): Promise<Access | undefined> => {
	const answer = await explain(model, caller.name, action, resourceFor(action, caller));
	if (!answer.ok) return undefined;
	const denyConditions = answer.conditions.filter(c => c.effect === 'Deny').map(conditionText);
	if (answer.decision === 'Allowed') return {decision: 'allowed', denyConditions};
	if (answer.decision === 'Conditional') return {decision: 'conditional', denyConditions};
	return {decision: 'denied', denyConditions};
};

/** The signing key deactivated or deleted by one of the plan's changes. */
const signingKeyChange = (changes: StepOperation[], accessKeyId: string | undefined): string | undefined => {
	if (!accessKeyId) return undefined;
	for (const change of changes) {
		if (change.operation === 'deleteAccessKey' && change.accessKeyId === accessKeyId) return 'delete';
		if (change.operation === 'updateAccessKey' && change.status === 'Inactive' && change.accessKeyId === accessKeyId) return 'deactivate';
	}
	return undefined;
};

/** What the plan does to the caller's allows: certainly lost, and lost only if a condition denies. */
const lostActions = async (index: SnapshotIndex, changes: StepOperation[], caller: User) => {
	const after = buildIndex(applyPatch(index.snapshot, {changes}, index.snapshot.loadedAt));
	const [before, then] = [buildAccessModel(index), buildAccessModel(after)];
	const lost: string[] = [];
	const mayLose: string[] = [];
	const conditions = new Set<string>();
	// Most plans do not touch the caller's policies: no simulation needed.
	if (accessFingerprint(before, caller) === accessFingerprint(then, after.userByName.get(caller.name))) return {lost, mayLose, conditions: []};
	for (const action of LOCKOUT_ACTIONS) {
		const was = await accessTo(before, caller, action);
		if (!was || was.decision === 'denied') continue;
		const now = await accessTo(then, caller, action);
		if (!now) continue;
		if (now.decision === 'denied') {
			lost.push(action);
			continue;
		}
		// A Deny condition the caller was not under before: whether it denies depends on the request.
		const fresh = now.denyConditions.filter(c => !was.denyConditions.includes(c));
		if (fresh.length > 0 || (was.decision === 'allowed' && now.decision === 'conditional')) {
			mayLose.push(action);
			for (const condition of fresh) conditions.add(condition);
		}
	}
	return {lost, mayLose, conditions: [...conditions]};
};

/**
 * The consequence when `plan` locks the caller out (or may); undefined when it does not, or when the
 * caller is not an IAM user of this account and signs with no key the plan touches.
 */
export const lockoutOf = async (index: SnapshotIndex, plan: Plan, caller: Caller): Promise<string | undefined> => {
	const changes = plan.steps.filter(step => !step.noop).map(step => step.run);
	const user = index.snapshot.users.find(u => u.arn === caller.arn);
	const who = user ? `you (${user.name})` : 'you';
	const reasons: string[] = [];
	const key = signingKeyChange(changes, caller.accessKeyId);
	if (key) reasons.push(`${who} ${key} the access key this session signs with (${caller.accessKeyId}): these credentials stop working at once`);
	if (user && changes.some(c => c.operation === 'deleteUser' && c.user === user.name)) reasons.push(`${who} delete your own user: these credentials stop working`);
	if (user && reasons.length === 0) {
		const {lost, mayLose, conditions} = await lostActions(index, changes, user);
		if (lost.length > 0) reasons.push(`${who} lose ${lost.join(', ')}`);
		if (mayLose.length > 0)
			reasons.push(
				`${who} may lose ${mayLose.join(', ')}: ${conditions.length > 0 ? `a conditional Deny applies to you (${conditions.join('; ')}), and every request it matches is denied` : 'your access to them becomes conditional'}`,
			);
	}
	if (reasons.length === 0) return undefined;
	return `${reasons.join('; ')}: you could not undo this yourself`;
};

/** The plan with `lockout` set when it locks the caller out (and then marked dangerous). */
/** The IAM user name in a caller ARN (arn:aws:iam::ACCOUNT:user/path/name); undefined for roles, root, federation. */
const callerUserName = (arn: string): string | undefined =>
	/^arn:aws[\w-]*:iam::\d{12}:user\//.test(arn) ? arn.slice(arn.lastIndexOf('/') + 1) : undefined;

/**
 * False when no change of the plan can lock the caller (an IAM user) out: each acts on another named user
 * (creating a user, its password, keys and groups) and none names the key the caller signs with. lockoutOf
 * would answer undefined for such a plan, so a caller of the guard need not read the account for it.
 */
export const mayLockOut = (plan: Plan, caller: Caller): boolean => {
	const name = callerUserName(caller.arn);
	if (name === undefined) return true;
	return plan.steps.some(step => {
		if (step.noop) return false;
		const change = step.run as {user?: unknown; accessKeyId?: unknown};
		return typeof change.user !== 'string' || change.user === name || (caller.accessKeyId !== undefined && change.accessKeyId === caller.accessKeyId);
	});
};

export const guardLockout = async (index: SnapshotIndex, plan: Plan, caller: Caller): Promise<Plan> => {
	const lockout = await lockoutOf(index, plan, caller);
	const {lockout: _previous, ...rest} = plan;
	return lockout ? {...rest, lockout, dangerous: true} : rest;
};
