// The bench's account as `aws iam get-account-authorization-details` exports it, so the real binary can
// be timed on it in a fresh process (`iamtui who-can ACTION --from-file FILE`), as an operator runs it:
//   npx tsx scripts/bench/export-bench.ts FILE [--users N --groups N --policies N --roles N]
import {writeFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import type {AccountSnapshot, InlinePolicy} from '../../source/model/snapshot.js';
import {planAccount, scaleFrom} from './plan.js';
import {planSnapshot} from './plan-snapshot.js';

const inline = (list: InlinePolicy[]) => list.map(p => ({PolicyName: p.name, PolicyDocument: encodeURIComponent(p.document)}));
const attached = (list: Array<{name: string; arn: string}>) => list.map(p => ({PolicyName: p.name, PolicyArn: p.arn}));

/** GAAD's shape (documents URL-encoded, as IAM returns them). */
export const exportOf = (snapshot: AccountSnapshot) => ({
	UserDetailList: snapshot.users.map(u => ({
		Path: u.path, UserName: u.name, UserId: u.id, Arn: u.arn, CreateDate: u.createDate,
		GroupList: u.groups, AttachedManagedPolicies: attached(u.attachedPolicies), UserPolicyList: inline(u.inlinePolicies), Tags: u.tags,
		...(u.permissionsBoundaryArn ? {PermissionsBoundary: {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: u.permissionsBoundaryArn}} : {}),
	})),
	GroupDetailList: snapshot.groups.map(g => ({Path: g.path, GroupName: g.name, GroupId: g.id, Arn: g.arn, CreateDate: g.createDate, AttachedManagedPolicies: attached(g.attachedPolicies), GroupPolicyList: inline(g.inlinePolicies)})),
	RoleDetailList: snapshot.roles.map(r => ({
		Path: r.path, RoleName: r.name, RoleId: r.id, Arn: r.arn, CreateDate: r.createDate,
		AssumeRolePolicyDocument: encodeURIComponent(r.trustPolicy),
		InstanceProfileList: r.instanceProfiles.map(p => ({InstanceProfileName: p.name, Arn: p.arn, Path: '/', InstanceProfileId: p.name, CreateDate: r.createDate, Roles: []})),
		RolePolicyList: inline(r.inlinePolicies), AttachedManagedPolicies: attached(r.attachedPolicies), Tags: r.tags,
		RoleLastUsed: r.lastUsed ? {LastUsedDate: r.lastUsed.date, ...(r.lastUsed.region ? {Region: r.lastUsed.region} : {})} : {},
		...(r.permissionsBoundaryArn ? {PermissionsBoundary: {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: r.permissionsBoundaryArn}} : {}),
	})),
	Policies: snapshot.policies.map(p => ({
		PolicyName: p.name, PolicyId: p.id, Arn: p.arn, Path: p.path, DefaultVersionId: p.defaultVersionId, AttachmentCount: p.attachmentCount,
		PermissionsBoundaryUsageCount: 0, IsAttachable: true, CreateDate: p.createDate, UpdateDate: p.updateDate,
		PolicyVersionList: [{Document: encodeURIComponent(p.document), VersionId: p.defaultVersionId, IsDefaultVersion: true, CreateDate: p.createDate}],
	})),
});

if (process.argv[1]?.endsWith('export-bench.ts')) {
	const {values, positionals} = parseArgs({allowPositionals: true, options: {users: {type: 'string'}, groups: {type: 'string'}, policies: {type: 'string'}, roles: {type: 'string'}}});
	const scale = scaleFrom(values);
	const file = positionals[0];
	if (!file) throw new Error('usage: export-bench.ts FILE [--users N …]');
	writeFileSync(file, JSON.stringify(exportOf(planSnapshot(planAccount(scale)))));
	process.stderr.write(`wrote ${file}\n`);
}
