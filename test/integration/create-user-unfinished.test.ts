// Issue 14, item 3: a rerun of create-user on a user whose earlier plan was interrupted. Without a
// terminal it is refused (test/e2e/create-user-kill.test.ts); at a terminal the take-back is offered, and
// once it went through the plan runs again — so the interrupted plan is finished, with one key whose
// secret the operator holds. Against moto; the interruption is a gateway whose AddUserToGroup never returns.
import {mkdtempSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, it} from 'vitest';
import {createUserCommand} from '../../source/commands/create-user.js';
import type {IamGateway} from '../../source/model/gateway.js';
import {unfinishedPlans} from '../../source/model/plans/journal-plans.js';
import {Journal} from '../../source/store/journal.js';
import {overrideOperations} from '../helpers/override-operations.js';
import {describeWithMoto} from '../helpers/with-moto.js';
import {useMotoForWrites} from './writes-moto.js';

/** The gateway, except that AddUserToGroup is sent into the void: the run stops there, as if killed. */
const hangsAtGroup = (inner: IamGateway): IamGateway =>
	overrideOperations(inner, name => (name === 'addUserToGroup' ? () => new Promise(() => {}) : undefined));

describeWithMoto('create-user after an interrupted create-user', () => {
	const env = useMotoForWrites();

	it('at a terminal: the take-back is offered, the orphan key is deleted, and the user is created again with one key', async () => {
		const folder = mkdtempSync(path.join(os.tmpdir(), 'iamtui-unfinished-'));
		const journal = new Journal(folder);
		await env.gateway().createGroup({group: 'G'});
		const options = (csv: string, confirm?: (q: string) => Promise<boolean>) => ({
			settings: {endpoint: env.moto().endpoint},
			journal,
			json: false,
			yes: false,
			dryRun: false,
			...(confirm ? {confirm} : {}),
			flags: {groups: ['G'], tags: [], consolePassword: false, accessKey: true, params: []},
			secrets: {saveCsv: path.join(folder, csv), showSecret: false, overwrite: false},
		});
		void createUserCommand(hangsAtGroup(env.gateway()), ['ana'], options('first.csv'));
		const deadline = Date.now() + 30_000;
		const atGroup = () => journal.lines().some(e => e.operation === 'iam:AddUserToGroup' && e.outcome === 'intent');
		while (!atGroup() && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
		const [orphan] = (await env.gateway().accessKeys('ana')).map(k => k.accessKeyId);
		expect(orphan).toBeDefined();

		const asked: string[] = [];
		const rerun = await createUserCommand(env.gateway(), ['ana'], options('second.csv', async question => (asked.push(question), true)));
		expect(rerun.exitCode ?? 0, rerun.stderr).toBe(0);
		expect(asked[0]).toContain('did not finish');
		expect(asked[0]).toContain('Take plan');
		expect(rerun.stdout).toContain(`aws iam delete-access-key --user-name ana --access-key-id ${orphan}`);
		expect(rerun.stdout).toMatch(/done\s+Add ana to group G/);
		const keys = (await env.gateway().accessKeys('ana')).map(k => k.accessKeyId);
		expect(keys).toHaveLength(1);
		expect(keys).not.toContain(orphan);
		expect(readFileSync(path.join(folder, 'second.csv'), 'utf8')).toContain(keys[0]);
		expect(unfinishedPlans(journal.lines())).toEqual([]);
	});

	it('at a terminal, answered no: nothing is sent and the commands to resolve it are printed', async () => {
		const folder = mkdtempSync(path.join(os.tmpdir(), 'iamtui-unfinished-'));
		const journal = new Journal(folder);
		journal.append({time: new Date().toISOString(), profile: null, account: null, callerArn: null, operation: 'iam:CreateUser', target: {user: 'bo'}, outcome: 'intent', errorCode: null, planId: 'abcd1234', step: 0});
		const result = await createUserCommand(env.gateway(), ['bo'], {
			settings: {endpoint: env.moto().endpoint},
			journal,
			json: false,
			yes: false,
			dryRun: false,
			confirm: async () => false,
			flags: {groups: [], tags: [], consolePassword: false, accessKey: false, params: []},
			secrets: {showSecret: false, overwrite: false},
		});
		expect(result.exitCode).toBe(3);
		expect(result.stderr).toContain('iamtui journal resolve abcd1234 --take-back');
		expect(await env.gateway().getUser('bo')).toBeNull();
	});
});
