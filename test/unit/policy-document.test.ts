import {describe, expect, it} from 'vitest';
import {checkPolicyDocument, POLICY_SIZE_LIMITS, type PolicyKind} from '../../source/model/policy-document.js';

type Doc = Record<string, unknown>;
const allow = (extra: Doc = {}): Doc => ({Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*', ...extra});
const policy = (...Statement: Doc[]) => JSON.stringify({Version: '2012-10-17', Statement});
const without = (doc: Doc, ...keys: string[]) => Object.fromEntries(Object.entries(doc).filter(([k]) => !keys.includes(k)));

const problemsOf = (text: string, kind: PolicyKind = 'managed'): string[] => {
	const result = checkPolicyDocument(text, kind);
	if (result.ok) throw new Error(`expected refusal, got ok: ${result.document}`);
	return result.problems;
};

describe('checkPolicyDocument accepts valid identity policies', () => {
	it.each<[string, string]>([
		['a single statement object', JSON.stringify({Version: '2012-10-17', Statement: allow()})],
		['a list of statements', policy(allow(), allow({Effect: 'Deny', Action: 's3:DeleteObject'}))],
		['Version 2008-10-17', JSON.stringify({Version: '2008-10-17', Statement: [allow()]})],
		['an Id', JSON.stringify({Version: '2012-10-17', Id: 'reports-policy', Statement: [allow()]})],
		['Action "*" on "*"', policy({Effect: 'Allow', Action: '*', Resource: '*'})],
		['wildcards in actions', policy(allow({Action: ['ec2:Describe*', 's3:Get?bject', 'iam:*']}))],
		['NotAction and NotResource', policy({Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::secret/*'})],
		['an alphanumeric Sid', policy(allow({Sid: 'ReadReports2'}))],
		['an empty Sid', policy(allow({Sid: ''}))],
		['short ARNs with wildcards', policy(allow({Action: 'sqs:*', Resource: ['arn:aws:sqs:*', 'arn:aws:iam::*:server-certificate/*']}))],
		['policy variables in resources', policy(allow({Resource: 'arn:aws:s3:::home/${aws:username}/*'}))],
		['conditions with strings, lists, booleans and numbers', policy(allow({Condition: {
			IpAddress: {'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7/32']},
			Bool: {'aws:SecureTransport': true},
			NumericLessThanEquals: {'s3:max-keys': 10},
			'ForAnyValue:StringLikeIfExists': {'aws:TagKeys': 'team*'},
		}}))],
	])('%s', (_name, text) => {
		const result = checkPolicyDocument(text, 'managed');
		expect(result).toEqual({ok: true, document: JSON.stringify(JSON.parse(text))});
	});

	it('returns compact JSON text, whitespace outside strings removed', () => {
		const text = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}\n  ]\n}\n`;
		expect(checkPolicyDocument(text, 'managed')).toEqual({ok: true, document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'});
	});

	it('ignores a leading byte-order mark', () => {
		expect(checkPolicyDocument(`\uFEFF${policy(allow())}`, 'managed').ok).toBe(true);
	});
});

describe('checkPolicyDocument refuses, saying what to fix', () => {
	it('empty text', () => {
		expect(problemsOf('   ')).toEqual(['The text is empty: expected a JSON object.']);
	});

	it('broken JSON, with line and column', () => {
		const [problem] = problemsOf('{\n  "Version": "2012-10-17",\n  "Statement": [ {"Effect": "Allow",} ]\n}');
		expect(problem).toMatch(/^Not valid JSON at line 3, column 37: /);
		expect(problem).toContain('"Allow",▸}');
	});

	it('JSON cut short', () => {
		const [problem] = problemsOf('{"Version": "2012-10-17", "Statement": [');
		expect(problem).toMatch(/^Not valid JSON at line 1, column 41: the text ends before the JSON is complete/);
	});

	it('a document that is not an object', () => {
		expect(problemsOf('[1, 2]')).toEqual(['The policy must be a JSON object of the form {"Version": "2012-10-17", "Statement": [ … ]}.']);
	});

	it('a missing Version, recommending 2012-10-17', () => {
		expect(problemsOf(JSON.stringify({Statement: [allow()]}))).toEqual([
			'Version is missing: add "Version": "2012-10-17" (without it IAM assumes 2008-10-17, which has no policy variables).',
		]);
	});

	it('an unknown Version', () => {
		expect(problemsOf(JSON.stringify({Version: '2012-10-18', Statement: [allow()]}))).toEqual([
			'Version "2012-10-18" is not one IAM knows: use "2012-10-17" (recommended) or "2008-10-17".',
		]);
	});

	it('unknown top-level keys, named', () => {
		expect(problemsOf(JSON.stringify({Version: '2012-10-17', Comment: 'x', statement: [], Statement: [allow()]}))).toEqual([
			'Unknown top-level keys "Comment", "statement": a policy may have only Version, Id and Statement.',
		]);
	});

	it.each<[string, unknown, string]>([
		['missing', undefined, 'Statement is missing: add "Statement": [ … ] with at least one statement.'],
		['empty', [], 'Statement is an empty list: a policy needs at least one statement.'],
		['a string', 'Allow', 'Statement must be an object or a list of objects (found "Allow").'],
	])('a Statement that is %s', (_name, Statement, message) => {
		expect(problemsOf(JSON.stringify({Version: '2012-10-17', Statement}))).toEqual([message]);
	});

	it('a statement that is not an object', () => {
		expect(problemsOf(policy(allow(), 'x' as unknown as Doc))).toEqual(['Statement 2 must be an object with Effect, Action and Resource (found "x").']);
	});

	it.each<[string, Doc, string]>([
		['missing Effect', without(allow(), 'Effect'), 'Statement 1: Effect is missing: add "Effect": "Allow" or "Effect": "Deny".'],
		['lower-case Effect', allow({Effect: 'allow'}), 'Statement 1: Effect must be "Allow" or "Deny" (found "allow").'],
		['no Action nor NotAction', without(allow(), 'Action'), 'Statement 1: Action is missing: add "Action" (e.g. "s3:GetObject") or "NotAction".'],
		['both Action and NotAction', allow({NotAction: 'iam:*'}), 'Statement 1: has both Action and NotAction: keep exactly one.'],
		['no Resource nor NotResource', without(allow(), 'Resource'), 'Statement 1: Resource is missing: add "Resource" (e.g. "*") or "NotResource".'],
		['both Resource and NotResource', allow({NotResource: 'arn:aws:s3:::x'}), 'Statement 1: has both Resource and NotResource: keep exactly one.'],
		['an empty Action list', allow({Action: []}), 'Statement 1: Action must be a string or a non-empty list of strings.'],
		['a number as Resource', allow({Resource: 7}), 'Statement 1: Resource must be a string or a non-empty list of strings.'],
		['an action without a service', allow({Action: 'GetObject'}), 'Statement 1: Action "GetObject" is not of the form service:Action (e.g. "ec2:DescribeInstances", "iam:Get*") or "*".'],
		['an action with a space', allow({Action: ['s3:GetObject', 'ec2: Describe*']}), 'Statement 1: Action "ec2: Describe*" is not of the form service:Action (e.g. "ec2:DescribeInstances", "iam:Get*") or "*".'],
		['a NotAction with an empty action part', {Effect: 'Allow', NotAction: 'iam:', Resource: '*'}, 'Statement 1: NotAction "iam:" is not of the form service:Action (e.g. "ec2:DescribeInstances", "iam:Get*") or "*".'],
		['a resource that is not an ARN', allow({Resource: 'my-bucket'}), 'Statement 1: Resource "my-bucket" must be an ARN (e.g. "arn:aws:s3:::my-bucket/*") or "*".'],
		['a Sid with a hyphen', allow({Sid: 'read-reports'}), 'Statement 1 ("read-reports"): Sid may hold only the letters A-Z, a-z and the digits 0-9.'],
		['a Sid that is a number', allow({Sid: 3}), 'Statement 1: Sid must be a string.'],
		['a Principal', allow({Principal: {AWS: '*'}}), 'Statement 1: Principal is not allowed in an identity policy (it applies to whoever the policy is attached to): remove Principal; it belongs in resource policies and role trust policies.'],
		['a NotPrincipal', allow({NotPrincipal: '*'}), 'Statement 1: NotPrincipal is not allowed in an identity policy (it applies to whoever the policy is attached to): remove NotPrincipal; it belongs in resource policies and role trust policies.'],
		['an unknown key', allow({Effects: 'Allow'}), 'Statement 1: unknown key "Effects": a statement may have only Sid, Effect, Action, NotAction, Resource, NotResource, Condition.'],
		['a Condition that is a string', allow({Condition: 'aws:SecureTransport'}), 'Statement 1: Condition must be an object of operator → {condition key: value or values}.'],
		['a Condition operator block that is a list', allow({Condition: {StringEquals: ['a']}}), 'Statement 1: Condition StringEquals must be an object of condition key → value(s).'],
		['a Condition value that is null', allow({Condition: {Bool: {'aws:SecureTransport': null}}}), 'Statement 1: Condition Bool → aws:SecureTransport must be a string, number or boolean, or a non-empty list of them.'],
		['a Condition value that is an empty list', allow({Condition: {StringEquals: {'aws:PrincipalTag/team': []}}}), 'Statement 1: Condition StringEquals → aws:PrincipalTag/team must be a string, number or boolean, or a non-empty list of them.'],
		['a mis-cased Condition operator', allow({Condition: {stringEqualsIfExists: {'aws:RequestedRegion': 'eu-west-1'}}}), 'Statement 1: Condition operator "stringEqualsIfExists" is not an IAM condition operator (did you mean "StringEqualsIfExists"?).'],
		['an unknown Condition operator', allow({Condition: {StringMatches: {'aws:RequestedRegion': 'eu-*'}}}), 'Statement 1: Condition operator "StringMatches" is not an IAM condition operator (e.g. StringEquals, StringLike, IpAddress, Bool).'],
		['NullIfExists, which IAM does not have', allow({Condition: {NullIfExists: {'aws:TokenIssueTime': 'true'}}}), 'Statement 1: Condition operator "NullIfExists" is not an IAM condition operator (e.g. StringEquals, StringLike, IpAddress, Bool).'],
		['a Condition key without prefix', allow({Condition: {IpAddress: {SourceIp: '203.0.113.0/24'}}}), 'Statement 1: Condition key "SourceIp" under IpAddress needs its prefix, as in "aws:SourceIp" or "s3:prefix".'],
	])('%s', (_name, statement, message) => {
		expect(problemsOf(policy(statement))).toEqual([message]);
	});

	it('names the statement by number and Sid, and reports every problem at once', () => {
		const problems = problemsOf(policy(allow({Sid: 'Ok'}), {Sid: 'Broken', Effect: 'Permit', Action: 'S3GetObject', Resource: '*', Principal: '*'}));
		expect(problems).toEqual([
			'Statement 2 ("Broken"): Principal is not allowed in an identity policy (it applies to whoever the policy is attached to): remove Principal; it belongs in resource policies and role trust policies.',
			'Statement 2 ("Broken"): Effect must be "Allow" or "Deny" (found "Permit").',
			'Statement 2 ("Broken"): Action "S3GetObject" is not of the form service:Action (e.g. "ec2:DescribeInstances", "iam:Get*") or "*".',
		]);
	});

	it('a Sid used twice', () => {
		expect(problemsOf(policy(allow({Sid: 'Read'}), allow({Sid: 'Read', Action: 's3:ListBucket'})))).toEqual([
			'Sid "Read" is used by more than one statement: each statement\'s Sid must be unique within the policy.',
		]);
	});
});

describe('size limits, counted like IAM (characters without whitespace)', () => {
	it('has IAM\'s quotas', () => {
		expect(POLICY_SIZE_LIMITS).toEqual({managed: 6144, 'user-inline': 2048, 'group-inline': 5120, 'role-inline': 10240});
	});

	// A document of exactly `size` non-whitespace characters: the Sid is padded to fit.
	const sized = (size: number, indent = 0): string => {
		const base = policy(allow({Sid: ''}));
		const padded = policy(allow({Sid: 'A'.repeat(size - base.length)}));
		expect(padded.length).toBe(size);
		return indent ? JSON.stringify(JSON.parse(padded), null, indent) : padded;
	};

	it.each<[PolicyKind, number]>([
		['managed', 6144],
		['user-inline', 2048],
		['group-inline', 5120],
	])('%s: accepts exactly %i characters, whitespace not counted', (kind, limit) => {
		const text = sized(limit, 4);
		expect(text.length).toBeGreaterThan(limit);
		expect(checkPolicyDocument(text, kind).ok).toBe(true);
	});

	it.each<[PolicyKind, number, string]>([
		['managed', 6144, 'a managed policy'],
		['user-inline', 2048, "a user's inline policies (all of them together)"],
		['group-inline', 5120, "a group's inline policies (all of them together)"],
	])('%s: refuses one character more', (kind, limit, label) => {
		expect(problemsOf(sized(limit + 1), kind)).toEqual([
			`The policy is ${limit + 1} characters long (not counting whitespace); IAM allows at most ${limit} for ${label}: remove or merge statements, or use wildcards.`,
		]);
	});

	it('a policy fine as managed is too big for a user inline policy', () => {
		const text = sized(3000);
		expect(checkPolicyDocument(text, 'managed').ok).toBe(true);
		expect(checkPolicyDocument(text, 'group-inline').ok).toBe(true);
		expect(checkPolicyDocument(text, 'user-inline').ok).toBe(false);
	});
});
