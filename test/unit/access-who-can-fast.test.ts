// whoCan's fast path (distinct statements, cohorts, shared answers) must give exactly the answers of
// the plain way: every principal evaluated on its own, with all its policies as written, its own ARN
// and facts. Checked on the UI fixture, on tricky hand-made accounts and on a generated account.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, resolveActions, whoCan, type WhoCanAnswer, type WhoCanEntry} from '../../source/model/access.js';
import {evaluate} from '../../source/model/access/evaluator.js';
import {principalFor, statementRefs, type AccessModel} from '../../source/model/access/model.js';
import {userFacts} from '../../source/model/access/principal-facts.js';
import {unreadBoundaryCondition, unreadBoundaryOf} from '../../source/model/access/unread-boundary.js';
import {unevaluatedCondition} from '../../source/model/access/unevaluated-policies.js';
import {actionPattern} from '../../source/model/access/patterns.js';
import {buildIndex, type SnapshotIndex} from '../../source/model/indexes.js';
import type {AccountSnapshot} from '../../source/model/snapshot.js';
import {planSnapshot} from '../../scripts/bench/plan-snapshot.js';
import {planAccount} from '../../scripts/bench/plan.js';
import {accessSnapshot} from '../fixtures/access.js';
import {groupedPaths} from '../helpers/grant-pairs.js';

// The plain way, one principal at a time: no relevance filter, no sharing, no memo.
const reference = async (model: AccessModel, kind: 'user' | 'group', name: string, actions: string[], resource: string): Promise<WhoCanEntry | undefined> => {
	const principal = principalFor(model, kind, name)!;
	const boundary = principal.boundaryEntry?.evalPolicy;
	const granted = [];
	for (const action of actions) {
		const answer = await evaluate({
			principalArn: principal.arn,
			accountId: model.accountId,
			action,
			resource,
			policies: principal.entries.flatMap(e => (e.evalPolicy ? [e.evalPolicy] : [])),
			...(boundary ? {boundary} : {}),
			...(principal.user ? {principalFacts: userFacts(model, principal.user)} : {}),
		});
		if (answer.ok && (answer.decision === 'Allowed' || answer.decision === 'Conditional')) granted.push({action, answer});
	}
	// A policy that could not be evaluated may speak of an action its Action/NotAction match (any, when unread):
	// then the answer is Conditional on it, or (nothing else granting) a row of its own. Each policy once, at its first path.
	const speaks = (e: (typeof principal.entries)[number], action: string) =>
		!e.read || e.statements.some(st => (st.notActions ? !st.notActions.some(a => actionPattern(a).test(action)) : (st.actions ?? []).some(a => actionPattern(a).test(action))));
	const unknown = principal.entries.filter(e => e.problem && actions.some(action => speaks(e, action)));
	const unknownCondition = (actionsShown: string[]) => unknown.map(e => unevaluatedCondition({source: principal.sources.get(e.key)![0]!, reason: e.problem!}, actionsShown));
	if (granted.length === 0) {
		if (unknown.length === 0) return undefined;
		const spoken = actions.filter(action => unknown.some(e => speaks(e, action)));
		return {kind, name, arn: principal.arn, decision: 'Conditional', via: [], actions: spoken, conditions: unknownCondition(spoken), incomplete: true};
	}
	// A boundary that could not be read leaves every grant Conditional on it, as `can` answers.
	const unread = unreadBoundaryOf(principal);
	// On a wildcard resource: the patterns the grants cover (unless one covers all), a deny cutting into them.
	const patterns = granted.flatMap(g => g.answer.resourcePatterns);
	const limited = resource.includes('*') && patterns.length > 0 && !granted.some(g => g.answer.resourcePatterns.length === 0 || g.answer.resourcePatterns.includes('*'));
	const partlyDenied = resource.includes('*') && granted.some(g => g.answer.partialDenies.length > 0);
	return {
		kind,
		name,
		arn: principal.arn,
		decision: !unread && unknown.length === 0 && granted.some(g => g.answer.decision === 'Allowed') ? 'Allowed' : 'Conditional',
		via: groupedPaths(granted.flatMap(g => g.answer.statements.filter(s => s.effect === 'Allow').flatMap(s => statementRefs(principal, s).map(statement => ({action: g.action, statement}))))),
		actions: granted.map(g => g.action),
		conditions: granted.flatMap(g =>
			g.answer.conditions.flatMap(c => statementRefs(principal, c.statement).map(statement => ({operator: c.operator, key: c.key, values: c.values, effect: c.effect, statement}))),
		)
			.concat(unread ? [unreadBoundaryCondition(unread, granted.map(g => g.action))] : [])
			.concat(unknownCondition(granted.map(g => g.action))),
		incomplete: principal.problems.length > 0,
		...(limited ? {resources: [...new Set(patterns)]} : {}),
		...(partlyDenied ? {partlyDenied: true} : {}),
	};
};

