// A journal that cannot be written never hides a write that landed (issue 14): the executor reports the
// step as done with its secret, and the journal failure beside it as its own warning ("the change WAS
// made"); a write whose intent cannot be journaled is not sent. A real Journal whose journal.jsonl is
// replaced by a folder while the request is out, and a journal that throws on the outcome line only.
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {IamGateway} from '../../source/model/gateway.js';
import {executePlan, type JournalEntry} from '../../source/model/plans/execute.js';
import type {Plan, PlanStep} from '../../source/model/plans/types.js';
import {Secret} from '../../source/model/secret.js';
import {Journal} from '../../source/store/journal.js';
import {ACCOUNT} from '../fixtures/account.js';
import {fixtureGateway} from '../fixtures/gateway.js';
import {overrideOperations} from '../helpers/override-operations.js';

const actor = {profile: 'dev', account: ACCOUNT, callerArn: `arn:aws:iam::${ACCOUNT}:user/operator`};
const step = (description: string, run: PlanStep['run']): PlanStep => ({description, awsCli: `aws iam ${description}`, run});
const plan = (...steps: PlanStep[]): Plan => ({title: 'test', dangerous: false, targets: [{kind: 'user', name: 'ana.silva'}], steps, previews: []});
const createKey = step('create-access-key', {operation: 'createAccessKey', user: 'ana.silva'});
const join = step('add-user-to-group', {operation: 'addUserToGroup', user: 'ana.silva', group: 'Managers'});

/** The fixture gateway, with `during` run while the CreateAccessKey request is out (after the intent line). */
const withHook = (during: () => void) => {
	const gateway = fixtureGateway();
	const hooked: IamGateway = overrideOperations(gateway, (name, own) =>
		name === 'createAccessKey'
			? async (input: {user: string}) => {
					during();
					return own(input);
				}
			: undefined,
	);
	return {gateway, hooked};
};

describe('a journal that fails after a write landed', () => {
	it('journal.jsonl replaced by a folder mid-run: the key and its secret are reported, the journal failure is a warning, the next step is not sent', async () => {
		const journal = new Journal(mkdtempSync(path.join(os.tmpdir(), 'iamtui-exec-journal-')));
		const {gateway, hooked} = withHook(() => {
			rmSync(journal.path);
			mkdirSync(journal.path);
		});
		const report = await executePlan(plan(createKey, join), {gateway: hooked, journal, actor});
		const [key, group] = report.outcomes;
		expect(key!.status).toBe('done');
		expect(key!.message).toMatch(/^the journal could not be written: .*journal\.jsonl.*; the change WAS made$/);
		expect(report.secrets).toEqual([expect.objectContaining({kind: 'access-key', user: 'ana.silva', accessKeyId: expect.stringMatching(/^AKIA/)})]);
		const issued = report.secrets[0]!;
		expect(issued.kind === 'access-key' && issued.secretAccessKey.reveal()).toMatch(/^fixture-secret-/);
		expect(report.patch.changes).toEqual([expect.objectContaining({operation: 'createAccessKey', user: 'ana.silva'})]);
		// The next write's intent cannot be journaled either: it is not sent.
		expect(group!.status).toBe('failed');
		expect(group!.message).toMatch(/^the journal could not be written: .*; nothing was sent for step 2; fix the journal, then run again$/);
		expect(gateway.calls.filter(c => c.startsWith('addUserToGroup'))).toEqual([]);
		expect(report.ok).toBe(false);
		expect(report.journalWarnings).toHaveLength(2);
		expect(report.journalWarnings![0]).toBe(key!.message);
	});

	it('a journal that throws on the outcome line only: the password set is reported, the run is ok, one warning', async () => {
		const written: JournalEntry[] = [];
		const journal = {
			append(entry: JournalEntry) {
				if (entry.outcome !== 'intent') throw new Error('disk full');
				written.push(entry);
			},
		};
		const password = new Secret('Tr0ub4dor&3-Correct');
		const report = await executePlan(plan(step('create-login-profile', {operation: 'createLoginProfile', user: 'ana.silva', password, passwordResetRequired: true})), {
			gateway: fixtureGateway(),
			journal,
			actor,
		});
		expect(report.ok).toBe(true);
		expect(report.outcomes[0]).toMatchObject({status: 'done', message: 'the journal could not be written: disk full; the change WAS made'});
		expect(report.secrets).toEqual([expect.objectContaining({kind: 'password', user: 'ana.silva', password})]);
		expect(report.journalWarnings).toEqual(['the journal could not be written: disk full; the change WAS made']);
		expect(written.map(e => e.outcome)).toEqual(['intent']);
	});

	it('a journal that cannot take the intent: nothing is sent, the run reports it instead of throwing', async () => {
		const gateway = fixtureGateway();
		const report = await executePlan(plan(join), {
			gateway,
			journal: {
				append() {
					throw new Error('journal.jsonl is a symbolic link');
				},
			},
			actor,
		});
		expect(report.ok).toBe(false);
		expect(report.outcomes[0]).toMatchObject({status: 'failed', message: expect.stringMatching(/symbolic link; nothing was sent for step 1/)});
		expect(gateway.calls.filter(c => c.startsWith('addUserToGroup'))).toEqual([]);
	});
});
