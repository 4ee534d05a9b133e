// JSON shapes of the headless commands. Keys follow the IAM API's own names so scripts that know
// `aws iam` read them without a dictionary.
import {policiesReachingUser, type SnapshotIndex} from '../model/indexes.js';
import type {UserDetails} from '../model/gateway.js';
import type {Group, User} from '../model/snapshot.js';

export const userSummary = (index: SnapshotIndex, user: User) => {
	const report = index.reportByUser.get(user.name);
	return {
		UserName: user.name,
		UserId: user.id,
		Arn: user.arn,
		Path: user.path,
		CreateDate: user.createDate,
		Groups: user.groups,
		AttachedManagedPolicies: user.attachedPolicies.map(p => p.name),
		InlinePolicies: user.inlinePolicies.map(p => p.name),
		// null when the credential report could not be read (see the `CredentialReport` field of `users`).
		PasswordEnabled: report ? report.passwordEnabled : null,
		PasswordLastUsed: report ? report.passwordLastUsed : null,
		MfaActive: report ? report.mfaActive : null,
		...(user.permissionsBoundaryArn ? {PermissionsBoundary: user.permissionsBoundaryArn} : {}),
	};
};

export const userDetail = (index: SnapshotIndex, user: User, details: UserDetails) => ({
	...userSummary(index, user),
	PoliciesViaGroups: policiesReachingUser(index, user)
		.filter(grant => grant.viaGroup)
		.map(grant => ({GroupName: grant.viaGroup, PolicyName: grant.name, PolicyType: grant.kind, ...(grant.arn ? {PolicyArn: grant.arn} : {})})),
	AccessKeys: details.accessKeys.map(key => ({
		AccessKeyId: key.accessKeyId,
		Status: key.status,
		CreateDate: key.createDate,
		LastUsedDate: key.lastUsedDate,
		LastUsedService: key.lastUsedService,
	})),
	MFADevices: details.mfaDevices.map(device => ({SerialNumber: device.serialNumber, EnableDate: device.enableDate})),
	Tags: details.tags,
});

export const groupSummary = (index: SnapshotIndex, group: Group) => ({
	GroupName: group.name,
	GroupId: group.id,
	Arn: group.arn,
	Path: group.path,
	CreateDate: group.createDate,
	Members: index.membersByGroup.get(group.name) ?? [],
	AttachedManagedPolicies: group.attachedPolicies.map(p => p.name),
	InlinePolicies: group.inlinePolicies.map(p => p.name),
});
