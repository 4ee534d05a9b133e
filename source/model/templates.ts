// Policy templates: a policy document plus what an operator needs to choose and fill it (title,
// description, where it comes from, parameters). Placeholders are `${name}` inside strings (keys
// too); IAM's own policy variables (`${aws:username}`, `${*}`) contain no bare name and pass through.
import {z} from 'zod';
import {IamError} from './errors.js';
import {parseJsonText} from './json-text.js';
import {unsafePatternReason} from './pattern-safety.js';
import {checkPolicyDocument} from './policy-document.js';

export interface TemplateParameter {
	name: string;
	description: string;
	example?: string;
	/** A regular expression the whole value must match. */
	pattern?: string;
}

export interface PolicyTemplate {
	/** File name without .json. */
	id: string;
	title: string;
	description: string;
	/** Where the policy comes from: an AWS documentation page, a tool's documentation, or "iamtui". */
	source: string;
	parameters: TemplateParameter[];
	document: unknown;
	notes: string[];
}

export type RenderResult = {ok: true; document: string} | {ok: false; problems: string[]};

const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const PLACEHOLDER = /\$\{([A-Za-z][A-Za-z0-9_]*)\}/g;

const text = (field: string) => z.string({error: `${field} must be a string`}).trim().min(1, {error: `${field} must not be empty`});

const parameterShape = z.strictObject({
	name: text('parameter name').regex(PARAMETER_NAME, {error: 'parameter name must start with a letter and hold only letters, digits and _'}),
	description: text('parameter description'),
	example: z.string({error: 'parameter example must be a string'}).optional(),
	pattern: z.string({error: 'parameter pattern must be a string'}).optional(),
});

const templateShape = z.strictObject({
	title: text('title'),
	description: text('description'),
	source: text('source'),
	parameters: z.array(parameterShape, {error: 'parameters must be a list'}).default([]),
	document: z.record(z.string(), z.unknown(), {error: 'document must be a policy document object'}),
	notes: z.array(z.string(), {error: 'notes must be a list of strings'}).default([]),
});

/** Every string in the document, keys included. */
const strings = (value: unknown): string[] => {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
	return [];
};

const placeholdersIn = (document: unknown): Set<string> =>
	new Set(strings(document).flatMap(s => [...s.matchAll(PLACEHOLDER)].map(m => m[1]!)));

/** Values longer than this are refused before any pattern runs: a bound on matching time too. */
const MAX_VALUE_LENGTH = 2048;

/** The pattern as a whole-value regex, or why it cannot be used (invalid, or may backtrack for ever). */
const compile = (name: string, pattern: string): {ok: true; regex: RegExp} | {ok: false; problem: string} => {
	let regex: RegExp;
	try {
		regex = new RegExp(`^(?:${pattern})$`);
	} catch {
		return {ok: false, problem: `parameter "${name}" has a pattern that is not a valid regular expression`};
	}
	const unsafe = unsafePatternReason(pattern);
	if (unsafe) return {ok: false, problem: `parameter "${name}" has a pattern that could take exponential time to match (${unsafe}); write it without the nesting`};
	return {ok: true, regex};
};

const consistencyProblems = (parameters: TemplateParameter[], document: unknown): string[] => {
	const problems: string[] = [];
	const names = parameters.map(p => p.name);
	const used = placeholdersIn(document);
	for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) problems.push(`parameter "${name}" is declared twice`);
	for (const name of used) if (!names.includes(name)) problems.push(`the document uses \${${name}} but no parameter "${name}" is declared`);
	for (const p of parameters) {
		if (!used.has(p.name)) problems.push(`parameter "${p.name}" is declared but the document never uses \${${p.name}}`);
		const pattern = p.pattern === undefined ? undefined : compile(p.name, p.pattern);
		if (pattern && !pattern.ok) problems.push(pattern.problem);
		else if (pattern && p.example !== undefined && (p.example.length > MAX_VALUE_LENGTH || !pattern.regex.test(p.example)))
			problems.push(`parameter "${p.name}": its example "${p.example}" does not match its own pattern`);
	}
	return problems;
};

