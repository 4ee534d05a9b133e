// Writes on a role as plans: attach and detach a managed policy (IAM's 10 per role), put an inline
// policy (all of a role's inline policies together: 10,240 characters without white space) or delete
// one. The trust policy edit is in role-trust.ts. Service-linked roles belong to their AWS service:
// IAM refuses these writes on them (UnmodifiableEntity), so they are refused here first.
import {IamError} from '../errors.js';
import type {SnapshotIndex} from '../indexes.js';
import type {Role} from '../snapshot.js';
import {assertValid, checkInlinePolicyName, MAX_MANAGED_POLICIES_PER_ENTITY} from '../validate.js';
import {awsIam} from './aws-cli.js';
import {documentNotes, policyLabel} from './policies.js';
import {limitExceeded, missing, notFound} from './refuse.js';
import {documentFile} from './steps.js';
import type {Plan, PlanStep} from './types.js';

/** IAM's quota for all of a role's inline policies together, in characters without white space. */
export const MAX_INLINE_ROLE_POLICY_CHARS = 10_240;

const SERVICE_LINKED_PATH = '/aws-service-role/';

/** A role by name (IAM names ignore case only for uniqueness: the name must match) or by ARN. */
export const requireRole = (index: SnapshotIndex, nameOrArn: string): Role => {
	const role = index.roleByName.get(nameOrArn) ?? (nameOrArn.startsWith('arn:') ? index.snapshot.roles.find(r => r.arn === nameOrArn) : undefined);
	if (!role) throw notFound('role', nameOrArn, index.roleByName.keys());
	return role;
};

/** A role whose policies and trust only its service may change. */
export const requireModifiableRole = (index: SnapshotIndex, nameOrArn: string): Role => {
	const role = requireRole(index, nameOrArn);
	if (role.path.startsWith(SERVICE_LINKED_PATH))
		throw new IamError(
			'Invalid',
			`role ${role.name} is service-linked: its policies and trust belong to the AWS service that created it, and IAM refuses changes to them`,
			'change what the service does through the service itself, or delete the role from that service',
			'UnmodifiableEntity',
		);
	return role;
};

export const attachRoleStep = (role: string, policyArn: string, label: string, attach: boolean): PlanStep => ({
	description: attach ? `Attach ${label} to role ${role}` : `Detach ${label} from role ${role}`,
	awsCli: awsIam(`${attach ? 'attach' : 'detach'}-role-policy`, {'role-name': role, 'policy-arn': policyArn}),
	run: {operation: attach ? 'attachRolePolicy' : 'detachRolePolicy', role, policyArn},
});

export const putRoleInlineStep = (role: string, policyName: string, document: string): PlanStep => ({
	description: `Put inline policy ${policyName} on role ${role}`,
	awsCli: awsIam('put-role-policy', {'role-name': role, 'policy-name': policyName, 'policy-document': documentFile(policyName)}),
	run: {operation: 'putRolePolicy', role, policyName, document},
});

export const deleteRoleInlineStep = (role: string, policyName: string): PlanStep => ({
	description: `Delete inline policy ${policyName} of role ${role}`,
	awsCli: awsIam('delete-role-policy', {'role-name': role, 'policy-name': policyName}),
	run: {operation: 'deleteRolePolicy', role, policyName},
});

/** The file name the aws line reads a trust policy from (the plan's notes show the document). */
export const trustFile = (role: string) => `file://${role}-trust.json`;

export const updateTrustStep = (role: string, document: string, description = `Replace the trust policy of role ${role}`): PlanStep => ({
	description,
	awsCli: awsIam('update-assume-role-policy', {'role-name': role, 'policy-document': trustFile(role)}),
	run: {operation: 'updateAssumeRolePolicy', role, document},
});

export interface RolePolicyAttachment {
	role: string;
	policyArn: string;
}

