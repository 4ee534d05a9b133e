// W1 onboarding plan: the steps in order with their aws lines, the console's IAMUserChangePassword
// habit, the secret kept out of every text, and IAM's refusals.
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {CHANGE_PASSWORD_POLICY_ARN, planCreateUser, type NewUserRequest} from '../../source/model/plans/create-user.js';
import {planLines, planText} from '../../source/model/plans/describe.js';
import {Secret} from '../../source/model/secret.js';
import type {Group} from '../../source/model/snapshot.js';
import {ACCOUNT, fixtureSnapshot, groups} from '../fixtures/account.js';

const PASSWORD = 'Xq7!pZ2#rT9$wK4m';
const index = buildIndex(fixtureSnapshot());

const request = (extra: Partial<NewUserRequest> = {}): NewUserRequest => ({
	name: 'lucia.lightsail',
	tags: [{Key: 'team', Value: 'lightsail'}],
	console: {password: new Secret(PASSWORD), passwordResetRequired: true},
	accessKey: true,
	groups: ['LightsailFullAccessGroup'],
	...extra,
});

describe('planCreateUser', () => {
	it('W1: user with tags, password, IAMUserChangePassword, key, then the group — in that order', () => {
		const plan = planCreateUser(index, request());
		expect(plan.title).toBe('Create user lucia.lightsail');
		expect(plan.dangerous).toBe(false);
		expect(plan.confirmName).toBeUndefined();
		expect(plan.steps.map(s => s.run.operation)).toEqual(['createUser', 'createLoginProfile', 'attachUserPolicy', 'createAccessKey', 'addUserToGroup']);
		expect(plan.steps.map(s => s.awsCli)).toEqual([
			'aws iam create-user --user-name lucia.lightsail --tags Key=team,Value=lightsail',
			"aws iam create-login-profile --user-name lucia.lightsail --password '<generated, shown once>' --password-reset-required",
			'aws iam attach-user-policy --user-name lucia.lightsail --policy-arn arn:aws:iam::aws:policy/IAMUserChangePassword',
			'aws iam create-access-key --user-name lucia.lightsail',
			'aws iam add-user-to-group --user-name lucia.lightsail --group-name LightsailFullAccessGroup',
		]);
		expect(plan.steps[0]!.run).toEqual({operation: 'createUser', user: 'lucia.lightsail', tags: [{Key: 'team', Value: 'lightsail'}]});
		expect(plan.steps[2]!.run).toEqual({operation: 'attachUserPolicy', user: 'lucia.lightsail', policyArn: CHANGE_PASSWORD_POLICY_ARN});
		expect(plan.targets).toEqual([{kind: 'user', name: 'lucia.lightsail'}, {kind: 'group', name: 'LightsailFullAccessGroup'}]);
		expect(plan.notes!.join('\n')).toMatch(/password and secret access key will be shown once/);
	});

	it('carries the password as the Secret it was given, and nowhere as text', () => {
		const secret = new Secret(PASSWORD);
		const plan = planCreateUser(index, request({console: {password: secret, passwordResetRequired: true}}));
		const run = plan.steps[1]!.run;
		expect(run.operation === 'createLoginProfile' && run.password).toBe(secret);
		expect(secret.reveal()).toBe(PASSWORD);
		const texts = [JSON.stringify(plan), planText(plan), ...planLines(plan).map(l => l.text), ...plan.steps.flatMap(s => [s.description, s.awsCli])];
		for (const text of texts) expect(text).not.toContain(PASSWORD);
		expect(JSON.stringify(plan)).toContain('«secret»');
	});

	it('shows what the group brings to the new user', () => {
		const plan = planCreateUser(index, request());
		expect(plan.previews).toHaveLength(1);
		expect(plan.previews[0]!.policies.map(p => p.name)).toEqual(['LightsailFullAccessPolicy']);
		expect(plan.previews[0]!.actions.map(a => a.pattern)).toEqual(['lightsail:*']);
		expect(planText(plan)).toContain('gains lightsail:*');
	});

	it('without a reset, no IAMUserChangePassword; without console or key, only the user and groups', () => {
		const noReset = planCreateUser(index, request({console: {password: new Secret(PASSWORD), passwordResetRequired: false}, accessKey: false}));
		expect(noReset.steps.map(s => s.run.operation)).toEqual(['createUser', 'createLoginProfile', 'addUserToGroup']);
		expect(noReset.steps[1]!.awsCli).toMatch(/--no-password-reset-required$/);
		const bare = planCreateUser(index, request({console: null, accessKey: false, tags: [], groups: ['Developers', 'Managers', 'Developers'], path: '/staff/'}));
		expect(bare.steps.map(s => s.awsCli)).toEqual([
			'aws iam create-user --user-name lucia.lightsail --path /staff/',
			'aws iam add-user-to-group --user-name lucia.lightsail --group-name Developers',
			'aws iam add-user-to-group --user-name lucia.lightsail --group-name Managers',
		]);
		expect(bare.notes).toEqual([]);
	});

	it('writes tags the shorthand would misread in the JSON form, quoted for the shell', () => {
		const plan = planCreateUser(index, request({tags: [{Key: 'team', Value: 'ops'}, {Key: 'owner', Value: 'Ana Silva = São Paulo'}], console: null, accessKey: false, groups: []}));
		expect(plan.steps[0]!.awsCli).toBe(
			`aws iam create-user --user-name lucia.lightsail --tags '[{"Key":"team","Value":"ops"},{"Key":"owner","Value":"Ana Silva = São Paulo"}]'`,
		);
		expect(plan.steps[0]!.description).toBe('Create user lucia.lightsail with 2 tags');
	});

	it('refuses a name that exists, also in another case (IAM names ignore case)', () => {
		expect(() => planCreateUser(index, request({name: 'ana.silva'}))).toThrowError(
			expect.objectContaining({kind: 'Conflict', message: 'a user named ana.silva already exists'}),
		);
		expect(() => planCreateUser(index, request({name: 'Ana.Silva'}))).toThrowError(
			expect.objectContaining({kind: 'Conflict', message: expect.stringContaining('ana.silva already exists, and IAM user names ignore case')}),
		);
	});

	it('refuses unknown groups and more than 10 groups', () => {
		expect(() => planCreateUser(index, request({groups: ['Developer']}))).toThrowError(
			expect.objectContaining({kind: 'NotFound', message: 'no group named Developer in this account', hint: expect.stringContaining('Developers')}),
		);
		const extra: Group[] = Array.from({length: 11}, (_, n) => ({...groups[4]!, name: `G${n}`, arn: `arn:aws:iam::${ACCOUNT}:group/G${n}`}));
		const big = buildIndex(fixtureSnapshot({groups: [...groups, ...extra]}));
		expect(() => planCreateUser(big, request({groups: extra.map(g => g.name)}))).toThrowError(
			expect.objectContaining({kind: 'LimitExceeded', message: '11 groups chosen; IAM puts a user in at most 10'}),
		);
		expect(planCreateUser(big, request({groups: extra.slice(0, 10).map(g => g.name)})).steps.filter(s => s.run.operation === 'addUserToGroup')).toHaveLength(10);
	});

	it('refuses invalid names, paths and tags before anything else', () => {
		const invalid = (extra: Partial<NewUserRequest>, text: RegExp) =>
			expect(() => planCreateUser(index, request(extra))).toThrowError(expect.objectContaining({kind: 'Invalid', message: expect.stringMatching(text)}));
		invalid({name: 'lucia lightsail'}, /contains a space/);
		invalid({name: 'lucia '}, /starts or ends with a space/);
		invalid({name: 'ops/lucia'}, /contains "\/"/);
		invalid({name: 'lúcia'}, /not ASCII/);
		invalid({name: 'l'.repeat(65)}, /at most 64/);
		invalid({path: 'staff'}, /must start and end with "\/"/);
		invalid({tags: [{Key: 'aws:team', Value: 'x'}]}, /reserves/);
	});
});
