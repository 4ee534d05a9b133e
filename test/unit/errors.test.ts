import {
	DeleteConflictException,
	EntityAlreadyExistsException,
	IAMServiceException,
	LimitExceededException,
	MalformedPolicyDocumentException,
	NoSuchEntityException,
} from '@aws-sdk/client-iam';
import {describe, expect, it} from 'vitest';
import {missingAction, READ_ONLY_POLICY_HINT, toIamError} from '../../source/aws/errors.js';
import {describeError, IamError} from '../../source/model/errors.js';

const $metadata = {httpStatusCode: 400};
/** A service error the way the SDK builds one from an unmodelled error code. */
const serviceError = (name: string, message: string, httpStatusCode = 400) =>
	new IAMServiceException({name, $fault: 'client', $metadata: {httpStatusCode}, message});
const systemError = (code: string, message: string, extra: Record<string, unknown> = {}) =>
	Object.assign(new Error(message), {code, $metadata: {attempts: 8}, ...extra});
const providerError = (message: string, name = 'CredentialsProviderError') => Object.assign(new Error(message), {name, tryNextLink: false});

describe('toIamError', () => {
	it('AccessDenied names the missing action and points to the read-only policy', () => {
		const error = toIamError(
			serviceError('AccessDenied', 'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/', 403),
		);
		expect(error).toBeInstanceOf(IamError);
		expect(error.kind).toBe('AccessDenied');
		expect(error.message).toContain('iam:ListUsers');
		expect(error.message).not.toContain('bob');
		expect(error.hint).toBe(READ_ONLY_POLICY_HINT);
		expect(error.hint).toContain('templates/iamtui-read-only.json');
	});

	it('AccessDenied without an action in the message uses the one being attempted', () => {
		const error = toIamError(serviceError('AccessDenied', 'Access denied', 403), {action: 'iam:GetAccountAuthorizationDetails'});
		expect(error.message).toContain('iam:GetAccountAuthorizationDetails');
	});

	it.each([
		[new NoSuchEntityException({$metadata, message: 'The user with name x cannot be found.'}), 'NotFound', 'NoSuchEntity'],
		[new EntityAlreadyExistsException({$metadata, message: 'User x already exists.'}), 'Conflict', 'EntityAlreadyExists'],
		[new DeleteConflictException({$metadata, message: 'Cannot delete entity, must remove tokens first.'}), 'Conflict', 'DeleteConflict'],
		[new LimitExceededException({$metadata, message: 'Cannot exceed quota for AccessKeysPerUser: 2'}), 'LimitExceeded', 'LimitExceeded'],
		[new MalformedPolicyDocumentException({$metadata, message: 'Syntax errors in policy.'}), 'Invalid', 'MalformedPolicyDocument'],
		[serviceError('ValidationError', '1 validation error detected'), 'Invalid', 'ValidationError'],
		[serviceError('InvalidInput', 'Invalid path'), 'Invalid', 'InvalidInput'],
		[serviceError('Throttling', 'Rate exceeded'), 'Throttled', 'Throttling'],
		[serviceError('SomethingNew', 'A brand new failure', 500), 'Unknown', 'SomethingNew'],
	])('maps %s to %s', (sdkError, kind, code) => {
		const error = toIamError(sdkError);
		expect(error.kind).toBe(kind);
		expect(error.code).toBe(code);
		expect(error.message).toBe(error.message.split('\n')[0]);
	});

	it.each(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken'])('%s is a Credentials error', code => {
		const error = toIamError(serviceError(code, 'The security token included in the request is invalid.', 403), {profile: 'prod'});
		expect(error.kind).toBe('Credentials');
		expect(error.hint).toContain('prod');
	});

	it('no credentials at all: says to set AWS_PROFILE or run aws configure', () => {
		const error = toIamError(providerError('Could not load credentials from any providers'));
		expect(error.kind).toBe('Credentials');
		expect(error.hint).toMatch(/AWS_PROFILE/);
		expect(error.hint).toMatch(/aws configure/);
	});

	it('unknown profile: lists the known profiles', () => {
		const error = toIamError(providerError('Could not resolve credentials using profile: [prodd] in configuration/credentials file(s).'), {
			knownProfiles: ['default', 'prod', 'staging'],
		});
		expect(error.kind).toBe('Credentials');
		expect(error.message).toContain('prodd');
		expect(error.hint).toBe('known profiles: default, prod, staging');
	});

	it('expired SSO session: run aws sso login --profile NAME', () => {
		const error = toIamError(
			providerError('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.'),
			{profile: 'work'},
		);
		expect(error.kind).toBe('Credentials');
		expect(error.hint).toBe('run aws sso login --profile work');
	});

	it('network errors name the endpoint', () => {
		const refused = toIamError(systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9', {address: '127.0.0.1', port: 9}), {
			endpoint: 'http://127.0.0.1:9',
		});
		expect(refused.kind).toBe('Network');
		expect(refused.message).toBe('cannot reach http://127.0.0.1:9: connection refused');
		const notFound = toIamError(systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND iam.example.invalid', {hostname: 'iam.example.invalid'}));
		expect(notFound.kind).toBe('Network');
		expect(notFound.message).toContain('iam.example.invalid');
		const aggregate = Object.assign(new AggregateError([systemError('ECONNREFUSED', 'x')], 'all failed'), {$metadata: {}});
		expect(toIamError(aggregate, {endpoint: 'http://localhost:9'}).message).toContain('http://localhost:9');
		const timeout = toIamError(Object.assign(new Error('Connection timed out after 5000 ms'), {name: 'TimeoutError'}), {endpoint: 'https://iam.amazonaws.com'});
		expect(timeout).toMatchObject({kind: 'Network', message: 'cannot reach https://iam.amazonaws.com: timed out'});
	});

	it('never carries a stack trace or a secret in the message', () => {
		const error = toIamError(
			Object.assign(new Error('failed with aws_secret_access_key=abcdEFGH1234 for AKIAABCDEFGHIJKLMNOP\n    at Object.<anonymous> (/x.js:1:1)'), {name: 'Weird'}),
		);
		const text = describeError(error);
		expect(text).not.toContain('abcdEFGH1234');
		expect(text).not.toContain('AKIAABCDEFGHIJKLMNOP');
		expect(text).not.toContain(' at ');
	});

	it('passes an IamError through and wraps non-errors', () => {
		const original = new IamError('ReadOnly', 'no');
		expect(toIamError(original)).toBe(original);
		expect(toIamError('boom')).toMatchObject({kind: 'Unknown', message: 'boom'});
	});
});

describe('missingAction', () => {
	it('parses the action from an AccessDenied message', () => {
		expect(missingAction('User: arn:x is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: *')).toBe(
			'iam:GetAccountAuthorizationDetails',
		);
		expect(missingAction('Access Denied')).toBeUndefined();
	});
});
