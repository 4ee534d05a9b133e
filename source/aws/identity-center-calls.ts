// Identity Center calls as iamtui makes them: every failure names the call and, when denied, what to grant
// (all the read needs, so one grant fixes all of it).
import {IamError} from '../model/errors.js';
import {toIamError} from './errors.js';

/** What the whole read needs; named in every access-denied hint, so one grant fixes all of it. */
export const IDENTITY_CENTER_READ_ACTIONS = [
	'sso:ListInstances',
	'sso:ListPermissionSets',
	'sso:DescribePermissionSet',
	'sso:GetInlinePolicyForPermissionSet',
	'sso:ListManagedPoliciesInPermissionSet',
	'sso:ListCustomerManagedPolicyReferencesInPermissionSet',
	'sso:GetPermissionsBoundaryForPermissionSet',
	'sso:ListAccountAssignments',
	'sso:ListAccountAssignmentsForPrincipal',
	'identitystore:ListUsers',
	'identitystore:ListGroups',
	'identitystore:ListGroupMemberships',
] as const;

export type IdentityCenterReadAction = (typeof IDENTITY_CENTER_READ_ACTIONS)[number];

/** An SDK failure as an IamError that says which Identity Center call failed and, if denied, what to grant. */
export const identityCenterError = (error: unknown, action: IdentityCenterReadAction, what: string): IamError => {
	const e = toIamError(error, {action});
	if (e.kind === 'AccessDenied') {
		return new IamError(
			'AccessDenied',
			`access denied reading Identity Center ${what}: your credentials lack ${action}`,
			`grant ${IDENTITY_CENTER_READ_ACTIONS.join(', ')} to the principal of the management (or delegated administrator) account's profile`,
			e.code,
		);
	}
	return new IamError(e.kind, `reading Identity Center ${what} (${action}) failed: ${e.message}`, e.hint, e.code);
};

/** Runs one call (all its pages), its failure named by identityCenterError. */
export const calling = async <T>(action: IdentityCenterReadAction, what: string, call: () => Promise<T>): Promise<T> => {
	try {
		return await call();
	} catch (error) {
		throw identityCenterError(error, action, what);
	}
};
