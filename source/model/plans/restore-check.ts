// A record is a file an operator can edit: before restore sends anything, every value it would send
// passes IAM's rules (the same checks as every other plan), and a refusal names the field.
import {IamError} from '../errors.js';
import type {OffboardRecord} from '../offboard/record.js';
import {parseJsonText} from '../json-text.js';
import {checkPolicyDocument} from '../policy-document.js';
import {
	checkGroupName,
	checkInlinePolicyName,
	checkPath,
	checkTagKey,
	checkTagValue,
	checkUserName,
	MAX_INLINE_USER_POLICY_CHARS,
	MAX_TAGS_PER_USER,
	type Problem,
} from '../validate.js';

export interface FieldProblem {
	/** Where in the record, as in the file: `user.name`, `tags[2].Key`, `inlinePolicies[0].document`. */
	field: string;
	problem: string;
}

const POLICY_ARN = /^arn:aws[\w-]*:iam::(?:\d{12}|aws):policy\/[\x21-\x7e]+$/;

const arnProblem = (label: string, arn: string): Problem =>
	POLICY_ARN.test(arn) ? null : `the ${label} ${JSON.stringify(arn)} is not a policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`;

const tagProblems = (record: OffboardRecord): FieldProblem[] => {
	const found: FieldProblem[] = [];
	if (record.tags.length > MAX_TAGS_PER_USER) found.push({field: 'tags', problem: `${record.tags.length} tags; IAM accepts at most ${MAX_TAGS_PER_USER} per user`});
	const seen = new Set<string>();
	record.tags.forEach((tag, n) => {
		const key = checkTagKey(tag.Key);
		if (key) found.push({field: `tags[${n}].Key`, problem: key});
		const value = checkTagValue(tag.Key, tag.Value);
		if (value) found.push({field: `tags[${n}].Value`, problem: value});
		if (seen.has(tag.Key.toLowerCase())) found.push({field: `tags[${n}].Key`, problem: `the tag key ${JSON.stringify(tag.Key)} is given twice; IAM allows each key once (ignoring case)`});
		seen.add(tag.Key.toLowerCase());
	});
	return found;
};

const inlineProblems = (record: OffboardRecord): FieldProblem[] => {
	const found: FieldProblem[] = [];
	let total = 0;
	record.inlinePolicies.forEach((policy, n) => {
		const name = checkInlinePolicyName(policy.name);
		if (name) found.push({field: `inlinePolicies[${n}].name`, problem: name});
		const checked = checkPolicyDocument(policy.document, 'user-inline');
		if (!checked.ok) for (const problem of checked.problems) found.push({field: `inlinePolicies[${n}].document`, problem});
		total += policy.document.replace(/\s/g, '').length;
	});
	if (total > MAX_INLINE_USER_POLICY_CHARS)
		found.push({field: 'inlinePolicies', problem: `the inline policies total ${total} characters (white space not counted); IAM allows ${MAX_INLINE_USER_POLICY_CHARS} per user`});
	return found;
};

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** A trust a record puts back must name the user restore recreates: an edited record cannot widen a trust. */
const trustProblems = (record: OffboardRecord): FieldProblem[] =>
	(record.trustPolicies ?? []).flatMap((trust, n) => {
		const found: FieldProblem[] = [];
		if (!ROLE_NAME.test(trust.role)) found.push({field: `trustPolicies[${n}].role`, problem: `${JSON.stringify(trust.role)} is not a role name (1-64 of letters, digits and +=,.@_-)`});
		if (trust.principal !== record.user.arn)
			found.push({field: `trustPolicies[${n}].principal`, problem: `restore puts back only the user it recreates (${record.user.arn}), not ${JSON.stringify(trust.principal)}`});
		const parsed = parseJsonText(trust.document);
		if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
			found.push({field: `trustPolicies[${n}].document`, problem: 'the original trust policy is not a JSON policy document'});
		return found;
	});

/** Every value restore would send that IAM would refuse, with the field it came from. */
export const restoreProblems = (record: OffboardRecord): FieldProblem[] => {
	const found: FieldProblem[] = [];
	const add = (field: string, problem: Problem) => {
		if (problem) found.push({field, problem});
	};
	add('user.name', checkUserName(record.user.name));
	add('user.path', checkPath(record.user.path));
	found.push(...tagProblems(record));
	record.groups.forEach((group, n) => add(`groups[${n}]`, checkGroupName(group)));
	record.attachedPolicies.forEach((policy, n) => add(`attachedPolicies[${n}].arn`, arnProblem('policy ARN', policy.arn)));
	found.push(...inlineProblems(record));
	if (record.permissionsBoundaryArn !== null) add('permissionsBoundaryArn', arnProblem('permissions boundary', record.permissionsBoundaryArn));
	found.push(...trustProblems(record));
	return found;
};

/** Throws, naming the record file, the field and the rule, when restore would send a value IAM refuses. */
export const assertRestorable = (record: OffboardRecord, source = 'the record'): void => {
	const [first, ...more] = restoreProblems(record);
	if (!first) return;
	const also = more.length > 0 ? `also ${more.map(p => `${p.field}: ${p.problem}`).join('; ')} — ` : '';
	throw new IamError(
		'Invalid',
		`${source} cannot be restored as it is: ${first.field}: ${first.problem}`,
		`${also}fix ${more.length > 0 ? 'these fields' : 'that field'} in the record (or restore from an unedited copy); nothing was sent`,
		'ValidationError',
	);
};
