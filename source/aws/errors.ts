// SDK and network errors → IamError, the one failure shape the UI and the commands show.
// Messages name what went wrong and what to do; never credentials, never a stack trace.
import {IamError, type IamErrorKind} from '../model/errors.js';

export const READ_ONLY_POLICY_HINT = 'attach templates/iamtui-read-only.json to your principal';

export interface ErrorContext {
	/** The endpoint the request went to, for network errors. */
	endpoint?: string;
	/** The AWS profile in use, for credential errors. */
	profile?: string;
	/** Profile names known from ~/.aws/config and ~/.aws/credentials, for "unknown profile". */
	knownProfiles?: string[];
	/** The IAM action being attempted (e.g. iam:ListUsers), when the error does not say. */
	action?: string;
}

const CODES: Record<string, IamErrorKind> = {
	AccessDenied: 'AccessDenied',
	UnauthorizedOperation: 'AccessDenied',
	Throttling: 'Throttled',
	TooManyRequests: 'Throttled',
	RequestLimitExceeded: 'Throttled',
	NoSuchEntity: 'NotFound',
	EntityAlreadyExists: 'Conflict',
	DeleteConflict: 'Conflict',
	ConcurrentModification: 'Conflict',
	EntityTemporarilyUnmodifiable: 'Conflict',
	LimitExceeded: 'LimitExceeded',
	ValidationError: 'Invalid',
	MalformedPolicyDocument: 'Invalid',
	InvalidInput: 'Invalid',
	PasswordPolicyViolation: 'Invalid',
	DuplicateCertificate: 'Conflict',
	InvalidCertificate: 'Invalid',
	MalformedCertificate: 'Invalid',
	InvalidUserType: 'Invalid',
	InvalidAuthenticationCode: 'Invalid',
	NameConflict: 'Conflict',
	UnmodifiableEntity: 'Conflict',
	ReportGenerationLimitExceeded: 'LimitExceeded',
	ReportInProgress: 'Conflict',
	ReportNotPresent: 'NotFound',
	ReportExpired: 'NotFound',
	PolicyNotAttachable: 'Invalid',
	InvalidPublicKey: 'Invalid',
	UnrecognizedPublicKeyEncoding: 'Invalid',
	DuplicateSSHPublicKey: 'Conflict',
	KeyPairMismatch: 'Invalid',
};

/** What IAM wants removed first when it refuses a delete (DeleteConflict), by the refused action. */
const DELETE_FIRST: Record<string, string> = {
	'iam:DeleteUser':
		"remove the user's access keys, signing certificates, SSH keys, service-specific credentials, console password, MFA devices, inline and attached policies and group memberships first",
	'iam:DeleteGroup': "remove the group's members, inline policies and attached policies first",
	'iam:DeletePolicy': 'detach the policy from every user, group and role, and delete its non-default versions first',
	'iam:DeletePolicyVersion': 'make another version the default first: the default version cannot be deleted',
	'iam:DeleteVirtualMFADevice': 'deactivate the device (iam deactivate-mfa-device) first',
};

const conflictHint = (code: string, context: ErrorContext): string => {
	if (code !== 'DeleteConflict') return '';
	return (context.action && DELETE_FIRST[context.action]) || 'remove what still depends on it first';
};

/** A 5xx whose body is not an AWS error document (an HTML page, nothing): the SDK could not parse it. */
const unparseableServerError = (error: ErrorLike): boolean =>
	(error.$metadata?.httpStatusCode ?? 0) >= 500 && !error.Code && /XML parse error|Deserialization error|Unexpected token|mismatched tag/i.test(error.message ?? '');

const BAD_CREDENTIAL_CODES = new Set([
	'InvalidClientTokenId',
	'SignatureDoesNotMatch',
	'ExpiredToken',
	'InvalidAccessKeyId',
	'UnrecognizedClient',
	'AuthFailure',
]);

