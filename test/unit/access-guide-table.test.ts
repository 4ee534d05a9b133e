// Cases written from the AWS IAM User Guide (each cites its page): conditions that hold when their key
// is absent, …IfExists, ForAllValues/ForAnyValue, Null, policy variables inside ARNs (colons, specials,
// defaults), NotAction/NotResource and deny over allow. The account is what iamtui knows; whatever the
// request carries is unknown, so a condition on it must come back Conditional, never certain.
import {describe, expect, it} from 'vitest';
import {explain, whoCan, type Decision} from '../../source/model/access.js';
import {explainFor} from '../../source/model/access/explain.js';
import {buildAccessModel} from '../../source/model/access/model.js';
import {findRole, rolePrincipal} from '../../source/model/access/roles.js';
import {parseContext, type ContextShortcuts} from '../../source/model/access/request-context.js';
import {buildIndex} from '../../source/model/indexes.js';
import {ROOT, accountWithRoles, trustPolicy, trusts} from '../fixtures/roles.js';

const GUIDE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';
const OPERATORS = `${GUIDE}reference_policies_elements_condition_operators.html`;
const MULTIVALUED = `${GUIDE}reference_policies_condition-single-vs-multi-valued-context-keys.html`;
const VARIABLES = `${GUIDE}reference_policies_variables.html`;
const EVALUATION = `${GUIDE}reference_policies_evaluation-logic.html`;
const NOT_ACTION = `${GUIDE}reference_policies_elements_notaction.html`;
const NOT_RESOURCE = `${GUIDE}reference_policies_elements_notresource.html`;
const VERSION = `${GUIDE}reference_policies_elements_version.html`;
const ACTION = `${GUIDE}reference_policies_elements_action.html`;

const ACCT = '123456789012';
type Statement = Record<string, unknown>;
const allowIf = (Action: string, Condition: Record<string, unknown>, Resource = '*'): Statement => ({Effect: 'Allow', Action, Resource, Condition});
const denyIf = (Action: string, Condition: Record<string, unknown>, Resource = '*'): Statement => ({Effect: 'Deny', Action, Resource, Condition});
const grant = (Action: string, Resource = '*'): Statement => ({Effect: 'Allow', Action, Resource});
const refuse = (Action: string, Resource = '*'): Statement => ({Effect: 'Deny', Action, Resource});

/** ana (id AIDA0, tags as given) holds one inline policy; bob holds nothing. */
const withPolicy = (statements: Statement[], tags: Record<string, string> = {}, version: string | null = '2012-10-17') => {
	const document = JSON.stringify(version === null ? {Statement: statements} : {Version: version, Statement: statements});
	const user = (name: string, i: number, own: boolean) => ({
		name, id: `AIDA${i}`, arn: `arn:aws:iam::${ACCT}:user/${name}`, path: '/', createDate: '2026-01-01T00:00:00Z', groups: [],
		attachedPolicies: [], inlinePolicies: own ? [{name: 'P', document}] : [],
		tags: own ? Object.entries(tags).map(([Key, Value]) => ({Key, Value})) : [],
	});
	return buildIndex({
		loadedAt: '2026-01-01T00:00:00Z', users: [user('ana', 0, true), user('bob', 1, false)], groups: [], policies: [], roles: [],
		credentialReport: {status: 'ok', generatedAt: null, rows: []},
	});
};

interface Row {
	name: string;
	page: string;
	statements: Statement[];
	tags?: Record<string, string>;
	version?: string | null;
	action: string;
	resource?: string;
	decision: Decision;
	/** The conditions shown, as [operator, key, values] (Conditional answers). */
	shows?: Array<[string, string, string[]]>;
	/** The same request with context stated (--context entries or shortcuts), and its answer. */
	given?: Array<{context: string[]; shortcuts?: ContextShortcuts; decision: Decision}>;
}

const ANA_QUEUE = `arn:aws:sqs:us-east-2:${ACCT}:ana-queue`;
const BOB_QUEUE = `arn:aws:sqs:us-east-2:${ACCT}:bob-queue`;
const OWN_QUEUE = 'arn:aws:sqs:us-east-2:*:${aws:username}-queue';
const TAGS = ['ForAllValues:StringEquals', 'aws:TagKeys', ['environment', 'cost-center']] as [string, string, string[]];

