// Writes on roles: attach and detach managed policies, put and delete inline policies, and replace the
// trust policy (UpdateAssumeRolePolicy). Each is one idempotent IAM call, like the user and group writes.
import {
	AttachRolePolicyCommand,
	DeleteRolePolicyCommand,
	DetachRolePolicyCommand,
	PutRolePolicyCommand,
	UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import type {WriteTable} from './write-table.js';

export type RoleWriteName = 'attachRolePolicy' | 'detachRolePolicy' | 'putRolePolicy' | 'deleteRolePolicy' | 'updateAssumeRolePolicy';

export const ROLE_WRITES: WriteTable<RoleWriteName> = {
	attachRolePolicy: {
		action: 'iam:AttachRolePolicy',
		send: (iam, {role, policyArn}) => iam.send(new AttachRolePolicyCommand({RoleName: role, PolicyArn: policyArn})),
	},
	detachRolePolicy: {
		action: 'iam:DetachRolePolicy',
		removal: true,
		send: (iam, {role, policyArn}) => iam.send(new DetachRolePolicyCommand({RoleName: role, PolicyArn: policyArn})),
	},
	putRolePolicy: {
		action: 'iam:PutRolePolicy',
		send: (iam, {role, policyName, document}) => iam.send(new PutRolePolicyCommand({RoleName: role, PolicyName: policyName, PolicyDocument: document})),
	},
	deleteRolePolicy: {
		action: 'iam:DeleteRolePolicy',
		removal: true,
		send: (iam, {role, policyName}) => iam.send(new DeleteRolePolicyCommand({RoleName: role, PolicyName: policyName})),
	},
	updateAssumeRolePolicy: {
		action: 'iam:UpdateAssumeRolePolicy',
		send: (iam, {role, document}) => iam.send(new UpdateAssumeRolePolicyCommand({RoleName: role, PolicyDocument: document})),
	},
};
