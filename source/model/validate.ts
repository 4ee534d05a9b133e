// IAM's rules for names, paths, tags and quotas, checked before anything is sent: the emulator does
// not enforce them, and a clear sentence here beats a ValidationError after half a plan has run.
// Each check returns null when the value is fine, or one sentence: what is wrong, and what IAM accepts.
import {IamError} from './errors.js';
import type {Tag} from './snapshot.js';

/** IAM's quotas that plans enforce (the defaults; most are not adjustable). */
export const MAX_GROUPS_PER_USER = 10;
export const MAX_ACCESS_KEYS = 2;
export const MAX_MANAGED_POLICIES_PER_ENTITY = 10;
export const MAX_POLICY_VERSIONS = 5;
export const MAX_SIGNING_CERTIFICATES = 2;
export const MAX_TAGS_PER_USER = 50;
/** Aggregate size of a user's / group's inline policies, not counting white space. */
export const MAX_INLINE_USER_POLICY_CHARS = 2048;
export const MAX_INLINE_GROUP_POLICY_CHARS = 5120;
export const MAX_POLICY_DESCRIPTION = 1000;

export type Problem = string | null;

const NAME_CHARS = 'letters, digits and + = , . @ _ -';
const nameChar = /^[\w+=,.@-]$/;

const shown = (value: string) => JSON.stringify(value);

/** The first character outside IAM's name set, described for the operator. */
const badNameChar = (label: string, value: string): Problem => {
	for (const char of value) {
		if (nameChar.test(char)) continue;
		if (char === '/') return `the ${label} ${shown(value)} contains "/": a path goes in the path field (e.g. /engineering/), not in the name`;
		if (/\s/.test(char)) return `the ${label} ${shown(value)} contains a space; IAM accepts only ${NAME_CHARS}`;
		if (char.codePointAt(0)! > 0x7e) return `the ${label} ${shown(value)} contains ${shown(char)}, which is not ASCII; IAM accepts only ${NAME_CHARS}`;
		return `the ${label} ${shown(value)} contains ${shown(char)}; IAM accepts only ${NAME_CHARS}`;
	}
	return null;
};

const checkName = (label: string, max: number) => (value: string): Problem => {
	if (value.length === 0) return `the ${label} is empty; IAM accepts 1–${max} characters: ${NAME_CHARS}`;
	if (value.trim() !== value) return `the ${label} ${shown(value)} starts or ends with a space; remove it (IAM accepts only ${NAME_CHARS})`;
	if (value.length > max) return `the ${label} is ${value.length} characters long; IAM accepts at most ${max}`;
	return badNameChar(label, value);
};

export const checkUserName = checkName('user name', 64);
export const checkGroupName = checkName('group name', 128);
export const checkPolicyName = checkName('policy name', 128);
export const checkInlinePolicyName = checkName('inline policy name', 128);

const pathShape = /^\/(?:[\u0021-\u007E]*\/)?$/;

/** A path: "/" or "/division/team/", printable ASCII without spaces, at most 512 characters. */
export const checkPath = (path: string): Problem => {
	const accepts = 'IAM accepts "/" or a path that starts and ends with "/" (e.g. /engineering/), printable ASCII without spaces';
	if (path.length === 0) return `the path is empty; ${accepts}`;
	if (path.trim() !== path) return `the path ${shown(path)} starts or ends with a space; ${accepts}`;
	if (path.length > 512) return `the path is ${path.length} characters long; IAM accepts at most 512`;
	if (!path.startsWith('/') || !path.endsWith('/')) return `the path ${shown(path)} must start and end with "/"; ${accepts}`;
	if (path === '//') return `the path "//" is empty between its slashes; ${accepts}`;
	for (const char of path) {
		if (/^[\u0021-\u007E]$/.test(char)) continue;
		return `the path ${shown(path)} contains ${char === ' ' ? 'a space' : shown(char)}; ${accepts}`;
	}
	return pathShape.test(path) ? null : `the path ${shown(path)} is not valid; ${accepts}`;
};

const tagChar = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u;
const TAG_CHARS = 'letters, digits, spaces and _ . : / = + - @';
const length = (text: string) => [...text].length;

const badTagChar = (label: string, value: string): Problem => {
	for (const char of value) if (!tagChar.test(char)) return `the ${label} ${shown(value)} contains ${shown(char)}; IAM accepts ${TAG_CHARS}`;
	return null;
};

export const checkTagKey = (key: string): Problem => {
	if (key.length === 0) return `a tag key is empty; IAM accepts 1–128 characters: ${TAG_CHARS}`;
	if (length(key) > 128) return `the tag key ${shown(key.slice(0, 20))}… is ${length(key)} characters long; IAM accepts at most 128`;
	if (key.toLowerCase().startsWith('aws:')) return `the tag key ${shown(key)} starts with "aws:", which AWS reserves for itself`;
	return badTagChar('tag key', key);
};

export const checkTagValue = (key: string, value: string): Problem => {
	if (length(value) > 256) return `the value of tag ${shown(key)} is ${length(value)} characters long; IAM accepts at most 256`;
	return badTagChar(`value of tag ${shown(key)}`, value);
};

/** A user's tags: at most 50, each key and value valid, no key twice (IAM compares keys ignoring case). */
export const checkTags = (tags: Tag[]): Problem => {
	if (tags.length > MAX_TAGS_PER_USER) return `${tags.length} tags given; IAM accepts at most ${MAX_TAGS_PER_USER} per user`;
	const seen = new Set<string>();
	for (const tag of tags) {
		const problem = checkTagKey(tag.Key) ?? checkTagValue(tag.Key, tag.Value);
		if (problem) return problem;
		const folded = tag.Key.toLowerCase();
		if (seen.has(folded)) return `the tag key ${shown(tag.Key)} is given twice; IAM allows each key once (ignoring case)`;
		seen.add(folded);
	}
	return null;
};

export const checkPolicyDescription = (description: string): Problem =>
	description.length > MAX_POLICY_DESCRIPTION
		? `the description is ${description.length} characters long; IAM accepts at most ${MAX_POLICY_DESCRIPTION}`
		: null;

/** The problems found, as one IamError('Invalid'); null when there are none. */
export const invalidError = (problems: Problem[]): IamError | null => {
	const found = problems.filter((p): p is string => p !== null);
	if (found.length === 0) return null;
	const hint = found.length > 1 ? `also: ${found.slice(1).join('; ')}` : 'fix it and try again';
	return new IamError('Invalid', found[0]!, hint, 'ValidationError');
};

/** Throws the IamError of invalidError when any problem was found. */
export const assertValid = (...problems: Problem[]): void => {
	const error = invalidError(problems);
	if (error) throw error;
};
