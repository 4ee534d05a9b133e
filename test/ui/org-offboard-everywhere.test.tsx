// Offboarding a person everywhere from the Person screen (X), in the whole App against the W10 organization
// in moto, through the same EverywhereConnection the headless command uses: the plan shows alice's Identity
// Center removals and the IAM users that look like her, each unchecked; checking one and typing her name
// removes her membership and direct assignment (read back with the SDK) and offboards only the user checked,
// one record saved. Read-only: X says it is refused and nothing opens or is sent.
import {CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, IAMClient, TagUserCommand} from '@aws-sdk/client-iam';
import {IdentitystoreClient, ListGroupMembershipsForMemberCommand} from '@aws-sdk/client-identitystore';
import {ListAccountAssignmentsCommand, ListInstancesCommand, ListPermissionSetsCommand, SSOAdminClient} from '@aws-sdk/client-sso-admin';
import {afterAll, beforeAll, expect, it, vi} from 'vitest';
import {openEverywhere} from '../../source/aws/everywhere-session.js';
import {unfinishedPlans} from '../../source/model/plans/journal-plans.js';
import type {TestServices} from '../fixtures/services.js';
import {jump, openFiltered} from '../helpers/moto-app.js';
import {orgAppHarness} from '../helpers/org-app.js';
import {roleCredentials, seedOrganization, type SeededOrg} from '../helpers/org-seed.js';
import {startFaultProxy} from '../helpers/fault-proxy.js';
import {keys, type Rendered} from '../helpers/render.js';
import {describeWithMoto, startMoto, stubMotoCredentials, type Moto} from '../helpers/with-moto.js';

const sdk = (endpoint: string, credentials = {accessKeyId: 'testing', secretAccessKey: 'testing'}) => ({region: 'us-east-1', endpoint, credentials, maxAttempts: 1});

