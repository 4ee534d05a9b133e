// Customer managed policies: create one from a rendered document (optionally attaching it in the same
// plan: its ARN is predictable), attach and detach managed policies, and delete a customer policy in
// the order IAM requires — detach it everywhere, delete its non-default versions, then the policy.
import {IamError} from '../errors.js';
import type {PolicyVersion} from '../gateway.js';
import type {SnapshotIndex} from '../indexes.js';
import type {Group, User} from '../snapshot.js';
import {assertValid, checkPath, checkPolicyDescription, checkPolicyName, MAX_MANAGED_POLICIES_PER_ENTITY} from '../validate.js';
import {conflict, limitExceeded, notFound, requirePrincipal, sameNameAs} from './refuse.js';
import {attachStep, createPolicyStep, deleteBoundaryStep, deletePolicyStep, deletePolicyVersionStep, documentFile, type PrincipalRef} from './steps.js';
import type {Plan, PlanStep, PlanTarget} from './types.js';

export const policyArnFor = (accountId: string, name: string, path = '/'): string => `arn:aws:iam::${accountId}:policy${path}${name}`;

const awsManagedArn = /^arn:aws[\w-]*:iam::aws:policy\/.+/;
export const isAwsManagedArn = (arn: string): boolean => awsManagedArn.test(arn);

/** The policy's name for the operator: from the snapshot, or an AWS managed ARN it does not list. */
export const policyLabel = (index: SnapshotIndex, policyArn: string): string => {
	const known = index.policyByArn.get(policyArn);
	if (known) return known.name;
	// AWS lists only the AWS managed policies attached somewhere: any other is still attachable.
	if (isAwsManagedArn(policyArn)) return policyArn.split('/').pop()!;
	throw notFound('policy', policyArn, [...index.policyByArn.values()].map(p => p.arn));
};

/** Lines for the confirmation: the document as it will be stored, and how to run the aws line. */
export const documentNotes = (name: string, document: string): string[] => {
	let pretty = document;
	try {
		pretty = JSON.stringify(JSON.parse(document), null, 2);
	} catch {
		// Already validated elsewhere; show it as given.
	}
	return [`Policy document (save it as ${documentFile(name).slice('file://'.length)} to run the aws commands yourself):`, ...pretty.split('\n')];
};

const assertRoomFor = (holder: User | Group, target: PrincipalRef, policyArn: string): void => {
	if (holder.attachedPolicies.some(p => p.arn === policyArn)) return;
	if (holder.attachedPolicies.length >= MAX_MANAGED_POLICIES_PER_ENTITY)
		throw limitExceeded(
			`${target.kind} ${target.name} already has ${holder.attachedPolicies.length} managed policies attached, IAM's quota per ${target.kind}`,
			'detach one first, or merge policies into one (the quota can be raised to 20 in Service Quotas)',
		);
};

export interface NewPolicyRequest {
	name: string;
	path?: string;
	description?: string;
	/** The rendered document, already checked by checkPolicyDocument. */
	document: string;
	/** Attach the new policy in the same plan. */
	attachTo?: PrincipalRef;
}

export const planCreatePolicy = (index: SnapshotIndex, accountId: string, request: NewPolicyRequest): Plan => {
	const {name, path, description, document, attachTo} = request;
	assertValid(checkPolicyName(name), path === undefined ? null : checkPath(path), description === undefined ? null : checkPolicyDescription(description));
	const customer = [...index.policyByArn.values()].filter(p => !p.awsManaged).map(p => p.name);
	const existing = sameNameAs(name, customer);
	if (existing) throw conflict(`a customer managed policy named ${existing} already exists${existing === name ? '' : ' (IAM policy names ignore case)'}`, 'choose another name, or attach the existing one');
	const arn = policyArnFor(accountId, name, path ?? '/');
	const steps: PlanStep[] = [createPolicyStep(name, path, description, document)];
	const targets: PlanTarget[] = [{kind: 'policy', name}];
	if (attachTo) {
		assertRoomFor(requirePrincipal(index, attachTo), attachTo, arn);
		steps.push(attachStep(attachTo, arn, name, true));
		targets.push({kind: attachTo.kind, name: attachTo.name});
	}
	return {title: `Create policy ${name}`, dangerous: false, targets, steps, previews: [], notes: [`Its ARN will be ${arn}.`, ...documentNotes(name, document)]};
};

export interface PolicyAttachment {
	policyArn: string;
	target: PrincipalRef;
}