const invalid = (id: string, problems: string[]) =>
	new IamError('Invalid', `template "${id}" is not valid: ${problems.join('; ')}`, 'fix the template file: {title, description, source, parameters, document, notes?}');

/** Read a template file's text; throws IamError('Invalid') naming what is wrong. */
export const parseTemplate = (id: string, raw: string): PolicyTemplate => {
	const parsed = parseJsonText(raw);
	if (!parsed.ok) throw invalid(id, [parsed.message.replace(/\.$/, '')]);
	const shape = templateShape.safeParse(parsed.value);
	if (!shape.success) {
		throw invalid(id, shape.error.issues.map(i => (i.code === 'unrecognized_keys' ? `unknown keys ${i.keys.map(k => `"${k}"`).join(', ')}` : i.message)));
	}
	const {title, description, source, document, notes} = shape.data;
	const parameters: TemplateParameter[] = shape.data.parameters.map(p => ({
		name: p.name,
		description: p.description,
		...(p.example === undefined ? {} : {example: p.example}),
		...(p.pattern === undefined ? {} : {pattern: p.pattern}),
	}));
	const problems = consistencyProblems(parameters, document);
	if (problems.length > 0) throw invalid(id, problems);
	return {id, title, description, source, parameters, document, notes};
};

// Values are looked up in a Map of the caller's own entries: a parameter named "constructor" or
// "toString" must not find Object.prototype's.
const valueProblems = (template: PolicyTemplate, values: ReadonlyMap<string, string>): string[] => {
	const problems: string[] = [];
	const names = template.parameters.map(p => p.name);
	for (const given of values.keys()) {
		if (!names.includes(given)) {
			const takes = names.length === 0 ? 'it takes no parameters' : `it takes ${names.map(n => `"${n}"`).join(', ')}`;
			problems.push(`Unknown parameter "${given}" for template "${template.id}": ${takes}.`);
		}
	}
	for (const p of template.parameters) {
		const value = values.get(p.name);
		const example = p.example === undefined ? '' : ` (e.g. "${p.example}")`;
		if (value === undefined || value.trim() === '') {
			problems.push(`Parameter "${p.name}" is missing: give ${p.description.replace(/\.$/, '')}${example}.`);
			continue;
		}
		if (value.length > MAX_VALUE_LENGTH) {
			problems.push(`Parameter "${p.name}" is ${value.length} characters long; a template parameter may be at most ${MAX_VALUE_LENGTH}.`);
			continue;
		}
		const pattern = p.pattern === undefined ? undefined : compile(p.name, p.pattern);
		if (pattern && !pattern.ok) problems.push(`The template's ${pattern.problem}.`);
		else if (pattern && !pattern.regex.test(value)) {
			problems.push(`Parameter "${p.name}": "${value}" is not valid — ${p.description.replace(/\.$/, '')}${example}; it must match ${p.pattern}.`);
		}
	}
	return problems;
};

const fill = (value: unknown, values: ReadonlyMap<string, string>): unknown => {
	const replace = (s: string) => s.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole);
	if (typeof value === 'string') return replace(value);
	if (Array.isArray(value)) return value.map(v => fill(v, values));
	if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [replace(k), fill(v, values)]));
	return value;
};

/** Fill the placeholders and check the result as a managed policy; returns the compact JSON to send. */
export const renderTemplate = (template: PolicyTemplate, values: Record<string, string>): RenderResult => {
	const given = new Map(Object.entries(values));
	const problems = valueProblems(template, given);
	if (problems.length > 0) return {ok: false, problems};
	const declared = new Map(template.parameters.map(p => [p.name, given.get(p.name)!]));
	return checkPolicyDocument(JSON.stringify(fill(template.document, declared)), 'managed');
};
