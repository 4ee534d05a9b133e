import {describe, expect, it} from 'vitest';
import {explain, resolveActions, type Decision, type Explanation} from '../../source/model/access.js';
import {buildIndex, type SnapshotIndex} from '../../source/model/indexes.js';

// A tiny account builder: plain objects of the snapshot types, managed policies by name.
const ACCOUNT = '123456789012';
type Doc = Record<string, unknown>;
const policy = (...Statement: Doc[]) => JSON.stringify({Version: '2012-10-17', Statement});
/** A policy in the old language (or none named): IAM reads ${…} there as literal text, not a variable. */
const policyOf = (version: string | undefined, ...Statement: Doc[]) => JSON.stringify(version === undefined ? {Statement} : {Version: version, Statement});
const allow = (Action: string | string[], Resource: string | string[] = '*', extra: Doc = {}): Doc => ({Effect: 'Allow', Action, Resource, ...extra});
const deny = (Action: string | string[], Resource: string | string[] = '*', extra: Doc = {}): Doc => ({Effect: 'Deny', Action, Resource, ...extra});
interface UserSpec {groups?: string[]; managed?: string[]; inline?: Record<string, string>; boundary?: string; tags?: Record<string, string>}
interface AccountSpec {users: Record<string, UserSpec>; groups?: Record<string, {managed?: string[]; inline?: Record<string, string>}>; managed?: Record<string, string>}
const policyArn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const refs = (names: string[] = []) => names.map(name => ({name, arn: policyArn(name)}));
const inline = (docs: Record<string, string> = {}) => Object.entries(docs).map(([name, document]) => ({name, document}));
const account = (spec: AccountSpec): SnapshotIndex =>
	buildIndex({
		loadedAt: '2026-01-01T00:00:00Z',
		users: Object.entries(spec.users).map(([name, u], i) => ({
			name, id: `AIDA${i}`, arn: `arn:aws:iam::${ACCOUNT}:user/${name}`, path: '/', createDate: '2026-01-01T00:00:00Z',
			groups: u.groups ?? [], attachedPolicies: refs(u.managed), inlinePolicies: inline(u.inline),
			tags: Object.entries(u.tags ?? {}).map(([Key, Value]) => ({Key, Value})),
			...(u.boundary ? {permissionsBoundaryArn: policyArn(u.boundary)} : {}),
		})),
		groups: Object.entries(spec.groups ?? {}).map(([name, g], i) => ({
			name, id: `AGPA${i}`, arn: `arn:aws:iam::${ACCOUNT}:group/${name}`, path: '/', createDate: '2026-01-01T00:00:00Z',
			attachedPolicies: refs(g.managed), inlinePolicies: inline(g.inline),
		})),
		policies: Object.entries(spec.managed ?? {}).map(([name, document], i) => ({
			name, arn: policyArn(name), id: `ANPA${i}`, path: '/', awsManaged: false, defaultVersionId: 'v1', document,
			attachmentCount: 1, createDate: '2026-01-01T00:00:00Z', updateDate: '2026-01-01T00:00:00Z',
		})),
		roles: [],
		credentialReport: {status: 'ok', generatedAt: null, rows: []},
	});

