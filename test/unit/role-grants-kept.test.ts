// roleGrantOf keeps each view's answers per model (statements of the view, resource, then action) and
// each query's action → class map (per list of classes). Asked on one model for several roles, resources
// and wildcard queries, it must give what a fresh model gives for each role and action alone: a key made
// coarser (no statements, no resource, no action, one map for every list of classes) breaks one of these.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, rolePrincipal, resolveActions} from '../../source/model/access.js';
import {holderIndex} from '../../source/model/access/holders.js';
import type {AccessModel} from '../../source/model/access/model.js';
import {withRoleStatements} from '../../source/model/access/role-assumers.js';
import {roleGrantOf, type RoleGrant} from '../../source/model/access/role-grants.js';
import {roleByName} from '../../source/model/access/roles.js';
import {actionClasses} from '../../source/model/access/who-can-classes.js';
import {ROOT, accountWithRoles, allow, deny, policy, trustPolicy, trusts, type AccountSpec} from '../fixtures/roles.js';
import {groupedPaths} from '../helpers/grant-pairs.js';

const trust = trustPolicy(trusts(ROOT));
const spec: AccountSpec = {
	managed: {
		BucketA: policy(allow('s3:Get*', 'arn:aws:s3:::a/*')),
		BucketACopy: policy(allow('s3:Get*', 'arn:aws:s3:::a/*')),
		FromOffice: policy(allow('s3:Get*', '*', {Condition: {IpAddress: {'aws:SourceIp': '10.0.0.0/8'}}})),
		BucketB: policy(allow('s3:GetObject', 'arn:aws:s3:::b/*'), deny('s3:GetObjectAcl')),
	},
	roles: {
		a: {trust, managed: ['BucketA']},
		// The same statement as a's through another policy: shares its answers.
		aCopy: {trust, managed: ['BucketACopy']},
		office: {trust, managed: ['FromOffice']},
		b: {trust, managed: ['BucketB', 'BucketA']},
	},
};
const ROLES = ['a', 'aCopy', 'office', 'b'];
const QUERIES: Array<{action: string; resource: string}> = [
	{action: 's3:GetObject*', resource: '*'},
	{action: 's3:GetObject*', resource: 'arn:aws:s3:::a/x'},
	{action: 's3:GetObject*', resource: 'arn:aws:s3:::b/x'},
	{action: 's3:GetObjectAcl', resource: 'arn:aws:s3:::a/x'},
	{action: 's3:GetObject', resource: 'arn:aws:s3:::b/x'},
	// One class, answers differing by action: object actions on an object ARN, bucket ones not.
	{action: 's3:Get*', resource: 'arn:aws:s3:::a/x'},
];

/** A model whose who-can catalogue holds the roles' statements (as who-can's role paths make it). */
const modelOf = (): AccessModel => {
	const model = buildAccessModel(accountWithRoles(spec));
	withRoleStatements(model);
	return model;
};

const grantOf = async (model: AccessModel, name: string, actions: string[], resource: string, classes = actionClasses(holderIndex(model).catalogue, actions)) => {
	const role = roleByName(model, name)!;
	return roleGrantOf(model, rolePrincipal(model, role), role, actions, classes, resource);
};

/** The role's grant action by action, each on a model of its own (nothing kept between them). */
const alone = async (name: string, actions: string[], resource: string): Promise<RoleGrant | undefined> => {
	const parts: RoleGrant[] = [];
	for (const action of actions) {
		const model = modelOf();
		const grant = await grantOf(model, name, [action], resource);
		if (grant) parts.push(grant);
	}
	if (parts.length === 0) return undefined;
	return {
		role: parts[0]!.role,
		decision: parts.some(p => p.decision === 'Allowed') ? 'Allowed' : 'Conditional',
		via: groupedPaths(parts.flatMap(p => p.via.flatMap(v => v.actions.map(action => ({action, statement: v.statement}))))),
		conditions: parts.flatMap(p => p.conditions),
		actions: parts.flatMap(p => p.actions),
		// Limited to some resources when every action's grant is; partly denied when any is.
		resources: parts.every(p => p.resources) ? [...new Set(parts.flatMap(p => p.resources!))] : undefined,
		partlyDenied: parts.some(p => p.partlyDenied) ? true : undefined,
	};
};

const actionsOf = async (action: string) => {
	const resolved = await resolveActions(action);
	if (!resolved.ok) throw new Error(resolved.message);
	return resolved.actions;
};

describe('role grants kept per model', () => {
	// First in the file: the first lists of classes this process sees.
	it('reads each list of classes with its own action positions', async () => {
		const model = modelOf();
		const acl = ['s3:GetObjectAcl'];
		const both = ['s3:GetObject', 's3:GetObjectAcl'];
		const alone1 = actionClasses(holderIndex(model).catalogue, acl);
		expect(await grantOf(model, 'b', acl, '*', alone1)).toEqual(await alone('b', acl, '*'));
		const two = actionClasses(holderIndex(model).catalogue, both);
		// The two actions are matched by different statements: two classes, GetObjectAcl's second.
		expect(two.map(c => c.actions)).toEqual([['s3:GetObject'], ['s3:GetObjectAcl']]);
		const expected = await alone('b', both, '*');
		// b's deny of GetObjectAcl decides: read with GetObject's class, it would be granted.
		expect(expected?.actions).toEqual(['s3:GetObject']);
		expect(await grantOf(model, 'b', both, '*', two)).toEqual(expected);
	});

	it('answers every role, resource and query on one model as a fresh model does alone', async () => {
		const model = modelOf();
		let granted = 0;
		for (const {action, resource} of QUERIES) {
			const actions = await actionsOf(action);
			for (const name of ROLES) {
				const expected = await alone(name, actions, resource);
				expect(await grantOf(model, name, actions, resource), `${name} ${action} on ${resource}`).toEqual(expected);
				if (expected) granted++;
			}
		}
		// Grants differ by role and by resource: a/x grants a, not b's bucket…
		expect(granted).toBeGreaterThan(8);
		expect(await alone('a', ['s3:GetObject'], 'arn:aws:s3:::b/x')).toBeUndefined();
		expect((await alone('b', ['s3:GetObject'], 'arn:aws:s3:::b/x'))?.decision).toBe('Allowed');
		expect((await alone('office', ['s3:GetObject'], 'arn:aws:s3:::b/x'))?.decision).toBe('Conditional');
		const getAll = await actionsOf('s3:Get*');
		const some = (await alone('a', getAll, 'arn:aws:s3:::a/x'))?.actions ?? [];
		expect(some).toContain('s3:GetObject');
		expect(some).not.toContain('s3:GetBucketPolicy');
	});

});
