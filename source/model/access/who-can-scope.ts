// Who-can on a wildcard resource (the default, *): what a principal's grant does not cover — the resources
// it is limited to, and whether a deny cuts into it — so "Allowed" on * never reads as allowed on every
// resource (as `can` and Explain say it, explain.ts scopeLines). Known per evaluation set, from the
// simulator's answers: nothing is evaluated again, and an entry is copied only when there is something to say.
import type {EvalSet} from './eval-sets.js';
import {grantsAccess, type EvalAnswer, type EvalFailure} from './evaluator.js';
import type {WhoCanEntry} from './types.js';

interface SetScope {
	/** The resource patterns the set's grants cover; undefined when one covers every resource. */
	resources: string[] | undefined;
	partlyDenied: boolean;
}

const scopeOfSet = (answers: ReadonlyArray<EvalAnswer | EvalFailure>): SetScope => {
	const patterns = new Set<string>();
	let everything = false;
	let partlyDenied = false;
	for (const answer of answers) {
		if (!grantsAccess(answer)) continue;
		if (answer.resourcePatterns.length === 0 || answer.resourcePatterns.includes('*')) everything = true;
		for (const pattern of answer.resourcePatterns) patterns.add(pattern);
		if (answer.partialDenies.length > 0) partlyDenied = true;
	}
	return {resources: everything ? undefined : [...patterns], partlyDenied};
};

/**
 * For a wildcard resource, the entry of a principal evaluated in `principalSets`, with `resources` and
 * `partlyDenied` set when its grants say so; any other entry as it is.
 */
export const scopedEntries = (resource: string, settled: Array<Array<EvalAnswer | EvalFailure>>) => {
	if (!resource.includes('*')) return (entry: WhoCanEntry): WhoCanEntry => entry;
	const scopes = settled.map(scopeOfSet);
	return (entry: WhoCanEntry, principalSets: Array<EvalSet | undefined> = []): WhoCanEntry => {
		let resources: Set<string> | undefined;
		let everything = false;
		let partlyDenied = false;
		for (const set of principalSets) {
			if (!set) continue;
			const scope = scopes[set.index]!;
			partlyDenied ||= scope.partlyDenied;
			if (!scope.resources) everything = true;
			else for (const pattern of scope.resources) (resources ??= new Set()).add(pattern);
		}
		const limited = !everything && resources !== undefined && resources.size > 0;
		if (!limited && !partlyDenied) return entry;
		return {...entry, ...scopeFields({resources: limited ? [...resources!] : undefined, partlyDenied})};
	};
};

/**
 * A role's grant on `resource` (roleGrantOf), from the answers that granted it: both fields always present
 * (undefined when it covers every resource or the resource is not a wildcard), so every grant has one shape.
 */
export const scopeOfGrant = (resource: string, answers: readonly EvalAnswer[]): {resources: string[] | undefined; partlyDenied: true | undefined} => {
	if (!resource.includes('*')) return {resources: undefined, partlyDenied: undefined};
	const scope = scopeOfSet(answers);
	return {resources: scope.resources && scope.resources.length > 0 ? scope.resources : undefined, partlyDenied: scope.partlyDenied ? true : undefined};
};

/** What grants reached by one principal cover on a wildcard resource: patterns (undefined: every resource). */
export interface Scope {
	resources: string[] | undefined;
	partlyDenied: boolean;
}

export const EVERYWHERE: Scope = {resources: undefined, partlyDenied: false};

export const scopeOf = (entry: {resources?: string[] | undefined; partlyDenied?: boolean | undefined}): Scope =>
	entry.resources || entry.partlyDenied ? {resources: entry.resources, partlyDenied: entry.partlyDenied === true} : EVERYWHERE;

/** Both principals' reach together (as scopedEntries joins evaluation sets: a deny in either is said). */
export const joinScopes = (a: Scope, b: Scope): Scope => {
	if (a === b) return a;
	const resources = a.resources && b.resources ? [...new Set([...a.resources, ...b.resources])] : undefined;
	const partlyDenied = a.partlyDenied || b.partlyDenied;
	return resources || partlyDenied ? {resources, partlyDenied} : EVERYWHERE;
};

/** The optional fields an entry or a role path carries for a scope: present only when they say something. */
export const scopeFields = (scope: {resources?: string[] | undefined; partlyDenied?: boolean | undefined}): {resources?: string[]; partlyDenied?: true} => ({
	...(scope.resources ? {resources: scope.resources} : {}),
	...(scope.partlyDenied ? {partlyDenied: true} : {}),
});

/** `entry` saying `scope` (and nothing it said before). */
export const withScope = (entry: WhoCanEntry, scope: Scope): WhoCanEntry => {
	const {resources: _resources, partlyDenied: _partlyDenied, ...rest} = entry;
	return {...rest, ...scopeFields(scope)};
};