// Paths and conditions are sets (listed in a stable order); everything else must match as is.
const normal = (entry: WhoCanEntry) => ({
	...entry,
	via: entry.via.map(v => JSON.stringify(v)).sort(),
	conditions: entry.conditions.map(c => JSON.stringify(c)).sort(),
});

const expectSameAnswers = async (index: SnapshotIndex, query: string, resource = '*') => {
	const resolved = await resolveActions(query);
	if (!resolved.ok) throw new Error(resolved.message);
	const fast = await whoCan(buildAccessModel(index), query, resource);
	if (!fast.ok) throw new Error(fast.message);
	const model = buildAccessModel(index);
	const expected = async (kind: 'user' | 'group', names: string[]) =>
		(await Promise.all(names.map(name => reference(model, kind, name, resolved.actions, resource)))).flatMap(e => (e ? [normal(e)] : []));
	const byName = (a: {name: string}, b: {name: string}) => a.name.localeCompare(b.name);
	const users = [...index.snapshot.users].sort(byName).map(u => u.name);
	const groups = [...index.snapshot.groups].sort(byName).map(g => g.name);
	expect(fast.users.map(normal)).toEqual(await expected('user', users));
	expect(fast.groups.map(normal)).toEqual(await expected('group', groups));
	return fast;
};

const ACCOUNT = '123456789012';
type Doc = Record<string, unknown>;
const policy = (...Statement: Doc[]) => JSON.stringify({Version: '2012-10-17', Statement});
const arn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
const user = (name: string, fields: Partial<AccountSnapshot['users'][number]> = {}) => ({
	name, id: `AIDA${name}`, arn: arn('user', name), path: '/', createDate: '2026-01-01T00:00:00Z',
	groups: [], attachedPolicies: [], inlinePolicies: [], tags: [], ...fields,
});
const group = (name: string, fields: Partial<AccountSnapshot['groups'][number]> = {}) => ({
	name, id: `AGPA${name}`, arn: arn('group', name), path: '/', createDate: '2026-01-01T00:00:00Z',
	attachedPolicies: [], inlinePolicies: [], ...fields,
});
const managed = (name: string, document: string) => ({
	name, arn: arn('policy', name), id: `ANPA${name}`, path: '/', awsManaged: false, defaultVersionId: 'v1', document,
	attachmentCount: 1, createDate: '2026-01-01T00:00:00Z', updateDate: '2026-01-01T00:00:00Z',
});
const ref = (name: string) => ({name, arn: arn('policy', name)});