describeWithMoto('offboard a person everywhere from the Person screen (moto, W10 organization)', () => {
	let moto: Moto;
	let seeded: SeededOrg;
	beforeAll(async () => {
		stubMotoCredentials();
		moto = await startMoto();
		seeded = await seedOrganization(moto.endpoint);
		// Look-alikes: "alice" in prod (with a key) and in dev, dev's "ci-bot" tagged with her email.
		const iamIn = async (account: string) => new IAMClient(sdk(moto.endpoint, await roleCredentials(moto.endpoint, account)));
		const prod = await iamIn(seeded.accounts.prod);
		await prod.send(new CreateUserCommand({UserName: 'alice'}));
		await prod.send(new CreateAccessKeyCommand({UserName: 'alice'}));
		const dev = await iamIn(seeded.accounts.dev);
		await dev.send(new CreateUserCommand({UserName: 'alice'}));
		await dev.send(new CreateUserCommand({UserName: 'ci-bot'}));
		await dev.send(new TagUserCommand({UserName: 'ci-bot', Tags: [{Key: 'owner', Value: 'alice@example.com'}]}));
		// carol (Admins only) has a user in both: the run where one account fails.
		for (const iam of [prod, dev]) await iam.send(new CreateUserCommand({UserName: 'carol'}));
	}, 120_000);
	afterAll(async () => {
		vi.unstubAllEnvs();
		await moto?.stop();
	});
	const app = orgAppHarness();

	const start = (readOnly: boolean, endpoint = moto.endpoint, columns = 220): {tui: Rendered; services: TestServices} =>
		app.start({endpoint, columns, rows: 50, initial: readOnly ? {readOnly: true} : {}, services: {everywhere: openEverywhere}});

	const openPerson = async (tui: Rendered, name: string, heading: string) => {
		await tui.waitFor('Users (1)');
		await jump(tui, 'people', 'Identity Center people (3)');
		await openFiltered(tui, name, `Person ${name}  ${heading}`);
	};
	const openAlice = (tui: Rendered) => openPerson(tui, 'alice', 'Alice Liddell');

	/** What Identity Center and each account's IAM hold for alice now, read with the SDK. */
	const readBack = async () => {
		const sso = new SSOAdminClient(sdk(moto.endpoint));
		const store = new IdentitystoreClient(sdk(moto.endpoint));
		const instance = (await sso.send(new ListInstancesCommand({}))).Instances![0]!;
		const memberships = (await store.send(new ListGroupMembershipsForMemberCommand({IdentityStoreId: instance.IdentityStoreId, MemberId: {UserId: seeded.people.alice}}))).GroupMemberships ?? [];
		const sets = (await sso.send(new ListPermissionSetsCommand({InstanceArn: instance.InstanceArn}))).PermissionSets ?? [];
		const direct: string[] = [];
		for (const set of sets) {
			const listed = (await sso.send(new ListAccountAssignmentsCommand({InstanceArn: instance.InstanceArn, AccountId: seeded.accounts.dev, PermissionSetArn: set}))).AccountAssignments ?? [];
			direct.push(...listed.filter(a => a.PrincipalType === 'USER' && a.PrincipalId === seeded.people.alice).map(a => a.AccountId!));
		}
		const user = async (account: string, UserName: string) => {
			const iam = new IAMClient(sdk(moto.endpoint, await roleCredentials(moto.endpoint, account)));
			return iam.send(new GetUserCommand({UserName})).then(
				() => 'exists',
				(error: {name?: string}) => error.name,
			);
		};
		return {
			memberships: memberships.length,
			direct: direct.length,
			prodAlice: await user(seeded.accounts.prod, 'alice'),
			devAlice: await user(seeded.accounts.dev, 'alice'),
			ciBot: await user(seeded.accounts.dev, 'ci-bot'),
		};
	};

	it('read-only: X says it is refused in the words of every write, nothing opens, nothing is sent or recorded', async () => {
		const {tui, services} = start(true);
		await openAlice(tui);
		expect(tui.lastFrame()).not.toContain('offboard everywhere');
		tui.write('X');
		const frame = await tui.waitFor('read-only mode: offboard-everywhere alice was not started; nothing was sent or recorded');
		expect(frame).toContain('Person alice  Alice Liddell');
		expect(frame).not.toContain('Offboard alice');
		expect(services.records.listEverywhere()).toEqual([]);
		expect(await readBack()).toEqual({memberships: 1, direct: 1, prodAlice: 'exists', devAlice: 'exists', ciBot: 'exists'});
	}, 60_000);

	// Before the test that offboards her: the plan needs what alice still holds.
	it('at 80 columns the plan\'s status line wraps: how to confirm and that esc sends nothing are never cut', async () => {
		const {tui, services} = start(false, moto.endpoint, 80);
		await openAlice(tui);
		tui.write('X');
		const plan = await tui.waitFor(/IAM users that look like alice/, {timeoutMs: 30_000});
		expect(plan.replace(/\n/g, ' ')).toMatch(/space checks the IAM user selected · enter confirms \(\d+ steps?\) · esc cancels\s+\(nothing is sent\)/);
		tui.write(keys.escape);
		await tui.waitFor('Person alice  Alice Liddell');
		expect(services.records.listEverywhere()).toEqual([]);
	}, 60_000);

	it('X shows the plan (IC removals, look-alikes unchecked); the one checked is offboarded after her name is typed, the IC removals read back, one record', async () => {
		const {tui, services} = start(false);
		await openAlice(tui);
		expect(tui.lastFrame()).toContain('offboard everywhere');
		tui.write('X');
		const plan = await tui.waitFor(/IAM users that look like alice[\s\S]*ci-bot/, {timeoutMs: 30_000});
		const {prod, dev} = seeded.accounts;
		const [inProd, inDev] = [`workload-prod \\(${prod}\\)/AdminAccess`, `workload-dev \\(${dev}\\)/AdminAccess`];
		expect(plan).toMatch(new RegExp(`remove alice from the Identity Center group Admins \\(membership [^)]+\\) — takes away (${inProd}, ${inDev}|${inDev}, ${inProd})`));
		expect(plan).toContain(`remove the direct assignment of AdminAccess to alice in workload-dev (${dev}) — takes away workload-dev (${dev})/AdminAccess`);
		expect(plan).toMatch(/\[ \] alice — user name equals the IC user name/);
		expect(plan).toMatch(/\[ \] ci-bot — tag owner = alice@example\.com \(the email alice@example\.com\)/);
		// Every look-alike unchecked: a name match is a guess.
		expect(plan).not.toContain('[x]');
		expect(plan.match(/\[ \] /g)).toHaveLength(3);

		// The cursor starts on the first look-alike: down to prod's alice (the line after prod's heading).
		const lines = plan.split('\n');
		const boxes = lines.map((line, n) => ({line, n})).filter(({line}) => /\[ \] /.test(line));
		const prodAt = boxes.findIndex(({n}) => lines[n - 1]!.includes(`workload-prod (${prod})`));
		expect(prodAt).toBeGreaterThanOrEqual(0);
		for (let n = 0; n < prodAt; n++) {
			tui.write(keys.down);
			await tui.waitForFrame(frame => frame.split('\n').filter(line => /^\s*> \[/.test(line)).length === 1 && frame.split('\n').findIndex(line => /^\s*> \[/.test(line)) === boxes[n + 1]!.n);
		}
		tui.write(' ');
		const marked = await tui.waitFor(/> \[x\] alice/);
		const markedLines = marked.split('\n');
		expect(markedLines[markedLines.findIndex(line => /> \[x\] alice/.test(line)) - 1]).toContain(`workload-prod (${prod})`);
		expect(marked.match(/\[x\]/g)).toHaveLength(1);

		tui.write(keys.enter);
		await tui.waitFor('This removes 2 Identity Center grants and offboards 1 IAM user');
		await tui.type('bob');
		tui.write(keys.enter);
		await tui.waitFor('does not match');
		for (let n = 0; n < 3; n++) tui.write(keys.backspace);
		await tui.type('alice');
		tui.write(keys.enter);
		const done = await tui.waitFor(/alice is out of Identity Center and offboarded in every account checked\.[\s\S]*The record is /, {timeoutMs: 30_000});
		expect(done).toMatch(/done +remove alice from the Identity Center group Admins/);
		expect(done).toMatch(new RegExp(`done +offboard alice in workload-prod \\(${prod}\\) — alice is offboarded; its record is `));
		expect(done).not.toMatch(/offboard (alice|ci-bot) in workload-dev/);

		expect(await readBack()).toEqual({memberships: 0, direct: 0, prodAlice: 'NoSuchEntityException', devAlice: 'exists', ciBot: 'exists'});
		const records = services.records.listEverywhere();
		expect(records).toHaveLength(1);
		const record = records[0]!.record;
		expect(done).toContain(records[0]!.path);
		expect(record.finishedAt).not.toBeNull();
		expect(record.identityCenter.map(s => [s.kind, s.status])).toEqual([
			['membership', 'done'],
			['assignment', 'done'],
		]);
		expect(record.accounts.map(a => [a.accountId, a.user, a.status])).toEqual([[prod, 'alice', 'done']]);
		const journal = services.journal.read().map(e => `${e.operation} ${e.outcome}`);
		expect(journal).toEqual(expect.arrayContaining(['identitystore:DeleteGroupMembership ok', 'sso:DeleteAccountAssignment ok']));
		tui.write(keys.enter);
		await tui.waitFor('Person alice');
	}, 120_000);

	it('a failure in one account stops no other and is shown with its reason; X again resumes the record and does only what is left', async () => {
		// The first iam:DeleteUser answers HTTP 500 (no retry: one attempt); everything else goes through.
		const proxy = await startFaultProxy({target: moto.endpoint, seed: 1, http500Rate: 1, maxFaults: 1, faultWhen: r => r.body.includes('Action=DeleteUser')});
		try {
			const {tui, services} = start(false, proxy.endpoint);
			await openPerson(tui, 'carol', 'Carol Danvers');
			tui.write('X');
			await tui.waitFor(/IAM users that look like carol[\s\S]*> \[ \] carol[\s\S]*\[ \] carol/, {timeoutMs: 30_000});
			tui.write(' ');
			await tui.waitFor(/> \[x\] carol/);
			tui.write(keys.down);
			await tui.waitFor(/\[x\] carol[\s\S]*> \[ \] carol/);
			tui.write(' ');
			await tui.waitFor(/> \[x\] carol/);
			tui.write(keys.enter);
			await tui.waitFor('This removes 1 Identity Center grant and offboards 2 IAM users');
			await tui.type('carol');
			tui.write(keys.enter);
			const stopped = await tui.waitFor(/1 step failed or left: the others were done\.[\s\S]*press X on carol again/, {timeoutMs: 30_000});
			expect(stopped).toMatch(/done +remove carol from the Identity Center group Admins/);
			expect(stopped.match(/FAILED +offboard carol in workload-(prod|dev) \(\d+\) — \S.*/g)).toHaveLength(1);
			expect(stopped.match(/done +offboard carol in workload-(prod|dev) \(\d+\) — carol is offboarded/g)).toHaveLength(1);
			const [first] = services.records.listEverywhere();
			expect(first!.record.finishedAt).toBeNull();
			expect(first!.record.accounts.map(a => a.status).sort()).toEqual(['done', 'failed']);

			// Back to her Person screen; X again: the unfinished record, only the failed account left.
			tui.write(keys.enter);
			await tui.waitFor(/Person carol[\s\S]*Identity Center groups \(0\)/, {timeoutMs: 30_000});
			tui.write('X');
			const resumed = await tui.waitFor(/Resuming the unfinished run recorded in[\s\S]*\[x\] named in the unfinished run/, {timeoutMs: 30_000});
			expect(resumed).toContain(first!.path);
			tui.write(keys.enter);
			await tui.waitFor('This removes 0 Identity Center grants and offboards 1 IAM user');
			await tui.type('carol');
			tui.write(keys.enter);
			await tui.waitFor(/carol is out of Identity Center and offboarded in every account checked\./, {timeoutMs: 30_000});
			const records = services.records.listEverywhere();
			expect(records).toHaveLength(1);
			expect(records[0]!.record.finishedAt).not.toBeNull();
			expect(records[0]!.record.accounts.map(a => a.status)).toEqual(['done', 'done']);
			const gone = async (account: string) =>
				new IAMClient(sdk(moto.endpoint, await roleCredentials(moto.endpoint, account))).send(new GetUserCommand({UserName: 'carol'})).then(
					() => 'exists',
					(error: {name?: string}) => error.name,
				);
			expect([await gone(seeded.accounts.prod), await gone(seeded.accounts.dev)]).toEqual(['NoSuchEntityException', 'NoSuchEntityException']);
		} finally {
			await proxy.stop();
		}
	}, 120_000);

	it('nothing left, yet a killed run left its plan open: enter closes that plan in the journal, as the headless rerun does; another person\'s stays open', async () => {
		// After the run above Identity Center holds nothing of alice's. A run killed between a removal's request and
		// its outcome leaves only the intent line in the journal; one of bob's likewise.
		const {tui, services} = start(false);
		const interrupted = (planId: string, principalId: string) =>
			services.journal.append({time: new Date().toISOString(), profile: null, account: seeded.managementId, callerArn: null, operation: 'sso:DeleteAccountAssignment', target: {principalId, accountId: seeded.accounts.dev}, outcome: 'intent', errorCode: null, planId, step: 0});
		interrupted('p-alice-killed', seeded.people.alice);
		interrupted('p-bob-killed', seeded.people.bob);
		await openAlice(tui);
		tui.write('X');
		await tui.waitFor('Nothing left to do · enter closes the interrupted plan in the journal (its removals are done)', {timeoutMs: 30_000});
		// Opening the screen wrote nothing.
		expect(services.journal.read().filter(e => e.operation === 'iamtui:Resolved')).toEqual([]);
		tui.write(keys.enter);
		await tui.waitFor('Closed in the journal: plan p-alice-killed (Identity Center removals all done)');
		const resolved = services.journal.read().filter(e => e.operation === 'iamtui:Resolved');
		expect(resolved.map(e => e.resolves)).toEqual(['p-alice-killed']);
		// enter again closes nothing more; bob's plan stays open; esc goes back to the person.
		tui.write(keys.enter);
		await new Promise(resolve => setTimeout(resolve, 100));
		expect(services.journal.read().filter(e => e.operation === 'iamtui:Resolved')).toHaveLength(1);
		expect(unfinishedPlans(services.journal.read()).map(p => p.planId)).toEqual(['p-bob-killed']);
		tui.write(keys.escape);
		await tui.waitFor('Person alice');
	}, 120_000);
});
