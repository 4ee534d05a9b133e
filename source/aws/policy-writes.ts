// Writes on policies: attach and detach managed policies, inline policies, permissions boundaries,
// deleting managed policies and their versions. (CreatePolicy is in creates.ts.)
import {
	AttachGroupPolicyCommand,
	AttachUserPolicyCommand,
	DeleteGroupPolicyCommand,
	DeletePolicyCommand,
	DeletePolicyVersionCommand,
	DeleteUserPermissionsBoundaryCommand,
	DeleteUserPolicyCommand,
	DetachGroupPolicyCommand,
	DetachUserPolicyCommand,
	PutGroupPolicyCommand,
	PutUserPermissionsBoundaryCommand,
	PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import type {WriteTable} from './write-table.js';

export type PolicyWriteName =
	| 'attachUserPolicy'
	| 'detachUserPolicy'
	| 'attachGroupPolicy'
	| 'detachGroupPolicy'
	| 'deletePolicy'
	| 'deletePolicyVersion'
	| 'putUserPolicy'
	| 'deleteUserPolicy'
	| 'putGroupPolicy'
	| 'deleteGroupPolicy'
	| 'putUserPermissionsBoundary'
	| 'deleteUserPermissionsBoundary';

export const POLICY_WRITES: WriteTable<PolicyWriteName> = {
	attachUserPolicy: {
		action: 'iam:AttachUserPolicy',
		send: (iam, {user, policyArn}) => iam.send(new AttachUserPolicyCommand({UserName: user, PolicyArn: policyArn})),
	},
	detachUserPolicy: {
		action: 'iam:DetachUserPolicy',
		removal: true,
		send: (iam, {user, policyArn}) => iam.send(new DetachUserPolicyCommand({UserName: user, PolicyArn: policyArn})),
	},
	attachGroupPolicy: {
		action: 'iam:AttachGroupPolicy',
		send: (iam, {group, policyArn}) => iam.send(new AttachGroupPolicyCommand({GroupName: group, PolicyArn: policyArn})),
	},
	detachGroupPolicy: {
		action: 'iam:DetachGroupPolicy',
		removal: true,
		send: (iam, {group, policyArn}) => iam.send(new DetachGroupPolicyCommand({GroupName: group, PolicyArn: policyArn})),
	},
	deletePolicy: {
		action: 'iam:DeletePolicy',
		removal: true,
		send: (iam, {policyArn}) => iam.send(new DeletePolicyCommand({PolicyArn: policyArn})),
	},
	deletePolicyVersion: {
		action: 'iam:DeletePolicyVersion',
		removal: true,
		send: (iam, {policyArn, versionId}) => iam.send(new DeletePolicyVersionCommand({PolicyArn: policyArn, VersionId: versionId})),
	},
	putUserPolicy: {
		action: 'iam:PutUserPolicy',
		send: (iam, {user, policyName, document}) =>
			iam.send(new PutUserPolicyCommand({UserName: user, PolicyName: policyName, PolicyDocument: document})),
	},
	deleteUserPolicy: {
		action: 'iam:DeleteUserPolicy',
		removal: true,
		send: (iam, {user, policyName}) => iam.send(new DeleteUserPolicyCommand({UserName: user, PolicyName: policyName})),
	},
	putGroupPolicy: {
		action: 'iam:PutGroupPolicy',
		send: (iam, {group, policyName, document}) =>
			iam.send(new PutGroupPolicyCommand({GroupName: group, PolicyName: policyName, PolicyDocument: document})),
	},
	deleteGroupPolicy: {
		action: 'iam:DeleteGroupPolicy',
		removal: true,
		send: (iam, {group, policyName}) => iam.send(new DeleteGroupPolicyCommand({GroupName: group, PolicyName: policyName})),
	},
	putUserPermissionsBoundary: {
		action: 'iam:PutUserPermissionsBoundary',
		send: (iam, {user, policyArn}) => iam.send(new PutUserPermissionsBoundaryCommand({UserName: user, PermissionsBoundary: policyArn})),
	},
	deleteUserPermissionsBoundary: {
		action: 'iam:DeleteUserPermissionsBoundary',
		removal: true,
		send: (iam, {user}) => iam.send(new DeleteUserPermissionsBoundaryCommand({UserName: user})),
	},
};
