// After a plan stopped part-way (AccessDenied, NoSuchEntity…), the steps that did go through can be
// taken back: each done step's inverse, newest first, built from what the account looked like before
// the plan ran (a replaced inline document or tag is put back as it was). What cannot be taken back
// — a deletion, a password that was overwritten, a deactivated MFA device — is named, never guessed.
import type {SnapshotIndex} from '../indexes.js';
import type {Tag} from '../snapshot.js';
import {awsIam, shellQuote} from './aws-cli.js';
import {iamAction, type ExecutionReport} from './execute.js';
import {attachRoleStep, deleteRoleInlineStep, putRoleInlineStep, updateTrustStep} from './roles.js';
import {
	addToGroupStep,
	attachStep,
	certificateStatusStep,
	deleteAccessKeyStep,
	deleteBoundaryStep,
	deleteCertificateStep,
	deleteGroupStep,
	deleteInlineStep,
	deleteLoginProfileStep,
	deletePolicyStep,
	deleteUserStep,
	putBoundaryStep,
	putInlineStep,
	removeFromGroupStep,
	tagsCli,
	updateAccessKeyStep,
	type PrincipalRef,
} from './steps.js';
import type {AppliedChange, Plan, PlanStep} from './types.js';

export interface UndoProposal {
	/** The inverse of every done step that can be taken back, newest first; absent when there is none. */
	plan?: Plan;
	/** Done steps that cannot be taken back, each with the reason. */
	cannotUndo: string[];
}

type Inverse = PlanStep | {cannot: string};

const policyLabel = (before: SnapshotIndex | undefined, arn: string) => before?.policyByArn.get(arn)?.name ?? arn.slice(arn.lastIndexOf('/') + 1);

const inlineBefore = (before: SnapshotIndex | undefined, target: PrincipalRef, policyName: string) => {
	const holder = target.kind === 'user' ? before?.userByName.get(target.name) : before?.groupByName.get(target.name);
	return holder?.inlinePolicies.find(p => p.name === policyName);
};

const tagStep = (user: string, tags: Tag[]): PlanStep => ({
	description: `Put back tag${tags.length === 1 ? '' : 's'} ${tags.map(t => t.Key).join(', ')} of ${user} as ${tags.length === 1 ? 'it was' : 'they were'}`,
	awsCli: `${awsIam('tag-user', {'user-name': user})} ${tagsCli(tags)}`,
	run: {operation: 'tagUser', user, tags},
});

const untagStep = (user: string, tagKeys: string[]): PlanStep => ({
	description: `Remove tag${tagKeys.length === 1 ? '' : 's'} ${tagKeys.join(', ')} from ${user}`,
	awsCli: `${awsIam('untag-user', {'user-name': user})} --tag-keys ${tagKeys.map(shellQuote).join(' ')}`,
	run: {operation: 'untagUser', user, tagKeys},
});

/** Puts back a boundary the plan replaced or removed. */
const boundaryStep = (user: string, policyArn: string): PlanStep => ({
	...putBoundaryStep(user, policyArn),
	description: `Put back the permissions boundary ${policyArn} of ${user}`,
});

const gone = (what: string, how = 'it was deleted') => ({cannot: `${what}: ${how}; iamtui cannot bring it back`});

/** Undoing these means putting back what was there before, which only the snapshot knows. */
const NEEDS_EARLIER_STATE = new Set<AppliedChange['operation']>([
	'putUserPolicy',
	'putGroupPolicy',
	'deleteUserPolicy',
	'deleteGroupPolicy',
	'tagUser',
	'untagUser',
	'putUserPermissionsBoundary',
	'deleteUserPermissionsBoundary',
	'putRolePolicy',
	'deleteRolePolicy',
	'updateAssumeRolePolicy',
]);

const describeChange = (change: AppliedChange): string => {
	const fields = change as unknown as Record<string, unknown>;
	const on =
		typeof fields.user === 'string' ? ` of user ${fields.user}` : typeof fields.group === 'string' ? ` of group ${fields.group}` : typeof fields.role === 'string' ? ` of role ${fields.role}` : '';
	return `${iamAction(change)}${typeof fields.policyName === 'string' ? ` ${fields.policyName}` : ''}${on}`;
};

