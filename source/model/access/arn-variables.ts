// Policy variables inside a Resource/NotResource ARN, substituted before the simulator reads the ARN.
//
// iam-simulate splits a policy ARN into partition, service, region, account and resource at its colons,
// and the resource part again at its first ":" or "/", and only then substitutes variables segment by
// segment. A variable holds a colon itself (${aws:username}), so it is cut in two and the pattern never
// matches: arn:aws:sqs:us-east-2:*:${aws:username}-queue denies the user their own queue. Here the
// variables whose values are known facts of the principal (user name and id, principal tags, account,
// ARN, type) are put in first, as literal text (a "*", "?" or "$" in a value written ${*}, ${?}, ${$}).
// The specials ${*}, ${?}, ${$} hold no colon: the simulator reads them right and they are left alone.
// Only 2012-10-17 documents have variables (policy-version.ts keeps them literal elsewhere).
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
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isValidated = (handle: unknown): handle is Validated => isRecord(handle) && isRecord(handle['policyDocument']);

const literal = (value: string): string => value.replace(/[*?$]/g, c => `\${${c}}`);

/** Whether a name's value is known (present or absent) from the facts: principal tags and the user name. */
const presenceKnown = (lower: string) => lower.startsWith('aws:principaltag/') || lower === 'aws:username';

/** One resource string with the known variables put in; unknown ones stay for the simulator. */
export const substituteText = (text: string, facts: Map<string, string>): string =>
	text.replace(VARIABLE, (whole, inner: string) => {
		const comma = inner.indexOf(',');
		const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
		if (SPECIALS.has(name)) return whole;
		const value = facts.get(name.toLowerCase());
		if (value !== undefined) return literal(value);
		// ${aws:PrincipalTag/team, 'none'}: the default stands in for a tag the principal does not have.
		const fallback = comma < 0 ? undefined : /^\s*'(.*)'\s*$/.exec(inner.slice(comma + 1))?.[1];
		return fallback !== undefined && presenceKnown(name.toLowerCase()) ? literal(fallback) : whole;
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

const substituteField = (value: unknown, facts: Map<string, string>, written: Map<string, string>): unknown => {
	const one = (text: unknown) => {
		if (typeof text !== 'string') return text;
		const out = substituteText(text, facts);
		if (out !== text) written.set(out, text);
		return out;
	};
	return Array.isArray(value) ? value.map(one) : one(value);
};

/** The policy as the simulator must see it for this principal (same handle when nothing changes). */
export const withPrincipalVariables = (handle: unknown, facts: Record<string, string> | undefined): Substituted => {
	const written = new Map<string, string>();
	if (!facts || !isValidated(handle) || !readsVariables(handle)) return {handle, written};
	const lower = new Map(Object.entries(facts).map(([k, v]) => [k.toLowerCase(), v]));
	const statementOf = (statement: unknown): unknown => {
		if (!isRecord(statement)) return statement;
		const copy: Record<string, unknown> = {...statement};
		for (const field of ['Resource', 'NotResource']) if (field in copy) copy[field] = substituteField(copy[field], lower, written);
		return copy;
	};
	const raw = handle.policyDocument.Statement;
	const Statement = Array.isArray(raw) ? raw.map(statementOf) : statementOf(raw);
	if (written.size === 0) return {handle, written};
	return {handle: {...handle, policyDocument: {...handle.policyDocument, Statement}}, written};
};
