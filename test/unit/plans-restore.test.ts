// Restore from an offboarding record: recreates the user, memberships and policies; re-issues
// credentials; refuses (and says what it would skip) when a group or policy is gone.
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import type {OffboardRecord} from '../../source/model/offboard/record.js';
import {planText} from '../../source/model/plans/describe.js';
import {planRestore} from '../../source/model/plans/restore.js';
import {Secret} from '../../source/model/secret.js';
import {ACCOUNT, fixtureSnapshot} from '../fixtures/account.js';

const record = (extra: Partial<OffboardRecord> = {}): OffboardRecord => ({
	version: 1,
	kind: 'iamtui-offboard-record',
	account: ACCOUNT,
	capturedAt: '2026-11-23T10:00:00.000Z',
	capturedBy: null,
	user: {name: 'zoe.left', arn: `arn:aws:iam::${ACCOUNT}:user/team/zoe.left`, path: '/team/', createDate: '2020-01-01T00:00:00.000Z'},
	groups: ['Developers', 'LightsailFullAccessGroup'],
	attachedPolicies: [{name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'}],
	inlinePolicies: [{name: 'Extra', document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'}],
	tags: [{Key: 'team', Value: 'ops'}],
	permissionsBoundaryArn: null,
	loginProfile: {createDate: '2020-01-01T00:00:00.000Z', passwordResetRequired: false},
	accessKeys: [{accessKeyId: 'AKIAOLD', status: 'Active', createDate: '2020-01-01T00:00:00.000Z', lastUsedDate: null}],
	mfaDevices: [],
	signingCertificates: [],
	sshPublicKeys: [],
	serviceSpecificCredentials: [],
	unlisted: [],
	completed: [],
	keepUser: false,
	finishedAt: '2026-11-23T10:05:00.000Z',
	...extra,
});

const index = () => buildIndex(fixtureSnapshot());

describe('planRestore', () => {
	it('recreates the user with path and tags, memberships, policies, and re-issues credentials', () => {
		const password = new Secret('N3w-Pa55word!xyz');
		const plan = planRestore(record(), index(), {password, accessKey: true, skipMissing: false});
		expect(plan.steps.map(s => s.run.operation)).toEqual([
			'createUser',
			'addUserToGroup',
			'addUserToGroup',
			'attachUserPolicy',
			'putUserPolicy',
			'createLoginProfile',
			'createAccessKey',
		]);
		expect(plan.steps[0]!.run).toMatchObject({user: 'zoe.left', path: '/team/', tags: [{Key: 'team', Value: 'ops'}]});
		const shown = `${planText(plan)}\n${JSON.stringify(plan)}`;
		expect(shown).not.toContain('N3w-Pa55word!xyz');
		expect(shown).not.toContain('AKIAOLD');
	});

	it('refuses when a group in the record is gone, naming what it would skip; --skip-missing goes ahead', () => {
		const r = record({groups: ['Developers', 'DissolvedTeam']});
		expect(() => planRestore(r, index(), {accessKey: false, skipMissing: false})).toThrow(/DissolvedTeam, which no longer exists/);
		const plan = planRestore(r, index(), {accessKey: false, skipMissing: true});
		expect(plan.steps.filter(s => s.run.operation === 'addUserToGroup').map(s => (s.run as {group: string}).group)).toEqual(['Developers']);
		expect(plan.notes?.join('\n')).toContain('group DissolvedTeam');
	});

	it('refuses when the user exists again (names are unique ignoring case)', () => {
		const r = record({user: {name: 'Ana.Silva', arn: `arn:aws:iam::${ACCOUNT}:user/Ana.Silva`, path: '/', createDate: '2020-01-01T00:00:00.000Z'}});
		expect(() => planRestore(r, index(), {accessKey: false, skipMissing: false})).toThrow(/exists already/);
	});
});
