// The creates that must not happen twice. Each is sent on the client that retries only certainly
// rejected requests, and after an ambiguous failure reconcile.ts re-reads IAM with the check written
// here: an entity found is ours only if it was created inside the request's window (its CreateDate);
// one found from before is someone else's, named to the operator and never used or deleted.
import {
	CreateAccessKeyCommand,
	CreateGroupCommand,
	CreateLoginProfileCommand,
	CreatePolicyCommand,
	CreateUserCommand,
	DeleteAccessKeyCommand,
	GetGroupCommand,
	GetPolicyCommand,
	ListAccessKeysCommand,
	UploadSigningCertificateCommand,
} from '@aws-sdk/client-iam';
import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import {IamError} from '../model/errors.js';
import type {NewAccessKey, WriteInput, WriteObserver, WriteResult} from '../model/gateway.js';
import type {AwsClients} from './client.js';
import type {ErrorContext} from './errors.js';
import {getUser, isNoSuchEntity, iso, loginProfile, signingCertificates} from './reads.js';
import {createOnce, inWindow, notApplied, observed, ownIfCreatedInWindow, unproven, type Reconciled, type RequestWindow} from './reconcile.js';

const hasCode = (error: unknown, code: string): boolean => {
	const e = error as {name?: string; Code?: string} | null;
	return e?.name === `${code}Exception` || e?.Code === code;
};

/** The server's clock as the SDK knows it: it corrects a local clock that IAM found skewed. */
const serverNow = (clients: AwsClients) => () => Date.now() + ((clients.iam.config as {systemClockOffset?: number}).systemClockOffset ?? 0);

/** Reads the entity (undefined: absent) and claims it only when it was created inside the window. */
type Find<T> = () => Promise<{createDate: string | undefined; result: T} | undefined>;

const claimIfOurs = <T>(what: string, find: Find<T>) => async (window: RequestWindow): Promise<Reconciled<T>> => {
	const found = await find();
	return found ? ownIfCreatedInWindow(what, found.createDate, window, found.result) : notApplied;
};

/**
 * The plumbing every create by presence shares: reconcile claims the entity when the window proves it
 * ours; on a second send, `code` ("already exists") is checked the same way, never taken on trust.
 */
const createByPresence = <T>(
	clients: AwsClients,
	context: ErrorContext,
	action: string,
	what: string,
	send: () => Promise<T>,
	find: Find<T>,
	code = 'EntityAlreadyExists',
): Promise<T> => {
	const claim = claimIfOurs(what, find);
	return createOnce<T>({
		context: {...context, action},
		now: serverNow(clients),
		send,
		reconcile: claim,
		landedEarlier: async (error, window) => (hasCode(error, code) ? claim(window) : notApplied),
	});
};

const orAbsent = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
	try {
		return await read();
	} catch (error) {
		if (isNoSuchEntity(error)) return undefined;
		throw error;
	}
};

export const createUser = (clients: AwsClients, context: ErrorContext, input: WriteInput<'createUser'>): Promise<void> =>
	createByPresence(
		clients,
		context,
		'iam:CreateUser',
		`user ${input.user}`,
		async () => {
			const tags = input.tags && input.tags.length > 0 ? {Tags: input.tags} : {};
			await clients.iamCreates.send(new CreateUserCommand({UserName: input.user, Path: input.path, ...tags}));
		},
		async () => {
			const user = await getUser(clients.iam, input.user);
			return user ? {createDate: user.createDate, result: undefined} : undefined;
		},
	);

export const createGroup = (clients: AwsClients, context: ErrorContext, input: WriteInput<'createGroup'>): Promise<void> =>
	createByPresence(
		clients,
		context,
		'iam:CreateGroup',
		`group ${input.group}`,
		async () => {
			await clients.iamCreates.send(new CreateGroupCommand({GroupName: input.group, Path: input.path}));
		},
		async () => {
			const out = await orAbsent(() => clients.iam.send(new GetGroupCommand({GroupName: input.group, MaxItems: 1})));
			return out ? {createDate: iso(out.Group?.CreateDate), result: undefined} : undefined;
		},
	);

/** We sent the password ourselves: a login profile created inside the window is ours. */
export const createLoginProfile = (clients: AwsClients, context: ErrorContext, input: WriteInput<'createLoginProfile'>): Promise<void> =>
	createByPresence(
		clients,
		context,
		'iam:CreateLoginProfile',
		`the console password of ${input.user}`,
		async () => {
			await clients.iamCreates.send(
				new CreateLoginProfileCommand({UserName: input.user, Password: input.password, PasswordResetRequired: input.passwordResetRequired}),
			);
		},
		async () => {
			const profile = await loginProfile(clients.iam, input.user);
			return profile ? {createDate: profile.createDate, result: undefined} : undefined;
		},
	);

