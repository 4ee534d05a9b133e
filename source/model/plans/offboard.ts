// The offboarding plan, computed from the record of what the user had, in the order IAM requires
// (DeleteUser fails with DeleteConflict while anything below remains): cut access first (deactivate
// keys — immediate effect — and remove the console password), then credentials, then memberships
// and policies, then the user. Steps the record marks completed are skipped, so a re-run resumes —
// unless what the user has now (re-read on a resume) shows the step is needed again.
import type {OffboardRecord} from '../offboard/record.js';
import {planningView} from '../offboard/resume.js';
import {awsIam} from './aws-cli.js';
import {trustChanges, trustDiff, trustNotes, trustSteps} from './offboard-trust.js';
import {stepKey} from './step-key.js';
import {certificateStatusStep} from './steps.js';
import type {Plan, PlanStep, StepOperation} from './types.js';

const step = (description: string, awsCli: string, run: StepOperation): PlanStep => ({description, awsCli, run});

const isVirtualMfa = (serial: string) => /^arn:aws[\w-]*:iam::\d{12}:mfa\//.test(serial);

const revokeSteps = (record: OffboardRecord): PlanStep[] => {
	const user = record.user.name;
	const steps: PlanStep[] = [];
	for (const key of record.accessKeys.filter(k => k.status === 'Active'))
		steps.push(
			step(`Deactivate access key ${key.accessKeyId}`, awsIam('update-access-key', {'user-name': user, 'access-key-id': key.accessKeyId, status: 'Inactive'}), {
				operation: 'updateAccessKey',
				user,
				accessKeyId: key.accessKeyId,
				status: 'Inactive',
			}),
		);
	if (record.loginProfile)
		steps.push(step('Remove the console password', awsIam('delete-login-profile', {'user-name': user}), {operation: 'deleteLoginProfile', user}));
	return steps;
};

const credentialSteps = (record: OffboardRecord, keepUser: boolean): PlanStep[] => {
	const user = record.user.name;
	const steps: PlanStep[] = [];
	for (const device of record.mfaDevices) {
		steps.push(
			step(`Deactivate MFA device ${device.serialNumber}`, awsIam('deactivate-mfa-device', {'user-name': user, 'serial-number': device.serialNumber}), {
				operation: 'deactivateMfaDevice',
				user,
				serialNumber: device.serialNumber,
			}),
		);
		if (!keepUser && isVirtualMfa(device.serialNumber))
			steps.push(
				step(`Delete virtual MFA device ${device.serialNumber}`, awsIam('delete-virtual-mfa-device', {'serial-number': device.serialNumber}), {
					operation: 'deleteVirtualMfaDevice',
					serialNumber: device.serialNumber,
				}),
			);
	}
	if (keepUser) {
		// A legal hold keeps the evidence: keys stay (inactive), certificates are only deactivated.
		for (const cert of record.signingCertificates.filter(c => c.status === 'Active')) steps.push(certificateStatusStep(user, cert.certificateId, 'Inactive'));
		return steps;
	}
	for (const key of record.accessKeys)
		steps.push(
			step(`Delete access key ${key.accessKeyId}`, awsIam('delete-access-key', {'user-name': user, 'access-key-id': key.accessKeyId}), {
				operation: 'deleteAccessKey',
				user,
				accessKeyId: key.accessKeyId,
			}),
		);
	for (const cert of record.signingCertificates)
		steps.push(
			step(`Delete signing certificate ${cert.certificateId}`, awsIam('delete-signing-certificate', {'user-name': user, 'certificate-id': cert.certificateId}), {
				operation: 'deleteSigningCertificate',
				user,
				certificateId: cert.certificateId,
			}),
		);
	for (const ssh of record.sshPublicKeys)
		steps.push(
			step(`Delete SSH public key ${ssh.sshPublicKeyId}`, awsIam('delete-ssh-public-key', {'user-name': user, 'ssh-public-key-id': ssh.sshPublicKeyId}), {
				operation: 'deleteSshPublicKey',
				user,
				sshPublicKeyId: ssh.sshPublicKeyId,
			}),
		);
	for (const cred of record.serviceSpecificCredentials)
		steps.push(
			step(
				`Delete ${cred.serviceName} credential ${cred.serviceSpecificCredentialId}`,
				awsIam('delete-service-specific-credential', {'user-name': user, 'service-specific-credential-id': cred.serviceSpecificCredentialId}),
				{operation: 'deleteServiceSpecificCredential', user, serviceSpecificCredentialId: cred.serviceSpecificCredentialId},
			),
		);
	return steps;
};

