// Recreates an offboarded user from its record: the user (path, tags), group memberships, attached
// and inline policies, permissions boundary. Credentials are never restored — they are re-issued
// (a new password and a new key, shown once) when the record says the user had them.
import {IamError} from '../errors.js';
import type {SnapshotIndex} from '../indexes.js';
import type {OffboardRecord} from '../offboard/record.js';
import type {Secret} from '../secret.js';
import {awsIam} from './aws-cli.js';
import {CHANGE_PASSWORD_POLICY_ARN} from './change-password.js';
import {assertRestorable} from './restore-check.js';
import {attachStep, putBoundaryStep} from './steps.js';
import {trustsDiff} from './role-trust.js';
import {restoreTrustStep} from './trust-restore.js';
import {MAX_MANAGED_POLICIES_PER_ENTITY} from '../validate.js';
import type {Plan, PlanStep} from './types.js';

export interface RestoreOptions {
	/** A new console password (the record's user had one); reset is required at first sign-in. */
	password?: Secret;
	/** Issue a new access key (the record's user had keys). */
	accessKey: boolean;
	/** Go ahead without the groups and policies that no longer exist (otherwise: refuse). */
	skipMissing: boolean;
	/** The record's file, named when a value in it breaks IAM's rules. */
	source?: string;
}

/** Groups and managed policies in the record that the account no longer has. */
export const missingForRestore = (record: OffboardRecord, index: SnapshotIndex): string[] => [
	...record.groups.filter(g => !index.groupByName.has(g)).map(g => `group ${g}`),
	...record.attachedPolicies.filter(p => !index.policyByArn.has(p.arn) && !p.arn.startsWith('arn:aws:iam::aws:')).map(p => `policy ${p.name}`),
	...(record.permissionsBoundaryArn && !index.policyByArn.has(record.permissionsBoundaryArn) && !record.permissionsBoundaryArn.startsWith('arn:aws:iam::aws:')
		? [`permissions boundary ${record.permissionsBoundaryArn}`]
		: []),
	...(record.trustPolicies ?? []).filter(t => !index.roleByName.has(t.role)).map(t => `role ${t.role}`),
];

/**
 * A new password must be changed at first sign-in: like create-user (change-password.ts), the user gets
 * IAMUserChangePassword unless the restored policies include it, or IAM's 10 would be exceeded (said).
 */
const changePasswordSupport = (user: string, restored: string[]): {steps: PlanStep[]; notes: string[]} => {
	if (restored.includes(CHANGE_PASSWORD_POLICY_ARN)) return {steps: [], notes: []};
	if (restored.length >= MAX_MANAGED_POLICIES_PER_ENTITY)
		return {
			steps: [],
			notes: [`IAMUserChangePassword cannot be attached (the record gives ${user} ${restored.length} managed policies, IAM's limit): unless a group grants iam:ChangePassword, ${user} cannot set the new password at sign-in.`],
		};
	return {
		steps: [attachStep({kind: 'user', name: user}, CHANGE_PASSWORD_POLICY_ARN, 'IAMUserChangePassword', true)],
		notes: [`IAMUserChangePassword is attached so that ${user} can set the new password at first sign-in, as the console does.`],
	};
};

