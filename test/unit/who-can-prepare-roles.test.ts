// The WhoCan screen's warm-up (prepareWhoCan) also works out who may assume each role, so the operator's
// first query asks the simulator nothing about sts:AssumeRole — and answers as a model never warmed up does.
// Each role is named by its own statement, so no role's answer stands for another's.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, prepareWhoCan, whoCan} from '../../source/model/access.js';
import type {AccessModel} from '../../source/model/access/model.js';
import {ROOT, accountWithRoles, allow, policy, roleArn, trustPolicy, trusts} from '../fixtures/roles.js';

const account = () =>
	accountWithRoles({
		users: {dana: {groups: ['Dev']}, olga: {groups: ['Ops']}, ivo: {groups: ['Ops', 'Dev']}},
		groups: {Dev: {inline: {Work: policy(allow('ec2:DescribeInstances'))}}, Ops: {inline: {Assume: policy(allow('sts:AssumeRole', roleArn('Admin')), allow('sts:AssumeRole', roleArn('Data')))}}},
		roles: {
			Admin: {trust: trustPolicy(trusts(ROOT)), inline: {All: policy(allow('ec2:*'))}},
			Data: {trust: trustPolicy(trusts(ROOT)), inline: {Read: policy(allow('s3:GetObject'))}},
		},
	});

/** Simulations asked about sts:AssumeRole so far (the model's statement answers). */
const assumeSimulations = (model: AccessModel) => [...model.knowledge.answers.keys()].filter(key => key.includes('|sts:AssumeRole|')).length;

const readable = async (model: AccessModel, action: string) => {
	const answer = await whoCan(model, action);
	if (!answer.ok) throw new Error(answer.message);
	return JSON.parse(JSON.stringify({users: answer.users, roles: answer.roles})) as unknown;
};

describe('prepareWhoCan and roles', () => {
	it('leaves no sts:AssumeRole question for the first query, and changes no answer', async () => {
		const cold = buildAccessModel(account());
		await readable(cold, 's3:GetObject');
		// Unprepared, the first query asks who may assume the granting role.
		expect(assumeSimulations(cold)).toBeGreaterThan(0);

		const warm = buildAccessModel(account());
		await prepareWhoCan(warm);
		const asked = assumeSimulations(warm);
		expect(asked).toBeGreaterThan(0);
		for (const action of ['s3:GetObject', 'ec2:TerminateInstances']) {
			expect(await readable(warm, action)).toEqual(await readable(buildAccessModel(account()), action));
		}
		expect(assumeSimulations(warm)).toBe(asked);
	});
});
