// Read-only mode lives in the gateway, not in the screens: a wrapped gateway refuses every mutating
// method before any request is sent. Writes are recognised by an explicit list and, so a new write
// cannot slip through when someone forgets the list, by their verb.
import {IamError} from '../model/errors.js';
import type {ConnectionHooks, ConnectionSettings, IamGateway, WriteName} from '../model/gateway.js';
import {wrapGateway} from './wrap-gateway.js';

/**
 * Every IamWrites method. `satisfies Record<WriteName, true>` makes the build fail when a write is added
 * to the interface and not here, so the list cannot fall behind.
 */
const IAM_WRITES = {
	addUserToGroup: true,
	removeUserFromGroup: true,
	createUser: true,
	deleteUser: true,
	tagUser: true,
	untagUser: true,
	createLoginProfile: true,
	updateLoginProfile: true,
	deleteLoginProfile: true,
	createAccessKey: true,
	updateAccessKey: true,
	deleteAccessKey: true,
	createGroup: true,
	deleteGroup: true,
	attachUserPolicy: true,
	detachUserPolicy: true,
	attachGroupPolicy: true,
	detachGroupPolicy: true,
	createPolicy: true,
	deletePolicy: true,
	deletePolicyVersion: true,
	putUserPolicy: true,
	deleteUserPolicy: true,
	putGroupPolicy: true,
	deleteGroupPolicy: true,
	putUserPermissionsBoundary: true,
	deleteUserPermissionsBoundary: true,
	uploadSigningCertificate: true,
	updateSigningCertificate: true,
	deleteSigningCertificate: true,
	deactivateMfaDevice: true,
	deleteVirtualMfaDevice: true,
	deleteSshPublicKey: true,
	deleteServiceSpecificCredential: true,
	attachRolePolicy: true,
	detachRolePolicy: true,
	putRolePolicy: true,
	deleteRolePolicy: true,
	updateAssumeRolePolicy: true,
} as const satisfies Record<WriteName, true>;

/** Gateway methods that change the account: every IamWrites method. */
export const MUTATING_METHODS: ReadonlySet<string> = new Set(Object.keys(IAM_WRITES));

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
	wrapGateway(inner, true, (name, own) =>
		// A write is refused even when the inner gateway lacks it (the offline file gateway has none).
		(typeof own === 'function' || own === undefined) && isMutatingMethod(name) ? async () => Promise.reject(readOnlyError(name)) : own,
	);

/**
 * The one place the app turns settings into a gateway. Read-only belongs to the session: when the session
 * (or the profile) is read-only, whatever connect() returned — lazy, failed, or a connect that forgot the
 * flag — is wrapped, so no path that builds a gateway can leave it writable.
 */
export const connectGuarded = (
	connect: (settings: ConnectionSettings, hooks: ConnectionHooks) => IamGateway,
	settings: ConnectionSettings,
	hooks: ConnectionHooks,
	onError: (error: unknown) => IamGateway,
): IamGateway => {
	let gateway: IamGateway;
	try {
		gateway = connect(settings, hooks);
	} catch (error) {
		gateway = onError(error);
	}
	return settings.readOnly === true ? readOnlyGateway(gateway) : gateway;
};