const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EPIPE',
	'ECONNABORTED',
	'ERR_INVALID_URL',
]);

interface ErrorLike {
	name?: string;
	message?: string;
	code?: string;
	Code?: string;
	errors?: unknown[];
	address?: string;
	port?: number;
	hostname?: string;
	$metadata?: {httpStatusCode?: number};
}

/** Strips the SDK's "Exception" suffix: NoSuchEntityException → NoSuchEntity. */
const awsCode = (error: ErrorLike): string => {
	const raw = error.Code ?? (error.name && error.name !== 'Error' ? error.name : undefined) ?? '';
	return raw.replace(/Exception$/, '');
};

/** The Node system error code, also from inside an AggregateError (happy-eyeballs connects). */
const systemCode = (error: ErrorLike): string | undefined => {
	if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) return error.code;
	for (const inner of error.errors ?? []) {
		const code = (inner as ErrorLike | undefined)?.code;
		if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
	}
	return undefined;
};

/** First line only, without anything that looks like a secret or a stack frame. */
const clean = (message: string | undefined): string =>
	(message ?? '')
		.split('\n')[0]!
		.replace(/(aws_secret_access_key|aws_session_token|secret|token)\s*[=:]\s*\S+/gi, '$1=…')
		.replace(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '$1…')
		.trim();

/** "is not authorized to perform: iam:ListUsers on resource: …" → iam:ListUsers. */
export const missingAction = (message: string | undefined): string | undefined =>
	/not authorized to perform:?\s+([\w-]+:[\w*]+)/i.exec(message ?? '')?.[1];

const profileName = (context: ErrorContext): string => context.profile ?? process.env.AWS_PROFILE ?? 'default';

const knownProfilesHint = (known: string[] | undefined): string =>
	known && known.length > 0
		? `known profiles: ${known.join(', ')}`
		: 'no profiles found in ~/.aws/config or ~/.aws/credentials; run aws configure --profile NAME';

/** Errors from the credential chain (no credentials, unknown profile, SSO), before any request. */
const credentialChainError = (error: ErrorLike, context: ErrorContext): IamError | undefined => {
	const message = error.message ?? '';
	const name = error.name ?? '';
	const fromProvider = /ProviderError$/.test(name);
	const unknownProfile = /Could not resolve credentials using profile:?\s*\[([^\]]*)\]|[Pp]rofile [`'"]?([\w+=,.@:/-]+)[`'"]? (?:could not be found|not found)/.exec(message);
	if (unknownProfile) {
		const profile = unknownProfile[1] ?? unknownProfile[2] ?? profileName(context);
		return new IamError('Credentials', `AWS profile "${profile}" has no usable credentials or does not exist`, knownProfilesHint(context.knownProfiles), 'UnknownProfile');
	}
	if (/sso/i.test(message) && /(expired|invalid|refresh|login|not found)/i.test(message)) {
		const profile = profileName(context);
		return new IamError('Credentials', `the SSO session for profile "${profile}" has expired or is missing`, `run aws sso login --profile ${profile}`, 'SsoSession');
	}
	if (/Could not load credentials from any providers/i.test(message) || (fromProvider && /credential/i.test(message))) {
		return new IamError(
			'Credentials',
			'no AWS credentials found',
			'set AWS_PROFILE (or pass --profile NAME), or run aws configure to create credentials',
			'NoCredentials',
		);
	}
	if (fromProvider || name === 'TokenProviderError') {
		return new IamError('Credentials', `could not get credentials: ${clean(message)}`, `check profile "${profileName(context)}" in ~/.aws/config`, name);
	}
	return undefined;
};

const badCredentialsHint = (code: string, context: ErrorContext): string => {
	if (code === 'ExpiredToken') return `the session token has expired; refresh the credentials of profile "${profileName(context)}" (e.g. aws sso login)`;
	return `the access key of profile "${profileName(context)}" was rejected; check it with aws sts get-caller-identity`;
};

