// Writes on users, groups, memberships, tags and console passwords that are single idempotent calls.
// (CreateUser, CreateGroup and CreateLoginProfile are in creates.ts: they must not be resent blindly.)
import {
	AddUserToGroupCommand,
	DeleteGroupCommand,
	DeleteLoginProfileCommand,
	DeleteUserCommand,
	RemoveUserFromGroupCommand,
	TagUserCommand,
	UntagUserCommand,
	UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import type {WriteTable} from './write-table.js';

export type UserWriteName =
	| 'addUserToGroup'
	| 'removeUserFromGroup'
	| 'deleteUser'
	| 'tagUser'
	| 'untagUser'
	| 'updateLoginProfile'
	| 'deleteLoginProfile'
	| 'deleteGroup';

export const USER_WRITES: WriteTable<UserWriteName> = {
	addUserToGroup: {
		action: 'iam:AddUserToGroup',
		send: (iam, {user, group}) => iam.send(new AddUserToGroupCommand({UserName: user, GroupName: group})),
	},
	removeUserFromGroup: {
		action: 'iam:RemoveUserFromGroup',
		removal: true,
		send: (iam, {user, group}) => iam.send(new RemoveUserFromGroupCommand({UserName: user, GroupName: group})),
	},
	deleteUser: {
		action: 'iam:DeleteUser',
		removal: true,
		send: (iam, {user}) => iam.send(new DeleteUserCommand({UserName: user})),
	},
	tagUser: {
		action: 'iam:TagUser',
		send: (iam, {user, tags}) => iam.send(new TagUserCommand({UserName: user, Tags: tags})),
	},
	untagUser: {
		action: 'iam:UntagUser',
		send: (iam, {user, tagKeys}) => iam.send(new UntagUserCommand({UserName: user, TagKeys: tagKeys})),
	},
	updateLoginProfile: {
		action: 'iam:UpdateLoginProfile',
		send: (iam, {user, password, passwordResetRequired}) =>
			iam.send(new UpdateLoginProfileCommand({UserName: user, Password: password, PasswordResetRequired: passwordResetRequired})),
	},
	deleteLoginProfile: {
		action: 'iam:DeleteLoginProfile',
		removal: true,
		send: (iam, {user}) => iam.send(new DeleteLoginProfileCommand({UserName: user})),
	},
	deleteGroup: {
		action: 'iam:DeleteGroup',
		removal: true,
		send: (iam, {group}) => iam.send(new DeleteGroupCommand({GroupName: group})),
	},
};
