// Create a group (optionally with managed policies attached), and delete one in the order IAM
// requires: DeleteGroup fails with DeleteConflict while it has members, attached or inline policies.
import type {SnapshotIndex} from '../indexes.js';
import {assertValid, checkGroupName, checkPath, MAX_MANAGED_POLICIES_PER_ENTITY} from '../validate.js';
import {policyLabel} from './policies.js';
import {membershipPreview} from './preview.js';
import {conflict, limitExceeded, requireGroup, sameNameAs} from './refuse.js';
import {attachStep, createGroupStep, deleteGroupStep, deleteInlineStep, removeFromGroupStep} from './steps.js';
import type {Plan, PlanStep} from './types.js';

export interface NewGroupRequest {
	name: string;
	path?: string;
	/** Managed policies to attach once the group exists. */
	policyArns?: string[];
}

export const planCreateGroup = (index: SnapshotIndex, request: NewGroupRequest): Plan => {
	const {name, path} = request;
	assertValid(checkGroupName(name), path === undefined ? null : checkPath(path));
	const existing = sameNameAs(name, index.groupByName.keys());
	if (existing) throw conflict(`a group named ${existing} already exists${existing === name ? '' : ' (IAM group names ignore case)'}`, 'choose another name, or open the existing group');
	const policyArns = [...new Set(request.policyArns ?? [])];
	if (policyArns.length > MAX_MANAGED_POLICIES_PER_ENTITY)
		throw limitExceeded(`${policyArns.length} policies chosen; IAM attaches at most ${MAX_MANAGED_POLICIES_PER_ENTITY} managed policies to a group`, 'choose fewer, or merge them into one policy');
	const labels = policyArns.map(arn => policyLabel(index, arn));
	const target = {kind: 'group' as const, name};
	return {
		title: `Create group ${name}`,
		dangerous: false,
		targets: [target, ...labels.map(label => ({kind: 'policy' as const, name: label}))],
		steps: [createGroupStep(name, path), ...policyArns.map((arn, n) => attachStep(target, arn, labels[n]!, true))],
		previews: [],
	};
};

/** Delete a group: remove every member, detach every managed policy, delete every inline policy, then the group. */
export const planDeleteGroup = (index: SnapshotIndex, name: string): Plan => {
	const group = requireGroup(index, name);
	const members = index.membersByGroup.get(name) ?? [];
	const target = {kind: 'group' as const, name};
	const steps: PlanStep[] = [
		...members.map(user => removeFromGroupStep(user, name)),
		...group.attachedPolicies.map(p => attachStep(target, p.arn, p.name, false)),
		...group.inlinePolicies.map(p => deleteInlineStep(target, p.name)),
		deleteGroupStep(name),
	];
	const notes: string[] = [];
	if (group.inlinePolicies.length > 0) notes.push(`The inline ${group.inlinePolicies.length === 1 ? 'policy' : 'policies'} ${group.inlinePolicies.map(p => p.name).join(', ')} cannot be recovered once deleted.`);
	return {
		title: `Delete group ${name}`,
		dangerous: true,
		confirmName: name,
		targets: [target, ...members.map(user => ({kind: 'user' as const, name: user}))],
		steps,
		previews: members.map(user => membershipPreview(index, user, name, 'remove')),
		notes,
	};
};