const attachmentPlan = (index: SnapshotIndex, request: RolePolicyAttachment, attach: boolean): Plan => {
	const role = requireModifiableRole(index, request.role);
	const {policyArn} = request;
	const label = policyLabel(index, policyArn);
	const attached = role.attachedPolicies.some(p => p.arn === policyArn);
	if (attach && !attached && role.attachedPolicies.length >= MAX_MANAGED_POLICIES_PER_ENTITY)
		throw limitExceeded(
			`role ${role.name} already has ${role.attachedPolicies.length} managed policies attached, IAM's quota per role`,
			'detach one first, or merge policies into one (the quota can be raised to 20 in Service Quotas)',
		);
	const step = attachRoleStep(role.name, policyArn, label, attach);
	if (attach && attached) step.noop = `${label} is already attached to role ${role.name}`;
	if (!attach && !attached) step.noop = `${label} is not attached to role ${role.name}`;
	const notes = [`${attach ? 'Gives' : 'Takes'} ${label}'s permissions ${attach ? 'to' : 'from'} whoever assumes role ${role.name}.`];
	if (attach && !index.policyByArn.has(policyArn)) notes.push(`${label} is an AWS managed policy not yet attached in this account; IAM refuses the step if it does not exist.`);
	return {
		title: step.description,
		dangerous: !attach,
		targets: [{kind: 'role', name: role.name}, {kind: 'policy', name: label}],
		steps: [step],
		previews: [],
		notes,
	};
};

/** Attach a managed policy to a role; refuses an unknown role or policy, a service-linked role and IAM's 10-policy quota. */
export const planAttachRolePolicy = (index: SnapshotIndex, request: RolePolicyAttachment): Plan => attachmentPlan(index, request, true);

export const planDetachRolePolicy = (index: SnapshotIndex, request: RolePolicyAttachment): Plan => attachmentPlan(index, request, false);

/** IAM counts policy size without white space. */
const size = (document: string) => document.replace(/\s/g, '').length;

export interface RoleInlinePolicyRequest {
	role: string;
	policyName: string;
	/** The rendered document, already checked by checkPolicyDocument. */
	document: string;
}

export const planPutRolePolicy = (index: SnapshotIndex, request: RoleInlinePolicyRequest): Plan => {
	const {policyName, document} = request;
	assertValid(checkInlinePolicyName(policyName));
	const role = requireModifiableRole(index, request.role);
	const replaced = role.inlinePolicies.find(p => p.name === policyName);
	const total = role.inlinePolicies.filter(p => p !== replaced).reduce((sum, p) => sum + size(p.document), size(document));
	if (total > MAX_INLINE_ROLE_POLICY_CHARS)
		throw limitExceeded(
			`the inline policies of role ${role.name} would total ${total} characters (white space not counted); IAM allows ${MAX_INLINE_ROLE_POLICY_CHARS}`,
			'use a customer managed policy instead (up to 6,144 characters each), or delete an inline policy of the role first',
		);
	return {
		title: `${replaced ? 'Replace' : 'Put'} inline policy ${policyName} on role ${role.name}`,
		// Replacing may take away what the old document allowed.
		dangerous: Boolean(replaced),
		targets: [{kind: 'role', name: role.name}],
		steps: [putRoleInlineStep(role.name, policyName, document)],
		previews: [],
		notes: [...(replaced ? [`role ${role.name} already has an inline policy named ${policyName}: this replaces it.`] : []), ...documentNotes(policyName, document)],
	};
};

export const planDeleteRolePolicy = (index: SnapshotIndex, roleName: string, policyName: string): Plan => {
	const role = requireModifiableRole(index, roleName);
	const policy = role.inlinePolicies.find(p => p.name === policyName);
	if (!policy) {
		const names = role.inlinePolicies.map(p => p.name);
		throw missing(`role ${role.name} has no inline policy named ${policyName}`, names.length > 0 ? `its inline policies: ${names.join(', ')}` : 'it has no inline policy');
	}
	return {
		title: `Delete inline policy ${policyName} of role ${role.name}`,
		dangerous: true,
		targets: [{kind: 'role', name: role.name}],
		steps: [deleteRoleInlineStep(role.name, policyName)],
		previews: [],
		notes: ['An inline policy cannot be recovered once deleted (undo puts back this copy); its document:', ...documentNotes(policyName, policy.document).slice(1)],
	};
};
