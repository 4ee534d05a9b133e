// Issue 14, item 3: `journal resolve` against moto. What the evidence cannot settle keeps the plan
// unfinished (exit 3, with what to do); --mark-resolved closes it without sending anything.
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, it} from 'vitest';
import {resolveJournalCommand} from '../../source/commands/journal-resolve.js';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {unfinishedPlans} from '../../source/model/plans/journal-plans.js';
import {Journal} from '../../source/store/journal.js';
import {describeWithMoto} from '../helpers/with-moto.js';
import {useMotoForWrites} from './writes-moto.js';

describeWithMoto('journal resolve against moto', () => {
	const env = useMotoForWrites();

	it('two keys appeared after the intent: the rest is taken back, neither key is deleted, the plan stays unfinished until --mark-resolved', async () => {
		const journal = new Journal(mkdtempSync(path.join(os.tmpdir(), 'iamtui-resolve-')));
		const sentAt = new Date().toISOString();
		await env.gateway().createUser({user: 'ana'});
		await env.gateway().createGroup({group: 'G'});
		await env.gateway().addUserToGroup({user: 'ana', group: 'G'});
		const ours = await env.gateway().createAccessKey({user: 'ana'});
		const theirs = await env.gateway().createAccessKey({user: 'ana'});
		const line = (step: number, operation: string, outcome: JournalEntry['outcome'], target: JournalEntry['target']): JournalEntry =>
			({time: sentAt, profile: null, account: null, callerArn: null, operation, target, outcome, errorCode: null, planId: 'c0ffee01', step});
		for (const entry of [
			line(0, 'iam:AddUserToGroup', 'intent', {user: 'ana', group: 'G'}),
			line(0, 'iam:AddUserToGroup', 'ok', {user: 'ana', group: 'G'}),
			line(1, 'iam:CreateAccessKey', 'intent', {user: 'ana'}),
		])
			journal.append(entry);
		const options = {settings: {endpoint: env.moto().endpoint}, journal, json: false, yes: true, dryRun: false, takeBack: true};

		const taken = await resolveJournalCommand(async () => env.gateway(), ['resolve', 'c0ffee01'], options);
		expect(taken.exitCode).toBe(3);
		expect(taken.stdout).toMatch(/done\s+Remove ana from group G/);
		expect(taken.stdout).toContain(`${ours.accessKeyId}, ${theirs.accessKeyId}`);
		expect(taken.stderr).toContain('iamtui journal resolve c0ffee01 --mark-resolved');
		expect((await env.gateway().accessKeys('ana')).map(k => k.accessKeyId).sort()).toEqual([ours.accessKeyId, theirs.accessKeyId].sort());
		expect((await env.gateway().loadSnapshot()).users.find(u => u.name === 'ana')?.groups).toEqual([]);
		expect(unfinishedPlans(journal.lines()).map(p => p.planId)).toEqual(['c0ffee01']);

		const closed = await resolveJournalCommand(async () => {
			throw new Error('--mark-resolved must not connect');
		}, ['resolve', 'c0ffee01'], {...options, takeBack: false, markResolved: true});
		expect(closed.exitCode ?? 0).toBe(0);
		expect(unfinishedPlans(journal.lines())).toEqual([]);
	});
});