/** The step that takes one applied change back, judged against the account before the plan. */
export const inverseOf = (change: AppliedChange, before: SnapshotIndex | undefined): Inverse => {
	if (!before && NEEDS_EARLIER_STATE.has(change.operation)) return {cannot: `${describeChange(change)}: the account was not read before the change, so its earlier state is unknown`};
	switch (change.operation) {
		case 'addUserToGroup':
			return removeFromGroupStep(change.user, change.group);
		case 'removeUserFromGroup':
			return addToGroupStep(change.user, change.group);
		case 'createUser':
			return deleteUserStep(change.user);
		case 'createGroup':
			return deleteGroupStep(change.group);
		case 'attachUserPolicy':
			return attachStep({kind: 'user', name: change.user}, change.policyArn, policyLabel(before, change.policyArn), false);
		case 'detachUserPolicy':
			return attachStep({kind: 'user', name: change.user}, change.policyArn, policyLabel(before, change.policyArn), true);
		case 'attachGroupPolicy':
			return attachStep({kind: 'group', name: change.group}, change.policyArn, policyLabel(before, change.policyArn), false);
		case 'detachGroupPolicy':
			return attachStep({kind: 'group', name: change.group}, change.policyArn, policyLabel(before, change.policyArn), true);
		case 'createPolicy':
			return change.result?.arn ? deletePolicyStep(change.result.arn, change.policyName) : {cannot: `policy ${change.policyName}: its ARN is unknown; delete it by hand`};
		case 'createAccessKey':
			return change.result?.accessKeyId ? deleteAccessKeyStep(change.user, change.result.accessKeyId) : {cannot: `the new access key of ${change.user}: its id is unknown; delete it by hand`};
		case 'updateAccessKey':
			return updateAccessKeyStep(change.user, change.accessKeyId, change.status === 'Active' ? 'Inactive' : 'Active');
		case 'createLoginProfile':
			return deleteLoginProfileStep(change.user);
		case 'updateLoginProfile':
			return {cannot: `the console password of ${change.user}: the earlier password is not known (nobody keeps it)`};
		case 'uploadSigningCertificate':
			return change.result?.certificateId
				? deleteCertificateStep(change.user, change.result.certificateId)
				: {cannot: `the new signing certificate of ${change.user}: its id is unknown; delete it by hand`};
		case 'updateSigningCertificate':
			return certificateStatusStep(change.user, change.certificateId, change.status === 'Active' ? 'Inactive' : 'Active');
		case 'putUserPolicy':
		case 'putGroupPolicy': {
			const target: PrincipalRef = change.operation === 'putUserPolicy' ? {kind: 'user', name: change.user} : {kind: 'group', name: change.group};
			const earlier = inlineBefore(before, target, change.policyName);
			if (!earlier) return deleteInlineStep(target, change.policyName);
			return {...putInlineStep(target, change.policyName, earlier.document), description: `Put back the earlier document of inline policy ${change.policyName} on ${target.kind} ${target.name}`};
		}
		case 'deleteUserPolicy':
		case 'deleteGroupPolicy': {
			const target: PrincipalRef = change.operation === 'deleteUserPolicy' ? {kind: 'user', name: change.user} : {kind: 'group', name: change.group};
			const earlier = inlineBefore(before, target, change.policyName);
			if (!earlier) return {cannot: `inline policy ${change.policyName} of ${target.kind} ${target.name}: its document was not in the snapshot`};
			return {...putInlineStep(target, change.policyName, earlier.document), description: `Put back inline policy ${change.policyName} on ${target.kind} ${target.name}`};
		}
		case 'tagUser': {
			const had = new Map((before?.userByName.get(change.user)?.tags ?? []).map(t => [t.Key, t.Value]));
			const restore = change.tags.filter(t => had.has(t.Key)).map(t => ({Key: t.Key, Value: had.get(t.Key)!}));
			const added = change.tags.filter(t => !had.has(t.Key)).map(t => t.Key);
			if (restore.length > 0 && added.length > 0) return {cannot: `tags of ${change.user}: undo them by hand (some were new, some replaced)`};
			return restore.length > 0 ? tagStep(change.user, restore) : untagStep(change.user, added);
		}
		case 'untagUser': {
			const had = (before?.userByName.get(change.user)?.tags ?? []).filter(t => change.tagKeys.includes(t.Key));
			return had.length > 0 ? tagStep(change.user, had) : {cannot: `tags ${change.tagKeys.join(', ')} of ${change.user}: they were not in the snapshot`};
		}
		case 'putUserPermissionsBoundary': {
			const earlier = before?.userByName.get(change.user)?.permissionsBoundaryArn;
			return earlier ? boundaryStep(change.user, earlier) : deleteBoundaryStep(change.user);
		}
		case 'deleteUserPermissionsBoundary': {
			const earlier = before?.userByName.get(change.user)?.permissionsBoundaryArn;
			return earlier ? boundaryStep(change.user, earlier) : {cannot: `the permissions boundary of ${change.user}: it was not in the snapshot`};
		}
		case 'attachRolePolicy':
		case 'detachRolePolicy':
			return attachRoleStep(change.role, change.policyArn, policyLabel(before, change.policyArn), change.operation === 'detachRolePolicy');
		case 'putRolePolicy': {
			const earlier = before?.roleByName.get(change.role)?.inlinePolicies.find(p => p.name === change.policyName);
			if (!earlier) return deleteRoleInlineStep(change.role, change.policyName);
			return {...putRoleInlineStep(change.role, change.policyName, earlier.document), description: `Put back the earlier document of inline policy ${change.policyName} on role ${change.role}`};
		}
		case 'deleteRolePolicy': {
			const earlier = before?.roleByName.get(change.role)?.inlinePolicies.find(p => p.name === change.policyName);
			if (!earlier) return {cannot: `inline policy ${change.policyName} of role ${change.role}: its document was not in the snapshot`};
			return {...putRoleInlineStep(change.role, change.policyName, earlier.document), description: `Put back inline policy ${change.policyName} on role ${change.role}`};
		}
		case 'updateAssumeRolePolicy': {
			const earlier = before?.roleByName.get(change.role)?.trustPolicy;
			if (!earlier) return {cannot: `the trust policy of role ${change.role}: it was not in the snapshot`};
			return updateTrustStep(change.role, earlier, `Put back the earlier trust policy of role ${change.role}`);
		}
		case 'deleteUser':
			return gone(`user ${change.user}`, 'it was deleted (an offboarding record can restore it: iamtui restore)');
		case 'deleteGroup':
			return gone(`group ${change.group}`);
		case 'deletePolicy':
			return gone(`policy ${policyLabel(before, change.policyArn)}`);
		case 'deletePolicyVersion':
			return gone(`version ${change.versionId} of policy ${policyLabel(before, change.policyArn)}`);
		case 'deleteLoginProfile':
			return gone(`the console password of ${change.user}`, 'it was removed and nobody keeps it (issue a new one)');
		case 'deleteAccessKey':
			return gone(`access key ${change.accessKeyId} of ${change.user}`, 'a deleted secret cannot be recovered (issue a new key)');
		case 'deleteSigningCertificate':
			return gone(`signing certificate ${change.certificateId} of ${change.user}`);
		case 'deactivateMfaDevice':
			return gone(`MFA device ${change.serialNumber} of ${change.user}`, 'it was deactivated; re-enabling it needs two codes from the device');
		case 'deleteVirtualMfaDevice':
			return gone(`virtual MFA device ${change.serialNumber}`);
		case 'deleteSshPublicKey':
			return gone(`SSH key ${change.sshPublicKeyId} of ${change.user}`);
		case 'deleteServiceSpecificCredential':
			return gone(`service-specific credential ${change.serviceSpecificCredentialId} of ${change.user}`);
	}
};

