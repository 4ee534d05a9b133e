// Group membership against moto through the real gateway: the executor adds and removes, stops at the
// first failure, writes the journal (0600); and the read-only proof — with --read-only neither the
// gateway nor the headless binary lets an AddUserToGroup/RemoveUserFromGroup reach the server.
import {mkdtempSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, expect, it} from 'vitest';
import {createGateway} from '../../source/aws/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import {executePlan} from '../../source/model/plans/execute.js';
import {planMembership} from '../../source/model/plans/group-membership.js';
import type {Plan} from '../../source/model/plans/types.js';
import {Journal} from '../../source/store/journal.js';
import {LIGHTSAIL, MANAGERS} from '../../scripts/seed.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {startFaultProxy, type FaultProxy} from '../helpers/fault-proxy.js';
import {describeWithMoto, useSeededDemoMoto} from '../helpers/with-moto.js';

const WRITES = ['AddUserToGroup', 'RemoveUserFromGroup'];
const ana = LIGHTSAIL.consoleUser;
// Each run of the binary loads Node, the SDK and the account: slow when the whole suite runs at once.
const HEADLESS_TIMEOUT = 180_000;

describeWithMoto('group membership against moto', () => {
	const {moto} = useSeededDemoMoto();
	let proxy: FaultProxy;
	let journal: Journal;
	const gateway = (readOnly = false, endpoint = moto().endpoint) => createGateway({endpoint, readOnly, maxAttempts: 2});
	const actor = {profile: 'moto', account: '123456789012', callerArn: 'arn:aws:iam::123456789012:user/moto'};
	const groupsOf = async (user: string) => buildIndex(await gateway().loadSnapshot()).userByName.get(user)?.groups ?? [];
	const writesSeen = () => WRITES.filter(action => (proxy.stats().byAction[action] ?? 0) > 0);

	beforeEach(async () => {
		journal = new Journal(mkdtempSync(path.join(os.tmpdir(), 'iamtui-journal-')));
		// Rates 0: a recording proxy, nothing injected.
		proxy = await startFaultProxy({target: moto().endpoint, seed: 1});
	});
	afterEach(async () => proxy?.stop());

	it('removes and adds through the executor; IAM then says so; each step is journaled, 0600', async () => {
		const live = gateway();
		const remove = planMembership(buildIndex(await live.loadSnapshot()), {change: 'remove', group: LIGHTSAIL.group, users: [ana]});
		const removed = await executePlan(remove, {gateway: live, journal, actor});
		expect(removed.ok).toBe(true);
		expect(removed.patch.changes).toEqual([{operation: 'removeUserFromGroup', user: ana, group: LIGHTSAIL.group}]);
		expect(await groupsOf(ana)).not.toContain(LIGHTSAIL.group);

		const add = planMembership(buildIndex(await live.loadSnapshot()), {change: 'add', group: LIGHTSAIL.group, users: [ana, LIGHTSAIL.members[1]]});
		expect(add.steps.map(s => Boolean(s.noop))).toEqual([false, true]);
		const added = await executePlan(add, {gateway: live, journal, actor});
		expect(added.outcomes.map(o => o.status)).toEqual(['done', 'skipped']);
		expect(await groupsOf(ana)).toContain(LIGHTSAIL.group);

		expect(journal.read()).toEqual([
			expect.objectContaining({operation: 'iam:RemoveUserFromGroup', target: {user: ana, group: LIGHTSAIL.group}, outcome: 'ok', errorCode: null}),
			expect.objectContaining({operation: 'iam:AddUserToGroup', target: {user: ana, group: LIGHTSAIL.group}, outcome: 'ok', errorCode: null}),
		]);
		expect(statSync(journal.path).mode & 0o777).toBe(0o600);
	});

	it('stops at the first failure and reports what was done and what was not', async () => {
		const step = (user: string) => ({
			description: `Add ${user} to group ${MANAGERS.group}`,
			awsCli: '',
			run: {operation: 'addUserToGroup' as const, user, group: MANAGERS.group},
		});
		const plan: Plan = {title: 't', dangerous: false, targets: [], previews: [], steps: [step(ana), step('ghost.user'), step(LIGHTSAIL.members[1])]};
		const report = await executePlan(plan, {gateway: gateway(), journal, actor});
		expect(report.ok).toBe(false);
		expect(report.outcomes.map(o => o.status)).toEqual(['done', 'failed', 'not-run']);
		expect(report.outcomes[1]!.errorKind).toBe('NotFound');
		expect(journal.read().map(e => [e.outcome, e.errorCode])).toEqual([
			['ok', null],
			['failed', 'NoSuchEntity'],
		]);
		expect(await groupsOf(LIGHTSAIL.members[1])).not.toContain(MANAGERS.group);
	});

	it('read-only gateway: refused and journaled as refused, and no write reached the server', async () => {
		const readOnly = gateway(true, proxy.endpoint);
		const index = buildIndex(await readOnly.loadSnapshot());
		for (const plan of [
			planMembership(index, {change: 'add', group: MANAGERS.group, users: [ana]}),
			planMembership(index, {change: 'remove', group: LIGHTSAIL.group, users: [ana]}),
		]) {
			const report = await executePlan(plan, {gateway: readOnly, journal, actor});
			expect(report.outcomes[0]).toMatchObject({status: 'failed', errorKind: 'ReadOnly'});
		}
		expect(journal.read().map(e => e.outcome)).toEqual(['refused', 'refused']);
		expect(proxy.stats().byAction.GetAccountAuthorizationDetails).toBeGreaterThan(0);
		expect(writesSeen()).toEqual([]);
		// Control: the proxy does see a write when one is sent.
		await gateway(false, proxy.endpoint).addUserToGroup({user: ana, group: MANAGERS.group});
		expect(writesSeen()).toEqual(['AddUserToGroup']);
	});

	it('headless --read-only: add-to-group and remove-from-group --yes exit non-zero and send nothing', async () => {
		const env = motoEnvironment();
		for (const args of [['add-to-group', ana, MANAGERS.group], ['remove-from-group', ana, LIGHTSAIL.group, '--yes']]) {
			const result = await runCli([...args, '--read-only', '--endpoint-url', proxy.endpoint], env);
			expect(result.code).not.toBe(0);
			expect(result.stderr).toMatch(/read-only mode: .* was not sent/);
		}
		expect(writesSeen()).toEqual([]);
		expect(await groupsOf(ana)).toContain(LIGHTSAIL.group);
		const lines = JSON.parse((await runCli(['journal', '--json'], env)).stdout) as Array<{outcome: string}>;
		expect(lines.map(l => l.outcome)).toEqual(['refused', 'refused']);
	}, HEADLESS_TIMEOUT);

	it('headless: --dry-run prints the plan and sends nothing; removal needs --yes without a terminal', async () => {
		const env = motoEnvironment();
		const run = (...args: string[]) => runCli([...args, '--endpoint-url', proxy.endpoint], env);
		const dry = await run('remove-from-group', ana, LIGHTSAIL.group, '--dry-run');
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain(`aws iam remove-user-from-group --user-name ${ana} --group-name ${LIGHTSAIL.group}`);
		expect(dry.stdout).toContain('loses lightsail:*');
		expect(dry.stdout).toContain('dry run: nothing was sent');

		const refused = await run('remove-from-group', ana, LIGHTSAIL.group);
		expect(refused.code).toBe(64);
		expect(refused.stderr).toContain('add --yes');
		expect(writesSeen()).toEqual([]);

		const unknown = await run('add-to-group', 'nobody', LIGHTSAIL.group);
		expect(unknown.code).toBe(3);
		expect(unknown.stderr).toContain('no user named nobody');
	}, HEADLESS_TIMEOUT);

	it('headless: remove-from-group --yes and add-to-group run, and the journal lists them', async () => {
		const env = motoEnvironment();
		const run = (...args: string[]) => runCli([...args, '--endpoint-url', proxy.endpoint], env);
		const done = await run('remove-from-group', ana, LIGHTSAIL.group, '--yes');
		expect(done.code).toBe(0);
		expect(done.stdout).toMatch(/done\s+Remove ana\.silva from group LightsailFullAccessGroup/);
		const again = await run('add-to-group', ana, LIGHTSAIL.group, '--json');
		expect(JSON.parse(again.stdout)).toMatchObject({ok: true, steps: [{status: 'done'}]});
		expect(proxy.stats().byAction).toMatchObject({RemoveUserFromGroup: 1, AddUserToGroup: 1});
		const journal = await run('journal');
		expect(journal.stdout).toMatch(/ok\s+iam:RemoveUserFromGroup\s+user ana\.silva, group LightsailFullAccessGroup/);
	}, HEADLESS_TIMEOUT);
});