const networkError = (error: ErrorLike, code: string, context: ErrorContext): IamError => {
	const where =
		context.endpoint ??
		(error.hostname ? error.hostname : error.address ? `${error.address}${error.port ? `:${error.port}` : ''}` : 'the AWS endpoint');
	const what: Record<string, string> = {
		ECONNREFUSED: 'connection refused',
		ENOTFOUND: 'host not found',
		EAI_AGAIN: 'DNS lookup failed',
		ETIMEDOUT: 'timed out',
		TimeoutError: 'timed out',
		RequestTimeout: 'timed out',
		ERR_INVALID_URL: 'invalid URL',
	};
	return new IamError(
		'Network',
		`cannot reach ${where}: ${what[code] ?? code}`,
		context.endpoint ? 'check --endpoint-url (or AWS_ENDPOINT_URL / endpoint_url in ~/.aws/config) and that the service is running' : 'check your network connection',
		code,
	);
};

/** Converts anything thrown by the SDK (or Node's network stack) into an IamError. */
export const toIamError = (error: unknown, context: ErrorContext = {}): IamError => {
	if (error instanceof IamError) return error;
	if (typeof error !== 'object' || error === null) {
		return new IamError('Unknown', clean(String(error)) || 'unknown error');
	}
	const e = error as ErrorLike;
	const code = awsCode(e);

	const chain = credentialChainError(e, context);
	if (chain) return chain;

	const network = systemCode(e);
	if (network) return networkError(e, network, context);
	if (code === 'TimeoutError' || code === 'RequestTimeout' || e.name === 'TimeoutError') return networkError(e, 'TimeoutError', context);
	if (code === 'AbortError') return new IamError('Unknown', 'request cancelled', '', 'AbortError');

	if (BAD_CREDENTIAL_CODES.has(code)) {
		return new IamError('Credentials', `AWS rejected the credentials: ${clean(e.message) || code}`, badCredentialsHint(code, context), code);
	}

	const kind = CODES[code] ?? (e.$metadata?.httpStatusCode === 403 ? 'AccessDenied' : e.$metadata?.httpStatusCode === 429 ? 'Throttled' : undefined);
	switch (kind) {
		case 'AccessDenied': {
			const action = missingAction(e.message) ?? context.action;
			return new IamError(
				'AccessDenied',
				action ? `access denied: your credentials lack ${action}` : `access denied: ${clean(e.message) || code}`,
				READ_ONLY_POLICY_HINT,
				code || 'AccessDenied',
			);
		}
		case 'Throttled':
			return new IamError('Throttled', `AWS is throttling requests: ${clean(e.message) || code}`, 'wait a moment and retry', code);
		case 'NotFound':
			return new IamError('NotFound', clean(e.message) || 'not found', 'it may have been changed elsewhere: load the account again (r in the TUI) and check', code);
		case 'Conflict':
			return new IamError('Conflict', clean(e.message) || code, conflictHint(code, context), code);
		case 'LimitExceeded':
			return new IamError('LimitExceeded', clean(e.message) || code, 'an IAM quota was reached; remove something first or ask AWS for a higher quota', code);
		case 'Invalid':
			return new IamError('Invalid', clean(e.message) || code, '', code);
		default: {
			const status = e.$metadata?.httpStatusCode;
			if (unparseableServerError(e)) {
				const what = context.action ?? 'the request';
				return new IamError(
					'Unknown',
					`the IAM endpoint answered ${status} to ${what} without an AWS error: it may not implement this operation`,
					context.endpoint ? `an emulator such as moto lacks some IAM operations; against AWS, try again later` : 'try again later',
					'UnparseableServerError',
				);
			}
			const text = clean(e.message) || code || 'unknown error';
			return new IamError('Unknown', status && status >= 500 ? `AWS answered ${status}: ${text}` : text, '', code || undefined);
		}
	}
};