const permissionSteps = (record: OffboardRecord): PlanStep[] => {
	const user = record.user.name;
	return [
		...record.groups.map(group =>
			step(`Remove from group ${group}`, awsIam('remove-user-from-group', {'user-name': user, 'group-name': group}), {operation: 'removeUserFromGroup', user, group}),
		),
		...record.attachedPolicies.map(policy =>
			step(`Detach managed policy ${policy.name}`, awsIam('detach-user-policy', {'user-name': user, 'policy-arn': policy.arn}), {
				operation: 'detachUserPolicy',
				user,
				policyArn: policy.arn,
			}),
		),
		...record.inlinePolicies.map(policy =>
			step(`Delete inline policy ${policy.name} (its document is in the record)`, awsIam('delete-user-policy', {'user-name': user, 'policy-name': policy.name}), {
				operation: 'deleteUserPolicy',
				user,
				policyName: policy.name,
			}),
		),
	];
};

export interface OffboardOptions {
	/** Stop after revoking: keep the user (and its inactive keys) for a legal hold. */
	keepUser: boolean;
	/** On a resume, what the user has now (collectRecord afresh); undefined when the user is gone. */
	now?: OffboardRecord;
}

/** `trust`: the trust edits, right after the revocations (a trust naming the user needs no identity allow). */
const allSteps = (record: OffboardRecord, keepUser: boolean, trust: PlanStep[]): PlanStep[] => {
	const user = record.user.name;
	const steps = [...revokeSteps(record), ...trust, ...credentialSteps(record, keepUser), ...permissionSteps(record)];
	if (!keepUser) steps.push(step(`Delete user ${user}`, awsIam('delete-user', {'user-name': user}), {operation: 'deleteUser', user}));
	return steps;
};

/** Roles reached through an identity allow: removing the groups and policies ends the reach, no trust edit. */
const reachNotes = (record: OffboardRecord): string[] => {
	const reached = (record.assumableRoles ?? []).filter(r => !r.direct);
	if (reached.length === 0) return [];
	return [`Roles ${record.user.name} reaches through groups or policies (reach ends with groups/policies removed, no trust change): ${reached.map(r => r.role).join(', ')}.`];
};

export const planOffboard = (record: OffboardRecord, options: OffboardOptions): Plan => {
	const user = record.user.name;
	const trusts = trustChanges(record, options.now);
	const steps = allSteps(options.now ? planningView(record, options.now) : record, options.keepUser, trustSteps(record, trusts));
	// A step done in an earlier run is done again when the account shows it undone (a key turned back on).
	const needed = new Set(options.now ? allSteps(options.now, options.keepUser, trustSteps(options.now, trustChanges(options.now))).map(s => stepKey(s.run)) : []);
	const completed = new Set(record.completed.filter(key => !needed.has(key)));
	const found = options.now ? (record.resumes?.at(-1)?.found ?? []) : [];
	const notes = [
		...(found.length > 0 ? [`Found since the offboarding began, revoked too: ${found.join(', ')}.`] : []),
		`What ${user} had is recorded; \`iamtui restore\` can recreate the user, tags, groups and policies (credentials are re-issued, not restored).`,
		...trustNotes(record, trusts, options.keepUser),
		...reachNotes(record),
		...record.unlisted.map(kind => `${kind} could not be listed on this account: if the user has any, DeleteUser will refuse and say so.`),
	];
	const diff = trustDiff(record, trusts);
	return {
		title: options.keepUser ? `Revoke every access of ${user} (the user is kept)` : `Offboard ${user}: revoke, then delete the user`,
		dangerous: true,
		targets: [{kind: 'user', name: user}],
		steps: steps.map(s => (completed.has(stepKey(s.run)) ? {...s, noop: 'done in an earlier run'} : s)),
		previews: [],
		confirmName: user,
		notes,
		...(diff ? {diff} : {}),
	};
};

