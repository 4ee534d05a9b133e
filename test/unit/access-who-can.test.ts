import {describe, expect, it} from 'vitest';
import {
	buildAccessModel,
	completeAction,
	effectiveAccess,
	isAdminEquivalent,
	prepareWhoCan,
	userPolicies,
	whoCan,
	type AccessModel,
	type WhoCanAnswer,
} from '../../source/model/access.js';
import {actionCatalogue, serviceActions} from '../../source/model/access/catalogue.js';
import {buildIndex, type SnapshotIndex} from '../../source/model/indexes.js';

// Same small builder as access.test.ts: plain snapshot objects, managed policies by name.
const ACCOUNT = '123456789012';
type Doc = Record<string, unknown>;
const policy = (...Statement: Doc[]) => JSON.stringify({Version: '2012-10-17', Statement});
const allow = (Action: string | string[], Resource: string | string[] = '*', extra: Doc = {}): Doc => ({Effect: 'Allow', Action, Resource, ...extra});
const deny = (Action: string | string[], Resource: string | string[] = '*', extra: Doc = {}): Doc => ({Effect: 'Deny', Action, Resource, ...extra});
interface UserSpec {groups?: string[]; managed?: string[]; inline?: Record<string, string>; boundary?: string}
interface AccountSpec {users: Record<string, UserSpec>; groups?: Record<string, {managed?: string[]; inline?: Record<string, string>}>; managed?: Record<string, string>}
const policyArn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const refs = (names: string[] = []) => names.map(name => ({name, arn: policyArn(name)}));
const inline = (docs: Record<string, string> = {}) => Object.entries(docs).map(([name, document]) => ({name, document}));
const account = (spec: AccountSpec): SnapshotIndex =>
	buildIndex({
		loadedAt: '2026-01-01T00:00:00Z',
		users: Object.entries(spec.users).map(([name, u], i) => ({
			name, id: `AIDA${i}`, arn: `arn:aws:iam::${ACCOUNT}:user/${name}`, path: '/', createDate: '2026-01-01T00:00:00Z',
			groups: u.groups ?? [], attachedPolicies: refs(u.managed), inlinePolicies: inline(u.inline), tags: [],
			...(u.boundary ? {permissionsBoundaryArn: policyArn(u.boundary)} : {}),
		})),
		groups: Object.entries(spec.groups ?? {}).map(([name, g], i) => ({
			name, id: `AGPA${i}`, arn: `arn:aws:iam::${ACCOUNT}:group/${name}`, path: '/', createDate: '2026-01-01T00:00:00Z',
			attachedPolicies: refs(g.managed), inlinePolicies: inline(g.inline),
		})),
		policies: Object.entries(spec.managed ?? {}).map(([name, document], i) => ({
			name, arn: policyArn(name), id: `ANPA${i}`, path: '/', awsManaged: false, defaultVersionId: 'v1', document,
			attachmentCount: 1, createDate: '2026-01-01T00:00:00Z', updateDate: '2026-01-01T00:00:00Z',
		})),
		roles: [],
		credentialReport: {status: 'ok', generatedAt: null, rows: []},
	});

// W5: Developers run and terminate instances, Managers only look.
const devEc2 = policy(allow(['ec2:DescribeInstances', 'ec2:RunInstances', 'ec2:StopInstances', 'ec2:StartInstances', 'ec2:TerminateInstances'], '*', {Sid: 'DevEc2'}));
const w5 = (extra: Partial<AccountSpec> = {}) =>
	account({
		users: {dana: {groups: ['Developers']}, dev: {groups: ['Developers']}, mara: {groups: ['Managers']}, olga: {}, ...extra.users},
		groups: {Developers: {managed: ['DevEc2']}, Managers: {inline: {Look: policy(allow('ec2:Describe*'))}}, ...extra.groups},
		managed: {DevEc2: devEc2, ...extra.managed},
	});

const answer = async (index: SnapshotIndex | AccessModel, action: string, resource?: string): Promise<WhoCanAnswer> => {
	const result = await whoCan(index, action, resource);
	if (!result.ok) throw new Error(`${result.kind}: ${result.message}`);
	return result;
};
const names = (r: WhoCanAnswer) => r.users.map(u => u.name);