/** Taking back a grant takes access away; the confirmation says so. */
const takesAway = (step: PlanStep): boolean => {
	const op = step.run;
	if (op.operation === 'updateAccessKey' || op.operation === 'updateSigningCertificate') return op.status === 'Inactive';
	return /^(remove|detach|delete)/.test(op.operation);
};

/**
 * What can be taken back after `report` (a plan that stopped at a failure): the done steps' inverses,
 * newest first. `before` is the account as it was when the plan was built (without it, what was
 * replaced cannot be put back and is named instead).
 */
export const proposeUndo = (original: Plan, report: ExecutionReport, before?: SnapshotIndex): UndoProposal => {
	if (report.ok) return {cannotUndo: []};
	// Steps found already done ("already gone" in a resumable plan) were not this run's work.
	const ours = new Set(report.outcomes.filter(o => o.status === 'done' && o.message !== 'already gone').map(o => o.step.run));
	const steps: PlanStep[] = [];
	const cannotUndo: string[] = [];
	const applied = report.outcomes.filter(o => o.status === 'done').map((outcome, n) => ({outcome, change: report.patch.changes[n]!}));
	for (const {outcome, change} of applied.reverse()) {
		if (!ours.has(outcome.step.run)) continue;
		const inverse = inverseOf(change, before);
		if ('cannot' in inverse) cannotUndo.push(inverse.cannot);
		else steps.push(inverse);
	}
	if (steps.length === 0) return {cannotUndo};
	// Deleting what the plan created is still a deletion: its name is typed, as everywhere.
	const deleted = steps.map(s => s.run).find(op => op.operation === 'deleteUser' || op.operation === 'deleteGroup' || op.operation === 'deletePolicy');
	const confirmName = deleted ? ('user' in deleted ? deleted.user : 'group' in deleted ? deleted.group : policyLabel(before, deleted.policyArn)) : undefined;
	return {
		plan: {
			title: `Undo what was done of: ${original.title}`,
			dangerous: steps.some(s => takesAway(s)),
			targets: original.targets,
			steps,
			previews: [],
			...(confirmName ? {confirmName} : {}),
			notes: [
				`${ours.size} step${ours.size === 1 ? '' : 's'} of "${original.title}" went through before the failure; this takes back ${steps.length === ours.size ? (steps.length === 1 ? 'it' : 'all of them') : `${steps.length} of them`}, newest first.`,
				...cannotUndo.map(line => `Cannot be undone: ${line}`),
			],
		},
		cannotUndo,
	};
};
