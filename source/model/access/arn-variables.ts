// Policy variables inside a Resource/NotResource ARN, substituted before the simulator reads the ARN.
//
// iam-simulate splits a policy ARN into partition, service, region, account and resource at its colons,
// and the resource part again at its first ":" or "/", and only then substitutes variables segment by
// segment. A variable holds a colon itself (${aws:username}), so it is cut in two and the pattern never
// matches: arn:aws:sqs:us-east-2:*:${aws:username}-queue denies the user their own queue. Here the
// variables whose values are known facts of the principal (user name and id, principal tags, account,
// ARN, type) are put in first, as literal text (a "*", "?" or "$" in a value written ${*}, ${?}, ${$}).
// The specials ${*}, ${?}, ${$} hold no colon: the simulator reads them right and they are left alone.
// A variable whose value only the request knows (${aws:SourceAccount}, ${s3:prefix}…) is neither a match
// nor a miss: it becomes "*" and the statement gains the condition StringLike {key: "*"} (the key must be
// in the request), which Discovery mode reports — so the answer is Conditional on that key.
// Only 2012-10-17 documents have variables (policy-version.ts keeps them literal elsewhere).
import type {EvalPolicy, EvalRequest} from './evaluator.js';
import {hasPolicyVariables} from './policy-version.js';

const VARIABLE = /\$\{([^}]*)\}/g;
const SPECIALS = new Set(['*', '?', '$']);

interface Document {
	Version?: unknown;
	Statement?: unknown;
}

/** The simulator's validated policy: a plain object holding the raw document (see @cloud-copilot/iam-policy). */
interface Validated {
	policyDocument: Document;
}

export interface Substituted {
	handle: unknown;
	/** Resource text as substituted → as written, to show patterns as the policy has them. */
	written: Map<string, string>;
	/** The variables put in from the facts given (lower-case names). */
	used: Set<string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isValidated = (handle: unknown): handle is Validated => isRecord(handle) && isRecord(handle['policyDocument']);

const literal = (value: string): string => value.replace(/[*?$]/g, c => `\${${c}}`);

/** Whether a name's value is known (present or absent) from the facts: principal tags and the user name. */
const presenceKnown = (lower: string) => lower.startsWith('aws:principaltag/') || lower === 'aws:username';

/** One resource string with the known variables put in; those only the request knows become "*" (named in `unknown`). */
export const substituteText = (text: string, facts: Map<string, string>, unknown = new Set<string>(), used = new Set<string>()): string =>
	text.replace(VARIABLE, (whole, inner: string) => {
		const comma = inner.indexOf(',');
		const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
		if (SPECIALS.has(name)) return whole;
		const value = facts.get(name.toLowerCase());
		if (value !== undefined) {
			used.add(name.toLowerCase());
			return literal(value);
		}
		// ${aws:PrincipalTag/team, 'none'}: the default stands in for a tag the principal does not have.
		const fallback = comma < 0 ? undefined : /^\s*'(.*)'\s*$/.exec(inner.slice(comma + 1))?.[1];
		if (presenceKnown(name.toLowerCase())) return fallback === undefined ? whole : literal(fallback);
		unknown.add(name);
		return '*';
	});

const needs = new WeakMap<object, boolean>();

const readsVariables = (handle: Validated): boolean => {
	let known = needs.get(handle);
	if (known === undefined) {
		const document = handle.policyDocument;
		known = hasPolicyVariables(document) && /\$\{(?![*?$]\})/.test(JSON.stringify(document.Statement ?? null));
		needs.set(handle, known);
	}
	return known;
};

interface Found {
	written: Map<string, string>;
	unknown: Set<string>;
	used: Set<string>;
}

const substituteField = (value: unknown, facts: Map<string, string>, {written, unknown, used}: Found): unknown => {
	const one = (text: unknown) => {
		if (typeof text !== 'string') return text;
		const out = substituteText(text, facts, unknown, used);
		if (out !== text) written.set(out, text);
		return out;
	};
	return Array.isArray(value) ? value.map(one) : one(value);
};

/** The statement's Condition plus StringLike {key: "*"} for each key a resource variable reads from the request. */
const withKeysRequired = (condition: unknown, keys: Set<string>): Record<string, unknown> => {
	const base = isRecord(condition) ? condition : {};
	const like = isRecord(base['StringLike']) ? {...base['StringLike']} : {};
	for (const key of keys) if (!Object.keys(like).some(k => k.toLowerCase() === key.toLowerCase())) like[key] = '*';
	return {...base, StringLike: like};
};

/** The policy as the simulator must see it for this principal (same handle when nothing changes). */
export const withPrincipalVariables = (handle: unknown, facts: Record<string, string> | undefined): Substituted => {
	const written = new Map<string, string>();
	const used = new Set<string>();
	if (!facts || !isValidated(handle) || !readsVariables(handle)) return {handle, written, used};
	const lower = new Map(Object.entries(facts).map(([k, v]) => [k.toLowerCase(), v]));
	const statementOf = (statement: unknown): unknown => {
		if (!isRecord(statement)) return statement;
		const copy: Record<string, unknown> = {...statement};
		const unknown = new Set<string>();
		for (const field of ['Resource', 'NotResource']) if (field in copy) copy[field] = substituteField(copy[field], lower, {written, unknown, used});
		return unknown.size === 0 ? copy : {...copy, Condition: withKeysRequired(copy['Condition'], unknown)};
	};
	const raw = handle.policyDocument.Statement;
	const Statement = Array.isArray(raw) ? raw.map(statementOf) : statementOf(raw);
	if (written.size === 0) return {handle, written, used};
	return {handle: {...handle, policyDocument: {...handle.policyDocument, Statement}}, written, used};
};

/** The request's policies as the simulator gets them: with the principal's (and the context's) variables put in. */
export const substituted = (request: EvalRequest) => {
	const written = new Map<string, string>();
	const used = new Set<string>();
	// Context the operator gave fills variables too (a multivalued key cannot be a variable).
	const given = Object.entries(request.context ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
	const facts = request.principalFacts ? {...Object.fromEntries(given), ...request.principalFacts} : undefined;
	const one = (p: EvalPolicy) => {
		const s = withPrincipalVariables(p.handle, facts);
		for (const [out, text] of s.written) written.set(out, text);
		for (const name of s.used) used.add(name);
		return {name: p.key, policy: s.handle};
	};
	const identity = request.policies.map(one);
	const boundary = request.boundary ? one(request.boundary) : undefined;
	// A context value that filled a variable in an ARN decided the match: say so.
	const filled = given.filter(([key]) => used.has(key.toLowerCase())).map(([key, value]) => `${key}=${value} filled \${${key}} in a resource ARN`);
	return {identity, boundary, written, filled};
};
