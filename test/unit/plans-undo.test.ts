// A plan that stopped part-way: proposeUndo takes back exactly the steps that went through, newest
// first, puts back what they replaced (from the account as it was), and names what cannot be undone.
// Each case runs the real executor over the fixture gateway with one write failing, then runs the
// undo plan and checks the account is as it was before.
import {describe, expect, it} from 'vitest';
import {IamError} from '../../source/model/errors.js';
import type {WriteName} from '../../source/model/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import {planCreateUser} from '../../source/model/plans/create-user.js';
import {executePlan, type ExecutionReport} from '../../source/model/plans/execute.js';
import {planPutInlinePolicy} from '../../source/model/plans/inline-policies.js';
import {planMembership} from '../../source/model/plans/group-membership.js';
import type {Plan} from '../../source/model/plans/types.js';
import {proposeUndo} from '../../source/model/plans/undo.js';
import {Secret} from '../../source/model/secret.js';
import type {AccountSnapshot} from '../../source/model/snapshot.js';
import {fixtureSnapshot} from '../fixtures/account.js';
import {fixtureGateway} from '../fixtures/gateway.js';
import {overrideOperations} from '../helpers/override-operations.js';

const denied = (action: string) => new IamError('AccessDenied', `not authorized to perform ${action}`, '', 'AccessDenied');
const gone = () => new IamError('NotFound', 'The group cannot be found', '', 'NoSuchEntity');

const journal = {append: () => {}};
const actor = {profile: null, account: null, callerArn: null};

/** Runs `plan` against a fresh fixture account where the first `failing` write fails. */
const runFailing = async (plan: Plan, failing: WriteName, error: unknown, snapshot: AccountSnapshot = fixtureSnapshot()) => {
	const gateway = fixtureGateway({snapshot, failWrite: {operation: failing, error}});
	const report = await executePlan(plan, {gateway, journal, actor});
	return {gateway, report};
};

const statuses = (report: ExecutionReport) => report.outcomes.map(o => `${o.status} ${o.step.run.operation}`);