// The same statement in several policies (with and without Sid), the same policy through two
// groups, the same text under the 2008 version (no policy variables), denies, NotAction,
// NotResource, conditions, tags, a boundary, a broken policy and a missing one.
const terminate = {Effect: 'Allow', Action: 'ec2:TerminateInstances', Resource: '*'};
const tricky = (): SnapshotIndex =>
	buildIndex({
		loadedAt: '2026-01-01T00:00:00Z',
		policies: [
			managed('Ec2Ops', policy({...terminate, Sid: 'Ops'}, {Effect: 'Allow', Action: 'lightsail:Get*', Resource: '*'})),
			managed('Ec2Again', policy(terminate, {Effect: 'Deny', Action: 'ec2:Terminate*', Resource: 'arn:aws:ec2:*:*:instance/i-protected'})),
			managed('OwnKeys', policy({Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: 'arn:aws:iam::*:user/${aws:username}'})),
			managed('OwnKeysOld', JSON.stringify({Version: '2008-10-17', Statement: [{Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: 'arn:aws:iam::*:user/${aws:username}'}]})),
			managed('AllButIam', policy({Effect: 'Allow', NotAction: 'iam:*', Resource: '*'})),
			managed('NoLightsail', policy({Effect: 'Deny', Action: 'lightsail:*', NotResource: 'arn:aws:lightsail:*:*:Instance/keep-*'})),
			managed('Mfa', policy({...terminate, Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}})),
			managed('TeamTag', policy({Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: '*', Condition: {StringEquals: {'aws:PrincipalTag/team': 'ops'}}})),
			managed('Ec2Only', policy({Effect: 'Allow', Action: 'ec2:*', Resource: '*'})),
			managed('Broken', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*","Bogus":1}]}'),
		],
		groups: [
			group('Ops', {attachedPolicies: [ref('Ec2Ops'), ref('OwnKeys')]}),
			group('Ops2', {attachedPolicies: [ref('Ec2Ops'), ref('Ec2Again')]}),
			group('Wide', {attachedPolicies: [ref('AllButIam'), ref('NoLightsail')]}),
			group('Shaky', {attachedPolicies: [ref('Broken'), ref('Missing')], inlinePolicies: [{name: 'Sure', document: policy(terminate)}]}),
		],
		users: [
			user('ana', {groups: ['Ops', 'Ops2']}),
			user('bob', {groups: ['Ops'], attachedPolicies: [ref('Ec2Again')]}),
			user('cy', {groups: ['Wide'], attachedPolicies: [ref('OwnKeysOld'), ref('TeamTag')], tags: [{Key: 'team', Value: 'ops'}]}),
			user('dee', {groups: ['Wide', 'Ops'], permissionsBoundaryArn: arn('policy', 'Ec2Only')}),
			user('eli', {attachedPolicies: [ref('Mfa'), ref('TeamTag')], tags: [{Key: 'team', Value: 'dev'}]}),
			user('fay', {groups: ['Shaky', 'Ops']}),
			user('gus', {inlinePolicies: [{name: 'Mine', document: policy({...terminate, Sid: 'Mine'})}], permissionsBoundaryArn: arn('policy', 'Gone')}),
			user('ivy', {attachedPolicies: [ref('OwnKeysOld')]}),
			user('jo', {attachedPolicies: [ref('OwnKeys')]}),
			// Her name contains jo's: asked about her, both are evaluated on their own.
			user('jojo', {groups: ['Ops'], attachedPolicies: [ref('OwnKeys')]}),
			user('hal', {groups: ['Ops2'], inlinePolicies: [{name: 'NoTerminate', document: policy({Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*', Condition: {Bool: {'aws:MultiFactorAuthPresent': 'false'}}})}]}),
		],
		roles: [],
		credentialReport: {status: 'ok', generatedAt: null, rows: []},
	});

describe('whoCan fast path = one principal at a time', () => {
	it.each([
		['ec2:TerminateInstances', '*'],
		['ec2:TerminateInstances', 'arn:aws:ec2:us-east-1:123456789012:instance/i-protected'],
		['iam:CreateAccessKey', '*'],
		['iam:CreateAccessKey', arn('user', 'cy')],
		['iam:*AccessKey', arn('user', 'ana')],
		['iam:CreateAccessKey', arn('user', 'ivy')],
		['iam:CreateAccessKey', arn('user', 'jo')],
		['iam:CreateAccessKey', arn('user', 'jojo')],
		['iam:ListAccessKeys', `${arn('user', 'ana')}*`],
		['lightsail:GetInstance*', '*'],
		['lightsail:GetInstance', 'arn:aws:lightsail:us-east-1:123456789012:Instance/keep-1'],
		['s3:GetObject', '*'],
	])('tricky account: %s on %s', async (query, resource) => {
		await expectSameAnswers(tricky(), query, resource);
	});

	it('tricky account: the answers are not empty (the comparison means something)', async () => {
		const r = (await expectSameAnswers(tricky(), 'ec2:TerminateInstances')) as WhoCanAnswer;
		expect(r.users.map(u => u.name)).toEqual(['ana', 'bob', 'cy', 'dee', 'eli', 'fay', 'gus', 'hal', 'jojo']);
		// eli only with MFA; hal's deny holds unless MFA is present; gus's boundary is not in the snapshot; fay's
		// group Shaky holds a policy that is not JSON and one not in the snapshot, which may deny it.
		expect(r.users.filter(u => u.decision === 'Conditional').map(u => u.name)).toEqual(['eli', 'fay', 'gus', 'hal']);
		expect(r.users.find(u => u.name === 'fay')).toMatchObject({incomplete: true, conditions: [expect.objectContaining({key: 'the policy Broken (group Shaky)'}), expect.objectContaining({key: 'the policy Missing (group Shaky)'})]});
		// ana holds Ec2Ops through two groups and Ec2Again: three paths to the same statement text.
		expect(r.users.find(u => u.name === 'ana')?.via).toHaveLength(3);
		// Own keys, asked about jojo: she can, jo (whose name is in hers) cannot; on *, all holders can.
		const own = (await expectSameAnswers(tricky(), 'iam:CreateAccessKey', arn('user', 'jojo'))) as WhoCanAnswer;
		expect(own.users.map(u => u.name)).toContain('jojo');
		expect(own.users.map(u => u.name)).not.toContain('jo');
		const anyone = (await expectSameAnswers(tricky(), 'iam:CreateAccessKey')) as WhoCanAnswer;
		expect(anyone.users.map(u => u.name)).toEqual(expect.arrayContaining(['ana', 'jo', 'jojo']));
	});

	it.each(['ec2:TerminateInstances', 'ec2:Describe*', 'lightsail:*', 's3:GetObject', 'iam:GetUser'])('UI fixture: %s', async query => {
		await expectSameAnswers(buildIndex(accessSnapshot()), query);
	});

	// The bench's account, smaller: random groups and attachments, MFA conditions, denies, ${aws:username}.
	const generated = buildIndex(planSnapshot(planAccount({users: 80, groups: 16, policies: 40}, 7)));
	it.each([
		['ec2:TerminateInstances', '*'],
		['s3:GetObject', 'arn:aws:s3:::data-1/report.csv'],
		['iam:CreateUser', '*'],
		['iam:CreateAccessKey', arn('user', 'user-00003')],
		['sts:AssumeRole', '*'],
		['lightsail:GetInstance*', '*'],
	])('generated account: %s on %s', async (query, resource) => {
		const r = await expectSameAnswers(generated, query, resource);
		expect(r.users.length).toBeGreaterThan(0);
	});
});
