// Validation of an IAM identity policy document typed or loaded as text, before it is sent: the
// grammar IAM enforces (and a few rules it enforces late or cryptically), each refusal a sentence
// that says what to fix. zod checks the value shapes; the rules across fields are written out here.
import {z} from 'zod';
import {parseJsonText} from './json-text.js';

export type PolicyKind = 'managed' | 'user-inline' | 'group-inline' | 'role-inline';

/** IAM quotas, in characters not counting whitespace. Inline quotas cover all of a user's (group's) inline policies together. */
export const POLICY_SIZE_LIMITS: Record<PolicyKind, number> = {managed: 6144, 'user-inline': 2048, 'group-inline': 5120, 'role-inline': 10240};

export type PolicyCheck = {ok: true; document: string} | {ok: false; problems: string[]};

const KIND_LABEL: Record<PolicyKind, string> = {
	managed: 'a managed policy',
	'user-inline': "a user's inline policies (all of them together)",
	'group-inline': "a group's inline policies (all of them together)",
	'role-inline': "a role's inline policies (all of them together)",
};

const TOP_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const VERSIONS = ['2012-10-17', '2008-10-17'];

const CONDITION_OPERATORS = [
	'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
	'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
	'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
	'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
];

const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/;
// An ARN needs at least its partition and service; the rest may be wildcards (arn:aws:sqs:*).
const RESOURCE = /^arn:[^:]+:[^:]*:/;

const show = (value: unknown) => JSON.stringify(value) ?? String(value);
const quoteList = (names: string[]) => names.map(n => `"${n}"`).join(', ');

const stringOrList = (field: string) => {
	const error = `${field} must be a string or a non-empty list of strings`;
	return z.union([z.string(), z.array(z.string()).min(1, {error})], {error});
};

const conditionValueError = 'must be a string, number or boolean, or a non-empty list of them';
const conditionScalar = z.union([z.string(), z.number(), z.boolean()]);
const conditionValue = z.union([conditionScalar, z.array(conditionScalar).min(1, {error: conditionValueError})], {error: conditionValueError});

const statementShape = z.looseObject({
	Sid: z.string({error: 'Sid must be a string'}).regex(/^[A-Za-z0-9]*$/, {error: 'Sid may hold only the letters A-Z, a-z and the digits 0-9'}).optional(),
	Effect: z.enum(['Allow', 'Deny'], {
		error: issue => (issue.input === undefined ? 'Effect is missing: add "Effect": "Allow" or "Effect": "Deny"' : `Effect must be "Allow" or "Deny" (found ${show(issue.input)})`),
	}),
	Action: stringOrList('Action').optional(),
	NotAction: stringOrList('NotAction').optional(),
	Resource: stringOrList('Resource').optional(),
	NotResource: stringOrList('NotResource').optional(),
	Condition: z
		.record(z.string(), z.record(z.string(), conditionValue, {error: 'must be an object of condition key → value(s)'}), {
			error: 'Condition must be an object of operator → {condition key: value or values}',
		})
		.optional(),
});

const topShape = z.looseObject({
	Version: z.string({
		error: issue => (issue.input === undefined ? 'Version is missing: add "Version": "2012-10-17" (without it IAM assumes 2008-10-17, which has no policy variables)' : `Version must be a string such as "2012-10-17"`),
	}),
	Id: z.string({error: 'Id must be a string'}).optional(),
});

const issueText = (issue: z.core.$ZodIssue): string => {
	const path = issue.path.map(String);
	// Condition issues: name the operator and key, the message says what the value must be.
	if (path[0] === 'Condition' && path.length > 1) return `Condition ${path.slice(1).join(' → ')} ${issue.message}`;
	return issue.message;
};

const asList = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter(v => typeof v === 'string') : []);

const keyProblems = (statement: Record<string, unknown>): string[] => {
	const problems: string[] = [];
	for (const key of ['Principal', 'NotPrincipal']) {
		if (key in statement) problems.push(`${key} is not allowed in an identity policy (it applies to whoever the policy is attached to): remove ${key}; it belongs in resource policies and role trust policies`);
	}
	const unknown = Object.keys(statement).filter(k => !STATEMENT_KEYS.includes(k) && k !== 'Principal' && k !== 'NotPrincipal');
	if (unknown.length > 0) problems.push(`unknown ${unknown.length === 1 ? 'key' : 'keys'} ${quoteList(unknown)}: a statement may have only ${STATEMENT_KEYS.join(', ')}`);
	return problems;
};

const pairProblem = (statement: Record<string, unknown>, field: string, example: string): string | undefined => {
	const has = field in statement;
	const hasNot = `Not${field}` in statement;
	if (has && hasNot) return `has both ${field} and Not${field}: keep exactly one`;
	if (!has && !hasNot) return `${field} is missing: add "${field}" (e.g. ${example}) or "Not${field}"`;
	return undefined;
};