const only = (user: UserSpec, managed: Record<string, string> = {}, groups: AccountSpec['groups'] = {}) => account({users: {ana: user, bob: {}}, managed, groups});
const S3_OBJ = 'arn:aws:s3:::reports/q1.csv';
const INSTANCE = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc`;
const mfaGuard = policy({Sid: 'DenyWithoutMFA', Effect: 'Deny', NotAction: ['iam:ChangePassword'], Resource: '*', Condition: {BoolIfExists: {'aws:MultiFactorAuthPresent': 'false'}}});

interface Case {
	name: string;
	index: SnapshotIndex;
	user?: string;
	action: string;
	resource?: string;
	decision: Decision;
	check?: (r: Explanation) => void;
}

const cases: Case[] = [
	{name: 'allow of the exact action', index: only({inline: {Ec2: policy(allow('ec2:TerminateInstances'))}}), action: 'ec2:TerminateInstances', decision: 'Allowed',
		check: r => expect(r.statements).toEqual([{source: {kind: 'inline', name: 'Ec2'}, statementIndex: 1, effect: 'Allow'}])},
	{name: 'query action is case-insensitive', index: only({inline: {Ec2: policy(allow('ec2:TerminateInstances'))}}), action: 'EC2:terminateINSTANCES', decision: 'Allowed',
		check: r => expect(r.action).toBe('ec2:TerminateInstances')},
	{name: 'policy action is case-insensitive', index: only({inline: {Ec2: policy(allow('EC2:TERMINATE*'))}}), action: 'ec2:TerminateInstances', decision: 'Allowed'},
	{name: '* in a policy action matches', index: only({inline: {P: policy(allow('ec2:Describe*'))}}), action: 'ec2:DescribeInstances', decision: 'Allowed'},
	{name: '* in a policy action does not match other actions', index: only({inline: {P: policy(allow('ec2:Describe*'))}}), action: 'ec2:TerminateInstances', decision: 'ImplicitDeny'},
	{name: '? in a policy action matches one character', index: only({inline: {P: policy(allow('s3:Get?bject'))}}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Allowed'},
	{name: '? in a policy action matches exactly one character', index: only({inline: {P: policy(allow('s3:Get?bject'))}}), action: 's3:GetObjectAcl', resource: S3_OBJ, decision: 'ImplicitDeny'},
	{name: 'Action * allows any service', index: only({inline: {P: policy(allow('*'))}}), action: 'dynamodb:PutItem', decision: 'Allowed'},
	{name: '? in the query resolves to one action', index: only({inline: {P: policy(allow('ec2:*'))}}), action: 'ec2:TerminateInstance?', decision: 'Allowed',
		check: r => expect(r.action).toBe('ec2:TerminateInstances')},
	{name: 'resource pattern matches', index: only({inline: {P: policy(allow('s3:GetObject', 'arn:aws:s3:::reports/*'))}}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Allowed'},
	{name: 'resources are case-sensitive', index: only({inline: {P: policy(allow('s3:GetObject', 'arn:aws:s3:::reports/*'))}}), action: 's3:GetObject', resource: 'arn:aws:s3:::Reports/q1.csv', decision: 'ImplicitDeny'},
	{name: 'resource * is allowed when some resource is, with the pattern', index: only({inline: {P: policy(allow('s3:GetObject', 'arn:aws:s3:::reports/*'))}}), action: 's3:GetObject', decision: 'Allowed',
		check: r => expect(r.resourcePatterns).toContain('arn:aws:s3:::reports/*')},
	{name: 'NotAction allows what it does not name', index: only({inline: {P: policy({Effect: 'Allow', NotAction: 'iam:*', Resource: '*'})}}), action: 's3:ListAllMyBuckets', decision: 'Allowed'},
	{name: 'NotAction does not allow what it names', index: only({inline: {P: policy({Effect: 'Allow', NotAction: 'iam:*', Resource: '*'})}}), action: 'iam:CreateUser', decision: 'ImplicitDeny'},
	{name: 'NotResource allows other resources', index: only({inline: {P: policy({Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*'})}}), action: 's3:GetObject', resource: 'arn:aws:s3:::public/x', decision: 'Allowed'},
	{name: 'NotResource excludes its resources', index: only({inline: {P: policy({Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*'})}}), action: 's3:GetObject', resource: 'arn:aws:s3:::secret/x', decision: 'ImplicitDeny'},
	{name: 'deny on the user beats allow from a group', index: only({groups: ['Ops'], inline: {NoTerminate: policy(deny('ec2:TerminateInstances', '*', {Sid: 'NoTerm'}))}}, {}, {Ops: {inline: {OpsEc2: policy(allow('ec2:*'))}}}),
		action: 'ec2:TerminateInstances', decision: 'ExplicitDeny',
		check: r => expect(r.statements).toEqual([{source: {kind: 'inline', name: 'NoTerminate'}, statementIndex: 1, sid: 'NoTerm', effect: 'Deny'}])},
	{name: 'deny from a group beats allow on the user', index: only({groups: ['Guard'], managed: ['Ec2Full']}, {Ec2Full: policy(allow('ec2:*')), Guard: policy(deny('ec2:Terminate*'))}, {Guard: {managed: ['Guard']}}),
		action: 'ec2:TerminateInstances', decision: 'ExplicitDeny',
		check: r => expect(r.statements[0]?.source).toEqual({kind: 'managed', name: 'Guard', arn: policyArn('Guard'), viaGroup: 'Guard'})},
	{name: 'deny in one group beats allow in another', index: only({groups: ['A', 'B']}, {}, {A: {inline: {Ok: policy(allow('s3:*'))}}, B: {inline: {No: policy(deny('s3:DeleteObject'))}}}),
		action: 's3:DeleteObject', resource: S3_OBJ, decision: 'ExplicitDeny'},
	{name: 'deny on another resource does not apply', index: only({inline: {P: policy(allow('s3:*'), deny('s3:*', 'arn:aws:s3:::secret/*'))}}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Allowed'},
	{name: 'a deny on part of * shows as a partial deny', index: only({inline: {P: policy(allow('s3:*'), deny('s3:*', 'arn:aws:s3:::secret/*', {Sid: 'Secret'}))}}), action: 's3:GetObject', decision: 'Allowed',
		check: r => expect(r.partialDenies.map(s => s.sid)).toEqual(['Secret'])},
	{name: 'a deny on * that misses on its condition is a conditional deny on *, not a partial one', index: only({inline: {Work: policy(allow('s3:*')), Mfa: mfaGuard}}), action: 's3:GetObject', decision: 'Conditional',
		check: r => {
			expect(r.partialDenies).toEqual([]);
			expect(r.conditions).toContainEqual(expect.objectContaining({key: 'aws:MultiFactorAuthPresent', effect: 'Deny'}));
		}},
	{name: 'Deny NotAction denies everything else', index: only({inline: {P: policy(allow('*'), {Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*'})}}), action: 's3:ListAllMyBuckets', decision: 'ExplicitDeny'},
	{name: 'Deny NotAction spares what it names', index: only({inline: {P: policy(allow('*'), {Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*'})}}), action: 'iam:ChangePassword', resource: `arn:aws:iam::${ACCOUNT}:user/ana`, decision: 'Allowed'},
	{name: 'no policies: implicit deny', index: only({}), action: 'ec2:DescribeInstances', decision: 'ImplicitDeny', check: r => expect(r.statements).toEqual([])},
	{name: 'policies for another service: implicit deny', index: only({inline: {P: policy(allow('s3:*'))}}), action: 'ec2:RunInstances', decision: 'ImplicitDeny'},
	{name: 'aws:SourceIp makes it Conditional, condition shown', index: only({inline: {P: policy(allow('ec2:*', '*', {Condition: {IpAddress: {'aws:SourceIp': '10.0.0.0/8'}}}))}}), action: 'ec2:StopInstances', decision: 'Conditional',
		check: r => expect(r.conditions).toEqual([{operator: 'IpAddress', key: 'aws:SourceIp', values: ['10.0.0.0/8'], effect: 'Allow', statement: {source: {kind: 'inline', name: 'P'}, statementIndex: 1, effect: 'Allow'}}])},
	{name: 'aws:SecureTransport makes it Conditional', index: only({inline: {P: policy(allow('s3:*', '*', {Condition: {Bool: {'aws:SecureTransport': 'true'}}}))}}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Conditional',
		check: r => expect(r.conditions.map(c => [c.operator, c.key, c.values])).toEqual([['Bool', 'aws:SecureTransport', ['true']]])},
	{name: 'aws:MultiFactorAuthPresent on an allow makes it Conditional', index: only({inline: {P: policy(allow('iam:*', '*', {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}}))}}), action: 'iam:ListUsers', decision: 'Conditional',
		check: r => expect(r.conditions[0]?.key).toBe('aws:MultiFactorAuthPresent')},
	{name: 'an MFA-enforcing deny makes an allow Conditional, naming the deny', index: only({inline: {Work: policy(allow('s3:*')), Mfa: mfaGuard}}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Conditional',
		check: r => expect(r.conditions).toContainEqual(expect.objectContaining({operator: 'BoolIfExists', key: 'aws:MultiFactorAuthPresent', effect: 'Deny', statement: expect.objectContaining({sid: 'DenyWithoutMFA'})}))},
	{name: 'an unconditional allow beside a conditional one: Allowed', index: only({inline: {P: policy(allow('s3:*', '*', {Condition: {Bool: {'aws:SecureTransport': 'true'}}}), allow('s3:GetObject'))}}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Allowed'},
	{name: 'conditional allow, unconditional deny: ExplicitDeny', index: only({inline: {P: policy(allow('s3:*', '*', {Condition: {Bool: {'aws:SecureTransport': 'true'}}}), deny('s3:GetObject'))}}), action: 's3:GetObject', resource: S3_OBJ, decision: 'ExplicitDeny'},
	{name: 'principal tag condition met by the user tag', index: only({tags: {team: 'dev'}, inline: {P: policy(allow('ec2:*', '*', {Condition: {StringEquals: {'aws:PrincipalTag/team': 'dev'}}}))}}), action: 'ec2:StartInstances', decision: 'Allowed'},
	{name: 'principal tag condition not met by the user tag', index: only({tags: {team: 'ops'}, inline: {P: policy(allow('ec2:*', '*', {Condition: {StringEquals: {'aws:PrincipalTag/team': 'dev'}}}))}}), action: 'ec2:StartInstances', decision: 'ImplicitDeny'},
	{name: '${aws:username} grants on the own user', index: only({inline: {Keys: policy(allow('iam:*AccessKey*', 'arn:aws:iam::*:user/${aws:username}'))}}), action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${ACCOUNT}:user/ana`, decision: 'Allowed'},
	{name: '${aws:username} does not grant on another user', index: only({inline: {Keys: policy(allow('iam:*AccessKey*', 'arn:aws:iam::*:user/${aws:username}'))}}), action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${ACCOUNT}:user/bob`, decision: 'ImplicitDeny'},
	{name: 'Version 2012-10-17: ${aws:username} in a resource is the user name', index: only({inline: {Self: policyOf('2012-10-17', allow('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`))}}), action: 'iam:GetUser', resource: `arn:aws:iam::${ACCOUNT}:user/ana`, decision: 'Allowed'},
	{name: 'Version 2008-10-17: ${aws:username} is literal text, not the user name', index: only({inline: {Self: policyOf('2008-10-17', allow('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`))}}), action: 'iam:GetUser', resource: `arn:aws:iam::${ACCOUNT}:user/ana`, decision: 'ImplicitDeny'},
	{name: 'Version 2008-10-17: the literal ${aws:username} resource still matches itself', index: only({inline: {Self: policyOf('2008-10-17', allow('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`))}}), action: 'iam:GetUser', resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`, decision: 'Allowed'},
	{name: 'no Version: ${aws:username} is literal text', index: only({inline: {Self: policyOf(undefined, allow('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`))}}), action: 'iam:GetUser', resource: `arn:aws:iam::${ACCOUNT}:user/ana`, decision: 'ImplicitDeny'},
	{name: 'Version 2008-10-17: a variable in a condition value is literal', index: only({tags: {team: 'ana'}, inline: {P: policyOf('2008-10-17', allow('ec2:*', '*', {Condition: {StringEquals: {'aws:PrincipalTag/team': '${aws:username}'}}}))}}), user: 'ana', action: 'ec2:StartInstances', decision: 'ImplicitDeny'},
	{name: 'Version 2012-10-17: a variable in a condition value is substituted', index: only({tags: {team: 'ana'}, inline: {P: policyOf('2012-10-17', allow('ec2:*', '*', {Condition: {StringEquals: {'aws:PrincipalTag/team': '${aws:username}'}}}))}}), action: 'ec2:StartInstances', decision: 'Allowed'},
	{name: 'Version 2008-10-17 deny with ${aws:username} does not cut the own user', index: only({inline: {P: policyOf('2008-10-17', allow('iam:*'), deny('iam:DeleteUser', `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`))}}), action: 'iam:DeleteUser', resource: `arn:aws:iam::${ACCOUNT}:user/ana`, decision: 'Allowed'},
	{name: 'several groups: the grant names the group', index: only({groups: ['A', 'B']}, {}, {A: {inline: {S3: policy(allow('s3:*'))}}, B: {inline: {Ec2: policy(allow('ec2:*'))}}}), action: 'ec2:RunInstances', decision: 'Allowed',
		check: r => expect(r.statements.map(s => s.source)).toEqual([{kind: 'inline', name: 'Ec2', viaGroup: 'B'}])},
	{name: 'one managed policy by two paths: both shown', index: only({groups: ['Ops'], managed: ['Ec2']}, {Ec2: policy(allow('ec2:*'))}, {Ops: {managed: ['Ec2']}}), action: 'ec2:RunInstances', decision: 'Allowed',
		check: r => expect(r.statements.map(s => s.source.viaGroup ?? 'direct')).toEqual(['direct', 'Ops'])},
	{name: 'managed on the user is reported as managed with its ARN', index: only({managed: ['Ec2']}, {Ec2: policy(allow('ec2:*'))}), action: 'ec2:RunInstances', decision: 'Allowed',
		check: r => expect(r.statements[0]?.source).toEqual({kind: 'managed', name: 'Ec2', arn: policyArn('Ec2')})},
	{name: 'a boundary limits an admin policy', index: only({managed: ['Admin'], boundary: 'S3Only'}, {Admin: policy(allow('*')), S3Only: policy(allow('s3:*'))}), action: 'ec2:TerminateInstances', decision: 'ImplicitDeny',
		check: r => { expect(r.blockedByBoundary).toBe(true); expect(r.statements[0]?.source.name).toBe('Admin'); }},
	{name: 'a boundary limits on a specific resource too', index: only({managed: ['Admin'], boundary: 'S3Only'}, {Admin: policy(allow('*')), S3Only: policy(allow('s3:*'))}), action: 'ec2:TerminateInstances', resource: INSTANCE, decision: 'ImplicitDeny',
		check: r => expect(r.blockedByBoundary).toBe(true)},
	{name: 'within the boundary: Allowed', index: only({managed: ['Admin'], boundary: 'S3Only'}, {Admin: policy(allow('*')), S3Only: policy(allow('s3:*'))}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Allowed'},
	{name: 'a boundary grants nothing by itself', index: only({boundary: 'S3Only'}, {S3Only: policy(allow('s3:*'))}), action: 's3:GetObject', resource: S3_OBJ, decision: 'ImplicitDeny',
		check: r => expect(r.blockedByBoundary).toBe(false)},
	// A policy that could not be evaluated may allow or deny what it may speak of (anything, unread): Conditional on it.
	{name: 'invalid JSON: could not evaluate; the others allow, but it may deny: Conditional', index: only({inline: {Broken: '{"Version": "2012-10-17", "Statement": [', Ok: policy(allow('s3:*'))}}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Conditional',
		check: r => {
			expect(r.couldNotEvaluate).toEqual([{source: {kind: 'inline', name: 'Broken'}, reason: expect.stringContaining('invalid JSON')}]);
			expect(r.notes).toContain('the policy Broken could not be evaluated: it may allow or deny s3:GetObject');
		}},
	{name: 'invalid statement: could not evaluate, with the reason', index: only({inline: {Bad: policy({Effect: 'Allw', Action: 's3:*', Resource: '*'})}}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Conditional',
		check: r => expect(r.couldNotEvaluate[0]?.reason).toMatch(/Effect/)},
	// Read, refused by the simulator, and speaking only of s3: certain for what it does not speak of.
	{name: 'a policy refused (no Resource) speaking of s3 only: ec2 is certain', index: only({inline: {Bad: policy({Effect: 'Allow', Action: 's3:*'})}}), action: 'ec2:TerminateInstances', resource: '*', decision: 'ImplicitDeny',
		check: r => expect(r.notes.join()).not.toMatch(/could not be evaluated/)},
	{name: 'invalid second statement: could not evaluate, naming it', index: only({inline: {Bad: policy(allow('s3:*'), {Effect: 'Allow', Action: 's3:*'})}}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Conditional',
		check: r => expect(r.couldNotEvaluate[0]?.reason).toMatch(/^Statement\[1\]: .*Resource/)},
	{name: 'managed policy without a document: could not evaluate', index: only({managed: ['Blank']}, {Blank: ''}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Conditional',
		check: r => expect(r.couldNotEvaluate[0]).toMatchObject({source: {name: 'Blank'}, reason: expect.stringContaining('not loaded')})},
	{name: 'managed policy missing from the snapshot: could not evaluate', index: only({managed: ['Gone']}), action: 's3:GetObject', resource: S3_OBJ, decision: 'Conditional',
		check: r => expect(r.couldNotEvaluate[0]?.reason).toMatch(/not in the snapshot/)},
	{name: 'an action without resources is evaluated on *', index: only({inline: {P: policy(allow('iam:List*'))}}), action: 'iam:ListUsers', resource: `arn:aws:iam::${ACCOUNT}:user/x`, decision: 'Allowed',
		check: r => expect(r.notes.join()).toMatch(/evaluated on \*/)},
];

describe('explain', () => {
	it('has a table of at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

	it.each(cases)('$name', async c => {
		const result = await explain(c.index, c.user ?? 'ana', c.action, c.resource);
		if (!result.ok) throw new Error(`${result.kind}: ${result.message}`);
		expect(result.decision).toBe(c.decision);
		c.check?.(result);
	});
});

describe('explain: bad input', () => {
	const index = only({inline: {P: policy(allow('ec2:*'))}});
	it.each([
		{name: 'unknown action, close names suggested', action: 'ec2:TerminateInstance', kind: 'unknown-action', suggests: 'ec2:TerminateInstances'},
		{name: 'unknown service, close names suggested', action: 'ec3:TerminateInstances', kind: 'unknown-service', suggests: 'ec2:TerminateInstances'},
		{name: 'not an action at all', action: 'terminate', kind: 'unknown-action'},
		{name: 'a wildcard that matches several actions', action: 'ec2:Terminate*', kind: 'ambiguous-action', suggests: 'ec2:TerminateInstances'},
		{name: 'a resource that is not an ARN', action: 'ec2:TerminateInstances', resource: 'i-0abc', kind: 'bad-resource'},
		{name: 'an ARN of the wrong service', action: 'ec2:TerminateInstances', resource: 'arn:aws:s3:::bucket/key', kind: 'bad-resource'},
		{name: 'an unknown user, close names suggested', user: 'anna', action: 'ec2:TerminateInstances', kind: 'unknown-user', suggests: 'ana'},
	])('$name', async c => {
		const result = await explain(index, c.user ?? 'ana', c.action, c.resource);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.kind).toBe(c.kind);
		expect(result.message).not.toBe('');
		if (c.suggests) expect(result.suggestions).toContain(c.suggests);
	});
});

describe('resolveActions: a wildcard before the colon', () => {
	it('names one service instead of "no action matches", with queries on single services that answer', async () => {
		const exact = await resolveActions('*:GetObject');
		if (exact.ok) throw new Error('answered a wildcarded service');
		expect(exact.kind).toBe('unknown-service');
		expect(exact.message).toBe('"*:GetObject": name one service (no wildcard before the colon), e.g. s3:GetObject');
		expect(exact.suggestions).toContain('s3:GetObject');
		expect(exact.suggestions.length).toBeLessThanOrEqual(5);
		const pattern = await resolveActions('?3:Get*');
		expect(pattern.ok === false && pattern.suggestions).toEqual(['s3:Get*']);
		const none = await resolveActions('zz*:Foo');
		expect(none.ok === false && none.suggestions).toEqual([]);
		const all = await resolveActions('*:*');
		expect(all.ok === false && [all.kind, all.message]).toEqual(['ambiguous-action', 'name a service, e.g. s3:* or ec2:Describe*']);
	});
});

describe('explain: a pattern of many actions', () => {
	it('points to who-can, which answers a pattern, and lists no arbitrary 20 of its actions', async () => {
		const result = await explain(only({inline: {P: policy(allow('ec2:*'))}}), 'ana', 'ec2:*');
		if (result.ok) throw new Error('explain answered a pattern');
		expect(result.kind).toBe('ambiguous-action');
		expect(result.message).toMatch(/^"ec2:\*" matches \d+ actions; name one — who-can answers for a pattern \(:whocan, iamtui who-can\)$/);
		expect(result.suggestions).toEqual([]);
	});
});