const keysOf = async (clients: AwsClients, user: string): Promise<{accessKeyId: string; createDate: string}[]> => {
	const keys: {accessKeyId: string; createDate: string}[] = [];
	let marker: string | undefined;
	do {
		const out = await clients.iam.send(new ListAccessKeysCommand({UserName: user, Marker: marker}));
		for (const key of out.AccessKeyMetadata ?? []) if (key.AccessKeyId) keys.push({accessKeyId: key.AccessKeyId, createDate: iso(key.CreateDate)});
		marker = out.IsTruncated ? out.Marker : undefined;
	} while (marker);
	return keys;
};

/**
 * The keys are listed before sending. After an ambiguous failure, a key that was not there before and
 * was created inside the request's window is ours, but its secret was in the answer that never arrived:
 * nobody can ever use it. When it is the only new key, it is deleted (and the deletion journaled through
 * `observe`), then the create is sent once more. When several keys appeared — another operator made one
 * meanwhile — or one appeared outside the window, nothing is deleted: the operator is told which to check.
 */
export const createAccessKey = async (
	clients: AwsClients,
	context: ErrorContext,
	input: WriteInput<'createAccessKey'>,
	observe?: WriteObserver,
): Promise<NewAccessKey> => {
	const before = new Set((await keysOf(clients, input.user)).map(k => k.accessKeyId));
	return createOnce<NewAccessKey>({
		context: {...context, action: 'iam:CreateAccessKey'},
		now: serverNow(clients),
		async send() {
			const {AccessKey: key} = await clients.iamCreates.send(new CreateAccessKeyCommand({UserName: input.user}));
			if (!key?.AccessKeyId || !key.SecretAccessKey) {
				throw new IamError('Unknown', `CreateAccessKey for ${input.user} answered without a key`, 'check the user\'s access keys (iamtui user NAME, or r in the TUI) before trying again');
			}
			return {userName: key.UserName ?? input.user, accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey, createDate: iso(key.CreateDate)};
		},
		async reconcile(window) {
			const appeared = (await keysOf(clients, input.user)).filter(k => !before.has(k.accessKeyId));
			if (appeared.length === 0) return notApplied;
			const [orphan] = appeared;
			if (appeared.length === 1 && orphan && inWindow(orphan.createDate, window)) {
				const target = {user: input.user, accessKeyId: orphan.accessKeyId};
				await observed(observe, {action: 'iam:DeleteAccessKey', target}, () =>
					clients.iam.send(new DeleteAccessKeyCommand({UserName: input.user, AccessKeyId: orphan.accessKeyId})),
				);
				return notApplied;
			}
			const ids = appeared.map(k => `${k.accessKeyId} (created ${k.createDate})`).join(', ');
			return unproven(
				`the answer to iam:CreateAccessKey for ${input.user} was lost, and ${appeared.length === 1 ? 'a key' : `${appeared.length} keys`} appeared meanwhile: ${ids}. iamtui cannot prove which is its own (whose secret nobody has), so it deleted none`,
				`ask who else created a key for ${input.user} just now; delete the one nobody holds the secret of (aws iam delete-access-key --user-name ${input.user} --access-key-id ID), then create a key again`,
			);
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
	createByPresence(
		clients,
		context,
		'iam:CreatePolicy',
		`policy ${input.policyName}`,
		async () => {
			const {Policy: policy} = await clients.iamCreates.send(
				new CreatePolicyCommand({PolicyName: input.policyName, Path: input.path, PolicyDocument: input.document, Description: input.description}),
			);
			return {arn: policy?.Arn ?? (await policyArn(clients, input))};
		},
		async () => {
			const arn = await policyArn(clients, input);
			const out = await orAbsent(() => clients.iam.send(new GetPolicyCommand({PolicyArn: arn})));
			return out ? {createDate: iso(out.Policy?.CreateDate), result: {arn}} : undefined;
		},
	);

/** PEM text compared without its line breaks and spacing, which IAM may normalise. */
const samePem = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** A certificate with the same body, uploaded inside the window, is ours (IAM refuses a duplicate body). */
export const uploadSigningCertificate = (
	clients: AwsClients,
	context: ErrorContext,
	input: WriteInput<'uploadSigningCertificate'>,
): Promise<WriteResult<'uploadSigningCertificate'>> =>
	createByPresence(
		clients,
		context,
		'iam:UploadSigningCertificate',
		`that signing certificate of ${input.user}`,
		async () => {
			const {Certificate: certificate} = await clients.iamCreates.send(
				new UploadSigningCertificateCommand({UserName: input.user, CertificateBody: input.certificateBody}),
			);
			return {certificateId: certificate?.CertificateId ?? ''};
		},
		async () => {
			const match = (await signingCertificates(clients.iam, input.user)).find(c => samePem(c.body, input.certificateBody));
			return match ? {createDate: match.uploadDate, result: {certificateId: match.certificateId}} : undefined;
		},
		'DuplicateCertificate',
	);
