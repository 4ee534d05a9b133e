// Accounts of one organization share what they have in common (shared-knowledge.ts): a statement set is
// simulated once for all of them, yet each account's answer is the one it gets on a model of its own. A
// statement naming an account, and a model with stated request context, keep their own answers.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, whoCan, type WhoCanAnswer} from '../../source/model/access.js';
import type {AccessModel} from '../../source/model/access/model.js';
import {sharedKnowledge} from '../../source/model/access/shared-knowledge.js';
import {buildIndex, type SnapshotIndex} from '../../source/model/indexes.js';
import {ACCOUNT, OTHER_ACCOUNT, accountWithRoles, allow, policy, trustPolicy, trusts} from '../fixtures/roles.js';

const ROOT_OF = (account: string) => `arn:aws:iam::${account}:root`;

const account = (extra: Record<string, string> = {}) =>
	accountWithRoles({
		users: {dana: {groups: ['Dev']}, olga: {groups: ['Ops']}, mia: {managed: ['Mfa']}},
		groups: {Dev: {inline: {Work: policy(allow('ec2:TerminateInstances', 'arn:aws:ec2:*:*:instance/*'), ...Object.values(extra).map(text => JSON.parse(text) as Record<string, unknown>))}}, Ops: {inline: {Assume: policy(allow('sts:AssumeRole', '*'))}}},
		managed: {Mfa: policy(allow('ec2:TerminateInstances', '*', {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}}))},
		roles: {Admin: {trust: trustPolicy(trusts(ROOT_OF(ACCOUNT))), inline: {All: policy(allow('ec2:*'))}}},
	});

/** The same account under another id (ARNs and trusts moved; statements that name no account unchanged). */
const movedTo = (index: SnapshotIndex, id: string): SnapshotIndex => buildIndex(JSON.parse(JSON.stringify(index.snapshot).replaceAll(ACCOUNT, id)));

const ok = (result: Awaited<ReturnType<typeof whoCan>>): WhoCanAnswer => {
	if (!result.ok) throw new Error(result.message);
	return result;
};

/** What an operator reads of an answer: names, decisions, paths and conditions (role paths included). */
const readable = (answer: WhoCanAnswer) =>
	JSON.parse(JSON.stringify({users: answer.users, groups: answer.groups, roles: answer.roles, notes: answer.notes})) as unknown;

const alone = async (index: SnapshotIndex, action: string, model?: (index: SnapshotIndex) => AccessModel) => readable(ok(await whoCan(model ? model(index) : buildAccessModel(index), action)));

describe('knowledge shared between accounts', () => {
	it('simulates a statement set once for every account, and each account gets its own answer', async () => {
		const first = account();
		const second = movedTo(first, OTHER_ACCOUNT);
		const knowledge = sharedKnowledge();
		const one = buildAccessModel(first, undefined, knowledge);
		const two = buildAccessModel(second, undefined, knowledge);
		const firstAnswer = ok(await whoCan(one, 'ec2:TerminateInstances'));
		const simulated = knowledge.answers.size;
		expect(simulated).toBeGreaterThan(0);
		const before = new Set(knowledge.answers.keys());
		const secondAnswer = ok(await whoCan(two, 'ec2:TerminateInstances'));
		// Only what is asked on the second account's own ARNs (who may assume its Admin role) is simulated again.
		const added = [...knowledge.answers.keys()].filter(key => !before.has(key));
		expect(added.length).toBeLessThan(simulated);
		for (const key of added) expect(key).toContain(OTHER_ACCOUNT);
		expect(readable(firstAnswer)).toEqual(await alone(first, 'ec2:TerminateInstances'));
		expect(readable(secondAnswer)).toEqual(await alone(second, 'ec2:TerminateInstances'));
		// The answers are the account's own: its ARNs, and olga only through its Admin role.
		expect(secondAnswer.users.map(u => [u.name, u.arn, u.decision])).toEqual([
			['dana', `arn:aws:iam::${OTHER_ACCOUNT}:user/dana`, 'Allowed'],
			['mia', `arn:aws:iam::${OTHER_ACCOUNT}:user/mia`, 'Conditional'],
			['olga', `arn:aws:iam::${OTHER_ACCOUNT}:user/olga`, 'Allowed'],
		]);
		expect(secondAnswer.users.find(u => u.name === 'olga')?.throughRoles?.[0]?.steps.map(s => s.roleArn)).toEqual([`arn:aws:iam::${OTHER_ACCOUNT}:role/Admin`]);
	});

	it('keeps the answer of a statement naming an account per account', async () => {
		const naming = JSON.stringify(allow('s3:GetObject', '*', {Condition: {StringEquals: {'aws:ResourceAccount': '111122223333'}}}));
		const first = account({naming});
		const second = movedTo(first, OTHER_ACCOUNT);
		const knowledge = sharedKnowledge();
		await whoCan(buildAccessModel(first, undefined, knowledge), 's3:GetObject');
		const simulated = knowledge.answers.size;
		const secondAnswer = ok(await whoCan(buildAccessModel(second, undefined, knowledge), 's3:GetObject'));
		expect(knowledge.answers.size).toBeGreaterThan(simulated);
		expect(readable(secondAnswer)).toEqual(await alone(second, 's3:GetObject'));
	});

	it('keeps the answers of a model with stated request context apart', async () => {
		const index = account();
		const knowledge = sharedKnowledge();
		const plain = ok(await whoCan(buildAccessModel(index, undefined, knowledge), 'ec2:TerminateInstances'));
		const withMfa = ok(await whoCan(buildAccessModel(index, {'aws:MultiFactorAuthPresent': 'true'}, knowledge), 'ec2:TerminateInstances'));
		const mia = (answer: WhoCanAnswer) => answer.users.find(u => u.name === 'mia');
		expect(mia(plain)).toMatchObject({decision: 'Conditional', conditions: [{key: 'aws:MultiFactorAuthPresent'}]});
		expect(mia(withMfa)).toMatchObject({decision: 'Allowed', conditions: []});
		expect(readable(withMfa)).toEqual(await alone(index, 'ec2:TerminateInstances', i => buildAccessModel(i, {'aws:MultiFactorAuthPresent': 'true'})));
	});
});
