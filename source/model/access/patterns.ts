// Statement shapes read straight from policy JSON, for the cheap work that needs no simulator:
// the "could this policy allow that action at all?" prefilter, the Access view, the admin badge.

export interface ParsedStatement {
	/** 1-based, as the simulator counts. */
	index: number;
	sid?: string;
	effect: 'Allow' | 'Deny';
	actions?: string[];
	notActions?: string[];
	resources?: string[];
	notResources?: string[];
	hasCondition: boolean;
}

const strings = (value: unknown): string[] | undefined => {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
	return undefined;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A parsed document's Statement entries as listed, whatever their shape (one alone is a list of one). */
export const statementEntries = (document: unknown): unknown[] => {
	if (!isRecord(document)) return [];
	const raw = document['Statement'];
	return Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
};

/** The statements of a parsed policy document; malformed entries are skipped (validation reports them). */
export const parseStatements = (document: unknown): ParsedStatement[] => {
	const statements: ParsedStatement[] = [];
	statementEntries(document).forEach((entry, i) => {
		if (!isRecord(entry)) return;
		const effect = entry['Effect'];
		if (effect !== 'Allow' && effect !== 'Deny') return;
		const sid = typeof entry['Sid'] === 'string' ? entry['Sid'] : undefined;
		const statement: ParsedStatement = {index: i + 1, effect, hasCondition: isRecord(entry['Condition'])};
		if (sid !== undefined) statement.sid = sid;
		const actions = strings(entry['Action']);
		const notActions = strings(entry['NotAction']);
		const resources = strings(entry['Resource']);
		const notResources = strings(entry['NotResource']);
		if (actions) statement.actions = actions;
		if (notActions) statement.notActions = notActions;
		if (resources) statement.resources = resources;
		if (notResources) statement.notResources = notResources;
		statements.push(statement);
	});
	return statements;
};

const escape = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, '\\$&');

/** An IAM action pattern (`*`, `?`, case-insensitive) as a RegExp. */
export const actionPattern = (pattern: string): RegExp =>
	new RegExp(`^${escape(pattern).replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');

// Printable ASCII: there the RegExp's case-insensitive test is a lower-case comparison and '.' matches
// any character, so a plain wildcard match gives its answer without compiling a RegExp per call.
const PLAIN = /^[\x20-\x7e]*$/;

/** `*` and `?` wildcard match of lower-cased printable ASCII text (backtracking to the last `*`). */
const wildcardMatch = (pattern: string, text: string): boolean => {
	let p = 0;
	let t = 0;
	let star = -1;
	let resume = 0;
	while (t < text.length) {
		const c = pattern.charCodeAt(p);
		if (p < pattern.length && (c === 63 || c === text.charCodeAt(t))) {
			p++;
			t++;
		} else if (c === 42) {
			star = p++;
			resume = t;
		} else if (star >= 0) {
			p = star + 1;
			t = ++resume;
		} else return false;
	}
	while (pattern.charCodeAt(p) === 42) p++;
	return p === pattern.length;
};

export const actionMatches = (pattern: string, action: string): boolean => {
	if (pattern === '*') return true;
	if (PLAIN.test(pattern) && PLAIN.test(action)) return wildcardMatch(pattern.toLowerCase(), action.toLowerCase());
	return actionPattern(pattern).test(action);
};

/** Whether the statement's Action (or NotAction) takes in the action, whatever its resource and conditions. */
export const statementMatches = (s: ParsedStatement, action: string): boolean =>
	s.notActions ? !s.notActions.some(p => actionMatches(p, action)) : (s.actions ?? []).some(p => actionMatches(p, action));

/** Whether any statement (Allow, and any at all) can match the action, whatever the resource. */
export const actionReach = (statements: ParsedStatement[], action: string): {allow: boolean; any: boolean} => {
	const matching = statements.filter(s => statementMatches(s, action));
	return {allow: matching.some(s => s.effect === 'Allow'), any: matching.length > 0};
};

/** The service part of an action pattern, lower-cased; '*' for a bare wildcard. */
export const serviceOf = (pattern: string): string => {
	const colon = pattern.indexOf(':');
	return colon < 0 ? '*' : pattern.slice(0, colon).toLowerCase();
};

/** An unconditional allow of every action on every resource. */
export const isAllowAll = (s: ParsedStatement): boolean =>
	s.effect === 'Allow' &&
	!s.hasCondition &&
	!s.notResources &&
	(s.actions ?? []).some(a => a === '*' || a === '*:*') &&
	(s.resources ?? []).includes('*');

/** Text mentions a principal fact (aws:username, aws:userid, aws:Principal…): answers differ per user. */
export const usesPrincipalFacts = (documentText: string): boolean =>
	/aws:(username|userid|principal)/i.test(documentText);
