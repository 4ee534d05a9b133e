// What a user had when offboarding began: the record that makes offboarding resumable and reversible.
// Identifiers and documents only — never a secret (IAM does not return secrets after creation anyway).
// The schema is strict so a corrupt or foreign file is refused, not half-read.
import {z} from 'zod';

const tag = z.object({Key: z.string(), Value: z.string()}).strict();
const status = z.enum(['Active', 'Inactive']);

export const RECORD_VERSION = 1;

const assumableRole = z
	.object({
		role: z.string(),
		decision: z.enum(['Allowed', 'Conditional']),
		/** The first step names the user in the role's trust (no identity allow needed). */
		direct: z.boolean(),
		/** The role the chain starts at (the role itself unless reached by chaining). */
		first: z.string(),
		path: z.string(),
		conditions: z.array(z.string()),
	})
	.strict();

/** A trust policy that named the user by ARN: what restore puts back (the original document). */
const trustNaming = z.object({role: z.string().min(1), roleArn: z.string(), principal: z.string().min(1), document: z.string()}).strict();

export type AssumableRole = z.infer<typeof assumableRole>;
export type TrustNaming = z.infer<typeof trustNaming>;

export const offboardRecordSchema = z
	.object({
		version: z.literal(RECORD_VERSION),
		kind: z.literal('iamtui-offboard-record'),
		account: z.string().regex(/^\d{12}$/, 'an account id has 12 digits'),
		capturedAt: z.string(),
		capturedBy: z.string().nullable(),
		user: z
			.object({name: z.string().min(1), arn: z.string(), path: z.string(), createDate: z.string()})
			.strict(),
		groups: z.array(z.string()),
		attachedPolicies: z.array(z.object({name: z.string(), arn: z.string()}).strict()),
		inlinePolicies: z.array(z.object({name: z.string(), document: z.string()}).strict()),
		tags: z.array(tag),
		permissionsBoundaryArn: z.string().nullable(),
		loginProfile: z.object({createDate: z.string(), passwordResetRequired: z.boolean()}).strict().nullable(),
		accessKeys: z.array(z.object({accessKeyId: z.string(), status, createDate: z.string(), lastUsedDate: z.string().nullable()}).strict()),
		mfaDevices: z.array(z.object({serialNumber: z.string(), enableDate: z.string()}).strict()),
		signingCertificates: z.array(z.object({certificateId: z.string(), status, uploadDate: z.string()}).strict()),
		sshPublicKeys: z.array(z.object({sshPublicKeyId: z.string(), status, uploadDate: z.string()}).strict()),
		serviceSpecificCredentials: z.array(z.object({serviceSpecificCredentialId: z.string(), serviceName: z.string(), status, createDate: z.string()}).strict()),
		/** Roles the user could assume when recorded (absent in records older than roles). */
		assumableRoles: z.array(assumableRole).optional(),
		/** Trust policies that named the user directly when recorded, each with its original document. */
		trustPolicies: z.array(trustNaming).optional(),
		/** Kinds of credentials the account could not list (e.g. an emulator without SSH keys): said, not hidden. */
		unlisted: z.array(z.string()),
		/** Keys of the plan steps that completed (see stepKey), in order: what a resumed run skips. */
		completed: z.array(z.string()),
		keepUser: z.boolean(),
		/** When the run ended: every step done, or closed unfinished by the operator (then closedAt too). */
		finishedAt: z.string().nullable(),
		/** Each resume: when, with which option, and what the user had gained since (revoked too). */
		resumes: z.array(z.object({at: z.string(), keepUser: z.boolean(), found: z.array(z.string())}).strict()).optional(),
		/** Closed unfinished (`iamtui records close`): not resumed; a new run starts from what the user has then. */
		closedAt: z.string().optional(),
	})
	.strict();

export type OffboardRecord = z.infer<typeof offboardRecordSchema>;
