// Roles as principals of the access model: a role's identity policies are its attached and inline
// policies, limited by its boundary, as for a user (no groups). Its trust policy is read once per model.
import {parseTrustPolicy, type TrustDocument} from '../trust-principals.js';
import type {Role} from '../snapshot.js';
import {assemble, principalFor, type AccessModel, type Principal} from './model.js';
import {meantNames} from '../close-names.js';
import {accessError} from './catalogue.js';
import type {AccessError, PolicySource} from './types.js';

const byName = new WeakMap<AccessModel, Map<string, Role>>();
const trusts = new WeakMap<Role, TrustDocument>();

/** Snapshots from before roles were loaded have no list: no roles, never a crash. */
export const rolesOf = (model: AccessModel): Role[] => model.index.snapshot.roles ?? [];

export const roleByName = (model: AccessModel, name: string): Role | undefined => {
	let map = byName.get(model);
	if (!map) byName.set(model, (map = new Map(rolesOf(model).map(r => [r.name, r]))));
	return map.get(name);
};

/** A role named by name or ARN. */
export const findRole = (model: AccessModel, nameOrArn: string): Role | undefined =>
	nameOrArn.startsWith('arn:') ? rolesOf(model).find(r => r.arn === nameOrArn) : roleByName(model, nameOrArn);

export const trustOf = (role: Role): TrustDocument => {
	let trust = trusts.get(role);
	if (!trust) trusts.set(role, (trust = parseTrustPolicy(role.trustPolicy)));
	return trust;
};

/** The role's policies as a principal, built on first use and kept in the model. */
export const rolePrincipal = (model: AccessModel, role: Role): Principal => {
	const cacheKey = `role:${role.name}`;
	const cached = model.principals.get(cacheKey);
	if (cached) return cached;
	const sources: PolicySource[] = [
		...role.attachedPolicies.map(p => ({kind: 'managed' as const, name: p.name, arn: p.arn, role: role.name})),
		...role.inlinePolicies.map(p => ({kind: 'inline' as const, name: p.name, role: role.name})),
	];
	const principal = assemble(model, 'role', role, sources, role.permissionsBoundaryArn);
	model.principals.set(cacheKey, principal);
	return principal;
};

/** "no role named X in this account", with the close names of that kind. */
export const unknownPrincipal = (model: AccessModel, kind: 'user' | 'group' | 'role', name: string): AccessError => {
	const {index} = model;
	const known = kind === 'role' ? index.roleByName.keys() : kind === 'group' ? index.groupByName.keys() : index.userByName.keys();
	return accessError('unknown-user', `no ${kind} named ${name} in this account`, meantNames(name, known));
};

/** A user, group or role of the model by kind and name, as a principal. */
export const principalNamed = (model: AccessModel, kind: 'user' | 'group' | 'role', name: string): Principal | undefined => {
	if (kind !== 'role') return principalFor(model, kind, name);
	const role = roleByName(model, name);
	return role && rolePrincipal(model, role);
};
