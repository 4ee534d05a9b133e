// W7 against moto through the real gateway: a user with keys, console password, MFA device, signing
// certificate, groups, inline and attached policies and tags is offboarded; nothing else in the account
// changes; the record lists what the user had. And interrupted after every step k (a fault hook in front
// of the gateway), then resumed: the same final state, and no write sent twice.
import {existsSync, mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	AttachUserPolicyCommand,
	CreateAccessKeyCommand,
	CreateLoginProfileCommand,
	CreateUserCommand,
	CreateVirtualMFADeviceCommand,
	DeleteAccessKeyCommand,
	EnableMFADeviceCommand,
	IAMClient,
	ListAccessKeysCommand,
	PutUserPolicyCommand,
	UploadSigningCertificateCommand,
	AddUserToGroupCommand,
} from '@aws-sdk/client-iam';
import selfsigned from 'selfsigned';
import {afterAll, beforeAll, beforeEach, expect, it, vi} from 'vitest';
import {createGateway} from '../../source/aws/gateway.js';
import {offboardCommand} from '../../source/commands/offboard.js';
import {recordsCommand} from '../../source/commands/records.js';
import {restoreCommand} from '../../source/commands/restore.js';
import {IamError} from '../../source/model/errors.js';
import type {IamGateway} from '../../source/model/gateway.js';
import type {AccountSnapshot} from '../../source/model/snapshot.js';
import {Journal} from '../../source/store/journal.js';
import {RecordStore} from '../../source/store/records.js';
import {DEVELOPERS, LIGHTSAIL, READ_ONLY_ACCESS_ARN, seedDemoAccount} from '../../scripts/seed.js';
import {describeWithMoto, startMoto, stubMotoCredentials, type Moto} from '../helpers/with-moto.js';
import {overrideOperations} from '../helpers/override-operations.js';

const LEAVER = 'wendy.leaver';
const WRITE = /^(update|delete|deactivate|remove|detach)/;

/** Everything but the leaver, with attachment counts left out (they drop by design). */
const others = (snapshot: AccountSnapshot) => ({
	users: snapshot.users.filter(u => u.name !== LEAVER).sort((a, b) => a.name.localeCompare(b.name)),
	groups: [...snapshot.groups].sort((a, b) => a.name.localeCompare(b.name)),
	policies: snapshot.policies.map(({attachmentCount: _count, ...rest}) => rest).sort((a, b) => a.arn.localeCompare(b.arn)),
});

/** Counts the writes that reach the gateway; fails the n-th before it is sent (an interruption). */
const hooked = (inner: IamGateway, sent: string[], failAt?: number): IamGateway => {
	let writes = 0;
	return overrideOperations(inner, (name, own) =>
		WRITE.test(name)
			? async (input: Record<string, unknown>) => {
					writes++;
					if (writes === failAt) throw new IamError('Network', 'connection reset (injected between steps)');
					sent.push(`${name}:${Object.values(input).join(':')}`);
					return own(input);
				}
			: undefined,
	);
};

