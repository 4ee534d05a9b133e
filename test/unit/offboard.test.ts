// The offboarding plan (order, keep-user, resume) and the run that records progress: interrupted after
// every step k and resumed, the writes are the same and none is sent twice.
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {offboardCommand} from '../../source/commands/offboard.js';
import {IamError} from '../../source/model/errors.js';
import type {IamGateway} from '../../source/model/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import {collectRecord} from '../../source/model/offboard/collect.js';
import type {OffboardRecord} from '../../source/model/offboard/record.js';
import {optionConflict, resumeRecord} from '../../source/model/offboard/resume.js';
import {runOffboarding} from '../../source/model/offboard/run.js';
import {planOffboard} from '../../source/model/plans/offboard.js';
import {stepKey} from '../../source/model/plans/step-key.js';
import {RecordStore} from '../../source/store/records.js';
import {ACCOUNT, FIXTURE_NOW, fixtureSnapshot} from '../fixtures/account.js';
import {fixtureGateway} from '../fixtures/gateway.js';
import {overrideOperations} from '../helpers/override-operations.js';

const record = (extra: Partial<OffboardRecord> = {}): OffboardRecord => ({
	version: 1,
	kind: 'iamtui-offboard-record',
	account: ACCOUNT,
	capturedAt: FIXTURE_NOW.toISOString(),
	capturedBy: `arn:aws:iam::${ACCOUNT}:user/operator`,
	user: {name: 'eve.adams', arn: `arn:aws:iam::${ACCOUNT}:user/eve.adams`, path: '/', createDate: FIXTURE_NOW.toISOString()},
	groups: ['LightsailFullAccessGroup', 'Developers'],
	attachedPolicies: [{name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'}],
	inlinePolicies: [{name: 'EveExtra', document: '{"Version":"2012-10-17","Statement":[]}'}],
	tags: [{Key: 'team', Value: 'ops'}],
	permissionsBoundaryArn: null,
	loginProfile: {createDate: FIXTURE_NOW.toISOString(), passwordResetRequired: false},
	accessKeys: [
		{accessKeyId: 'AKIAEVE1', status: 'Active', createDate: FIXTURE_NOW.toISOString(), lastUsedDate: null},
		{accessKeyId: 'AKIAEVE2', status: 'Inactive', createDate: FIXTURE_NOW.toISOString(), lastUsedDate: null},
	],
	mfaDevices: [{serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/eve`, enableDate: FIXTURE_NOW.toISOString()}],
	signingCertificates: [{certificateId: 'CERT1', status: 'Active', uploadDate: FIXTURE_NOW.toISOString()}],
	sshPublicKeys: [],
	serviceSpecificCredentials: [],
	unlisted: [],
	completed: [],
	keepUser: false,
	finishedAt: null,
	...extra,
});

const operations = (r: OffboardRecord, keepUser = false) => planOffboard(r, {keepUser}).steps.map(s => s.run.operation);

describe('planOffboard', () => {
	it('revokes first, then credentials, memberships, policies, and deletes the user last (IAM DeleteConflict order)', () => {
		expect(operations(record())).toEqual([
			'updateAccessKey',
			'deleteLoginProfile',
			'deactivateMfaDevice',
			'deleteVirtualMfaDevice',
			'deleteAccessKey',
			'deleteAccessKey',
			'deleteSigningCertificate',
			'removeUserFromGroup',
			'removeUserFromGroup',
			'detachUserPolicy',
			'deleteUserPolicy',
			'deleteUser',
		]);
		const plan = planOffboard(record(), {keepUser: false});
		expect(plan.confirmName).toBe('eve.adams');
		expect(plan.dangerous).toBe(true);
		expect(plan.steps[0]!.awsCli).toBe('aws iam update-access-key --user-name eve.adams --access-key-id AKIAEVE1 --status Inactive');
	});

	it('--keep-user revokes but keeps the user and the (inactive) keys', () => {
		const ops = operations(record(), true);
		expect(ops).not.toContain('deleteUser');
		expect(ops).not.toContain('deleteAccessKey');
		expect(ops).toContain('updateSigningCertificate');
		expect(ops).toContain('removeUserFromGroup');
		expect(ops).toContain('deleteUserPolicy');
	});

	it('skips the steps a record marks completed', () => {
		const first = planOffboard(record(), {keepUser: false});
		const done = ['updateAccessKey user=eve.adams accessKeyId=AKIAEVE1', 'deleteLoginProfile user=eve.adams'];
		const resumed = planOffboard(record({completed: done}), {keepUser: false});
		expect(resumed.steps.length).toBe(first.steps.length);
		expect(resumed.steps.filter(s => s.noop).map(s => s.run.operation)).toEqual(['updateAccessKey', 'deleteLoginProfile']);
	});

	it('says which kinds of credentials could not be listed', () => {
		const plan = planOffboard(record({unlisted: ['SSH public keys']}), {keepUser: false});
		expect(plan.notes?.join('\n')).toContain('SSH public keys could not be listed');
	});
});

describe('collectRecord', () => {
	it('takes groups, policies and tags from the snapshot and credentials from the gateway', async () => {
		const gateway = fixtureGateway();
		const r = await collectRecord('ana.silva', {gateway, index: buildIndex(fixtureSnapshot()), account: ACCOUNT, callerArn: null, now: FIXTURE_NOW, keepUser: false});
		expect(r.groups).toEqual(['Developers', 'LightsailFullAccessGroup']);
		expect(r.accessKeys.map(k => k.accessKeyId)).toEqual(['AKIAANAEXAMPLE000001']);
		expect(r.mfaDevices).toHaveLength(1);
		expect(JSON.stringify(r)).not.toMatch(/secret/i);
	});

	it('refuses a user that is not in the account', async () => {
		await expect(
			collectRecord('nobody', {gateway: fixtureGateway(), index: buildIndex(fixtureSnapshot()), account: ACCOUNT, callerArn: null, now: FIXTURE_NOW, keepUser: false}),
		).rejects.toMatchObject({kind: 'NotFound'});
	});
});

/** Fails the n-th write (1-based) before it is sent, like a network cut or a kill between steps. */
const interruptAt = (inner: IamGateway & {calls: string[]}, n: number): IamGateway => {
	let writes = 0;
	return overrideOperations(inner, (name, own) =>
		/^(update|delete|deactivate|remove|detach)/.test(name)
			? async (input: unknown) => {
					writes++;
					if (writes === n) throw new IamError('Network', 'connection reset (injected)');
					return own(input);
				}
			: undefined,
	);
};

describe('runOffboarding: interrupted after every step, then resumed', () => {
	const actor = {profile: null, account: ACCOUNT, callerArn: null};
	const journal = {append: () => {}};
	const total = planOffboard(record(), {keepUser: false}).steps.length;

	it.each(Array.from({length: total}, (_, k) => k))('stopped after step %i: same writes, none repeated, record finished', async k => {
		const inner = fixtureGateway();
		let saved = record();
		const save = (r: OffboardRecord) => {
			saved = r;
		};
		const first = await runOffboarding(saved, planOffboard(saved, {keepUser: false}), {gateway: interruptAt(inner, k + 1), journal, actor, saveRecord: save});
		expect(first.report.ok).toBe(false);
		expect(saved.completed).toHaveLength(k);
		expect(saved.finishedAt).toBeNull();
		const second = await runOffboarding(saved, planOffboard(saved, {keepUser: false}), {gateway: inner, journal, actor, saveRecord: save});
		expect(second.report.ok).toBe(true);
		const writes = inner.calls.filter(c => !/^(userDetails|accessKeys|mfaDevices|loginProfile|getUser)/.test(c));
		expect(writes).toHaveLength(total);
		expect(new Set(writes).size).toBe(writes.length);
		expect(saved.finishedAt).not.toBeNull();
		expect(saved.completed).toHaveLength(total);
	});

	it('treats an entity already gone as done on resume (sent before the record was saved)', async () => {
		const gone = new IamError('NotFound', 'The user with name eve.adams cannot be found.', '', 'NoSuchEntity');
		const gateway = fixtureGateway({writeError: gone});
		const {report} = await runOffboarding(record(), planOffboard(record(), {keepUser: false}), {gateway, journal, actor, saveRecord: () => {}});
		expect(report.ok).toBe(true);
		expect(report.outcomes.every(o => o.message === 'already gone')).toBe(true);
	});
});

describe('a resume plans from what the user has now, keeping the record history', () => {
	const keyStep = (id: string) => `updateAccessKey user=eve.adams accessKeyId=${id}`;
	// The first two steps landed: key 1 inactive, no password; then someone created a new key.
	const stopped = record({completed: [keyStep('AKIAEVE1'), 'deleteLoginProfile user=eve.adams']});
	const now = record({
		loginProfile: null,
		accessKeys: [
			{accessKeyId: 'AKIAEVE1', status: 'Inactive', createDate: FIXTURE_NOW.toISOString(), lastUsedDate: null},
			{accessKeyId: 'AKIAEVE2', status: 'Inactive', createDate: FIXTURE_NOW.toISOString(), lastUsedDate: null},
			{accessKeyId: 'AKIANEW3', status: 'Active', createDate: FIXTURE_NOW.toISOString(), lastUsedDate: null},
		],
		groups: ['LightsailFullAccessGroup', 'Developers', 'Admins'],
	});

	it('adds what is new to the record after what it had, and notes the resume', () => {
		const {record: resumed, found} = resumeRecord(stopped, now, FIXTURE_NOW);
		expect(found).toEqual(['group Admins', 'access key AKIANEW3']);
		expect(resumed.accessKeys.map(k => `${k.accessKeyId}:${k.status}`)).toEqual(['AKIAEVE1:Active', 'AKIAEVE2:Inactive', 'AKIANEW3:Active']);
		expect(resumed.groups).toEqual(['LightsailFullAccessGroup', 'Developers', 'Admins']);
		expect(resumed.loginProfile).toEqual(stopped.loginProfile);
		expect(resumed.completed).toEqual(stopped.completed);
		expect(resumed.resumes).toEqual([{at: FIXTURE_NOW.toISOString(), keepUser: false, found}]);
	});

	it('revokes a key and a group that appeared after the interruption; done steps stay skipped', () => {
		const resumed = resumeRecord(stopped, now, FIXTURE_NOW).record;
		for (const keepUser of [false, true]) {
			const plan = planOffboard({...resumed, keepUser}, {keepUser, now});
			const sent = plan.steps.filter(s => !s.noop).map(s => stepKey(s.run));
			expect(sent).toContain(keyStep('AKIANEW3'));
			expect(sent).toContain('removeUserFromGroup user=eve.adams group=Admins');
			if (!keepUser) expect(sent).toContain('deleteAccessKey user=eve.adams accessKeyId=AKIANEW3');
			expect(plan.steps.filter(s => s.noop).map(s => stepKey(s.run))).toEqual([keyStep('AKIAEVE1'), 'deleteLoginProfile user=eve.adams']);
			expect(plan.notes?.join('\n')).toContain('Found since the offboarding began, revoked too: group Admins, access key AKIANEW3');
		}
	});

	it('sends a done step again when the account shows it undone (a key turned back on)', () => {
		const reactivated = record({...now, accessKeys: [{accessKeyId: 'AKIAEVE1', status: 'Active', createDate: FIXTURE_NOW.toISOString(), lastUsedDate: null}]});
		const plan = planOffboard(resumeRecord(stopped, reactivated, FIXTURE_NOW).record, {keepUser: true, now: reactivated});
		const step = plan.steps.find(s => stepKey(s.run) === keyStep('AKIAEVE1'));
		expect(step?.noop).toBeUndefined();
	});

	it('a different option is named, not taken', () => {
		expect(optionConflict(record(), false)).toBeUndefined();
		expect(optionConflict(record(), true)).toMatch(/started without --keep-user \(the user is deleted\).*asks to keep the user/);
		expect(optionConflict(record({keepUser: true}), false)).toMatch(/started with --keep-user .*would delete the user/);
	});
});

describe('runOffboarding on a read-only connection', () => {
	it('refuses before anything is sent or recorded', async () => {
		const gateway = fixtureGateway({readOnly: true});
		const saved: OffboardRecord[] = [];
		const run = runOffboarding(record(), planOffboard(record(), {keepUser: false}), {
			gateway,
			journal: {append: () => {}},
			actor: {profile: null, account: ACCOUNT, callerArn: null},
			saveRecord: r => saved.push(r),
		});
		await expect(run).rejects.toMatchObject({kind: 'ReadOnly', message: expect.stringMatching(/nothing was sent or recorded/)});
		expect(saved).toEqual([]);
		expect(gateway.calls.filter(c => /^(update|delete|deactivate|remove|detach)/.test(c))).toEqual([]);
	});
});

// Offboarding asks the same self-lockout guard as every other write (model/plans/lockout.ts), not a
// check of its own: offboarding yourself, or revoking the key you sign with, needs the flag.
describe('offboard command: the one self-lockout guard', () => {
	const ANA = 'ana.silva';
	const SIGNING = 'AKIAANAEXAMPLE000001';
	const asAna = (accessKeyId?: string) => fixtureGateway({identity: {account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/${ANA}`, userId: 'AIDAANA', ...(accessKeyId ? {accessKeyId} : {})}});
	const offboard = (gateway: IamGateway, flags: {yes?: boolean; dryRun?: boolean; keepUser?: boolean; lockoutConfirmed?: boolean}) =>
		offboardCommand(gateway, [ANA], {
			settings: {},
			journal: {append: () => {}},
			json: false,
			yes: flags.yes ?? false,
			dryRun: flags.dryRun ?? false,
			lockoutConfirmed: flags.lockoutConfirmed ?? false,
			keepUser: flags.keepUser ?? false,
			records: new RecordStore(mkdtempSync(path.join(os.tmpdir(), 'iamtui-offboard-lockout-'))),
			now: () => FIXTURE_NOW,
		});
	const writes = (gateway: ReturnType<typeof fixtureGateway>) => gateway.calls.filter(c => /^(update|delete|deactivate|remove|detach)/.test(c));

	it('yourself with --yes: refused (exit 64) with the guard\'s consequence and the flag, nothing sent', async () => {
		const gateway = asAna();
		const result = await offboard(gateway, {yes: true});
		expect(result.exitCode).toBe(64);
		expect(result.stderr).toBe(
			`iamtui: refused: offboard ${ANA} would lock you out — you (${ANA}) delete your own user: these credentials stop working: you could not undo this yourself. Nothing was sent; to run it anyway add --i-know-this-locks-me-out (--dry-run shows the plan)\n`,
		);
		expect(writes(gateway)).toEqual([]);
	});

	it('--keep-user on yourself: the key this session signs with is named', async () => {
		const result = await offboard(asAna(SIGNING), {yes: true, keepUser: true});
		expect(result.exitCode).toBe(64);
		expect(result.stderr).toContain(`you (${ANA}) deactivate the access key this session signs with (${SIGNING})`);
	});

	it('--dry-run names the flag', async () => {
		const result = await offboard(asAna(), {dryRun: true});
		expect(result.exitCode).toBeUndefined();
		expect(result.stdout).toContain(`Warning: you (${ANA}) delete your own user`);
		expect(result.stdout).toContain('This plan locks you out: running it is refused without --i-know-this-locks-me-out.');
	});

	it('with --i-know-this-locks-me-out and --yes it runs; someone else needs no flag', async () => {
		const self = asAna();
		expect((await offboard(self, {yes: true, lockoutConfirmed: true})).exitCode).toBeUndefined();
		expect(writes(self)).toContain(`deleteUser:${ANA}`);
		const other = fixtureGateway();
		expect((await offboard(other, {yes: true})).exitCode).toBeUndefined();
		expect(writes(other)).toContain(`deleteUser:${ANA}`);
	});
});
