// The organization's background warm-up for org-wide who-can: every loaded account's model readied (its who-can
// index built, so the first org-wide answer does not pay for it), the answers the same as on fresh models, nothing
// done while a query runs, and nothing more once stopped. Real models and who-can on in-memory accounts.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, type AccessModel} from '../../source/model/access.js';
import {buildIndex} from '../../source/model/indexes.js';
import {accountAnswerInputs, type ModelOf} from '../../source/model/org/account-answers.js';
import type {OpenedOrganization} from '../../source/model/org/org-load.js';
import {prepareOrgWhoCan} from '../../source/model/org/org-prepare.js';
import {DEV, MANAGEMENT, orgWith, PROD} from '../fixtures/org-shape.js';
import {ROOT, accountWithRoles, allow, policy, roleArn, trustPolicy, trusts} from '../fixtures/roles.js';

const account = (user: string) =>
	accountWithRoles({
		users: {[user]: {groups: ['Ops']}},
		groups: {Ops: {inline: {AssumeAdmin: policy(allow('sts:AssumeRole', roleArn('Admin')))}}},
		roles: {Admin: {trust: trustPolicy(trusts(ROOT)), inline: {Everything: policy(allow('*'))}}},
	}).snapshot;

const opened = (): OpenedOrganization => {
	const org = orgWith([]);
	const outcome = (id: string, name: string, load: OpenedOrganization['accounts'][number]['load']) => ({account: {id, name, kind: 'account' as const, scps: []}, path: [], load});
	return {
		organization: org,
		callerAccountId: MANAGEMENT,
		auditRole: 'OrganizationAccountAccessRole',
		accounts: [
			outcome(PROD, 'prod', {kind: 'loaded', snapshot: account('ana')}),
			outcome('444444444444', 'sandbox', {kind: 'failed', step: 'assume-role', message: 'denied', hint: ''}),
			outcome(DEV, 'dev', {kind: 'loaded', snapshot: account('bo')}),
		],
	};
};

/** The models a session keeps, by account, as the organization's provider keeps them. */
const kept = () => {
	const models = new Map<string, AccessModel>();
	const modelOf: ModelOf = (id, snapshot) => {
		let model = models.get(id);
		if (!model) models.set(id, (model = buildAccessModel(buildIndex(snapshot))));
		return model;
	};
	return {models, modelOf};
};

describe('prepareOrgWhoCan', () => {
	it("readies each loaded account's model (the failed one has none); answers are the same as on fresh models", async () => {
		const org = opened();
		const {models, modelOf} = kept();
		await prepareOrgWhoCan(org, modelOf, new AbortController().signal, () => false);
		expect([...models.keys()]).toEqual([PROD, DEV]);
		expect([...models.values()].every(model => model.whoCanIndex !== undefined)).toBe(true);
		const names = async (modelOf?: ModelOf) => {
			const asked = await accountAnswerInputs(org, 'ec2:TerminateInstances', '*', modelOf);
			if (!asked.ok) throw new Error(asked.message);
			return asked.inputs.map(input => ('answer' in input ? input.answer.users.map(u => `${u.name} ${u.decision}`) : input.error));
		};
		expect(await names(modelOf)).toEqual([['ana Allowed'], 'denied', ['bo Allowed']]);
		expect(await names(modelOf)).toEqual(await names());
	});

	it('waits while a query runs, and does nothing more once stopped', async () => {
		const org = opened();
		const {models, modelOf} = kept();
		let busy = true;
		const stop = new AbortController();
		const warming = prepareOrgWhoCan(org, modelOf, stop.signal, () => busy);
		await new Promise(resolve => setTimeout(resolve, 120));
		expect(models.size).toBe(0);
		busy = false;
		// The first account readied, then stopped before the next.
		while (models.size === 0) await new Promise(resolve => setTimeout(resolve, 5));
		stop.abort();
		await warming;
		expect([...models.keys()]).toEqual([PROD]);
	});
});
