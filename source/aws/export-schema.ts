// The shape of an `aws iam get-account-authorization-details` export, checked before the snapshot is
// built from it: a file that is valid JSON but not this shape gets one line naming the file and the
// field, never a JavaScript error from deep inside. Loose objects: real exports carry more fields.
import {z} from 'zod';
import type {AuthorizationDetailsPage} from './snapshot-build.js';

const text = z.string();
const date = z.union([z.string(), z.number()]);
const tag = z.looseObject({Key: text.optional(), Value: text.optional()});
const attached = z.array(z.looseObject({PolicyName: text.optional(), PolicyArn: text.optional()}));
// Inline policy documents: parsed by the aws CLI (an object), URL-encoded text from the API.
const inline = z.array(z.looseObject({PolicyName: text.optional(), PolicyDocument: z.union([text, z.record(z.string(), z.unknown())]).optional()}));
const entity = {Path: text.optional(), Arn: text.optional(), CreateDate: date.optional(), AttachedManagedPolicies: attached.optional()};

const user = z.looseObject({
	...entity,
	UserName: text.optional(),
	UserId: text.optional(),
	GroupList: z.array(text).optional(),
	UserPolicyList: inline.optional(),
	Tags: z.array(tag).optional(),
	PermissionsBoundary: z.looseObject({PermissionsBoundaryArn: text.optional()}).optional(),
});
const group = z.looseObject({...entity, GroupName: text.optional(), GroupId: text.optional(), GroupPolicyList: inline.optional()});
// Trust documents: parsed by the aws CLI, URL-encoded from the API, raw JSON from moto.
const role = z.looseObject({
	...entity,
	RoleName: text.optional(),
	RoleId: text.optional(),
	AssumeRolePolicyDocument: z.union([text, z.record(z.string(), z.unknown())]).optional(),
	RolePolicyList: inline.optional(),
	Tags: z.array(tag).optional(),
	PermissionsBoundary: z.looseObject({PermissionsBoundaryArn: text.optional()}).optional(),
	InstanceProfileList: z.array(z.looseObject({InstanceProfileName: text.optional(), Arn: text.optional()})).optional(),
	RoleLastUsed: z.looseObject({LastUsedDate: date.optional(), Region: text.optional()}).optional(),
});
const version = z.looseObject({
	VersionId: text.optional(),
	IsDefaultVersion: z.boolean().optional(),
	CreateDate: date.optional(),
	Document: z.union([text, z.record(z.string(), z.unknown())]).optional(),
});
const policy = z.looseObject({
	...entity,
	PolicyName: text.optional(),
	PolicyId: text.optional(),
	DefaultVersionId: text.optional(),
	AttachmentCount: z.number().optional(),
	UpdateDate: date.optional(),
	Description: text.optional(),
	PolicyVersionList: z.array(version).optional(),
});

const pageSchema = z.looseObject({
	UserDetailList: z.array(user).optional(),
	GroupDetailList: z.array(group).optional(),
	RoleDetailList: z.array(role).optional(),
	Policies: z.array(policy).optional(),
});

/** `UserDetailList[3].GroupList[0]`: the field as the operator would find it in the file. */
const fieldPath = (path: readonly PropertyKey[]): string =>
	path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');

const expected = (issue: z.core.$ZodIssue): string => {
	if (issue.code === 'invalid_type') return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
	if (issue.code === 'invalid_union') return 'has the wrong type';
	return issue.message;
};

export type ExportCheck = {ok: true; page: AuthorizationDetailsPage} | {ok: false; problem: string};

/** The page, or the first field that does not fit, as "UserDetailList[3].GroupList[0] must be a string". */
export const checkExportPage = (value: unknown): ExportCheck => {
	const parsed = pageSchema.safeParse(value);
	if (parsed.success) return {ok: true, page: parsed.data as AuthorizationDetailsPage};
	const issue = parsed.error.issues[0]!;
	const where = fieldPath(issue.path);
	return {ok: false, problem: where ? `${where} ${expected(issue)}` : `the top level ${expected(issue)}`};
};
