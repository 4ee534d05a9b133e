// The admin-equivalent badge for roles: the role's own policies allow `*` on `*` unconditionally, no Deny
// statement cuts into them, and a boundary (if any) allows `*` on `*` too. The same rule as the users' badge
// (access/effective.ts); a NotAction "everything but IAM" is near-admin and not badged. Pure.
import type {AccessModel} from './access/model.js';
import {readDocument} from './access/model.js';
import {isAllowAll, type ParsedStatement} from './access/patterns.js';
import {rolePrincipal} from './access/roles.js';
import type {Role} from './snapshot.js';

const unlimited = (statements: ParsedStatement[]): boolean => statements.some(isAllowAll) && !statements.some(s => s.effect === 'Deny');

// Cheap first: without a policy text that allows * on *, the role is not admin (no principal is built).
const mayBeAdmin = (model: AccessModel, role: Role): boolean => {
	const texts = [...role.attachedPolicies.map(p => model.index.policyByArn.get(p.arn)?.document), ...role.inlinePolicies.map(p => p.document)];
	return texts.some(text => {
		if (!text) return false;
		const read = readDocument(model, text);
		return !('error' in read) && read.statements.some(isAllowAll);
	});
};

export const isRoleAdminEquivalent = (model: AccessModel, role: Role): boolean => {
	if (!mayBeAdmin(model, role)) return false;
	const principal = rolePrincipal(model, role);
	// A policy that could not be read may hold a Deny: no claim then.
	if (principal.problems.length > 0) return false;
	if (!unlimited(principal.entries.flatMap(e => e.statements))) return false;
	const boundary = principal.boundaryEntry?.statements;
	return !boundary || unlimited(boundary);
};

/** The names of the admin-equivalent roles of the model's snapshot. */
export const adminRoles = (model: AccessModel): Set<string> =>
	new Set((model.index.snapshot.roles ?? []).filter(role => isRoleAdminEquivalent(model, role)).map(role => role.name));