const rows: Row[] = [
	// Conditions that hold when their key is absent: the request decides, so Conditional with the condition.
	{name: 'ForAllValues:StringEquals on aws:TagKeys (true when the request has no tags): Conditional', page: MULTIVALUED,
		statements: [allowIf('ec2:CreateTags', {[TAGS[0]]: {[TAGS[1]]: TAGS[2]}})], action: 'ec2:CreateTags', decision: 'Conditional', shows: [TAGS],
		given: [{context: ['aws:TagKeys=environment'], decision: 'Allowed'}, {context: ['aws:TagKeys=environment,owner'], decision: 'ImplicitDeny'}]},
	{name: 'ForAllValues:StringLike on aws:TagKeys: Conditional', page: MULTIVALUED,
		statements: [allowIf('ec2:CreateTags', {'ForAllValues:StringLike': {'aws:TagKeys': 'Created*'}})], action: 'ec2:CreateTags', decision: 'Conditional',
		shows: [['ForAllValues:StringLike', 'aws:TagKeys', ['Created*']]], given: [{context: ['aws:TagKeys=CreatedBy,CreatedAt'], decision: 'Allowed'}]},
	{name: 'ForAllValues:StringNotEquals on aws:TagKeys: Conditional', page: MULTIVALUED,
		statements: [allowIf('ec2:CreateTags', {'ForAllValues:StringNotEquals': {'aws:TagKeys': 'owner'}})], action: 'ec2:CreateTags', decision: 'Conditional',
		shows: [['ForAllValues:StringNotEquals', 'aws:TagKeys', ['owner']]]},
	{name: 'ForAnyValue:StringEquals on aws:TagKeys (false when absent): Conditional', page: MULTIVALUED,
		statements: [allowIf('ec2:CreateTags', {'ForAnyValue:StringEquals': {'aws:TagKeys': 'project'}})], action: 'ec2:CreateTags', decision: 'Conditional',
		shows: [['ForAnyValue:StringEquals', 'aws:TagKeys', ['project']]],
		given: [{context: ['aws:TagKeys=owner'], decision: 'ImplicitDeny'}, {context: ['aws:TagKeys=owner,project'], decision: 'Allowed'}]},
	{name: 'ForAnyValue:StringNotEquals on aws:TagKeys: Conditional', page: MULTIVALUED,
		statements: [allowIf('ec2:CreateTags', {'ForAnyValue:StringNotEquals': {'aws:TagKeys': 'project'}})], action: 'ec2:CreateTags', decision: 'Conditional'},
	{name: 'ForAllValues:StringEquals on aws:PrincipalOrgPaths: Conditional', page: MULTIVALUED,
		statements: [allowIf('s3:ListAllMyBuckets', {'ForAllValues:StringLike': {'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*'}})], action: 's3:ListAllMyBuckets', decision: 'Conditional'},
	{name: 'Null "true" on aws:TokenIssueTime (no temporary credentials): Conditional', page: OPERATORS,
		statements: [allowIf('ec2:*', {Null: {'aws:TokenIssueTime': 'true'}})], action: 'ec2:DescribeInstances', decision: 'Conditional',
		shows: [['Null', 'aws:TokenIssueTime', ['true']]], given: [{context: ['aws:TokenIssueTime=2026-12-04T10:00:00Z'], decision: 'ImplicitDeny'}]},
	{name: 'Null "true" on aws:TagKeys: Conditional', page: OPERATORS,
		statements: [allowIf('ec2:CreateTags', {Null: {'aws:TagKeys': 'true'}})], action: 'ec2:CreateTags', decision: 'Conditional',
		shows: [['Null', 'aws:TagKeys', ['true']]]},
	{name: 'Null "false" on aws:TokenIssueTime: Conditional', page: OPERATORS,
		statements: [allowIf('ec2:*', {Null: {'aws:TokenIssueTime': 'false'}})], action: 'ec2:DescribeInstances', decision: 'Conditional',
		shows: [['Null', 'aws:TokenIssueTime', ['false']]], given: [{context: ['aws:TokenIssueTime=2026-12-04T10:00:00Z'], decision: 'Allowed'}]},
	{name: 'Null "true" on a principal tag the user lacks: Allowed (the account says so)', page: OPERATORS,
		statements: [allowIf('ec2:*', {Null: {'aws:PrincipalTag/team': 'true'}})], action: 'ec2:DescribeInstances', decision: 'Allowed'},
	{name: 'Null "true" on a principal tag the user has: ImplicitDeny', page: OPERATORS, tags: {team: 'dev'},
		statements: [allowIf('ec2:*', {Null: {'aws:PrincipalTag/team': 'true'}})], action: 'ec2:DescribeInstances', decision: 'ImplicitDeny'},
	{name: 'Null "false" on a principal tag the user has: Allowed', page: OPERATORS, tags: {team: 'dev'},
		statements: [allowIf('ec2:*', {Null: {'aws:PrincipalTag/team': 'false'}})], action: 'ec2:DescribeInstances', decision: 'Allowed'},
	{name: 'StringEqualsIfExists on aws:RequestedRegion: Conditional (kept)', page: OPERATORS,
		statements: [allowIf('ec2:*', {StringEqualsIfExists: {'aws:RequestedRegion': 'eu-west-1'}})], action: 'ec2:DescribeInstances', decision: 'Conditional',
		shows: [['StringEqualsIfExists', 'aws:RequestedRegion', ['eu-west-1']]],
		given: [{context: ['aws:RequestedRegion=eu-west-1'], decision: 'Allowed'}, {context: ['aws:RequestedRegion=us-east-1'], decision: 'ImplicitDeny'}]},
	{name: 'BoolIfExists MFA deny beside an allow: Conditional, naming the deny (kept)', page: OPERATORS,
		statements: [grant('s3:*'), denyIf('s3:*', {BoolIfExists: {'aws:MultiFactorAuthPresent': 'false'}})], action: 's3:ListAllMyBuckets', decision: 'Conditional',
		shows: [['BoolIfExists', 'aws:MultiFactorAuthPresent', ['false']]],
		given: [{context: [], shortcuts: {mfa: true}, decision: 'Allowed'}, {context: ['aws:MultiFactorAuthPresent=false'], decision: 'ExplicitDeny'}]},
	{name: 'IpAddress on aws:SourceIp: Conditional', page: OPERATORS,
		statements: [allowIf('ec2:*', {IpAddress: {'aws:SourceIp': '203.0.113.0/24'}})], action: 'ec2:DescribeInstances', decision: 'Conditional',
		given: [{context: [], shortcuts: {sourceIp: '203.0.113.7'}, decision: 'Allowed'}, {context: [], shortcuts: {sourceIp: '198.51.100.1'}, decision: 'ImplicitDeny'}]},
	{name: 'Bool aws:SecureTransport "true": Conditional', page: OPERATORS,
		statements: [allowIf('s3:GetObject', {Bool: {'aws:SecureTransport': 'true'}})], action: 's3:GetObject', resource: 'arn:aws:s3:::shop/a', decision: 'Conditional',
		given: [{context: [], shortcuts: {secureTransport: true}, decision: 'Allowed'}, {context: ['aws:SecureTransport=false'], decision: 'ImplicitDeny'}]},
	{name: 'StringNotEquals on an absent key (true when absent): Conditional', page: OPERATORS,
		statements: [allowIf('ec2:*', {StringNotEquals: {'aws:SourceVpc': 'vpc-111bbb22'}})], action: 'ec2:DescribeInstances', decision: 'Conditional',
		given: [{context: ['aws:SourceVpc=vpc-111bbb22'], decision: 'ImplicitDeny'}, {context: ['aws:SourceVpc=vpc-999'], decision: 'Allowed'}]},
	{name: 'a deny whose ForAllValues key is absent: Conditional, naming the deny', page: MULTIVALUED,
		statements: [grant('ec2:*'), denyIf('ec2:CreateTags', {'ForAllValues:StringEquals': {'aws:TagKeys': 'secret'}})], action: 'ec2:CreateTags', decision: 'Conditional',
		shows: [['ForAllValues:StringEquals', 'aws:TagKeys', ['secret']]],
		given: [{context: ['aws:TagKeys=secret'], decision: 'ExplicitDeny'}, {context: ['aws:TagKeys=team'], decision: 'Allowed'}]},
	{name: 'a deny on Null aws:TokenIssueTime "false" beside an allow: Conditional', page: OPERATORS,
		statements: [grant('ec2:*'), denyIf('ec2:*', {Null: {'aws:TokenIssueTime': 'false'}})], action: 'ec2:DescribeInstances', decision: 'Conditional', given: [{context: ['aws:TokenIssueTime=2026-12-04T10:00:00Z'], decision: 'ExplicitDeny'}]},
	{name: 'a known tag condition and an absent-key one: Conditional on the absent one only', page: OPERATORS, tags: {team: 'dev'},
		statements: [allowIf('ec2:CreateTags', {StringEquals: {'aws:PrincipalTag/team': 'dev'}, [TAGS[0]]: {[TAGS[1]]: TAGS[2]}})], action: 'ec2:CreateTags',
		decision: 'Conditional', shows: [TAGS]},
	{name: 'a failed known tag condition beside an absent-key one: ImplicitDeny', page: EVALUATION, tags: {team: 'ops'},
		statements: [allowIf('ec2:CreateTags', {StringEquals: {'aws:PrincipalTag/team': 'dev'}, [TAGS[0]]: {[TAGS[1]]: TAGS[2]}})], action: 'ec2:CreateTags', decision: 'ImplicitDeny'},
	{name: 'ForAllValues allow beside an unconditional allow: Allowed', page: EVALUATION,
		statements: [allowIf('ec2:CreateTags', {[TAGS[0]]: {[TAGS[1]]: TAGS[2]}}), grant('ec2:CreateTags')], action: 'ec2:CreateTags', decision: 'Allowed'},
	{name: 'ForAllValues allow, unconditional deny: ExplicitDeny', page: EVALUATION,
		statements: [allowIf('ec2:CreateTags', {[TAGS[0]]: {[TAGS[1]]: TAGS[2]}}), refuse('ec2:CreateTags')], action: 'ec2:CreateTags', decision: 'ExplicitDeny'},
	// Keys the account answers stay decided.
	{name: 'aws:username equal to the user: Allowed', page: OPERATORS,
		statements: [allowIf('s3:ListAllMyBuckets', {StringEquals: {'aws:username': 'ana'}})], action: 's3:ListAllMyBuckets', decision: 'Allowed'},
	{name: 'aws:username of another user: ImplicitDeny', page: OPERATORS,
		statements: [allowIf('s3:ListAllMyBuckets', {StringEquals: {'aws:username': 'bob'}})], action: 's3:ListAllMyBuckets', decision: 'ImplicitDeny'},
	{name: 'aws:userid of the user: Allowed', page: OPERATORS,
		statements: [allowIf('s3:ListAllMyBuckets', {StringEquals: {'aws:userid': 'AIDA0'}})], action: 's3:ListAllMyBuckets', decision: 'Allowed'},
	{name: 'aws:PrincipalArn like the user: Allowed', page: OPERATORS,
		statements: [allowIf('s3:ListAllMyBuckets', {ArnLike: {'aws:PrincipalArn': `arn:aws:iam::${ACCT}:user/a*`}})], action: 's3:ListAllMyBuckets', decision: 'Allowed'},
	{name: 'aws:PrincipalAccount of the account: Allowed', page: OPERATORS,
		statements: [allowIf('s3:ListAllMyBuckets', {StringEquals: {'aws:PrincipalAccount': ACCT}})], action: 's3:ListAllMyBuckets', decision: 'Allowed'},
	{name: 'aws:PrincipalType User: Allowed', page: OPERATORS,
		statements: [allowIf('s3:ListAllMyBuckets', {StringEquals: {'aws:PrincipalType': 'User'}})], action: 's3:ListAllMyBuckets', decision: 'Allowed'},
	{name: 'principal tag condition met: Allowed', page: VARIABLES, tags: {team: 'dev'},
		statements: [allowIf('ec2:*', {StringEquals: {'aws:PrincipalTag/team': 'dev'}})], action: 'ec2:DescribeInstances', decision: 'Allowed'},
	// Variables inside ARNs: substituted before the ARN is split.
	{name: '${aws:username} in an SQS queue name: the own queue is Allowed', page: VARIABLES,
		statements: [grant('sqs:*', OWN_QUEUE)], action: 'sqs:SendMessage', resource: ANA_QUEUE, decision: 'Allowed'},
	{name: '${aws:username} in an SQS queue name: another user\'s queue is ImplicitDeny', page: VARIABLES,
		statements: [grant('sqs:*', OWN_QUEUE)], action: 'sqs:SendMessage', resource: BOB_QUEUE, decision: 'ImplicitDeny'},
	{name: '${aws:username} in an SNS topic name: Allowed', page: VARIABLES,
		statements: [grant('sns:Publish', 'arn:aws:sns:us-east-1:*:${aws:username}-alerts')], action: 'sns:Publish', resource: `arn:aws:sns:us-east-1:${ACCT}:ana-alerts`, decision: 'Allowed'},
	{name: '${aws:PrincipalTag/team} in an SQS queue name: Allowed', page: VARIABLES, tags: {team: 'dev'},
		statements: [grant('sqs:*', 'arn:aws:sqs:us-east-2:*:${aws:PrincipalTag/team}-queue')], action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-2:${ACCT}:dev-queue`, decision: 'Allowed'},
	{name: '${aws:PrincipalTag/team} the user lacks: ImplicitDeny', page: VARIABLES,
		statements: [grant('sqs:*', 'arn:aws:sqs:us-east-2:*:${aws:PrincipalTag/team}-queue')], action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-2:${ACCT}:dev-queue`, decision: 'ImplicitDeny'},
	{name: '${aws:PrincipalTag/team, \'shared\'} default when the tag is absent: Allowed', page: VARIABLES,
		statements: [grant('sqs:*', 'arn:aws:sqs:us-east-2:*:${aws:PrincipalTag/team, \'shared\'}-queue')], action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-2:${ACCT}:shared-queue`, decision: 'Allowed'},
	{name: '${aws:PrincipalAccount} as the ARN account and ${aws:username} as the user: Allowed', page: VARIABLES,
		statements: [grant('iam:CreateAccessKey', 'arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}')], action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${ACCT}:user/ana`, decision: 'Allowed'},
	{name: '${aws:username} in a DynamoDB table name: Allowed', page: VARIABLES,
		statements: [grant('dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:${aws:PrincipalAccount}:table/${aws:username}')], action: 'dynamodb:GetItem', resource: `arn:aws:dynamodb:us-east-1:${ACCT}:table/ana`, decision: 'Allowed'},
	{name: '${aws:username} in an S3 key prefix: Allowed', page: VARIABLES,
		statements: [grant('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*')], action: 's3:GetObject', resource: 'arn:aws:s3:::home/ana/notes.txt', decision: 'Allowed'},
	{name: '${aws:userid} in an S3 key prefix: Allowed', page: VARIABLES,
		statements: [grant('s3:GetObject', 'arn:aws:s3:::home/${aws:userid}/*')], action: 's3:GetObject', resource: 'arn:aws:s3:::home/AIDA0/notes.txt', decision: 'Allowed'},
	{name: '${$} is a literal $: matches "$price"', page: VARIABLES,
		statements: [grant('s3:GetObject', 'arn:aws:s3:::shop/${$}price')], action: 's3:GetObject', resource: 'arn:aws:s3:::shop/$price', decision: 'Allowed'},
	{name: '${?} is a literal ?, not a wildcard', page: VARIABLES,
		statements: [grant('s3:GetObject', 'arn:aws:s3:::shop/why${?}')], action: 's3:GetObject', resource: 'arn:aws:s3:::shop/whyx', decision: 'ImplicitDeny'},
	{name: '${*} is a literal *, not a wildcard', page: VARIABLES,
		statements: [grant('s3:GetObject', 'arn:aws:s3:::shop/star${*}')], action: 's3:GetObject', resource: 'arn:aws:s3:::shop/starlight', decision: 'ImplicitDeny'},
	{name: 'a variable only the request knows (${aws:SourceAccount}) in an ARN: Conditional on it', page: VARIABLES,
		statements: [grant('s3:GetObject', 'arn:aws:s3:::shop/${aws:SourceAccount}/*')], action: 's3:GetObject', resource: 'arn:aws:s3:::shop/111122223333/a', decision: 'Conditional',
		shows: [['StringLike', 'aws:SourceAccount', ['*']]],
		given: [{context: ['aws:SourceAccount=111122223333'], decision: 'Allowed'}, {context: ['aws:SourceAccount=444455556666'], decision: 'ImplicitDeny'}]},
	{name: 'a deny with a variable only the request knows: Conditional', page: EVALUATION,
		statements: [grant('s3:*'), refuse('s3:GetObject', 'arn:aws:s3:::shop/${aws:SourceAccount}/*')], action: 's3:GetObject', resource: 'arn:aws:s3:::shop/111122223333/a', decision: 'Conditional',
		given: [{context: ['aws:SourceAccount=111122223333'], decision: 'ExplicitDeny'}, {context: ['aws:SourceAccount=444455556666'], decision: 'Allowed'}]},
	{name: 'a deny with ${aws:username} in a queue name cuts the own queue: ExplicitDeny', page: EVALUATION,
		statements: [grant('sqs:*'), refuse('sqs:DeleteQueue', OWN_QUEUE)], action: 'sqs:DeleteQueue', resource: ANA_QUEUE, decision: 'ExplicitDeny'},
	{name: 'a deny with ${aws:username} in a queue name spares another queue: Allowed', page: EVALUATION,
		statements: [grant('sqs:*'), refuse('sqs:DeleteQueue', OWN_QUEUE)], action: 'sqs:DeleteQueue', resource: BOB_QUEUE, decision: 'Allowed'},
	{name: 'NotResource with ${aws:username}: the own queue is left out', page: NOT_RESOURCE,
		statements: [{Effect: 'Allow', Action: 'sqs:*', NotResource: OWN_QUEUE}], action: 'sqs:SendMessage', resource: ANA_QUEUE, decision: 'ImplicitDeny'},
	{name: 'NotResource with ${aws:username}: other queues are allowed', page: NOT_RESOURCE,
		statements: [{Effect: 'Allow', Action: 'sqs:*', NotResource: OWN_QUEUE}], action: 'sqs:SendMessage', resource: BOB_QUEUE, decision: 'Allowed'},
	{name: 'Version 2008-10-17: ${aws:username} in a queue name is literal text', page: VERSION, version: '2008-10-17',
		statements: [grant('sqs:*', OWN_QUEUE)], action: 'sqs:SendMessage', resource: ANA_QUEUE, decision: 'ImplicitDeny'},
	{name: 'no Version: ${aws:username} in a queue name is literal text', page: VERSION, version: null,
		statements: [grant('sqs:*', OWN_QUEUE)], action: 'sqs:SendMessage', resource: ANA_QUEUE, decision: 'ImplicitDeny'},
	// NotAction, NotResource, deny over allow.
	{name: 'NotAction allows the services it does not name', page: NOT_ACTION,
		statements: [{Effect: 'Allow', NotAction: 'iam:*', Resource: '*'}], action: 'sqs:SendMessage', resource: ANA_QUEUE, decision: 'Allowed'},
	{name: 'NotAction does not allow what it names', page: NOT_ACTION,
		statements: [{Effect: 'Allow', NotAction: 'iam:*', Resource: '*'}], action: 'iam:CreateUser', decision: 'ImplicitDeny'},
	{name: 'Deny NotAction with a condition on an absent key: Conditional', page: NOT_ACTION,
		statements: [grant('*'), {Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*', Condition: {BoolIfExists: {'aws:MultiFactorAuthPresent': 'false'}}}],
		action: 'sqs:SendMessage', resource: ANA_QUEUE, decision: 'Conditional', given: [{context: [], shortcuts: {mfa: true}, decision: 'Allowed'}]},
	{name: 'NotResource allows other resources', page: NOT_RESOURCE,
		statements: [{Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*'}], action: 's3:GetObject', resource: 'arn:aws:s3:::public/a', decision: 'Allowed'},
	{name: 'an explicit deny overrides an allow', page: EVALUATION,
		statements: [grant('sqs:*'), refuse('sqs:*', ANA_QUEUE)], action: 'sqs:SendMessage', resource: ANA_QUEUE, decision: 'ExplicitDeny'},
	{name: 'NumericLessThan on aws:MultiFactorAuthAge: Conditional', page: OPERATORS,
		statements: [allowIf('iam:*', {NumericLessThan: {'aws:MultiFactorAuthAge': '3600'}})], action: 'iam:ListUsers', decision: 'Conditional',
		shows: [['NumericLessThan', 'aws:MultiFactorAuthAge', ['3600']]],
		given: [{context: ['aws:MultiFactorAuthAge=600'], decision: 'Allowed'}, {context: ['aws:MultiFactorAuthAge=7200'], decision: 'ImplicitDeny'}]},
	{name: 'DateLessThan on aws:CurrentTime: Conditional (the time of the request)', page: OPERATORS,
		statements: [allowIf('ec2:*', {DateLessThan: {'aws:CurrentTime': '2027-01-01T00:00:00Z'}})], action: 'ec2:DescribeInstances', decision: 'Conditional',
		given: [{context: ['aws:CurrentTime=2026-12-04T00:00:00Z'], decision: 'Allowed'}, {context: ['aws:CurrentTime=2027-06-01T00:00:00Z'], decision: 'ImplicitDeny'}]},
	{name: 'StringLike with a wildcard on aws:RequestedRegion: Conditional', page: OPERATORS,
		statements: [allowIf('ec2:*', {StringLike: {'aws:RequestedRegion': 'eu-*'}})], action: 'ec2:DescribeInstances', decision: 'Conditional',
		given: [{context: ['aws:RequestedRegion=eu-west-1'], decision: 'Allowed'}, {context: ['aws:RequestedRegion=us-east-1'], decision: 'ImplicitDeny'}]},
	{name: 'NotIpAddress deny beside an allow: Conditional, naming the deny', page: OPERATORS,
		statements: [grant('ec2:*'), denyIf('ec2:*', {NotIpAddress: {'aws:SourceIp': '203.0.113.0/24'}})], action: 'ec2:DescribeInstances', decision: 'Conditional',
		shows: [['NotIpAddress', 'aws:SourceIp', ['203.0.113.0/24']]],
		given: [{context: [], shortcuts: {sourceIp: '203.0.113.7'}, decision: 'Allowed'}, {context: [], shortcuts: {sourceIp: '198.51.100.1'}, decision: 'ExplicitDeny'}]},
	{name: 'several values for one key are ORed: either region allows', page: OPERATORS,
		statements: [allowIf('ec2:*', {StringEquals: {'aws:RequestedRegion': ['eu-west-1', 'eu-central-1']}})], action: 'ec2:DescribeInstances', decision: 'Conditional',
		given: [{context: ['aws:RequestedRegion=eu-central-1'], decision: 'Allowed'}, {context: ['aws:RequestedRegion=ap-south-1'], decision: 'ImplicitDeny'}]},
	{name: 'several operators in one block are ANDed: both must hold', page: OPERATORS,
		statements: [allowIf('s3:GetObject', {StringEquals: {'aws:RequestedRegion': 'eu-west-1'}, Bool: {'aws:SecureTransport': 'true'}})], action: 's3:GetObject', resource: 'arn:aws:s3:::shop/a',
		decision: 'Conditional',
		given: [{context: ['aws:RequestedRegion=eu-west-1', 'aws:SecureTransport=true'], decision: 'Allowed'}, {context: ['aws:RequestedRegion=eu-west-1', 'aws:SecureTransport=false'], decision: 'ImplicitDeny'}]},
	{name: 'a wildcard inside an action name matches (ec2:*Instances)', page: ACTION, statements: [grant('ec2:*Instances')], action: 'ec2:TerminateInstances', decision: 'Allowed'},
	{name: 'a wildcard inside an action name spares other actions', page: ACTION, statements: [grant('ec2:*Instances')], action: 'ec2:CreateTags', decision: 'ImplicitDeny'},
	{name: 'nothing allows: implicit deny', page: EVALUATION, statements: [grant('s3:*')], action: 'sqs:SendMessage', resource: ANA_QUEUE, decision: 'ImplicitDeny'},
];

describe('access table from the IAM User Guide', () => {
	it('has at least 60 cases, each citing a page of the guide', () => {
		expect(rows.length).toBeGreaterThanOrEqual(60);
		for (const row of rows) expect(row.page.startsWith(GUIDE)).toBe(true);
	});

	it.each(rows)('$name', async row => {
		const result = await explain(withPolicy(row.statements, row.tags, row.version === undefined ? '2012-10-17' : row.version), 'ana', row.action, row.resource);
		if (!result.ok) throw new Error(`${result.kind}: ${result.message}`);
		expect(result.decision, row.page).toBe(row.decision);
		if (row.decision === 'Conditional') expect(result.conditions.length).toBeGreaterThan(0);
		else expect(result.conditions).toEqual([]);
		if (row.shows) expect(result.conditions.map(c => [c.operator, c.key, c.values])).toEqual(row.shows);
	});
});

const withContext = rows.flatMap(row =>
	(row.given ?? []).map(g => ({...row, ...g, name: `${row.name} — with ${[...g.context, ...Object.keys(g.shortcuts ?? {})].join(' ')}: ${g.decision}`})),
);

describe('the same table with request context: the answer resolves and names what decided it', () => {
	it('covers every Conditional row that context can settle', () => expect(withContext.length).toBeGreaterThanOrEqual(20));

	it.each(withContext)('$name', async row => {
		const parsed = await parseContext(row.context, row.shortcuts);
		if (!parsed.ok) throw new Error(parsed.message);
		const model = buildAccessModel(withPolicy(row.statements, row.tags, row.version === undefined ? '2012-10-17' : row.version), parsed.context);
		const result = await explain(model, 'ana', row.action, row.resource);
		if (!result.ok) throw new Error(`${result.kind}: ${result.message}`);
		expect(result.decision, row.page).toBe(row.decision);
		// What decided: a condition on a key given, or a variable in an ARN the context filled.
		expect((result.decidedBy?.length ?? 0) + result.notes.filter(n => n.includes(' filled ${')).length).toBeGreaterThan(0);
	});
});

describe('who-can with variables inside ARNs', () => {
	it('lists the user whose name fills ${aws:username} in an SQS queue, not others', async () => {
		const result = await whoCan(withPolicy([grant('sqs:*', OWN_QUEUE)]), 'sqs:SendMessage', ANA_QUEUE);
		if (!result.ok) throw new Error(result.message);
		expect(result.users.map(u => [u.name, u.decision])).toEqual([['ana', 'Allowed']]);
	});

	it('reports an absent-key ForAllValues grant as Conditional, with the condition', async () => {
		const result = await whoCan(withPolicy([allowIf('ec2:CreateTags', {[TAGS[0]]: {[TAGS[1]]: TAGS[2]}})]), 'ec2:CreateTags');
		if (!result.ok) throw new Error(result.message);
		expect(result.users.map(u => [u.name, u.decision, u.conditions.map(c => c.operator)])).toEqual([['ana', 'Conditional', [TAGS[0]]]]);
	});
});

describe('request context as the command line gives it', () => {
	it('types values by the key: multivalued split, IP, bool, date, numeric', async () => {
		const parsed = await parseContext(['aws:TagKeys=env, team', 'aws:CurrentTime=2026-12-04T16:00:00Z', 'aws:MultiFactorAuthAge=300'], {mfa: true, sourceIp: '10.0.0.0/8', secureTransport: true});
		expect(parsed).toEqual({ok: true, context: {
			'aws:MultiFactorAuthPresent': 'true', 'aws:SecureTransport': 'true', 'aws:SourceIp': '10.0.0.0/8',
			'aws:TagKeys': ['env', 'team'], 'aws:CurrentTime': '2026-12-04T16:00:00Z', 'aws:MultiFactorAuthAge': '300',
		}});
	});

	it.each([
		{entry: 'aws:SourceIpp=10.1.2.3', says: /unknown context key "aws:SourceIpp"/, suggests: 'aws:SourceIp'},
		{entry: 's3:prefx=home/', says: /unknown context key "s3:prefx"/, suggests: 's3:prefix'},
		{entry: 'aws:SourceIp=ten', says: /expected an IP address/},
		{entry: 'aws:SecureTransport=yes', says: /expected true or false/},
		{entry: 'aws:MultiFactorAuthAge=soon', says: /expected a number/},
		{entry: 'aws:CurrentTime=tomorrow', says: /expected a date/},
		{entry: 'aws:SourceIp', says: /not KEY=VALUE/},
		{entry: 'aws:username=bob', says: /comes from the account/},
	])('refuses $entry with what to do', async ({entry, says, suggests}) => {
		const parsed = await parseContext([entry]);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.message).toMatch(says);
		if (suggests) expect(parsed.suggestions).toContain(suggests);
	});

	it('who-can with context lists the user whose condition the context meets', async () => {
		const parsed = await parseContext([], {sourceIp: '203.0.113.7'});
		if (!parsed.ok) throw new Error(parsed.message);
		const index = withPolicy([allowIf('ec2:*', {IpAddress: {'aws:SourceIp': '203.0.113.0/24'}})]);
		const without = await whoCan(index, 'ec2:StopInstances');
		const withIt = await whoCan(buildAccessModel(index, parsed.context), 'ec2:StopInstances');
		if (!without.ok || !withIt.ok) throw new Error('who-can failed');
		expect(without.users.map(u => u.decision)).toEqual(['Conditional']);
		expect(withIt.users.map(u => [u.name, u.decision, u.conditions])).toEqual([['ana', 'Allowed', []]]);
	});
});

describe('a role\'s own policies: what its sessions carry is not known from the account', () => {
	const roleAnswer = async (statement: Statement, action: string, resource?: string) => {
		const model = buildAccessModel(accountWithRoles({roles: {Ops: {trust: trustPolicy(trusts(ROOT)), inline: {P: JSON.stringify({Version: '2012-10-17', Statement: [statement]})}}}}));
		const result = await explainFor(model, rolePrincipal(model, findRole(model, 'Ops')!), action, resource);
		if (!result.ok) throw new Error(result.message);
		return result;
	};

	it('aws:userid (role id:session name) in a condition: Conditional, shown', async () => {
		const r = await roleAnswer(allowIf('s3:ListAllMyBuckets', {StringEquals: {'aws:userid': 'AROAOPS0:ana'}}), 's3:ListAllMyBuckets');
		expect([r.decision, r.conditions.map(c => c.key)]).toEqual(['Conditional', ['aws:userid']]);
	});

	it('${aws:userid} in a resource ARN: Conditional', async () => {
		const r = await roleAnswer(grant('s3:GetObject', 'arn:aws:s3:::home/${aws:userid}/*'), 's3:GetObject', 'arn:aws:s3:::home/AROAOPS0:ana/a');
		expect(r.decision).toBe('Conditional');
	});

	it('${aws:username} in a resource ARN never matches a role session (it has no user name)', async () => {
		const r = await roleAnswer(grant('sqs:*', OWN_QUEUE), 'sqs:SendMessage', ANA_QUEUE);
		expect(r.decision).toBe('ImplicitDeny');
	});

	it('aws:PrincipalType AssumedRole stays decided', async () => {
		const r = await roleAnswer(allowIf('s3:ListAllMyBuckets', {StringEquals: {'aws:PrincipalType': 'AssumedRole'}}), 's3:ListAllMyBuckets');
		expect(r.decision).toBe('Allowed');
	});
});

// Permissions boundaries: "an entity can perform only the actions that are allowed by both its identity-based
// policies and its permissions boundaries"; an explicit deny in either wins; a boundary limits a role as a user.
const BOUNDARIES = `${GUIDE}access_policies_boundaries.html`;
describe('permissions boundaries (users and roles): the answer names the boundary', () => {
	const BOUNDARY_ARN = `arn:aws:iam::${ACCT}:policy/DevBoundary`;
	const doc = (...Statement: Statement[]) => JSON.stringify({Version: '2012-10-17', Statement});
	const bounded = async (kind: 'user' | 'role', identity: Statement[], boundary: Statement[], action: string, resource?: string, context: string[] = []) => {
		const parsed = await parseContext(context, {});
		if (!parsed.ok) throw new Error(parsed.message);
		const spec = {inline: {P: doc(...identity)}, boundary: 'DevBoundary'};
		const model = buildAccessModel(accountWithRoles({
			managed: {DevBoundary: doc(...boundary)},
			...(kind === 'user' ? {users: {ana: spec}} : {roles: {Ops: {...spec, trust: trustPolicy(trusts(ROOT))}}}),
		}), parsed.context);
		const result = kind === 'user' ? await explain(model, 'ana', action, resource) : await explainFor(model, rolePrincipal(model, findRole(model, 'Ops')!), action, resource);
		if (!result.ok) throw new Error(result.message);
		return result;
	};
	const named = {kind: 'boundary', name: 'DevBoundary', arn: BOUNDARY_ARN};

	for (const kind of ['user', 'role'] as const) {
		it(`${kind}: identity allows, boundary allows: Allowed (${BOUNDARIES})`, async () => {
			const r = await bounded(kind, [grant('s3:*')], [grant('s3:GetObject')], 's3:GetObject', 'arn:aws:s3:::shop/a');
			expect([r.decision, r.blockedByBoundary, r.boundary]).toEqual(['Allowed', false, named]);
		});
		it(`${kind}: identity allows, boundary does not: ImplicitDeny naming the boundary (${EVALUATION})`, async () => {
			const r = await bounded(kind, [grant('s3:*')], [grant('ec2:*')], 's3:DeleteBucket', 'arn:aws:s3:::shop');
			expect([r.decision, r.blockedByBoundary, r.boundary]).toEqual(['ImplicitDeny', true, named]);
			expect(r.statements.map(s => [s.source.name, s.effect])).toEqual([['P', 'Allow']]);
		});
		it(`${kind}: boundary allows only with MFA: Conditional with the boundary's condition; context settles it (${BOUNDARIES})`, async () => {
			const r = await bounded(kind, [grant('ec2:*')], [allowIf('ec2:*', {Bool: {'aws:MultiFactorAuthPresent': 'true'}})], 'ec2:StopInstances');
			expect([r.decision, r.conditions.map(c => [c.operator, c.key, c.values, c.statement.source.kind, c.statement.source.name])])
				.toEqual(['Conditional', [['Bool', 'aws:MultiFactorAuthPresent', ['true'], 'boundary', 'DevBoundary']]]);
			const mfa = await bounded(kind, [grant('ec2:*')], [allowIf('ec2:*', {Bool: {'aws:MultiFactorAuthPresent': 'true'}})], 'ec2:StopInstances', undefined, ['aws:MultiFactorAuthPresent=true']);
			const none = await bounded(kind, [grant('ec2:*')], [allowIf('ec2:*', {Bool: {'aws:MultiFactorAuthPresent': 'true'}})], 'ec2:StopInstances', undefined, ['aws:MultiFactorAuthPresent=false']);
			expect([mfa.decision, none.decision, none.blockedByBoundary]).toEqual(['Allowed', 'ImplicitDeny', true]);
		});
		it(`${kind}: a deny in the boundary: ExplicitDeny by the boundary's statement (${EVALUATION})`, async () => {
			const r = await bounded(kind, [grant('iam:*')], [grant('*'), refuse('iam:DeleteUser')], 'iam:DeleteUser');
			expect([r.decision, r.statements.map(s => [s.source.kind, s.source.name, s.effect])]).toEqual(['ExplicitDeny', [['boundary', 'DevBoundary', 'Deny']]]);
		});
		it(`${kind}: the boundary alone grants nothing: ImplicitDeny, not blamed on the boundary (${BOUNDARIES})`, async () => {
			const r = await bounded(kind, [grant('ec2:*')], [grant('s3:*')], 's3:ListAllMyBuckets');
			expect([r.decision, r.blockedByBoundary]).toEqual(['ImplicitDeny', false]);
		});
	}

	it(`a boundary whose document is not in the snapshot: an identity allow is Conditional, the boundary named (${BOUNDARIES})`, async () => {
		const model = buildAccessModel(accountWithRoles({users: {ana: {inline: {P: doc(grant('s3:*'))}, boundary: 'DevBoundary'}}}));
		const r = await explain(model, 'ana', 's3:ListAllMyBuckets');
		if (!r.ok) throw new Error(r.message);
		expect([r.decision, r.couldNotEvaluate.map(p => p.source.name)]).toEqual(['Conditional', ['DevBoundary']]);
		expect(r.notes).toContain(`the permissions boundary DevBoundary (${BOUNDARY_ARN}) could not be read: allowed only if it allows s3:ListAllMyBuckets`);
		const denied = await explain(model, 'ana', 'ec2:StopInstances');
		expect(denied.ok && denied.decision).toBe('ImplicitDeny');
	});

	it(`who-can: a user and a role bounded by the same boundary are listed inside it, not outside (${BOUNDARIES})`, async () => {
		const spec = {inline: {P: doc(grant('s3:*'), grant('ec2:*'))}, boundary: 'DevBoundary'};
		const model = buildAccessModel(accountWithRoles({managed: {DevBoundary: doc(grant('ec2:*'))}, users: {ana: spec}, roles: {Ops: {...spec, trust: trustPolicy(trusts(ROOT))}}}));
		const inside = await whoCan(model, 'ec2:StopInstances');
		const outside = await whoCan(model, 's3:DeleteBucket');
		if (!inside.ok || !outside.ok) throw new Error('who-can failed');
		expect([inside.users.map(u => [u.name, u.decision]), inside.roles.map(r => [r.name, r.decision])]).toEqual([[['ana', 'Allowed']], [['Ops', 'Allowed']]]);
		expect([outside.users, outside.roles]).toEqual([[], []]);
	});
});
