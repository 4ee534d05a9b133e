// A role's trust policy (AssumeRolePolicyDocument) read into statements of principals, actions and conditions.
// Pure, and never throws: a malformed document yields the statements it could read plus `problems` that say what
// was wrong, so a screen shows "malformed" instead of dropping the role or crashing.

export type TrustPrincipalKind = 'account' | 'user' | 'role' | 'service' | 'federated' | 'anyone' | 'unknown';

export interface TrustPrincipal {
	kind: TrustPrincipalKind;
	/** account: the account id; user/role: the name; service/federated: as written; anyone: '*'; unknown: as written. */
	value: string;
	/** The account an ARN or account principal names (absent for services, '*' and unknown forms). */
	accountId?: string;
	/** The principal exactly as the document wrote it (an ARN, an id, a service name). */
	raw: string;
}

export interface TrustCondition {
	operator: string;
	key: string;
	values: string[];
}

export interface TrustStatement {
	sid?: string;
	effect: string;
	principals: TrustPrincipal[];
	/** Set when the statement uses NotPrincipal (everyone except these). */
	notPrincipal?: TrustPrincipal[];
	actions: string[];
	/** Set when the statement uses NotAction. */
	notActions?: string[];
	conditions: TrustCondition[];
}

export interface TrustDocument {
	statements: TrustStatement[];
	/** What could not be read (empty for a well-formed document). */
	problems: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const strings = (v: unknown): string[] => {
	if (v === undefined || v === null) return [];
	const list = Array.isArray(v) ? v : [v];
	return list.map(x => (typeof x === 'string' ? x : JSON.stringify(x) ?? String(x)));
};

const ACCOUNT_ID = /^\d{12}$/;
// arn:PARTITION:iam::ACCOUNT:(root|user/...|role/...|saml-provider/...|oidc-provider/...)
const IAM_ARN = /^arn:[\w-]+:iam::(\d{12}):(.+)$/;

/** One entry under Principal.AWS: an account id, an account root, a user or role ARN, or something else. */
export const parseAwsPrincipal = (raw: string): TrustPrincipal => {
	if (raw === '*') return {kind: 'anyone', value: '*', raw};
	if (ACCOUNT_ID.test(raw)) return {kind: 'account', value: raw, accountId: raw, raw};
	const m = IAM_ARN.exec(raw);
	if (m) {
		const [, accountId, resource] = m as unknown as [string, string, string];
		if (resource === 'root') return {kind: 'account', value: accountId, accountId, raw};
		const slash = resource.indexOf('/');
		const type = slash < 0 ? resource : resource.slice(0, slash);
		const name = resource.slice(resource.lastIndexOf('/') + 1);
		if ((type === 'user' || type === 'role') && name) return {kind: type, value: name, accountId, raw};
	}
	// Unique ids (AIDA…/AROA…: what IAM leaves after the named user or role was deleted), STS session ARNs, typos.
	return {kind: 'unknown', value: raw, raw};
};

const federatedAccount = (raw: string): string | undefined => IAM_ARN.exec(raw)?.[1];

/** Principal (or NotPrincipal) of one statement → principals; problems are pushed for forms we do not know. */
export const parsePrincipalBlock = (block: unknown, problems: string[]): TrustPrincipal[] => {
	if (block === '*') return [{kind: 'anyone', value: '*', raw: '*'}];
	if (!isRecord(block)) {
		problems.push(`a Principal that is neither "*" nor an object: ${JSON.stringify(block) ?? String(block)}`);
		return [];
	}
	const out: TrustPrincipal[] = [];
	for (const [type, value] of Object.entries(block)) {
		for (const raw of strings(value)) {
			if (type === 'AWS') out.push(parseAwsPrincipal(raw));
			else if (type === 'Service') out.push({kind: 'service', value: raw, raw});
			else if (type === 'Federated') {
				// IAM refuses it on write; an export can still carry one: said, and shown as "no provider".
				if (raw.trim() === '') problems.push('a Federated principal without a provider');
				const accountId = federatedAccount(raw);
				out.push({kind: 'federated', value: raw, raw, ...(accountId ? {accountId} : {})});
			} else out.push({kind: 'unknown', value: `${type}: ${raw}`, raw});
		}
		if (strings(value).length === 0) problems.push(`an empty "${type}" principal`);
	}
	return out;
};

const parseConditions = (block: unknown, problems: string[]): TrustCondition[] => {
	if (block === undefined) return [];
	if (!isRecord(block)) {
		problems.push('a Condition that is not an object');
		return [];
	}
	const out: TrustCondition[] = [];
	for (const [operator, keys] of Object.entries(block)) {
		if (!isRecord(keys)) {
			problems.push(`condition ${operator} is not an object of keys`);
			continue;
		}
		for (const [key, values] of Object.entries(keys)) out.push({operator, key, values: strings(values)});
	}
	return out;
};

const parseStatement = (raw: unknown, index: number, problems: string[]): TrustStatement | undefined => {
	if (!isRecord(raw)) {
		problems.push(`statement ${index + 1} is not an object`);
		return undefined;
	}
	const effect = typeof raw['Effect'] === 'string' ? raw['Effect'] : '';
	if (effect !== 'Allow' && effect !== 'Deny') problems.push(`statement ${index + 1} has no valid Effect`);
	const statement: TrustStatement = {
		effect,
		principals: raw['Principal'] === undefined ? [] : parsePrincipalBlock(raw['Principal'], problems),
		actions: strings(raw['Action']),
		conditions: parseConditions(raw['Condition'], problems),
	};
	if (typeof raw['Sid'] === 'string' && raw['Sid']) statement.sid = raw['Sid'];
	if (raw['NotPrincipal'] !== undefined) statement.notPrincipal = parsePrincipalBlock(raw['NotPrincipal'], problems);
	if (raw['NotAction'] !== undefined) statement.notActions = strings(raw['NotAction']);
	if (raw['Principal'] === undefined && raw['NotPrincipal'] === undefined) problems.push(`statement ${index + 1} names no principal`);
	return statement;
};

/** Reads a trust policy given as JSON text (as the snapshot keeps it) or as an already parsed object. */
export const parseTrustPolicy = (document: string | unknown): TrustDocument => {
	const problems: string[] = [];
	let parsed: unknown = document;
	if (typeof document === 'string') {
		if (document.trim() === '') return {statements: [], problems: ['no trust policy']};
		try {
			parsed = JSON.parse(document);
		} catch {
			return {statements: [], problems: ['the trust policy is not valid JSON']};
		}
	}
	if (!isRecord(parsed)) return {statements: [], problems: ['the trust policy is not a JSON object']};
	const raw = parsed['Statement'];
	if (raw === undefined) return {statements: [], problems: ['the trust policy has no Statement']};
	const list = Array.isArray(raw) ? raw : [raw];
	const statements: TrustStatement[] = [];
	list.forEach((s, i) => {
		const statement = parseStatement(s, i, problems);
		if (statement) statements.push(statement);
	});
	return {statements, problems};
};

/** The account id in an IAM ARN (a role's own account), or undefined. */
export const accountOfArn = (arn: string): string | undefined => /^arn:[\w-]+:[\w-]*:[\w-]*:(\d{12}):/.exec(arn)?.[1];

/** A principal in a few words, as the Roles list shows it: "account", "user ana", "* (anyone!)", … */
export const principalShort = (p: TrustPrincipal, ownAccountId?: string): string => {
	const foreign = p.accountId !== undefined && ownAccountId !== undefined && p.accountId !== ownAccountId;
	switch (p.kind) {
		case 'anyone':
			return '* (anyone!)';
		case 'account':
			return foreign ? `other account ${p.value}` : 'account';
		case 'user':
		case 'role':
			return foreign ? `${p.kind} ${p.value} (account ${p.accountId})` : `${p.kind} ${p.value}`;
		case 'service':
			return p.value;
		case 'federated':
			return p.value ? `federated ${p.value}` : 'federated (no provider)';
		case 'unknown':
			return `unknown ${p.value}`;
	}
};

/** Every Allow statement's principals in short, without repeats; NotPrincipal reads as "anyone except …". */
export const trustedShort = (doc: TrustDocument, ownAccountId?: string): string[] => {
	const seen = new Set<string>();
	for (const s of doc.statements) {
		if (s.effect !== 'Allow') continue;
		for (const p of s.principals) seen.add(principalShort(p, ownAccountId));
		if (s.notPrincipal) seen.add(`* (anyone!) except ${s.notPrincipal.map(p => principalShort(p, ownAccountId)).join(', ') || '(an unreadable NotPrincipal)'}`);
	}
	if (doc.problems.length > 0 && doc.statements.length === 0) seen.add('(malformed trust policy)');
	return [...seen];
};

/** A condition as one line: "Bool aws:MultiFactorAuthPresent = true". */
export const conditionText = (c: TrustCondition): string => `${c.operator} ${c.key} = ${c.values.join(' | ')}`;