describe('proposeUndo', () => {
	it('W1 stopped at the group (AccessDenied): the key, the change-password policy, the password and the user are taken back, newest first', async () => {
		const before = buildIndex(fixtureSnapshot());
		const plan = planCreateUser(before, {
			name: 'dana',
			tags: [],
			console: {password: new Secret('Xy7!long-enough-pass'), passwordResetRequired: true},
			accessKey: true,
			groups: ['LightsailFullAccessGroup'],
		});
		const {gateway, report} = await runFailing(plan, 'addUserToGroup', denied('iam:AddUserToGroup'));
		expect(statuses(report)).toEqual(['done createUser', 'done createLoginProfile', 'done attachUserPolicy', 'done createAccessKey', 'failed addUserToGroup']);

		const {plan: undo, cannotUndo} = proposeUndo(plan, report, before);
		expect(cannotUndo).toEqual([]);
		const accessKeyId = report.patch.changes.find(c => c.operation === 'createAccessKey')!.result!.accessKeyId!;
		expect(undo!.steps.map(s => s.awsCli)).toEqual([
			`aws iam delete-access-key --user-name dana --access-key-id ${accessKeyId}`,
			'aws iam detach-user-policy --user-name dana --policy-arn arn:aws:iam::aws:policy/IAMUserChangePassword',
			'aws iam delete-login-profile --user-name dana',
			'aws iam delete-user --user-name dana',
		]);
		// Deleting the user is still a deletion: its name is typed.
		expect(undo!.confirmName).toBe('dana');
		expect(undo!.dangerous).toBe(true);
		expect(undo!.notes?.[0]).toContain('4 steps');

		const undone = await executePlan(undo!, {gateway, journal, actor});
		expect(undone.ok).toBe(true);
		const after = await gateway.loadSnapshot();
		expect(after.users.map(u => u.name)).toEqual(fixtureSnapshot().users.map(u => u.name));
	});

	it('a membership change for several users stopped at NoSuchEntity: only the users already added are removed again', async () => {
		const before = buildIndex(fixtureSnapshot());
		const plan = planMembership(before, {change: 'add', group: 'Managers', users: ['bruno.costa', 'eve.adams', 'heidi.klum']});
		// The fixture fails the first addUserToGroup; so fail the second by letting one through first.
		const gateway = fixtureGateway({snapshot: fixtureSnapshot()});
		let sent = 0;
		const failingSecond = overrideOperations(gateway, (name, own) =>
			name === 'addUserToGroup'
				? async (input: {user: string; group: string}) => {
						sent += 1;
						if (sent === 2) throw gone();
						return own(input);
					}
				: undefined,
		);
		const report = await executePlan(plan, {gateway: failingSecond, journal, actor});
		expect(statuses(report)).toEqual(['done addUserToGroup', 'failed addUserToGroup', 'not-run addUserToGroup']);

		const {plan: undo} = proposeUndo(plan, report, before);
		expect(undo!.steps.map(s => s.description)).toEqual(['Remove bruno.costa from group Managers']);
		expect(undo!.confirmName).toBeUndefined();
		expect(undo!.dangerous).toBe(true);
	});

	it('an inline policy that replaced an earlier document is put back as it was; a new one is deleted', async () => {
		const before = buildIndex(fixtureSnapshot());
		const earlier = before.userByName.get('eve.adams')!.inlinePolicies.find(p => p.name === 'EveExtra')!.document;
		const replace = planPutInlinePolicy(before, {target: {kind: 'user', name: 'eve.adams'}, policyName: 'EveExtra', document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}'});
		const add = planPutInlinePolicy(before, {target: {kind: 'user', name: 'eve.adams'}, policyName: 'Brand-new', document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'});
		// One plan with both puts, stopped by a third step that fails.
		const plan: Plan = {...replace, steps: [...replace.steps, ...add.steps, {description: 'then fails', awsCli: 'aws iam create-group --group-name x', run: {operation: 'createGroup', group: 'x'}}]};
		const {report} = await runFailing(plan, 'createGroup', denied('iam:CreateGroup'));

		const {plan: undo} = proposeUndo(plan, report, before);
		expect(undo!.steps.map(s => s.run)).toEqual([
			{operation: 'deleteUserPolicy', user: 'eve.adams', policyName: 'Brand-new'},
			{operation: 'putUserPolicy', user: 'eve.adams', policyName: 'EveExtra', document: earlier},
		]);
		// Without the earlier account, a replaced document cannot be put back: it is named, not guessed.
		const blind = proposeUndo(plan, report);
		expect(blind.plan).toBeUndefined();
		expect(blind.cannotUndo).toHaveLength(2);
		expect(blind.cannotUndo[0]).toContain('iam:PutUserPolicy Brand-new of user eve.adams');
	});

	it('deletions and overwritten passwords cannot be undone and say so; reversible steps around them still are', async () => {
		const before = buildIndex(fixtureSnapshot());
		const plan: Plan = {
			title: 'mixed',
			dangerous: true,
			targets: [{kind: 'user', name: 'ana.silva'}],
			previews: [],
			steps: [
				{description: 'a', awsCli: 'a', run: {operation: 'updateAccessKey', user: 'ana.silva', accessKeyId: 'AKIAANAEXAMPLE000001', status: 'Inactive'}},
				{description: 'b', awsCli: 'b', run: {operation: 'updateLoginProfile', user: 'ana.silva', password: new Secret('Xy7!long-enough-pass'), passwordResetRequired: true}},
				{description: 'c', awsCli: 'c', run: {operation: 'deleteAccessKey', user: 'ana.silva', accessKeyId: 'AKIAANAEXAMPLE000001'}},
				{description: 'd', awsCli: 'd', run: {operation: 'removeUserFromGroup', user: 'ana.silva', group: 'Developers'}},
			],
		};
		const {report} = await runFailing(plan, 'removeUserFromGroup', denied('iam:RemoveUserFromGroup'));
		const {plan: undo, cannotUndo} = proposeUndo(plan, report, before);
		expect(undo!.steps.map(s => s.awsCli)).toEqual(['aws iam update-access-key --user-name ana.silva --access-key-id AKIAANAEXAMPLE000001 --status Active']);
		expect(cannotUndo).toEqual([
			'access key AKIAANAEXAMPLE000001 of ana.silva: a deleted secret cannot be recovered (issue a new key); iamtui cannot bring it back',
			'the console password of ana.silva: the earlier password is not known (nobody keeps it)',
		]);
		expect(undo!.notes).toContain(`Cannot be undone: ${cannotUndo[0]}`);
		// Re-activating a key gives access back, it takes none away.
		expect(undo!.dangerous).toBe(false);
	});

	it('offers nothing after a plan that succeeded, or failed at its first step', async () => {
		const before = buildIndex(fixtureSnapshot());
		const plan = planMembership(before, {change: 'remove', group: 'Developers', users: ['bruno.costa']});
		const ok = await executePlan(plan, {gateway: fixtureGateway({snapshot: fixtureSnapshot()}), journal, actor});
		expect(proposeUndo(plan, ok, before)).toEqual({cannotUndo: []});
		const {report} = await runFailing(plan, 'removeUserFromGroup', denied('iam:RemoveUserFromGroup'));
		expect(proposeUndo(plan, report, before)).toEqual({cannotUndo: []});
	});

	it('steps a resumable plan found already done ("already gone") are not this run\'s work and are not undone', async () => {
		const before = buildIndex(fixtureSnapshot());
		const plan: Plan = {
			title: 'resume',
			dangerous: true,
			targets: [],
			previews: [],
			steps: [
				{description: 'a', awsCli: 'a', run: {operation: 'removeUserFromGroup', user: 'bruno.costa', group: 'Developers'}},
				{description: 'b', awsCli: 'b', run: {operation: 'removeUserFromGroup', user: 'ana.silva', group: 'Developers'}},
				{description: 'c', awsCli: 'c', run: {operation: 'deleteUser', user: 'ana.silva'}},
			],
		};
		const gateway = fixtureGateway({snapshot: fixtureSnapshot()});
		const flaky = overrideOperations(gateway, (name, own) => {
			if (name === 'removeUserFromGroup')
				return async (input: {user: string; group: string}) => {
					if (input.user === 'bruno.costa') throw gone();
					return own(input);
				};
			if (name === 'deleteUser') return async () => Promise.reject(denied('iam:DeleteUser'));
			return undefined;
		});
		const report = await executePlan(plan, {gateway: flaky, journal, actor, goneIsDone: true});
		expect(statuses(report)).toEqual(['done removeUserFromGroup', 'done removeUserFromGroup', 'failed deleteUser']);
		const {plan: undo} = proposeUndo(plan, report, before);
		expect(undo!.steps.map(s => s.description)).toEqual(['Add ana.silva to group Developers']);
	});
});