const operatorProblems = (condition: unknown): string[] => {
	if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return [];
	const problems: string[] = [];
	for (const [operator, block] of Object.entries(condition)) {
		const bare = operator.replace(/^(ForAllValues|ForAnyValue):/, '').replace(/IfExists$/, '');
		const nullIfExists = bare.toLowerCase() === 'null' && /IfExists$/i.test(operator);
		if (!CONDITION_OPERATORS.includes(bare) || nullIfExists) {
			const close = nullIfExists ? undefined : CONDITION_OPERATORS.find(o => o.toLowerCase() === bare.toLowerCase());
			problems.push(`Condition operator "${operator}" is not an IAM condition operator${close ? ` (did you mean "${operator.replace(bare, close)}"?)` : ' (e.g. StringEquals, StringLike, IpAddress, Bool)'}`);
		}
		if (typeof block !== 'object' || block === null || Array.isArray(block)) continue;
		for (const key of Object.keys(block)) {
			if (!/^[^:\s]+:\S+$/.test(key)) problems.push(`Condition key "${key}" under ${operator} needs its prefix, as in "aws:SourceIp" or "s3:prefix"`);
		}
	}
	return problems;
};

const statementProblems = (raw: unknown, number: number): string[] => {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		return [`Statement ${number} must be an object with Effect, Action and Resource (found ${show(raw)}).`];
	}
	const statement = raw as Record<string, unknown>;
	const label = typeof statement['Sid'] === 'string' && statement['Sid'] !== '' ? `Statement ${number} ("${statement['Sid']}")` : `Statement ${number}`;
	const problems = [...keyProblems(statement)];
	const shape = statementShape.safeParse(statement);
	if (!shape.success) problems.push(...shape.error.issues.map(issueText));
	for (const [field, example] of [['Action', '"s3:GetObject"'], ['Resource', '"*"']] as const) {
		const problem = pairProblem(statement, field, example);
		if (problem) problems.push(problem);
	}
	for (const field of ['Action', 'NotAction']) {
		for (const action of asList(statement[field])) {
			if (action !== '*' && !ACTION.test(action)) problems.push(`${field} ${show(action)} is not of the form service:Action (e.g. "ec2:DescribeInstances", "iam:Get*") or "*"`);
		}
	}
	for (const field of ['Resource', 'NotResource']) {
		for (const resource of asList(statement[field])) {
			if (resource !== '*' && !RESOURCE.test(resource)) problems.push(`${field} ${show(resource)} must be an ARN (e.g. "arn:aws:s3:::my-bucket/*") or "*"`);
		}
	}
	problems.push(...operatorProblems(statement['Condition']));
	return problems.map(p => `${label}: ${p.replace(/\.$/, '')}.`);
};

const sizeProblem = (document: string, kind: PolicyKind): string | undefined => {
	const size = document.replace(/\s/g, '').length;
	const limit = POLICY_SIZE_LIMITS[kind];
	if (size <= limit) return undefined;
	return `The policy is ${size} characters long (not counting whitespace); IAM allows at most ${limit} for ${KIND_LABEL[kind]}: remove or merge statements, or use wildcards.`;
};

const duplicateSids = (statements: unknown[]): string[] => {
	const sids = statements.map(s => (typeof s === 'object' && s !== null ? (s as Record<string, unknown>)['Sid'] : undefined)).filter((s): s is string => typeof s === 'string' && s !== '');
	const repeated = [...new Set(sids.filter((s, i) => sids.indexOf(s) !== i))];
	return repeated.map(sid => `Sid "${sid}" is used by more than one statement: each statement's Sid must be unique within the policy.`);
};

const documentProblems = (value: unknown): string[] => {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return ['The policy must be a JSON object of the form {"Version": "2012-10-17", "Statement": [ … ]}.'];
	}
	const document = value as Record<string, unknown>;
	const problems: string[] = [];
	const unknown = Object.keys(document).filter(k => !TOP_KEYS.includes(k));
	if (unknown.length > 0) problems.push(`Unknown top-level ${unknown.length === 1 ? 'key' : 'keys'} ${quoteList(unknown)}: a policy may have only Version, Id and Statement.`);
	const top = topShape.safeParse(document);
	if (!top.success) problems.push(...top.error.issues.map(i => `${i.message}.`));
	const version = document['Version'];
	if (typeof version === 'string' && !VERSIONS.includes(version)) {
		problems.push(`Version ${show(version)} is not one IAM knows: use "2012-10-17" (recommended) or "2008-10-17".`);
	}
	const raw = document['Statement'];
	if (raw === undefined) {
		problems.push('Statement is missing: add "Statement": [ … ] with at least one statement.');
		return problems;
	}
	const statements = Array.isArray(raw) ? raw : typeof raw === 'object' && raw !== null ? [raw] : undefined;
	if (!statements) return [...problems, `Statement must be an object or a list of objects (found ${show(raw)}).`];
	if (statements.length === 0) return [...problems, 'Statement is an empty list: a policy needs at least one statement.'];
	statements.forEach((s, i) => problems.push(...statementProblems(s, i + 1)));
	return [...problems, ...duplicateSids(statements)];
};

/** Check a policy document given as text; on success return the compact JSON to send to IAM. */
export const checkPolicyDocument = (text: string, kind: PolicyKind): PolicyCheck => {
	const parsed = parseJsonText(text);
	if (!parsed.ok) return {ok: false, problems: [parsed.message]};
	const document = JSON.stringify(parsed.value);
	const problems = documentProblems(parsed.value);
	const size = sizeProblem(document, kind);
	if (size) problems.push(size);
	return problems.length > 0 ? {ok: false, problems} : {ok: true, document};
};
