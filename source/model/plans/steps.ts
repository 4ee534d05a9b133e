// Every write as a plan step: what it does in words, its `aws iam …` equivalent and the gateway call.
// The plan builders compose these, so each operation is described the same way everywhere. A secret
// never appears here: a password is a Secret in the operation and a placeholder in the aws line.
import type {Secret} from '../secret.js';
import type {Tag} from '../snapshot.js';
import {awsIam, shellQuote} from './aws-cli.js';
import type {PlanStep} from './types.js';

/** What the aws line says instead of a password. */
export const PASSWORD_PLACEHOLDER = '<generated, shown once>';
/** In the aws CLI equivalent of a password the operator typed: they have it already. */
export const TYPED_PASSWORD_PLACEHOLDER = '<the password you typed>';

const placeholderFor = (password: Secret) => (password.typed ? TYPED_PASSWORD_PLACEHOLDER : PASSWORD_PLACEHOLDER);
const passwordWords = (password: Secret, when: string, passwordResetRequired: boolean) =>
	password.typed
		? `the password typed${passwordResetRequired ? `, to be changed at ${when} sign-in` : ''}`
		: `shown once${passwordResetRequired ? `, to be changed at ${when} sign-in` : ''}`;

export interface PrincipalRef {
	kind: 'user' | 'group';
	name: string;
}

const shorthandSafe = /^[\w.:/+@-]*$/;

/** `--tags Key=a,Value=b …`, or the JSON form when a key or value would confuse the shorthand. */
export const tagsCli = (tags: Tag[]): string =>
	tags.every(t => shorthandSafe.test(t.Key) && shorthandSafe.test(t.Value))
		? `--tags ${tags.map(t => `Key=${t.Key},Value=${t.Value}`).join(' ')}`
		: `--tags ${shellQuote(JSON.stringify(tags.map(t => ({Key: t.Key, Value: t.Value}))))}`;

const withFlag = (line: string, flag: string) => `${line} ${flag}`;

/** A document travels in a file in the aws line: the plan's notes show it. */
export const documentFile = (policyName: string) => `file://${policyName}.json`;

export const createUserStep = (user: string, path: string | undefined, tags: Tag[]): PlanStep => {
	const cli = awsIam('create-user', {'user-name': user, ...(path && path !== '/' ? {path} : {})});
	return {
		description: `Create user ${user}${path && path !== '/' ? ` in ${path}` : ''}${tags.length > 0 ? ` with ${tags.length} tag${tags.length === 1 ? '' : 's'}` : ''}`,
		awsCli: tags.length > 0 ? `${cli} ${tagsCli(tags)}` : cli,
		run: {operation: 'createUser', user, ...(path && path !== '/' ? {path} : {}), ...(tags.length > 0 ? {tags} : {})},
	};
};

export const deleteUserStep = (user: string): PlanStep => ({
	description: `Delete user ${user}`,
	awsCli: awsIam('delete-user', {'user-name': user}),
	run: {operation: 'deleteUser', user},
});

const resetFlag = (required: boolean) => (required ? '--password-reset-required' : '--no-password-reset-required');

export const createLoginProfileStep = (user: string, password: Secret, passwordResetRequired: boolean): PlanStep => ({
	description: `Give ${user} a console password (${passwordWords(password, 'first', passwordResetRequired)})`,
	awsCli: withFlag(awsIam('create-login-profile', {'user-name': user, password: placeholderFor(password)}), resetFlag(passwordResetRequired)),
	run: {operation: 'createLoginProfile', user, password, passwordResetRequired},
});

export const updateLoginProfileStep = (user: string, password: Secret, passwordResetRequired: boolean): PlanStep => ({
	description: `Set a new console password for ${user} (${passwordWords(password, 'next', passwordResetRequired)})`,
	awsCli: withFlag(awsIam('update-login-profile', {'user-name': user, password: placeholderFor(password)}), resetFlag(passwordResetRequired)),
	run: {operation: 'updateLoginProfile', user, password, passwordResetRequired},
});

