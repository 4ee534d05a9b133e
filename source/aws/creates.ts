// The creates that must not happen twice. Each is sent on the client that retries only certainly
// rejected requests, and after an ambiguous failure reconcile.ts re-reads IAM with the check written
// here: the plan made sure the entity did not exist before, so finding it means our request made it.
import {
	CreateAccessKeyCommand,
	CreateGroupCommand,
	CreateLoginProfileCommand,
	CreatePolicyCommand,
	CreateUserCommand,
	DeleteAccessKeyCommand,
	GetGroupCommand,
	GetPolicyCommand,
	UploadSigningCertificateCommand,
} from '@aws-sdk/client-iam';
import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import {IamError} from '../model/errors.js';
import type {NewAccessKey, WriteInput, WriteResult} from '../model/gateway.js';
import type {AwsClients} from './client.js';
import type {ErrorContext} from './errors.js';
import {accessKeyIds, getUser, isNoSuchEntity, iso, loginProfile, signingCertificates} from './reads.js';
import {applied, createOnce, notApplied, type Reconciled} from './reconcile.js';

const hasCode = (error: unknown, code: string): boolean => {
	const e = error as {name?: string; Code?: string} | null;
	return e?.name === `${code}Exception` || e?.Code === code;
};

/** On a second send, "already exists" means the first send created it (the plan checked it was absent). */
const existsMeans = <T>(result: () => T | Promise<T>, code = 'EntityAlreadyExists') => async (error: unknown): Promise<Reconciled<T>> =>
	hasCode(error, code) ? applied(await result()) : notApplied;

const exists = async (read: () => Promise<unknown>): Promise<boolean> => {
	try {
		await read();
		return true;
	} catch (error) {
		if (isNoSuchEntity(error)) return false;
		throw error;
	}
};

export const createUser = (clients: AwsClients, context: ErrorContext, input: WriteInput<'createUser'>): Promise<void> =>
	createOnce<void>({
		context: {...context, action: 'iam:CreateUser'},
		async send() {
			const tags = input.tags && input.tags.length > 0 ? {Tags: input.tags} : {};
			await clients.iamCreates.send(new CreateUserCommand({UserName: input.user, Path: input.path, ...tags}));
		},
		reconcile: async () => ((await getUser(clients.iam, input.user)) ? applied(undefined) : notApplied),
		landedEarlier: existsMeans(() => undefined),
	});

export const createGroup = (clients: AwsClients, context: ErrorContext, input: WriteInput<'createGroup'>): Promise<void> =>
	createOnce<void>({
		context: {...context, action: 'iam:CreateGroup'},
		async send() {
			await clients.iamCreates.send(new CreateGroupCommand({GroupName: input.group, Path: input.path}));
		},
		async reconcile() {
			const found = await exists(() => clients.iam.send(new GetGroupCommand({GroupName: input.group, MaxItems: 1})));
			return found ? applied(undefined) : notApplied;
		},
		landedEarlier: existsMeans(() => undefined),
	});

/** We sent the password ourselves: a login profile that appeared is ours. */
export const createLoginProfile = (clients: AwsClients, context: ErrorContext, input: WriteInput<'createLoginProfile'>): Promise<void> =>
	createOnce<void>({
		context: {...context, action: 'iam:CreateLoginProfile'},
		async send() {
			await clients.iamCreates.send(
				new CreateLoginProfileCommand({UserName: input.user, Password: input.password, PasswordResetRequired: input.passwordResetRequired}),
			);
		},
		reconcile: async () => ((await loginProfile(clients.iam, input.user)) ? applied(undefined) : notApplied),
		landedEarlier: existsMeans(() => undefined),
	});

/**
 * The keys are listed before sending. After an ambiguous failure a key that was not there before was
 * made by our request, but its secret was in the answer that never arrived: nobody can ever use it, and
 * it takes one of the user's two key slots. It is deleted, then the create is sent once more, so the
 * caller ends with exactly one new key whose secret it holds. (A key another operator created for the
 * same user in those few seconds would be taken for ours; the plan's preview makes that unlikely.)
 */
export const createAccessKey = async (clients: AwsClients, context: ErrorContext, input: WriteInput<'createAccessKey'>): Promise<NewAccessKey> => {
	const before = new Set(await accessKeyIds(clients.iam, input.user));
	return createOnce<NewAccessKey>({
		context: {...context, action: 'iam:CreateAccessKey'},
		async send() {
			const {AccessKey: key} = await clients.iamCreates.send(new CreateAccessKeyCommand({UserName: input.user}));
			if (!key?.AccessKeyId || !key.SecretAccessKey) {
				throw new IamError('Unknown', `CreateAccessKey for ${input.user} answered without a key`, 'check the user\'s access keys (iamtui user NAME, or r in the TUI) before trying again');
			}
			return {userName: key.UserName ?? input.user, accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey, createDate: iso(key.CreateDate)};
		},
		async reconcile() {
			const orphans = (await accessKeyIds(clients.iam, input.user)).filter(id => !before.has(id));
			for (const id of orphans) {
				await clients.iam.send(new DeleteAccessKeyCommand({UserName: input.user, AccessKeyId: id}));
			}
			return notApplied;
		},
	});
};

/** arn:PARTITION:iam::ACCOUNT:policy/PATH/NAME, from the caller's own ARN. */
const policyArn = async (clients: AwsClients, input: WriteInput<'createPolicy'>): Promise<string> => {
	const caller = await clients.sts.send(new GetCallerIdentityCommand({}));
	const partition = caller.Arn?.split(':')[1] || 'aws';
	return `arn:${partition}:iam::${caller.Account ?? ''}:policy${input.path ?? '/'}${input.policyName}`;
};

export const createPolicy = (clients: AwsClients, context: ErrorContext, input: WriteInput<'createPolicy'>): Promise<WriteResult<'createPolicy'>> =>
	createOnce({
		context: {...context, action: 'iam:CreatePolicy'},
		async send() {
			const {Policy: policy} = await clients.iamCreates.send(
				new CreatePolicyCommand({PolicyName: input.policyName, Path: input.path, PolicyDocument: input.document, Description: input.description}),
			);
			return {arn: policy?.Arn ?? (await policyArn(clients, input))};
		},
		async reconcile() {
			const arn = await policyArn(clients, input);
			return (await exists(() => clients.iam.send(new GetPolicyCommand({PolicyArn: arn})))) ? applied({arn}) : notApplied;
		},
		landedEarlier: existsMeans(async () => ({arn: await policyArn(clients, input)})),
	});

/** PEM text compared without its line breaks and spacing, which IAM may normalise. */
const samePem = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

export const uploadSigningCertificate = (
	clients: AwsClients,
	context: ErrorContext,
	input: WriteInput<'uploadSigningCertificate'>,
): Promise<WriteResult<'uploadSigningCertificate'>> => {
	const uploaded = async (): Promise<Reconciled<{certificateId: string}>> => {
		const match = (await signingCertificates(clients.iam, input.user)).find(c => samePem(c.body, input.certificateBody));
		return match ? applied({certificateId: match.certificateId}) : notApplied;
	};
	return createOnce({
		context: {...context, action: 'iam:UploadSigningCertificate'},
		async send() {
			const {Certificate: certificate} = await clients.iamCreates.send(
				new UploadSigningCertificateCommand({UserName: input.user, CertificateBody: input.certificateBody}),
			);
			return {certificateId: certificate?.CertificateId ?? ''};
		},
		reconcile: uploaded,
		landedEarlier: async error => (hasCode(error, 'DuplicateCertificate') ? uploaded() : notApplied),
	});
};