/** Who keeps a policy through another path once it leaves `target` (for the detach notes). */
const keptElsewhere = (index: SnapshotIndex, target: PrincipalRef, policyArn: string): string[] => {
	const viaGroups = (user: User, except?: string) =>
		user.groups.filter(g => g !== except && index.groupByName.get(g)?.attachedPolicies.some(p => p.arn === policyArn));
	if (target.kind === 'user') return viaGroups(index.userByName.get(target.name)!).map(g => `${target.name} still gets it through group ${g}`);
	return (index.membersByGroup.get(target.name) ?? []).flatMap(member => {
		const user = index.userByName.get(member)!;
		const paths = [...(user.attachedPolicies.some(p => p.arn === policyArn) ? ['attached directly'] : []), ...viaGroups(user, target.name).map(g => `group ${g}`)];
		return paths.length > 0 ? [`${member} still gets it (${paths.join(', ')})`] : [];
	});
};

const attachmentPlan = (index: SnapshotIndex, request: PolicyAttachment, attach: boolean): Plan => {
	const {policyArn, target} = request;
	const holder = requirePrincipal(index, target);
	const label = policyLabel(index, policyArn);
	const attached = holder.attachedPolicies.some(p => p.arn === policyArn);
	if (attach) assertRoomFor(holder, target, policyArn);
	const step = attachStep(target, policyArn, label, attach);
	if (attach && attached) step.noop = `${label} is already attached to ${target.kind} ${target.name}`;
	if (!attach && !attached) step.noop = `${label} is not attached to ${target.kind} ${target.name}`;
	const notes: string[] = [];
	if (target.kind === 'group') {
		const members = index.membersByGroup.get(target.name) ?? [];
		notes.push(members.length === 0 ? `group ${target.name} has no members` : `${attach ? 'gives it to' : 'takes it from'} the ${members.length} member${members.length === 1 ? '' : 's'} of ${target.name}: ${members.join(', ')}`);
	}
	if (!attach && !step.noop) notes.push(...keptElsewhere(index, target, policyArn));
	if (attach && !index.policyByArn.has(policyArn)) notes.push(`${label} is an AWS managed policy not yet attached in this account; IAM refuses the step if it does not exist.`);
	return {
		title: step.description,
		dangerous: !attach,
		targets: [{kind: target.kind, name: target.name}, {kind: 'policy', name: label}],
		steps: [step],
		previews: [],
		notes,
	};
};

/** Attach a managed policy; refuses an unknown policy or target and IAM's 10-policy quota; already attached is a no-op. */
export const planAttachPolicy = (index: SnapshotIndex, request: PolicyAttachment): Plan => attachmentPlan(index, request, true);

export const planDetachPolicy = (index: SnapshotIndex, request: PolicyAttachment): Plan => attachmentPlan(index, request, false);

/**
 * Delete a customer managed policy: IAM refuses (DeleteConflict) while it is attached, used as a
 * permissions boundary or has versions besides the default, so those steps come first.
 * `versions`: the policy's versions, from ListPolicyVersions.
 */
export const planDeletePolicy = (index: SnapshotIndex, policyArn: string, versions: PolicyVersion[]): Plan => {
	const policy = index.policyByArn.get(policyArn);
	if (!policy) throw notFound('policy', policyArn, [...index.policyByArn.values()].map(p => p.arn));
	if (policy.awsManaged)
		throw new IamError('Invalid', `${policy.name} is an AWS managed policy: AWS owns it, it cannot be deleted`, 'detach it from the users and groups that have it instead', 'UnmodifiableEntity');
	const {name} = policy;
	const attached = index.attachments.get(policyArn) ?? {users: [], groups: []};
	const bounded = index.snapshot.users.filter(u => u.permissionsBoundaryArn === policyArn).map(u => u.name);
	const steps: PlanStep[] = [
		...attached.users.map(user => attachStep({kind: 'user', name: user}, policyArn, name, false)),
		...attached.groups.map(group => attachStep({kind: 'group', name: group}, policyArn, name, false)),
		...bounded.map(deleteBoundaryStep),
		...versions.filter(v => !v.isDefault && v.versionId !== policy.defaultVersionId).map(v => deletePolicyVersionStep(policyArn, name, v.versionId)),
		deletePolicyStep(policyArn, name),
	];
	const notes = ['Deleting a policy cannot be undone; its document is shown below so you can recreate it.'];
	const known = attached.users.length + attached.groups.length;
	if (policy.attachmentCount > known)
		notes.push(`IAM counts ${policy.attachmentCount} attachments, ${policy.attachmentCount - known} of them to roles this snapshot does not hold: detach those first, or IAM refuses the deletion.`);
	return {
		title: `Delete policy ${name}`,
		dangerous: true,
		confirmName: name,
		targets: [
			{kind: 'policy', name},
			...[...new Set([...attached.users, ...bounded])].map(user => ({kind: 'user' as const, name: user})),
			...attached.groups.map(group => ({kind: 'group' as const, name: group})),
		],
		steps,
		previews: [],
		notes: [...notes, ...documentNotes(name, policy.document)],
	};
};
