// The offboarding screen in the app (O on a user): what the user has and the plan with its `aws iam`
// lines, nothing sent until the name is typed, each step's progress, the record saved through
// services.records; an unfinished record resumes (done steps skipped, announced on the Users screen);
// a resume re-reads the user (what it gained since is revoked too) and keeps the option it was started
// with; offboarding yourself (the lockout guard every write uses) also needs "lock me out"; tab keeps the
// user (legal hold). Once it ran, the footer offers only going back (issue 16, item 10).
import {statSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {UserDetails} from '../../source/model/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import {collectRecord} from '../../source/model/offboard/collect.js';
import {planOffboard} from '../../source/model/plans/offboard.js';
import {stepKey} from '../../source/model/plans/step-key.js';
import {ACCOUNT, FIXTURE_NOW, fixtureSnapshot} from '../fixtures/account.js';
import {fixtureDetails, fixtureGateway, type FixtureGateway} from '../fixtures/gateway.js';
import type {TestServices} from '../fixtures/services.js';
import {appHarness} from '../helpers/app.js';
import {keys, type Rendered} from '../helpers/render.js';
import {overrideOperations} from '../helpers/override-operations.js';

const harness = appHarness();

const ANA = 'ana.silva';
const ANA_ARN = `arn:aws:iam::${ACCOUNT}:user/${ANA}`;
const KEY = 'AKIAANAEXAMPLE000001';
const MFA = `arn:aws:iam::${ACCOUNT}:mfa/${ANA}`;
const WRITE = /^(update|delete|deactivate|remove|detach)/;

const start = (options: {self?: boolean; holdDeleteUser?: Promise<void>; details?: Record<string, UserDetails>; columns?: number; rows?: number} = {}) => {
	const {holdDeleteUser} = options;
	const started = harness.start({
		...(options.self ? {identity: {account: ACCOUNT, arn: ANA_ARN, userId: 'AIDAANA'}} : {}),
		...(options.details ? {details: options.details} : {}),
		columns: options.columns ?? 140,
		rows: options.rows ?? 50,
		// Optionally DeleteUser waits, to look at the screen (and the record) in the middle of the run.
		...(holdDeleteUser
			? {
					wrap: (gateway: FixtureGateway) =>
						overrideOperations(gateway, (name, own) => (name === 'deleteUser' ? async (input: {user: string}) => holdDeleteUser.then(() => own(input)) : undefined)),
				}
			: {}),
	});
	return {...started, writes: () => started.gateway.calls.filter(c => WRITE.test(c))};
};

/** Users → ana.silva (the first row) → O. */
const offboardAna = async (tui: Rendered) => {
	await tui.waitFor('Users (12)');
	tui.write(keys.enter);
	await tui.waitFor(`User ${ANA}`);
	tui.write('O');
	return tui.waitFor(`What ${ANA} has`);
};

describe('offboarding screen', () => {
	it('shows what the user has and the plan; runs only once the name is typed; shows progress; saves the record', async () => {
		const {tui, writes, services} = start();
		const frame = await offboardAna(tui);
		expect(frame).toContain('Groups (2): Developers, LightsailFullAccessGroup');
		expect(frame).toContain(`Access keys (1): ${KEY} active`);
		expect(frame).toContain(`MFA devices (1): ${MFA}`);
		expect(frame).toContain(`Offboard ${ANA}: revoke, then delete the user`);
		expect(frame).toContain(`aws iam update-access-key --user-name ${ANA} --access-key-id ${KEY} --status Inactive`);
		expect(frame).toContain(`aws iam delete-user --user-name ${ANA}`);
		expect(frame).toContain('(•) delete the user');
		expect(frame).toContain(`type ${ANA} to confirm`);
		expect(services.records.list()).toEqual([]);

		await tui.type('ana.silv');
		tui.write(keys.enter);
		await tui.waitFor('does not match');
		expect(writes()).toEqual([]);
		expect(services.records.list()).toEqual([]);

		await tui.type('a');
		tui.write(keys.enter);
		const done = await tui.waitFor(`${ANA} is offboarded: the user is deleted.`);
		expect(done).toMatch(new RegExp(`done +1\\. Deactivate access key ${KEY}`));
		expect(done).toMatch(new RegExp(`done +7\\. Delete user ${ANA}`));
		expect(writes()).toEqual([
			`updateAccessKey:${ANA}:${KEY}:Inactive`,
			`deactivateMfaDevice:${ANA}:${MFA}`,
			`deleteVirtualMfaDevice:${MFA}`,
			`deleteAccessKey:${ANA}:${KEY}`,
			`removeUserFromGroup:${ANA}:Developers`,
			`removeUserFromGroup:${ANA}:LightsailFullAccessGroup`,
			`deleteUser:${ANA}`,
		]);

		const [stored] = services.records.list();
		expect(stored!.record).toMatchObject({account: ACCOUNT, user: {name: ANA}, groups: ['Developers', 'LightsailFullAccessGroup'], keepUser: false});
		expect(stored!.record.completed).toHaveLength(7);
		expect(stored!.record.finishedAt).not.toBeNull();
		expect(statSync(stored!.path).mode & 0o777).toBe(0o600);
		expect(done).toContain(`The record is ${stored!.path}`);
		// Once it ran, the footer offers going back, not the confirmation's tab delete/keep and enter run.
		const footer = (text: string) => text.split('\n').filter(Boolean).pop() ?? '';
		const after = footer(await tui.waitForFrame(text => text.includes('is offboarded') && footer(text).startsWith('enter back')));
		expect(after).toMatch(/^enter back {2}/);
		expect(after).not.toMatch(/delete\/keep|enter run/);

		// Back past the deleted user's screen (it would only say the user is gone), to the list without them.
		tui.write(keys.enter);
		const list = await tui.waitFor('Users (11)');
		expect(list).not.toContain(ANA);
	});

	it('shows each step as it completes, with the record saved after every step', async () => {
		let release = () => {};
		const hold = new Promise<void>(resolve => (release = resolve));
		const {tui, writes, services} = start({holdDeleteUser: hold});
		await offboardAna(tui);
		await tui.type(ANA);
		tui.write(keys.enter);
		const running = await tui.waitFor(/running… +7\. Delete user ana\.silva/);
		expect(running).toContain('Running… the record is saved after every step');
		expect(running).toMatch(/done +6\. Remove from group LightsailFullAccessGroup/);
		// Interrupted here, a later run would resume from this record: six steps done, not finished.
		const [midway] = services.records.unfinished(ACCOUNT);
		expect(midway!.record.completed).toHaveLength(6);
		expect(writes()).not.toContain(`deleteUser:${ANA}`);
		release();
		await tui.waitFor(`${ANA} is offboarded`);
		expect(services.records.unfinished(ACCOUNT)).toEqual([]);
	});

	/** Ana's record, saved as an earlier run left it after its first three steps (key and MFA device). */
	const interrupted = async (gateway: FixtureGateway, services: TestServices, keepUser = false) => {
		// Collected before anything was sent: from ana as the fixture has her by default.
		const record = await collectRecord(ANA, {gateway: fixtureGateway(), index: buildIndex(fixtureSnapshot()), account: ACCOUNT, callerArn: null, now: FIXTURE_NOW, keepUser});
		const steps = planOffboard(record, {keepUser}).steps;
		const path = services.records.save({...record, completed: steps.slice(0, 3).map(s => stepKey(s.run))});
		gateway.calls.length = 0;
		return path;
	};
	/** What ana has once those three steps landed: her key inactive, no MFA device. */
	const afterThreeSteps = (...extraKeys: UserDetails['accessKeys']): Record<string, UserDetails> => {
		const ana = fixtureDetails[ANA]!;
		return {[ANA]: {...ana, accessKeys: [...ana.accessKeys.map(k => ({...k, status: 'Inactive' as const})), ...extraKeys], mfaDevices: []}};
	};

	it('resumes an unfinished record: announced on the Users screen, the user re-read, done steps skipped and not sent again', async () => {
		const {tui, writes, services, gateway} = start({details: afterThreeSteps()});
		const path = await interrupted(gateway, services);

		const users = await tui.waitFor(`Unfinished offboarding of ${ANA} (3 steps done)`);
		expect(users).toContain('press O to resume');
		const frame = await offboardAna(tui);
		expect(frame).toContain('Resuming the offboarding started 2024-06-01 12:00 UTC (3 steps done then)');
		expect(frame).toContain(`record: ${path}`);
		expect(frame).toContain(`1. Deactivate access key ${KEY} — skipped: done in an earlier run`);
		expect(frame).toContain(`3. Delete virtual MFA device ${MFA} — skipped: done in an earlier run`);
		expect(gateway.calls).toContain(`accessKeys:${ANA}`); // what the user has now is read again

		await tui.type(ANA);
		tui.write(keys.enter);
		const done = await tui.waitFor(`${ANA} is offboarded`);
		expect(done).toMatch(/skipped +1\. Deactivate access key/);
		expect(writes()).toEqual([`deleteAccessKey:${ANA}:${KEY}`, `removeUserFromGroup:${ANA}:Developers`, `removeUserFromGroup:${ANA}:LightsailFullAccessGroup`, `deleteUser:${ANA}`]);
		expect(services.records.list()).toHaveLength(1);
		expect(services.records.load(path).finishedAt).not.toBeNull();
		expect(services.records.unfinished(ACCOUNT)).toEqual([]);

		tui.write(keys.enter);
		const back = await tui.waitFor('Users (11)');
		expect(back).not.toContain('Unfinished offboarding');
	});

	it('a key created after the interruption is found on resume, deactivated and deleted; the record keeps both', async () => {
		const created = {...fixtureDetails[ANA]!.accessKeys[0]!, accessKeyId: 'AKIANEWAFTERSTOP0001', status: 'Active' as const};
		const {tui, writes, services, gateway} = start({details: afterThreeSteps(created)});
		const path = await interrupted(gateway, services);
		const frame = await offboardAna(tui);
		expect(frame).toContain('Found since the offboarding began, revoked too: access key AKIANEWAFTERSTOP0001');
		expect(frame).toContain('aws iam update-access-key --user-name ana.silva --access-key-id AKIANEWAFTERSTOP0001 --status Inactive');
		await tui.type(ANA);
		tui.write(keys.enter);
		await tui.waitFor(`${ANA} is offboarded`);
		expect(writes()).toContain(`updateAccessKey:${ANA}:AKIANEWAFTERSTOP0001:Inactive`);
		expect(writes()).toContain(`deleteAccessKey:${ANA}:AKIANEWAFTERSTOP0001`);
		const record = services.records.load(path);
		expect(record.accessKeys.map(k => k.accessKeyId)).toEqual([KEY, 'AKIANEWAFTERSTOP0001']);
		expect(record.accessKeys[0]!.status).toBe('Active'); // what she had when it began
		expect(record.resumes).toEqual([expect.objectContaining({keepUser: false, found: ['access key AKIANEWAFTERSTOP0001']})]);
	});

	it('a resume keeps the option it was started with: tab is refused, naming how to start over', async () => {
		const {tui, writes, services, gateway} = start({details: afterThreeSteps()});
		const path = await interrupted(gateway, services);
		await offboardAna(tui);
		tui.write(keys.tab);
		const frame = await tui.waitFor('Refused: this offboarding was started to delete the user');
		expect(frame).toContain(`iamtui records close ${path}`);
		expect(frame).toContain('(•) delete the user');
		expect(frame).toContain(`aws iam delete-user --user-name ${ANA}`);
		expect(writes()).toEqual([]);
	});

	it('offboarding yourself: the one lockout guard names the consequence, and "lock me out" is needed after the name', async () => {
		const {tui, writes} = start({self: true});
		const frame = await offboardAna(tui);
		expect(frame).toContain('This locks you out.');
		expect(frame).toContain(`Warning: you (${ANA}) delete your own user: these credentials stop working: you could not undo this yourself`);
		await tui.type(ANA);
		tui.write(keys.enter);
		await tui.waitFor('type "lock me out"');
		expect(writes()).toEqual([]);
		await tui.type('lock me ou');
		tui.write(keys.enter);
		await tui.waitFor('does not match');
		expect(writes()).toEqual([]);
		await tui.type('t');
		tui.write(keys.enter);
		await tui.waitFor(`${ANA} is offboarded`);
		expect(writes()).toContain(`deleteUser:${ANA}`);
	});

	it('at 80x24 the confirmation line wraps: its end (esc cancels, nothing is sent) is never cut', async () => {
		const {tui, writes} = start({columns: 80, rows: 24});
		await offboardAna(tui);
		const frame = await tui.waitFor('Type the name, then enter');
		expect(frame.replace(/\n/g, ' ')).toMatch(/tab: delete the user ⇄ keep it · esc cancels \(nothing\s+is sent\)/);
		tui.write(keys.escape);
		await tui.waitFor(`User ${ANA}`);
		expect(writes()).toEqual([]);
	});

	it('tab keeps the user (legal hold): revoke only, the record says so', async () => {
		const {tui, writes, services} = start();
		await offboardAna(tui);
		tui.write(keys.tab);
		const frame = await tui.waitFor('(•) keep the user');
		expect(frame).toContain(`Revoke every access of ${ANA} (the user is kept)`);
		expect(frame).not.toContain('aws iam delete-user');
		await tui.type(ANA);
		tui.write(keys.enter);
		await tui.waitFor(`${ANA} has no access left; the user is kept (legal hold).`);
		expect(writes()).toEqual([
			`updateAccessKey:${ANA}:${KEY}:Inactive`,
			`deactivateMfaDevice:${ANA}:${MFA}`,
			`removeUserFromGroup:${ANA}:Developers`,
			`removeUserFromGroup:${ANA}:LightsailFullAccessGroup`,
		]);
		expect(services.records.list()[0]!.record.keepUser).toBe(true);
		// The user is still there: enter goes back to their screen, which shows them without their groups.
		tui.write(keys.enter);
		const user = await tui.waitFor(`User ${ANA}`);
		expect(user).not.toContain('is not in this snapshot');
	});
});