export const planRestore = (record: OffboardRecord, index: SnapshotIndex, options: RestoreOptions): Plan => {
	// Before anything else: a hand-edited record must not reach IAM with values it would refuse.
	assertRestorable(record, options.source);
	const user = record.user.name;
	if ([...index.userByName.keys()].some(name => name.toLowerCase() === user.toLowerCase()))
		throw new IamError('Conflict', `a user named ${user} exists already`, 'restore recreates a deleted user; this one is still (or again) there', 'EntityAlreadyExists');
	const missing = missingForRestore(record, index);
	if (missing.length > 0 && !options.skipMissing)
		throw new IamError(
			'Conflict',
			`the record names ${missing.join(', ')}, which no longer exist${missing.length === 1 ? 's' : ''}`,
			`recreate ${missing.length === 1 ? 'it' : 'them'} first, or restore without ${missing.length === 1 ? 'it' : 'them'} (--skip-missing) — restore would skip: ${missing.join(', ')}`,
		);
	const gone = new Set(missing);
	const steps: PlanStep[] = [
		{
			description: `Create user ${user}${record.tags.length > 0 ? ` with ${record.tags.length} tag${record.tags.length === 1 ? '' : 's'}` : ''}`,
			awsCli: awsIam('create-user', {'user-name': user, path: record.user.path}),
			run: {operation: 'createUser', user, path: record.user.path, tags: record.tags},
		},
		...record.groups
			.filter(group => !gone.has(`group ${group}`))
			.map(group => ({
				description: `Add ${user} to group ${group}`,
				awsCli: awsIam('add-user-to-group', {'user-name': user, 'group-name': group}),
				run: {operation: 'addUserToGroup' as const, user, group},
			})),
		...record.attachedPolicies
			.filter(policy => !gone.has(`policy ${policy.name}`))
			.map(policy => ({
				description: `Attach managed policy ${policy.name}`,
				awsCli: awsIam('attach-user-policy', {'user-name': user, 'policy-arn': policy.arn}),
				run: {operation: 'attachUserPolicy' as const, user, policyArn: policy.arn},
			})),
		...record.inlinePolicies.map(policy => ({
			description: `Put inline policy ${policy.name} (from the record)`,
			awsCli: awsIam('put-user-policy', {'user-name': user, 'policy-name': policy.name, 'policy-document': 'file://<from the record>'}),
			run: {operation: 'putUserPolicy' as const, user, policyName: policy.name, document: policy.document},
		})),
	];
	const boundary = record.permissionsBoundaryArn;
	if (boundary && !gone.has(`permissions boundary ${boundary}`))
		steps.push(putBoundaryStep(user, boundary));
	// After CreateUser: IAM refuses a trust naming a principal that does not exist.
	for (const trust of record.trustPolicies ?? []) {
		const role = index.roleByName.get(trust.role);
		if (role) steps.push(restoreTrustStep(trust, role.trustPolicy, user));
	}
	const trustDiff = trustsDiff(
		`Trust policies ${user} is put back into (- now, + after the restore)`,
		steps.flatMap(s => (s.run.operation === 'updateAssumeRolePolicy' && !s.noop ? [{role: s.run.role, before: index.roleByName.get(s.run.role)!.trustPolicy, after: s.run.document}] : [])),
	);
	const restoredPolicies = record.attachedPolicies.filter(p => !gone.has(`policy ${p.name}`)).map(p => p.arn);
	const support = options.password ? changePasswordSupport(user, restoredPolicies) : {steps: [], notes: []};
	if (options.password)
		steps.push({
			description: 'Issue a new console password (reset required at first sign-in; shown once)',
			awsCli: awsIam('create-login-profile', {'user-name': user, password: '<generated, shown once>', 'password-reset-required': 'true'}).replace(
				'--password-reset-required true',
				'--password-reset-required',
			),
			run: {operation: 'createLoginProfile', user, password: options.password, passwordResetRequired: true},
		}, ...support.steps);
	if (options.accessKey)
		steps.push({description: 'Issue a new access key (shown once)', awsCli: awsIam('create-access-key', {'user-name': user}), run: {operation: 'createAccessKey', user}});
	return {
		title: `Restore ${user} from the record of ${record.capturedAt}`,
		dangerous: false,
		targets: [{kind: 'user', name: user}],
		steps,
		previews: [],
		notes: [
			...(missing.length > 0 ? [`Skipped, no longer in the account: ${missing.join(', ')}`] : []),
			'Old credentials are not restored: the password and key are new, shown once.',
			...support.notes,
			...(trustDiff
				? [
						`${user} is put back into the trust policies the offboarding took them out of, merged into each trust as it is now (the diff below; the aws lines read it from the file they name).`,
						`IAM may refuse a trust naming a user created seconds before ("Invalid principal"): if a trust step fails, wait a minute, then apply the + side of the diff below with its aws line.`,
					]
				: []),
		],
		...(trustDiff ? {diff: trustDiff} : {}),
	};
};
