// Statements that read principal tags are simulated once per distinct value of the tags they read, not
// once per user — and the answers stay those of each user evaluated on their own (explain).
import {describe, expect, it} from 'vitest';
import {buildAccessModel, explain, whoCan, type WhoCanAnswer} from '../../source/model/access.js';
import type {AccessModel} from '../../source/model/access/model.js';
import {accountWithRoles, allow, policy, type UserSpec} from '../fixtures/roles.js';

const TEAM_KEYS = allow('iam:CreateAccessKey', '*', {Condition: {StringEquals: {'aws:PrincipalTag/team': 'ops'}}});
const TEAM_BUCKET = allow('s3:GetObject', 'arn:aws:s3:::${aws:PrincipalTag/team}-bucket/*');
const OWN_PREFIX = allow('s3:ListBucket', '*', {Condition: {StringEquals: {'aws:PrincipalTag/owner': '${aws:username}'}}});

const users: Record<string, UserSpec> = {};
const tagged = (team: string | undefined, key = 'team') => (team === undefined ? {} : {[key]: team});
for (let n = 0; n < 12; n++) users[`ops-${n}`] = {groups: ['Staff'], tags: tagged('ops')};
for (let n = 0; n < 8; n++) users[`dev-${n}`] = {groups: ['Staff'], tags: tagged('dev')};
for (let n = 0; n < 5; n++) users[`none-${n}`] = {groups: ['Staff']};
// Another spelling of the tag key: its own kind of user, whatever the simulator makes of the case.
for (let n = 0; n < 3; n++) users[`cap-${n}`] = {groups: ['Staff'], tags: tagged('ops', 'Team')};
users['self-0'] = {groups: ['Staff'], tags: {owner: 'self-0'}};
users['self-1'] = {groups: ['Staff'], tags: {owner: 'someone-else'}};

const account = () => accountWithRoles({users, groups: {Staff: {inline: {Team: policy(TEAM_KEYS, TEAM_BUCKET, OWN_PREFIX)}}}});

const simulations = (model: AccessModel) => [...model.memo.keys()].filter(k => k.startsWith('statements:')).length;

const answer = async (model: AccessModel, action: string, resource = '*'): Promise<WhoCanAnswer> => {
	const result = await whoCan(model, action, resource);
	if (!result.ok) throw new Error(result.message);
	return result;
};

/** Each user on their own, as `can` answers: [name, decision] for those Allowed or Conditional. */
const oneByOne = async (model: AccessModel, action: string, resource = '*') => {
	const found: Array<[string, string]> = [];
	for (const name of Object.keys(users).sort()) {
		const r = await explain(model, name, action, resource);
		if (!r.ok) throw new Error(r.message);
		if (r.decision === 'Allowed' || r.decision === 'Conditional') found.push([name, r.decision]);
	}
	return found;
};

describe('who-can shares simulations between users with the same tag values', () => {
	it.each([
		['iam:CreateAccessKey', '*'],
		['s3:GetObject', 'arn:aws:s3:::ops-bucket/report.csv'],
		['s3:GetObject', 'arn:aws:s3:::dev-bucket/report.csv'],
	])('%s on %s: one simulation per distinct team value, the answers as user by user', async (action, resource) => {
		const model = buildAccessModel(account());
		const result = await answer(model, action, resource);
		// Users: team ops, dev, none (self-0 and self-1 among them: owner is not read here), Team=ops; and the group.
		expect(simulations(model)).toBe(5);
		const reference = await oneByOne(buildAccessModel(account()), action, resource);
		expect(result.users.map(u => [u.name, u.decision])).toEqual(reference);
		// The comparison means something: the team the resource names is in, the other is not.
		const team = resource.includes('dev-bucket') ? 'dev' : 'ops';
		expect(result.users.some(u => u.name.startsWith(`${team}-`))).toBe(true);
		expect(result.users.some(u => u.name.startsWith(`${team === 'dev' ? 'ops' : 'dev'}-`))).toBe(false);
	});

	it('a statement that compares a tag with the user name is still simulated user by user, and right', async () => {
		const model = buildAccessModel(account());
		const result = await answer(model, 's3:ListBucket');
		// Every user, and the group.
		expect(simulations(model)).toBe(Object.keys(users).length + 1);
		expect(result.users.map(u => [u.name, u.decision])).toEqual(await oneByOne(buildAccessModel(account()), 's3:ListBucket'));
		expect(result.users.map(u => u.name)).toContain('self-0');
		expect(result.users.map(u => u.name)).not.toContain('self-1');
	});
});
