// The record of offboarding a person everywhere (issue 19, item 5): one file for the whole run, saved
// before the first write and after every step, so a rerun does only what is left. It says which
// Identity Center removals and which per-account offboardings were done, with their outcomes; each
// account's own offboarding keeps its own record (what that user had, for restore). Ids only, never a secret.
import {z} from 'zod';

export const EVERYWHERE_RECORD_VERSION = 1;
export const EVERYWHERE_RECORD_KIND = 'iamtui-offboard-everywhere-record';

const status = z.enum(['pending', 'done', 'failed']);
export type StepState = z.infer<typeof status>;

const accountId = z.string().regex(/^\d{12}$/, 'an account id has 12 digits');

const icStep = z
	.object({
		/** membership:ID or assignment:ACCOUNT:PERMISSION_SET_ARN: the same removal in every run. */
		key: z.string().min(1),
		kind: z.enum(['membership', 'assignment']),
		/** membership: DeleteGroupMembership takes the id; the group is named for the operator. */
		membershipId: z.string().optional(),
		groupId: z.string().optional(),
		groupName: z.string().optional(),
		/** assignment: DeleteAccountAssignment (the person as USER principal). */
		accountId: accountId.optional(),
		permissionSetArn: z.string().optional(),
		permissionSetName: z.string().optional(),
		/** What the person loses by it: ACCOUNT/PERMISSION_SET pairs. */
		removes: z.array(z.string()),
		status,
		/** failed: what went wrong; done: "already removed" when it was gone before this run sent it. */
		message: z.string().optional(),
	})
	.strict();

const accountStep = z
	.object({
		accountId,
		accountName: z.string(),
		user: z.string().min(1),
		/** Why the user looks like the person (the operator named it with --account as well). */
		matchedBy: z.array(z.string()),
		status,
		message: z.string().optional(),
		/** The single-account offboarding record of this user (iamtui restore takes it). */
		record: z.string().optional(),
	})
	.strict();

export const everywhereRecordSchema = z
	.object({
		version: z.literal(EVERYWHERE_RECORD_VERSION),
		kind: z.literal(EVERYWHERE_RECORD_KIND),
		/** The account of the profile that ran it (management or delegated administrator). */
		managementAccount: accountId,
		capturedAt: z.string(),
		capturedBy: z.string().nullable(),
		auditRole: z.string().min(1),
		person: z
			.object({
				userId: z.string().min(1),
				userName: z.string().min(1),
				displayName: z.string().optional(),
				emails: z.array(z.string()),
				identityStoreId: z.string().min(1),
				instanceArn: z.string().min(1),
			})
			.strict(),
		identityCenter: z.array(icStep),
		accounts: z.array(accountStep),
		finishedAt: z.string().nullable(),
		/** Each rerun of an unfinished record: when, and what it found to do beyond the record. */
		resumes: z.array(z.object({at: z.string(), found: z.array(z.string())}).strict()).optional(),
	})
	.strict();

export type EverywhereRecord = z.infer<typeof everywhereRecordSchema>;
export type IcStep = EverywhereRecord['identityCenter'][number];
export type AccountStep = EverywhereRecord['accounts'][number];

/** The key of an account's offboarding: one IAM user in one account. */
export const accountStepKey = (step: {accountId: string; user: string}): string => `${step.accountId}:${step.user}`;

/** The steps not yet done: what a rerun still has to do. */
export const leftToDo = (record: EverywhereRecord): {identityCenter: IcStep[]; accounts: AccountStep[]} => ({
	identityCenter: record.identityCenter.filter(s => s.status !== 'done'),
	accounts: record.accounts.filter(s => s.status !== 'done'),
});

/** Identity Center user id → user name, from these records: who the journal's IC lines (ids only) were about. */
export const peopleOfRecords = (records: ReadonlyArray<{record: EverywhereRecord}>): Map<string, string> => new Map(records.map(({record}) => [record.person.userId, record.person.userName]));
