// W7 against moto through the real gateway: a user with keys, console password, MFA device, signing
// certificate, groups, inline and attached policies and tags is offboarded; nothing else in the account
// changes; the record lists what the user had. And interrupted after every step k (a fault hook in front
// of the gateway), then resumed: the same final state, and no write sent twice.
import {mkdtempSync, readFileSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	AttachUserPolicyCommand,
	CreateAccessKeyCommand,
	CreateLoginProfileCommand,
	CreateUserCommand,
	CreateVirtualMFADeviceCommand,
	EnableMFADeviceCommand,
	IAMClient,
	PutUserPolicyCommand,
	UploadSigningCertificateCommand,
	AddUserToGroupCommand,
} from '@aws-sdk/client-iam';
import selfsigned from 'selfsigned';
import {afterAll, beforeAll, beforeEach, expect, it} from 'vitest';
import {createGateway} from '../../source/aws/gateway.js';
import {offboardCommand} from '../../source/commands/offboard.js';
import {restoreCommand} from '../../source/commands/restore.js';
import {IamError} from '../../source/model/errors.js';
import type {IamGateway} from '../../source/model/gateway.js';
import type {AccountSnapshot} from '../../source/model/snapshot.js';
import {Journal} from '../../source/store/journal.js';
import {RecordStore} from '../../source/store/records.js';
import {DEVELOPERS, LIGHTSAIL, READ_ONLY_ACCESS_ARN, seedDemoAccount} from '../../scripts/seed.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

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
	return new Proxy(inner, {
		get(target, property, receiver) {
			const value = Reflect.get(target, property, receiver) as unknown;
			if (typeof property !== 'string' || typeof value !== 'function' || !WRITE.test(property)) return value;
			return async (input: Record<string, unknown>) => {
				writes++;
				if (writes === failAt) throw new IamError('Network', 'connection reset (injected between steps)');
				sent.push(`${property}:${Object.values(input).join(':')}`);
				return (value as (i: unknown) => Promise<unknown>).call(target, input);
			};
		},
	});
};

describeWithMoto('offboarding (W7) against moto', () => {
	let moto: Moto;
	let iam: IAMClient;
	let certificate: string;
	const saved = {...process.env};

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

	const offboard = (gateway: IamGateway, records: RecordStore, journal: Journal) =>
		offboardCommand(gateway, [LEAVER], {
			settings: {endpoint: moto.endpoint},
			journal,
			json: false,
			yes: true,
			dryRun: false,
			records,
			keepUser: false,
		});

	beforeAll(async () => {
		process.env.AWS_ACCESS_KEY_ID = 'testing';
		process.env.AWS_SECRET_ACCESS_KEY = 'testing';
		delete process.env.AWS_PROFILE;
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
		process.env = saved;
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
		expect(user.attachedPolicies.map(p => p.arn)).toEqual([READ_ONLY_ACCESS_ARN]);
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
	}, 600_000);
});