export const deleteLoginProfileStep = (user: string): PlanStep => ({
	description: `Remove the console password of ${user}`,
	awsCli: awsIam('delete-login-profile', {'user-name': user}),
	run: {operation: 'deleteLoginProfile', user},
});

export const createAccessKeyStep = (user: string): PlanStep => ({
	description: `Create an access key for ${user} (the secret is shown once)`,
	awsCli: awsIam('create-access-key', {'user-name': user}),
	run: {operation: 'createAccessKey', user},
});

export const updateAccessKeyStep = (user: string, accessKeyId: string, status: 'Active' | 'Inactive'): PlanStep => ({
	description: `${status === 'Active' ? 'Activate' : 'Deactivate'} access key ${accessKeyId} of ${user}`,
	awsCli: awsIam('update-access-key', {'user-name': user, 'access-key-id': accessKeyId, status}),
	run: {operation: 'updateAccessKey', user, accessKeyId, status},
});

export const deleteAccessKeyStep = (user: string, accessKeyId: string): PlanStep => ({
	description: `Delete access key ${accessKeyId} of ${user}`,
	awsCli: awsIam('delete-access-key', {'user-name': user, 'access-key-id': accessKeyId}),
	run: {operation: 'deleteAccessKey', user, accessKeyId},
});

export const createGroupStep = (group: string, path?: string): PlanStep => ({
	description: `Create group ${group}${path && path !== '/' ? ` in ${path}` : ''}`,
	awsCli: awsIam('create-group', {'group-name': group, ...(path && path !== '/' ? {path} : {})}),
	run: {operation: 'createGroup', group, ...(path && path !== '/' ? {path} : {})},
});

export const deleteGroupStep = (group: string): PlanStep => ({
	description: `Delete group ${group}`,
	awsCli: awsIam('delete-group', {'group-name': group}),
	run: {operation: 'deleteGroup', group},
});

export const addToGroupStep = (user: string, group: string): PlanStep => ({
	description: `Add ${user} to group ${group}`,
	awsCli: awsIam('add-user-to-group', {'user-name': user, 'group-name': group}),
	run: {operation: 'addUserToGroup', user, group},
});

export const removeFromGroupStep = (user: string, group: string): PlanStep => ({
	description: `Remove ${user} from group ${group}`,
	awsCli: awsIam('remove-user-from-group', {'user-name': user, 'group-name': group}),
	run: {operation: 'removeUserFromGroup', user, group},
});

/** Attach (or detach) a managed policy to a user or a group; `label` names the policy in the description. */
export const attachStep = (target: PrincipalRef, policyArn: string, label: string, attach: boolean): PlanStep => {
	const verb = attach ? 'attach' : 'detach';
	const words = attach ? `Attach ${label} to ${target.kind} ${target.name}` : `Detach ${label} from ${target.kind} ${target.name}`;
	if (target.kind === 'user') {
		return {
			description: words,
			awsCli: awsIam(`${verb}-user-policy`, {'user-name': target.name, 'policy-arn': policyArn}),
			run: {operation: attach ? 'attachUserPolicy' : 'detachUserPolicy', user: target.name, policyArn},
		};
	}
	return {
		description: words,
		awsCli: awsIam(`${verb}-group-policy`, {'group-name': target.name, 'policy-arn': policyArn}),
		run: {operation: attach ? 'attachGroupPolicy' : 'detachGroupPolicy', group: target.name, policyArn},
	};
};

export const createPolicyStep = (policyName: string, path: string | undefined, description: string | undefined, document: string): PlanStep => {
	const flags = {'policy-name': policyName, ...(path && path !== '/' ? {path} : {}), ...(description ? {description} : {}), 'policy-document': documentFile(policyName)};
	return {
		description: `Create customer managed policy ${policyName}${path && path !== '/' ? ` in ${path}` : ''}`,
		awsCli: awsIam('create-policy', flags),
		run: {operation: 'createPolicy', policyName, ...(path && path !== '/' ? {path} : {}), document, ...(description ? {description} : {})},
	};
};

