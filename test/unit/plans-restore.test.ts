// Restore from an offboarding record: recreates the user, memberships and policies; re-issues
// credentials; refuses (and says what it would skip) when a group or policy is gone.
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import type {OffboardRecord} from '../../source/model/offboard/record.js';
import {planText} from '../../source/model/plans/describe.js';
import {planRestore} from '../../source/model/plans/restore.js';
import {Secret} from '../../source/model/secret.js';
import {fixtureSnapshot} from '../fixtures/account.js';
import {offboardRecord, recordUser} from '../fixtures/offboard-record.js';

const record = offboardRecord;

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
			'attachUserPolicy',
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
		const r = record(recordUser('Ana.Silva', '/'));
		expect(() => planRestore(r, index(), {accessKey: false, skipMissing: false})).toThrow(/exists already/);
	});
});

describe('planRestore: a hand-edited record is checked against IAM rules before anything is sent', () => {
	const FILE = '/records/zoe.json';
	const refusal = (extra: Partial<OffboardRecord>): string => {
		try {
			planRestore(record(extra), index(), {accessKey: false, skipMissing: false, source: FILE});
		} catch (error) {
			return `${(error as Error).message} — ${(error as {hint?: string}).hint ?? ''}`;
		}
		return 'no refusal';
	};
	const user = recordUser;

	it('a user name with spaces and over 64 characters', () => {
		const long = `zoe left ${'x'.repeat(60)}`;
		const message = refusal(user(long));
		expect(message).toContain(FILE);
		expect(message).toMatch(/user\.name: the user name is 69 characters long; IAM accepts at most 64/);
		expect(refusal(user('zoe left'))).toMatch(/user\.name: the user name "zoe left" contains a space/);
	});

	it('a path without its trailing slash', () => {
		const message = refusal(user('zoe.left', '/team'));
		expect(message).toContain(FILE);
		expect(message).toMatch(/user\.path: the path "\/team" must start and end with "\/"/);
	});

	it('a tag key that starts with aws:', () => {
		const message = refusal({tags: [{Key: 'team', Value: 'ops'}, {Key: 'aws:owner', Value: 'me'}]});
		expect(message).toContain(FILE);
		expect(message).toMatch(/tags\[1\]\.Key: the tag key "aws:owner" starts with "aws:"/);
	});

	it('an inline policy with a Principal', () => {
		const document = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*'}]});
		const message = refusal({inlinePolicies: [{name: 'Extra', document}]});
		expect(message).toContain(FILE);
		expect(message).toMatch(/inlinePolicies\[0\]\.document: Statement 1: Principal is not allowed in an identity policy/);
	});

	it('names every broken field, and an unedited record still plans', () => {
		const message = refusal({...user('zoe left', '/team'), tags: [{Key: 'aws:x', Value: 'y'}]});
		expect(message).toMatch(/user\.name: .*also user\.path: .*tags\[0\]\.Key: /);
		expect(message).toContain('nothing was sent');
		expect(refusal({})).toBe('no refusal');
	});
});
