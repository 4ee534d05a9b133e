// Read-only mode lives in the gateway, not in the screens: a wrapped gateway refuses every mutating
// method before any request is sent. Writes are recognised by an explicit list and, so a new write
// cannot slip through when someone forgets the list, by their verb.
import {IamError} from '../model/errors.js';
import type {IamGateway} from '../model/gateway.js';

/** Gateway methods that change the account (the ones planned in DESIGN.md and any added later). */
export const MUTATING_METHODS: ReadonlySet<string> = new Set([
	'createUser',
	'deleteUser',
	'updateUser',
	'tagUser',
	'untagUser',
	'addUserToGroup',
	'removeUserFromGroup',
	'createGroup',
	'deleteGroup',
	'createAccessKey',
	'updateAccessKey',
	'deleteAccessKey',
	'createLoginProfile',
	'updateLoginProfile',
	'deleteLoginProfile',
	'deactivateMfaDevice',
	'deleteVirtualMfaDevice',
	'attachUserPolicy',
	'detachUserPolicy',
	'attachGroupPolicy',
	'detachGroupPolicy',
	'putUserPolicy',
	'deleteUserPolicy',
	'putGroupPolicy',
	'deleteGroupPolicy',
	'createPolicy',
	'deletePolicy',
	'createPolicyVersion',
	'deletePolicyVersion',
	'uploadSigningCertificate',
	'updateSigningCertificate',
	'deleteSigningCertificate',
	'applyPlan',
	'runStep',
]);

/** Verbs that read: anything else that is not in the list above is judged by WRITE_VERBS. */
const WRITE_VERBS =
	/^(create|delete|update|put|attach|detach|add|remove|upload|enable|disable|deactivate|activate|tag|untag|set|change|reset|rotate|restore|offboard|onboard|apply|run|execute|write)(?=[A-Z]|$)/;

export const isMutatingMethod = (name: string): boolean => MUTATING_METHODS.has(name) || WRITE_VERBS.test(name);

export const readOnlyError = (method: string): IamError =>
	new IamError(
		'ReadOnly',
		`read-only mode: ${method} was not sent`,
		'this profile is opened read-only (--read-only or the profile setting); open it without read-only to make changes',
		'ReadOnly',
	);

/** Wraps a gateway: reads pass through, every mutating method rejects with IamError ReadOnly. */
export const readOnlyGateway = <G extends IamGateway>(inner: G): G =>
	new Proxy(inner, {
		get(target, property, receiver) {
			if (property === 'readOnly') return true;
			const value: unknown = Reflect.get(target, property, receiver);
			if (typeof property !== 'string' || typeof value !== 'function') return value;
			if (isMutatingMethod(property)) return async () => Promise.reject(readOnlyError(property));
			return (value as (...args: unknown[]) => unknown).bind(target);
		},
	});