export const deletePolicyStep = (policyArn: string, name: string): PlanStep => ({
	description: `Delete policy ${name}`,
	awsCli: awsIam('delete-policy', {'policy-arn': policyArn}),
	run: {operation: 'deletePolicy', policyArn},
});

export const deletePolicyVersionStep = (policyArn: string, name: string, versionId: string): PlanStep => ({
	description: `Delete version ${versionId} of policy ${name}`,
	awsCli: awsIam('delete-policy-version', {'policy-arn': policyArn, 'version-id': versionId}),
	run: {operation: 'deletePolicyVersion', policyArn, versionId},
});

export const putInlineStep = (target: PrincipalRef, policyName: string, document: string): PlanStep => {
	const description = `Put inline policy ${policyName} on ${target.kind} ${target.name}`;
	const file = documentFile(policyName);
	return target.kind === 'user'
		? {
				description,
				awsCli: awsIam('put-user-policy', {'user-name': target.name, 'policy-name': policyName, 'policy-document': file}),
				run: {operation: 'putUserPolicy', user: target.name, policyName, document},
			}
		: {
				description,
				awsCli: awsIam('put-group-policy', {'group-name': target.name, 'policy-name': policyName, 'policy-document': file}),
				run: {operation: 'putGroupPolicy', group: target.name, policyName, document},
			};
};

export const deleteInlineStep = (target: PrincipalRef, policyName: string): PlanStep => {
	const description = `Delete inline policy ${policyName} of ${target.kind} ${target.name}`;
	return target.kind === 'user'
		? {description, awsCli: awsIam('delete-user-policy', {'user-name': target.name, 'policy-name': policyName}), run: {operation: 'deleteUserPolicy', user: target.name, policyName}}
		: {description, awsCli: awsIam('delete-group-policy', {'group-name': target.name, 'policy-name': policyName}), run: {operation: 'deleteGroupPolicy', group: target.name, policyName}};
};

export const deleteBoundaryStep = (user: string): PlanStep => ({
	description: `Remove the permissions boundary of ${user}`,
	awsCli: awsIam('delete-user-permissions-boundary', {'user-name': user}),
	run: {operation: 'deleteUserPermissionsBoundary', user},
});

export const putBoundaryStep = (user: string, policyArn: string): PlanStep => ({
	description: `Set permissions boundary ${policyArn} of ${user}`,
	awsCli: awsIam('put-user-permissions-boundary', {'user-name': user, 'permissions-boundary': policyArn}),
	run: {operation: 'putUserPermissionsBoundary', user, policyArn},
});

export const certificateStatusStep = (user: string, certificateId: string, status: 'Active' | 'Inactive'): PlanStep => ({
	description: `${status === 'Active' ? 'Activate' : 'Deactivate'} signing certificate ${certificateId} of ${user}`,
	awsCli: awsIam('update-signing-certificate', {'user-name': user, 'certificate-id': certificateId, status}),
	run: {operation: 'updateSigningCertificate', user, certificateId, status},
});

export const uploadCertificateStep = (user: string, certificateBody: string): PlanStep => ({
	description: `Upload an X.509 signing certificate for ${user}`,
	awsCli: awsIam('upload-signing-certificate', {'user-name': user, 'certificate-body': 'file://certificate.pem'}),
	run: {operation: 'uploadSigningCertificate', user, certificateBody},
});

export const deleteCertificateStep = (user: string, certificateId: string): PlanStep => ({
	description: `Delete signing certificate ${certificateId} of ${user}`,
	awsCli: awsIam('delete-signing-certificate', {'user-name': user, 'certificate-id': certificateId}),
	run: {operation: 'deleteSigningCertificate', user, certificateId},
});