describe('whoCan', () => {
	it('W5: terminate lists the developers, not the managers', async () => {
		const r = await answer(w5(), 'ec2:TerminateInstances');
		expect(names(r)).toEqual(['dana', 'dev']);
		expect(r.groups.map(g => g.name)).toEqual(['Developers']);
		expect(r.users[0]).toMatchObject({decision: 'Allowed', arn: `arn:aws:iam::${ACCOUNT}:user/dana`, incomplete: false});
		expect(r.users[0]?.via).toEqual([
			{actions: ['ec2:TerminateInstances'], statement: {source: {kind: 'managed', name: 'DevEc2', arn: policyArn('DevEc2'), viaGroup: 'Developers'}, statementIndex: 1, sid: 'DevEc2', effect: 'Allow'}},
		]);
	});

	it('W5: describe lists developers and managers', async () => {
		expect(names(await answer(w5(), 'ec2:DescribeInstances'))).toEqual(['dana', 'dev', 'mara']);
	});

	it('accepts * in the query and says which actions matched', async () => {
		const r = await answer(w5(), 'ec2:Terminate*');
		expect(r.actions).toEqual(['ec2:TerminateClientVpnConnections', 'ec2:TerminateInstances']);
		expect(names(r)).toEqual(['dana', 'dev']);
		expect(r.users[0]?.actions).toEqual(['ec2:TerminateInstances']);
	});

	it('accepts ? and any case in the query', async () => {
		expect(names(await answer(w5(), 'EC2:describe?nstances'))).toEqual(['dana', 'dev', 'mara']);
	});

	it('leaves out a user whose own deny cuts the group grant', async () => {
		const r = await answer(w5({users: {dev: {groups: ['Developers'], inline: {NoTerminate: policy(deny('ec2:TerminateInstances'))}}}}), 'ec2:TerminateInstances');
		expect(names(r)).toEqual(['dana']);
	});

	it('removing a developer from Developers removes them from the answer', async () => {
		expect(names(await answer(w5({users: {dana: {}}}), 'ec2:TerminateInstances'))).toEqual(['dev']);
	});

	it('reports Conditional with the condition', async () => {
		const index = account({users: {ana: {inline: {Ip: policy(allow('ec2:*', '*', {Condition: {IpAddress: {'aws:SourceIp': '10.0.0.0/8'}}}))}}}});
		const r = await answer(index, 'ec2:TerminateInstances');
		expect(r.users[0]).toMatchObject({name: 'ana', decision: 'Conditional'});
		expect(r.users[0]?.conditions.map(c => c.key)).toEqual(['aws:SourceIp']);
	});

	it('answers for a resource', async () => {
		const index = account({users: {ana: {inline: {R: policy(allow('s3:GetObject', 'arn:aws:s3:::reports/*'))}}, bob: {inline: {All: policy(allow('s3:*'))}}}});
		expect(names(await answer(index, 's3:GetObject', 'arn:aws:s3:::reports/q1.csv'))).toEqual(['ana', 'bob']);
		expect(names(await answer(index, 's3:GetObject', 'arn:aws:s3:::other/x'))).toEqual(['bob']);
	});

	it('respects permissions boundaries', async () => {
		const index = account({users: {ana: {managed: ['Admin'], boundary: 'S3Only'}, bob: {managed: ['Admin']}}, managed: {Admin: policy(allow('*')), S3Only: policy(allow('s3:*'))}});
		expect(names(await answer(index, 'ec2:TerminateInstances'))).toEqual(['bob']);
	});

	it('reports policies it could not evaluate, and who they reach', async () => {
		const r = await answer(w5({groups: {Developers: {managed: ['DevEc2'], inline: {Broken: '{not json'}}}}), 'ec2:TerminateInstances');
		expect(names(r)).toEqual(['dana', 'dev']);
		expect(r.users[0]?.incomplete).toBe(true);
		expect(r.couldNotEvaluate).toEqual([
			{source: {kind: 'inline', name: 'Broken', viaGroup: 'Developers'}, reason: expect.stringContaining('invalid JSON'), users: ['dana', 'dev'], groups: ['Developers']},
		]);
	});

	it('finds grants made by NotAction, and not for what it names', async () => {
		const index = account({users: {ana: {inline: {P: policy({Effect: 'Allow', NotAction: 'iam:*', Resource: '*'})}}}});
		expect(names(await answer(index, 'ec2:TerminateInstances'))).toEqual(['ana']);
		expect(names(await answer(index, 'iam:CreateUser'))).toEqual([]);
	});

	it('evaluates ${aws:username} policies per user even when users share a group', async () => {
		const own = policy(allow('iam:CreateAccessKey', 'arn:aws:iam::*:user/${aws:username}'));
		const index = account({users: {ana: {groups: ['Self']}, bob: {groups: ['Self']}}, groups: {Self: {inline: {Own: own}}}});
		expect(names(await answer(index, 'iam:CreateAccessKey', `arn:aws:iam::${ACCOUNT}:user/bob`))).toEqual(['bob']);
		expect(names(await answer(index, 'iam:CreateAccessKey'))).toEqual(['ana', 'bob']);
	});

	it('reads ${aws:username} as literal text in a 2008-10-17 policy', async () => {
		const old = JSON.stringify({Version: '2008-10-17', Statement: [allow('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`)]});
		const index = account({users: {ana: {groups: ['Self']}, bob: {groups: ['Self']}}, groups: {Self: {inline: {Own: old}}}});
		expect(names(await answer(index, 'iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/bob`))).toEqual([]);
		expect(names(await answer(index, 'iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`))).toEqual(['ana', 'bob']);
	});

	it('refuses an unknown action with suggestions', async () => {
		const r = await whoCan(w5(), 'ec2:TerminateInstancez');
		expect(r).toMatchObject({ok: false, kind: 'unknown-action'});
		if (!r.ok) expect(r.suggestions).toContain('ec2:TerminateInstances');
	});

	it('prepareWhoCan readies the model without changing any answer; an aborted one stops', async () => {
		const prepared = buildAccessModel(w5());
		await prepareWhoCan(prepared);
		expect(prepared.whoCanIndex?.users.map(u => u.name)).toEqual(['dana', 'dev', 'mara', 'olga']);
		for (const action of ['ec2:TerminateInstances', 'ec2:Describe*']) expect(await answer(prepared, action)).toEqual(await answer(w5(), action));
		const stopped = new AbortController();
		stopped.abort();
		const untouched = buildAccessModel(w5());
		await prepareWhoCan(untouched, stopped.signal);
		expect(untouched.whoCanIndex).toBeUndefined();
	});

	it('evaluates each distinct policy set once', async () => {
		const users: Record<string, UserSpec> = {};
		for (let i = 0; i < 300; i++) users[`u${i}`] = {groups: [i % 3 === 0 ? 'Managers' : 'Developers']};
		const model = buildAccessModel(w5({users}));
		const r = await answer(model, 'ec2:TerminateInstances');
		expect(r.users).toHaveLength(202);
		// Developers' set (shared by users and the group); Managers' set fails the prefilter.
		// Statements alone: kept in the model's knowledge (shared-knowledge.ts), not its per-principal memo.
		expect(model.memo.size + model.knowledge.answers.size).toBe(1);
	});
});

describe('effective access and admin badge', () => {
	const index = account({
		users: {
			root: {managed: ['Admin']},
			guarded: {managed: ['Admin'], inline: {NoBilling: policy(deny('aws-portal:*'))}},
			bounded: {managed: ['Admin'], boundary: 'S3Only'},
			ipOnly: {inline: {Ip: policy(allow('*', '*', {Condition: {IpAddress: {'aws:SourceIp': '10.0.0.0/8'}}}))}},
			dana: {groups: ['Developers'], inline: {NoTerminate: policy(deny('ec2:TerminateInstances', '*', {Sid: 'NoTerm'}))}},
		},
		groups: {Developers: {managed: ['DevEc2']}},
		managed: {Admin: policy(allow('*')), S3Only: policy(allow('s3:*')), DevEc2: devEc2},
	});

	it.each([
		['root', true],
		['guarded', false],
		['bounded', false],
		['ipOnly', false],
		['dana', false],
	])('isAdminEquivalent(%s) is %s', (user, expected) => {
		expect(isAdminEquivalent(index, user)).toBe(expected);
	});

	it('groups grants by service with their paths and the denies that cut in', () => {
		const r = effectiveAccess(index, 'dana');
		if (!r.ok) throw new Error(r.message);
		expect(r.services.map(s => s.service)).toEqual(['ec2']);
		const ec2 = r.services[0]!;
		expect(ec2.grants[0]).toMatchObject({actions: expect.arrayContaining(['ec2:TerminateInstances']), statement: {source: {name: 'DevEc2', viaGroup: 'Developers'}, sid: 'DevEc2'}});
		expect(ec2.denies.map(d => d.statement.sid)).toEqual(['NoTerm']);
		expect(r.adminEquivalent).toBe(false);
	});

	it('lists the policies reaching a user, with the boundary', () => {
		const r = userPolicies(index, 'bounded');
		expect(r?.policies.map(p => p.source)).toEqual([{kind: 'managed', name: 'Admin', arn: policyArn('Admin')}]);
		expect(r?.boundary?.source).toEqual({kind: 'boundary', name: 'S3Only', arn: policyArn('S3Only')});
	});
});

describe('action completion', () => {
	it('completes services, then actions, case-insensitively', async () => {
		expect(await completeAction('lightsai')).toContain('lightsail:');
		expect(await completeAction('EC2:terminatei')).toEqual(['ec2:TerminateInstances']);
	});

	it("lists a service's actions once per process (every who-can asks), a list nobody can change", async () => {
		const first = await serviceActions('EC2');
		expect(first).toContain('ec2:TerminateInstances');
		expect(await serviceActions('ec2')).toBe(first);
		expect(Object.isFrozen(first)).toBe(true);
		// Callers that want a list of their own get a copy.
		const copy = await actionCatalogue('ec2');
		expect(copy).toEqual(first);
		expect(copy).not.toBe(first);
		expect(await serviceActions('no-such-service')).toEqual([]);
	});
});
