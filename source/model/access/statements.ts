// Distinct statements across the account's policies. An identity-policy decision is a function of the
// statements that can match the action, each judged on its own (any matching deny wins, then any
// matching allow), whichever policy holds them. So who-can hands the simulator each distinct set of
// matching statements once — as one-statement policies — however many policies and principals hold
// them, and maps the statements of its answer back to every place that holds them.
import {preparePolicy, type EvalPolicy} from './evaluator.js';
import type {ReadDocument} from './model.js';
import {actionPattern, serviceOf, usesPrincipalFacts, type ParsedStatement} from './patterns.js';

export interface DistinctStatement {
	id: number;
	effect: 'Allow' | 'Deny';
	/** Reads principal facts (aws:username, tags…): its answer differs per principal. */
	usesFacts: boolean;
	/**
	 * Reads only ${aws:username} / ${aws:userid}, and only in Resource/NotResource. Asked about resource
	 * "*", its answer is then the same for every user: names and ids hold no wildcard, no "/" and no ":",
	 * so whichever user's is put in, the pattern covers resources of the same types.
	 */
	nameInResourceOnly: boolean;
	/**
	 * Names an account or an organization (an account id, aws:ResourceAccount, aws:PrincipalOrgID…): its
	 * answer may differ between accounts, so accounts sharing statements keep their own (shared-knowledge.ts).
	 */
	readsAccount: boolean;
	/** The principal facts it names (lower-cased: aws:username, aws:principaltag/team…), when usesFacts. */
	factKeys: string[];
	/** Whether the statement's Action/NotAction can match the action (catalogue spelling). */
	matches(action: string): boolean;
	/** The statement alone as a policy (same Version, no Sid), for the simulator. */
	document: Record<string, unknown>;
	/** Validated on first use; null when the simulator refuses it alone (then who-can falls back). */
	prepared?: EvalPolicy | null;
}

export interface StatementCatalogue {
	all: DistinctStatement[];
	byText: Map<string, DistinctStatement>;
	/** Lower-cased service prefix → statements whose Action names it; '*' → those that can match any service. */
	byService: Map<string, DistinctStatement[]>;
}

export const emptyCatalogue = (): StatementCatalogue => ({all: [], byText: new Map(), byService: new Map()});

export const STATEMENT_KEY_PREFIX = 'statement:';

const NO_KEYS: string[] = [];

const matcherOf = (statement: ParsedStatement): ((action: string) => boolean) => {
	const patterns = (statement.notActions ?? statement.actions ?? []).map(p => (p === '*' ? undefined : actionPattern(p)));
	const any = (action: string) => patterns.some(p => p === undefined || p.test(action));
	return statement.notActions ? action => !any(action) : any;
};

// A NotAction statement, or a pattern without a plain service prefix, may match any service.
const servicesOf = (statement: ParsedStatement): string[] => {
	if (statement.notActions) return ['*'];
	const services = (statement.actions ?? []).map(serviceOf).map(s => (/[*?]/.test(s) ? '*' : s));
	return [...new Set(services)];
};

const READS_ACCOUNT = /\d{12}|account|orgid|orgpaths/i;

const NAME_VARIABLES = /\$\{aws:(username|userid)\}/gi;

// A fact named as a condition key ("aws:PrincipalTag/team") or a variable (${aws:PrincipalTag/team} or
// ${aws:PrincipalTag/team, 'default'}): a tag key holds no '"', '}' or ','.
const FACT_NAMES = /aws:(?:username|userid|principal[a-z]*)(?:\/[^"},]*)?/gi;

const factKeysOf = (text: string): string[] => [...new Set([...text.matchAll(FACT_NAMES)].map(m => m[0].trim().toLowerCase()))];

const readsNameInResourceOnly = (statement: Record<string, unknown>): boolean => {
	const {Resource, NotResource, ...others} = statement;
	if (usesPrincipalFacts(JSON.stringify(others))) return false;
	return !usesPrincipalFacts(JSON.stringify([Resource, NotResource]).replace(NAME_VARIABLES, ''));
};

const add = (catalogue: StatementCatalogue, version: unknown, raw: Record<string, unknown>, parsed: ParsedStatement): DistinctStatement => {
	const {Sid: _sid, ...rest} = raw;
	const document: Record<string, unknown> = version === undefined ? {Statement: [rest]} : {Version: version, Statement: [rest]};
	const text = JSON.stringify(document);
	const known = catalogue.byText.get(text);
	if (known) return known;
	const statement: DistinctStatement = {
		id: catalogue.all.length,
		effect: parsed.effect,
		usesFacts: usesPrincipalFacts(text),
		nameInResourceOnly: readsNameInResourceOnly(rest),
		readsAccount: READS_ACCOUNT.test(text),
		factKeys: NO_KEYS,
		matches: matcherOf(parsed),
		document,
	};
	if (statement.usesFacts) statement.factKeys = factKeysOf(text);
	catalogue.all.push(statement);
	catalogue.byText.set(text, statement);
	for (const service of servicesOf(parsed)) {
		const list = catalogue.byService.get(service);
		if (list) list.push(statement);
		else catalogue.byService.set(service, [statement]);
	}
	return statement;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The distinct statement of each of a (validated) document's statements, aligned with `read.statements`. */
export const statementsOf = (catalogue: StatementCatalogue, read: ReadDocument): DistinctStatement[] => {
	if (read.statementIds) return read.statementIds.map(id => catalogue.all[id]!);
	const document = isRecord(read.parsed) ? read.parsed : {};
	const raw = document['Statement'];
	const list = Array.isArray(raw) ? raw : [raw];
	const found = read.statements.map(parsed => add(catalogue, document['Version'], list[parsed.index - 1] as Record<string, unknown>, parsed));
	read.statementIds = found.map(s => s.id);
	return found;
};

/** The statement as a one-statement policy for the simulator, or null if it refuses it. */
export const preparedStatement = (statement: DistinctStatement): EvalPolicy | null => {
	if (statement.prepared === undefined) {
		const prepared = preparePolicy(statement.document);
		statement.prepared = prepared.ok ? {key: `${STATEMENT_KEY_PREFIX}${statement.id}`, handle: prepared.handle} : null;
	}
	return statement.prepared;
};

/** Statement id from an evaluator policy key made by preparedStatement, else undefined. */
export const statementIdOf = (policyKey: string): number | undefined =>
	policyKey.startsWith(STATEMENT_KEY_PREFIX) ? Number(policyKey.slice(STATEMENT_KEY_PREFIX.length)) : undefined;

/** Every distinct statement whose Action/NotAction can match the action. */
export const statementsMatching = (catalogue: StatementCatalogue, action: string): DistinctStatement[] => {
	const service = serviceOf(action);
	const candidates = [...(catalogue.byService.get(service) ?? []), ...(service === '*' ? [] : (catalogue.byService.get('*') ?? []))];
	return candidates.filter(s => s.matches(action));
};