describeWithMoto('offboarding (W7) against moto', () => {
	let moto: Moto;
	let iam: IAMClient;
	let certificate: string;

	const giveEverything = async () => {
		await iam.send(new CreateUserCommand({UserName: LEAVER, Tags: [{Key: 'team', Value: 'lightsail'}]}));
		await iam.send(new AddUserToGroupCommand({UserName: LEAVER, GroupName: LIGHTSAIL.group}));
		await iam.send(new AddUserToGroupCommand({UserName: LEAVER, GroupName: DEVELOPERS.group}));
		await iam.send(new AttachUserPolicyCommand({UserName: LEAVER, PolicyArn: READ_ONLY_ACCESS_ARN}));
		const inline = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::wendy/*'}]};
		await iam.send(new PutUserPolicyCommand({UserName: LEAVER, PolicyName: 'WendyBucket', PolicyDocument: JSON.stringify(inline)}));
		await iam.send(new CreateLoginProfileCommand({UserName: LEAVER, Password: 'Leaver-Passw0rd!', PasswordResetRequired: false}));
		await iam.send(new CreateAccessKeyCommand({UserName: LEAVER}));
		await iam.send(new CreateAccessKeyCommand({UserName: LEAVER}));
		const device = await iam.send(new CreateVirtualMFADeviceCommand({VirtualMFADeviceName: LEAVER}));
		const serial = device.VirtualMFADevice!.SerialNumber!;
		await iam.send(new EnableMFADeviceCommand({UserName: LEAVER, SerialNumber: serial, AuthenticationCode1: '123456', AuthenticationCode2: '654321'}));
		await iam.send(new UploadSigningCertificateCommand({UserName: LEAVER, CertificateBody: certificate}));
	};

	const offboard = (gateway: IamGateway, records: RecordStore, journal: Journal, flags: {keepUser?: boolean; dryRun?: boolean} = {}) =>
		offboardCommand(gateway, [LEAVER], {
			settings: {endpoint: moto.endpoint},
			journal,
			json: false,
			yes: true,
			dryRun: flags.dryRun ?? false,
			records,
			keepUser: flags.keepUser ?? false,
		});

	beforeAll(async () => {
		stubMotoCredentials();
		moto = await startMoto({loadManagedPolicies: true});
		iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		certificate = (await selfsigned.generate([{name: 'commonName', value: 'wendy.leaver'}], {keySize: 2048, algorithm: 'sha256'})).cert;
	});
	beforeEach(async () => {
		await moto.reset();
		await seedDemoAccount(moto.endpoint);
		await giveEverything();
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await moto?.stop();
	});

	it('removes the user and everything it had, changes nothing else, and records what it had', async () => {
		const gateway = createGateway({endpoint: moto.endpoint, maxAttempts: 2});
		const before = others(await gateway.loadSnapshot());
		const records = new RecordStore(mkdtempSync(path.join(os.tmpdir(), 'iamtui-w7-')));
		const result = await offboard(gateway, records, new Journal(path.dirname(records.folder)));
		expect(result.exitCode ?? 0).toBe(0);
		const after = await gateway.loadSnapshot();
		expect(after.users.map(u => u.name)).not.toContain(LEAVER);
		expect(others(after)).toEqual(before);
		expect(await gateway.getUser(LEAVER)).toBeNull();

		const [stored] = records.list();
		expect(stored!.record.finishedAt).not.toBeNull();
		expect(stored!.record.groups.sort()).toEqual([DEVELOPERS.group, LIGHTSAIL.group].sort());
		expect(stored!.record.attachedPolicies.map(p => p.arn)).toEqual([READ_ONLY_ACCESS_ARN]);
		expect(stored!.record.inlinePolicies.map(p => p.name)).toEqual(['WendyBucket']);
		expect(stored!.record.accessKeys).toHaveLength(2);
		expect(stored!.record.mfaDevices).toHaveLength(1);
		expect(stored!.record.signingCertificates).toHaveLength(1);
		expect(stored!.record.loginProfile).not.toBeNull();
		expect(stored!.record.tags).toEqual([{Key: 'team', Value: 'lightsail'}]);
		expect(JSON.stringify(stored!.record)).not.toContain('Leaver-Passw0rd!');
	});

	it('restore brings back the user, its groups, policies and tags, and re-issues credentials to a 0600 CSV only', async () => {
		const gateway = createGateway({endpoint: moto.endpoint, maxAttempts: 2});
		const records = new RecordStore(mkdtempSync(path.join(os.tmpdir(), 'iamtui-w7-')));
		const journal = new Journal(path.dirname(records.folder));
		expect((await offboard(gateway, records, journal)).exitCode ?? 0).toBe(0);
		const [stored] = records.list();
		const csv = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-w7-csv-')), 'wendy.csv');
		const base = {settings: {endpoint: moto.endpoint}, journal, json: false, yes: true, dryRun: false, records, skipMissing: false};
		const restored = await restoreCommand(gateway, [stored!.path], {...base, secrets: {saveCsv: csv, showSecret: false, overwrite: false}});
		expect(restored.exitCode ?? 0, restored.stderr).toBe(0);
		const user = (await gateway.loadSnapshot()).users.find(u => u.name === LEAVER)!;
		expect(user.groups.sort()).toEqual([DEVELOPERS.group, LIGHTSAIL.group].sort());
		// The new password must be reset at sign-in: IAMUserChangePassword comes with it (issue 16 item 9).
		expect(user.attachedPolicies.map(p => p.arn).sort()).toEqual([READ_ONLY_ACCESS_ARN, 'arn:aws:iam::aws:policy/IAMUserChangePassword'].sort());
		expect(user.inlinePolicies.map(p => p.name)).toEqual(['WendyBucket']);
		expect(user.tags).toEqual([{Key: 'team', Value: 'lightsail'}]);
		expect(await gateway.loginProfile(LEAVER)).not.toBeNull();
		const keys = await gateway.accessKeys(LEAVER);
		expect(keys).toHaveLength(1);
		expect(stored!.record.accessKeys.map(k => k.accessKeyId)).not.toContain(keys[0]!.accessKeyId);
		expect(statSync(csv).mode & 0o777).toBe(0o600);
		const [header, row] = readFileSync(csv, 'utf8').split('\r\n');
		expect(header).toBe('User name,Password,Access key ID,Secret access key,Console login link');
		const secret = row!.split(',')[3]!;
		expect(secret.length).toBeGreaterThan(20);
		expect(restored.stdout).not.toContain(secret);
		// Restoring again refuses: the user exists.
		await expect(restoreCommand(gateway, [stored!.path], {...base, secrets: {saveCsv: `${csv}.2`, showSecret: false, overwrite: false}})).rejects.toThrow(/exists already/);
	});

	it('interrupted after every step k and resumed: the same final state, no write sent twice', async () => {
		const plain = createGateway({endpoint: moto.endpoint, maxAttempts: 2});
		// Count the plan's writes once, uninterrupted, on a throwaway copy of the same state.
		const probe: string[] = [];
		const probeStore = new RecordStore(mkdtempSync(path.join(os.tmpdir(), 'iamtui-w7-')));
		await offboard(hooked(plain, probe), probeStore, new Journal(path.dirname(probeStore.folder)));
		const total = probe.length;
		expect(total).toBeGreaterThanOrEqual(12);

		for (let k = 0; k < total; k++) {
			await moto.reset();
			await seedDemoAccount(moto.endpoint);
			await giveEverything();
			const before = others(await plain.loadSnapshot());
			const records = new RecordStore(mkdtempSync(path.join(os.tmpdir(), 'iamtui-w7-')));
			const journal = new Journal(path.dirname(records.folder));
			const sent: string[] = [];
			const first = await offboard(hooked(plain, sent, k + 1), records, journal);
			expect(first.exitCode, `run stopped after step ${k}`).toBe(3);
			expect(records.unfinished('123456789012')).toHaveLength(1);
			const second = await offboard(hooked(plain, sent), records, journal);
			expect(second.exitCode ?? 0, `resumed after step ${k}: ${second.stderr ?? ''}`).toBe(0);
			// Keys and ids differ between runs; the operations and their order do not.
			expect(sent.map(s => s.split(':')[0])).toEqual(probe.map(s => s.split(':')[0]));
			expect(new Set(sent).size).toBe(sent.length);
			const after = await plain.loadSnapshot();
			expect(after.users.map(u => u.name)).not.toContain(LEAVER);
			expect(others(after)).toEqual(before);
		}
	}, 1_200_000); // 18 reseeds of the demo account: minutes on a loaded 2-core machine (no timing is asserted)

	/** A fresh record store and journal in a temporary config folder. */
	const stores = () => {
		const records = new RecordStore(mkdtempSync(path.join(os.tmpdir(), 'iamtui-w7-')));
		return {records, journal: new Journal(path.dirname(records.folder))};
	};

	it.each([false, true])('keep-user %s: interrupted, a key created since, resumed: the new key is revoked too and the report is true', async keepUser => {
		const plain = createGateway({endpoint: moto.endpoint, maxAttempts: 2});
		const {records, journal} = stores();
		// One key to begin with, so IAM's quota of two leaves room for the one created later.
		const [, second0] = (await iam.send(new ListAccessKeysCommand({UserName: LEAVER}))).AccessKeyMetadata ?? [];
		await iam.send(new DeleteAccessKeyCommand({UserName: LEAVER, AccessKeyId: second0!.AccessKeyId!}));
		const sent: string[] = [];
		const first = await offboard(hooked(plain, sent, 3), records, journal, {keepUser});
		expect(first.exitCode).toBe(3);
		// Between the runs someone gives the leaver a new key.
		const created = (await iam.send(new CreateAccessKeyCommand({UserName: LEAVER}))).AccessKey!.AccessKeyId!;
		const second = await offboard(hooked(plain, sent), records, journal, {keepUser});
		expect(second.exitCode ?? 0, second.stderr).toBe(0);
		expect(sent).toContain(`updateAccessKey:${LEAVER}:${created}:Inactive`);
		const [stored] = records.list();
		expect(stored!.record.accessKeys.map(k => k.accessKeyId)).toContain(created);
		expect(stored!.record.resumes?.at(-1)?.found).toEqual([`access key ${created}`]);
		if (keepUser) {
			expect(second.stdout).toContain(`${LEAVER} has no access left (user kept)`);
			const keys = (await iam.send(new ListAccessKeysCommand({UserName: LEAVER}))).AccessKeyMetadata ?? [];
			expect(keys.map(k => `${k.AccessKeyId}:${k.Status}`)).toContain(`${created}:Inactive`);
			expect(keys.filter(k => k.Status === 'Active')).toEqual([]);
			expect((await plain.loadSnapshot()).users.find(u => u.name === LEAVER)?.groups).toEqual([]);
		} else {
			expect(sent).toContain(`deleteAccessKey:${LEAVER}:${created}`);
			expect(second.stdout).toContain(`${LEAVER} is offboarded`);
			expect(await plain.getUser(LEAVER)).toBeNull();
		}
	}, 120_000);

	it('a --keep-user resume of a record made without it is refused, naming the difference; records close starts over', async () => {
		const plain = createGateway({endpoint: moto.endpoint, maxAttempts: 2});
		const {records, journal} = stores();
		const sent: string[] = [];
		expect((await offboard(hooked(plain, sent, 4), records, journal)).exitCode).toBe(3);
		const before = sent.length;
		const refused = await offboard(hooked(plain, sent), records, journal, {keepUser: true});
		expect(refused.exitCode).toBe(64);
		expect(refused.stderr).toMatch(/refused: the unfinished offboarding of wendy\.leaver in .* was started without --keep-user \(the user is deleted\), and this run asks to keep the user/);
		const [unfinished] = records.unfinished('123456789012');
		expect(refused.stderr).toContain(`iamtui records close ${unfinished!.path}`);
		expect(sent).toHaveLength(before);
		expect(await plain.getUser(LEAVER)).not.toBeNull();
		expect(unfinished!.record.keepUser).toBe(false);

		// Closed on purpose, a new run starts from what the user has now and keeps it.
		expect(recordsCommand(records, false, ['close', unfinished!.path]).stdout).toContain('Closed the unfinished offboarding of wendy.leaver');
		const kept = await offboard(hooked(plain, sent), records, journal, {keepUser: true});
		expect(kept.exitCode ?? 0, kept.stderr).toBe(0);
		expect(kept.stdout).toContain('has no access left (user kept)');
		expect(await plain.getUser(LEAVER)).not.toBeNull();
		expect(records.list().map(r => r.record.closedAt ? 'closed' : r.record.keepUser ? 'kept' : 'deleted').sort()).toEqual(['closed', 'kept']);
	}, 120_000);

	it('--read-only and --dry-run runs leave no record in the records folder', async () => {
		const {records, journal} = stores();
		const readOnly = await offboard(createGateway({endpoint: moto.endpoint, maxAttempts: 2, readOnly: true}), records, journal);
		expect(readOnly.exitCode).toBe(3);
		expect(readOnly.stderr).toMatch(/read-only mode: .*nothing was sent or recorded/);
		const dryRun = await offboard(createGateway({endpoint: moto.endpoint, maxAttempts: 2}), records, journal, {dryRun: true});
		expect(dryRun.exitCode ?? 0).toBe(0);
		expect(existsSync(records.folder) ? readdirSync(records.folder) : []).toEqual([]);
		// So a later run starts afresh, not from a record of a run that sent nothing.
		const real = await offboard(createGateway({endpoint: moto.endpoint, maxAttempts: 2}), records, journal);
		expect(real.stdout).not.toContain('Resuming');
		expect(real.exitCode ?? 0, real.stderr).toBe(0);
	}, 120_000);
});
