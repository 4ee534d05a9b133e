// The real gateway (SDK, credential chain, endpoint resolution) against seeded moto on 127.0.0.1.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, it, vi} from 'vitest';
import {
	ADMINISTRATOR_ACCESS_ARN,
	ALL_GROUPS,
	ALL_USERS,
	CONSOLE_USERS,
	CUSTOMER_POLICIES,
	DEMO_ACCOUNT_ID,
	DEPARTED,
	DEVELOPERS,
	EMPTY_GROUP,
	INLINE_USER,
	LIGHTSAIL,
	MANAGERS,
	MFA_USERS,
	READ_ONLY_ACCESS_ARN,
	READ_ONLY_USER,
	SERVICE_ACCOUNT,
	SERVICE_PATH,
	TWO_KEY_USERS,
	seedDemoAccount,
	type SeedSummary,
} from '../../scripts/seed.js';
import {createGateway} from '../../source/aws/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import type {AccountSnapshot, SnapshotProgress} from '../../source/model/snapshot.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

describeWithMoto('gateway against seeded moto', () => {
	let moto: Moto;
	let seeded: SeedSummary;
	let snapshot: AccountSnapshot;
	const progress: SnapshotProgress[] = [];
	let dir: string;
	const connect = (extra: {readOnly?: boolean} = {}) =>
		createGateway({profile: 'moto-test', endpoint: moto.endpoint, maxAttempts: 3, ...extra});

	beforeAll(async () => {
		// Credentials come through the SDK's own chain, from a throwaway credentials file: nothing global.
		dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-aws-'));
		writeFileSync(path.join(dir, 'credentials'), '[moto-test]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
		for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_STS']) {
			vi.stubEnv(name, undefined);
		}
		vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(dir, 'credentials'));
		vi.stubEnv('AWS_CONFIG_FILE', path.join(dir, 'config'));
		vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');

		moto = await startMoto({loadManagedPolicies: true});
		seeded = await seedDemoAccount(moto.endpoint);
		writeFileSync(
			path.join(dir, 'config'),
			`[profile moto-config]\nendpoint_url = ${moto.endpoint}\naws_access_key_id = testing\naws_secret_access_key = testing\n`,
		);
		snapshot = await connect().loadSnapshot({onProgress: p => progress.push(p)});
	});

	afterAll(async () => {
		await moto?.stop();
		vi.unstubAllEnvs();
		if (dir) rmSync(dir, {recursive: true, force: true});
	});

	it('callerIdentity reaches STS through the same endpoint', async () => {
		const identity = await connect().callerIdentity();
		expect(identity.account).toBe(DEMO_ACCOUNT_ID);
		expect(identity.arn).toMatch(/^arn:aws:sts::123456789012:/);
	});

	it('has every seeded user and group, and exactly the policies in use', () => {
		expect(snapshot.users.map(u => u.name).sort()).toEqual([...ALL_USERS].sort());
		expect(snapshot.groups.map(g => g.name).sort()).toEqual([...ALL_GROUPS].sort());
		// moto holds ~1,500 AWS managed policies; only the two attached ones are shown.
		expect(snapshot.policies.map(p => p.name).sort()).toEqual([...CUSTOMER_POLICIES, 'AdministratorAccess', 'ReadOnlyAccess'].sort());
		expect(snapshot.policies.filter(p => p.awsManaged).map(p => p.arn).sort()).toEqual([ADMINISTRATOR_ACCESS_ARN, READ_ONLY_ACCESS_ARN]);
		expect(snapshot.users.find(u => u.name === SERVICE_ACCOUNT.user)!.path).toBe(SERVICE_PATH);
	});

	it('has the memberships, inline and attached policies that were seeded', () => {
		const index = buildIndex(snapshot);
		expect(index.membersByGroup.get(LIGHTSAIL.group)!.sort()).toEqual([...LIGHTSAIL.members].sort());
		expect(index.membersByGroup.get(EMPTY_GROUP)).toEqual([]);
		expect(index.membersByGroup.get(DEVELOPERS.group)!.sort()).toEqual([...DEVELOPERS.members, DEPARTED.user].sort());
		expect(index.membersByGroup.get(MANAGERS.group)!.sort()).toEqual([...MANAGERS.members].sort());
		expect(index.membersByGroup.get(SERVICE_ACCOUNT.group)).toEqual([SERVICE_ACCOUNT.user]);

		const lightsailGroup = index.groupByName.get(LIGHTSAIL.group)!;
		expect(lightsailGroup.attachedPolicies.map(p => p.name)).toEqual([LIGHTSAIL.policy]);
		const lightsail = snapshot.policies.find(p => p.name === LIGHTSAIL.policy)!;
		expect(lightsail.awsManaged).toBe(false);
		expect(JSON.parse(lightsail.document)).toEqual(LIGHTSAIL.document);
		// Pretty-printed with 2 spaces.
		expect(lightsail.document).toBe(JSON.stringify(LIGHTSAIL.document, null, 2));
		expect(index.attachments.get(lightsail.arn)).toEqual({users: [], groups: [LIGHTSAIL.group]});

		const dash = index.groupByName.get(SERVICE_ACCOUNT.group)!;
		expect(dash.inlinePolicies.map(p => p.name)).toEqual([SERVICE_ACCOUNT.inlinePolicy]);
		expect(JSON.parse(dash.inlinePolicies[0]!.document)).toEqual(SERVICE_ACCOUNT.document);

		const inline = index.userByName.get(INLINE_USER.user)!;
		expect(inline.inlinePolicies.map(p => p.name)).toEqual([INLINE_USER.policy]);
		expect(JSON.parse(inline.inlinePolicies[0]!.document)).toEqual(INLINE_USER.document);

		expect(index.userByName.get(READ_ONLY_USER)!.attachedPolicies).toEqual([{name: 'ReadOnlyAccess', arn: READ_ONLY_ACCESS_ARN}]);
		expect(JSON.parse(snapshot.policies.find(p => p.name === DEVELOPERS.policy)!.document)).toEqual(DEVELOPERS.document);
		expect(index.userByName.get(DEPARTED.user)!.tags).toContainEqual({Key: 'status', Value: 'departed'});
	});

	it('has the credential report: passwords, MFA and keys for every user', () => {
		const report = snapshot.credentialReport;
		if (report.status !== 'ok') throw new Error(`credential report unavailable: ${report.reason}`);
		expect(report.rows.map(r => r.user).sort()).toEqual([...ALL_USERS].sort());
		const rows = new Map(report.rows.map(r => [r.user, r]));
		expect(report.rows.filter(r => r.passwordEnabled).map(r => r.user).sort()).toEqual([...CONSOLE_USERS].sort());
		expect(report.rows.filter(r => r.mfaActive).map(r => r.user).sort()).toEqual([...MFA_USERS].sort());
		for (const user of TWO_KEY_USERS) expect(rows.get(user)!.accessKeys.map(k => k.active)).toEqual([false, true]);
		expect(rows.get(SERVICE_ACCOUNT.user)!.accessKeys).toHaveLength(1);
		expect(rows.get(SERVICE_ACCOUNT.user)!.accessKeys[0]!.lastUsedDate).not.toBeNull();
		expect(rows.get('kwame.mensah')!.accessKeys).toEqual([]);
	});

	it('reported progress through to done', () => {
		expect(progress[0]).toMatchObject({phase: 'authorization-details', pages: 0});
		const last = progress.at(-1)!;
		expect(last).toMatchObject({phase: 'done', users: ALL_USERS.length, groups: ALL_GROUPS.length, policies: snapshot.policies.length});
		expect(last.pages).toBeGreaterThanOrEqual(1);
		expect(progress.some(p => p.phase === 'credential-report')).toBe(true);
	});

	it('userDetails: keys with status and last use, MFA devices, tags', async () => {
		const gateway = connect();
		const marco = await gateway.userDetails('marco.rossi');
		expect(marco.accessKeys.map(k => k.accessKeyId)).toEqual(seeded.accessKeys['marco.rossi']);
		expect(marco.accessKeys.map(k => k.status)).toEqual(['Inactive', 'Active']);
		expect(marco.accessKeys[0]!.createDate).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(marco.accessKeys[0]!.lastUsedDate).toBeNull();
		expect(marco.mfaDevices).toEqual([]);
		expect(marco.tags).toEqual([{Key: 'team', Value: 'platform'}]);

		const dash = await gateway.userDetails(SERVICE_ACCOUNT.user);
		expect(dash.accessKeys).toHaveLength(1);
		expect(dash.accessKeys[0]).toMatchObject({status: 'Active', lastUsedService: 'iam', lastUsedRegion: 'us-east-1'});
		expect(dash.accessKeys[0]!.lastUsedDate).not.toBeNull();

		const ana = await gateway.userDetails(LIGHTSAIL.consoleUser);
		expect(ana.mfaDevices.map(d => d.serialNumber)).toEqual([seeded.mfaSerials[LIGHTSAIL.consoleUser]]);
		expect(ana.mfaDevices[0]!.serialNumber).toBe(`arn:aws:iam::${DEMO_ACCOUNT_ID}:mfa/ana.silva`);

		const departed = await gateway.userDetails(DEPARTED.user);
		expect(departed.tags).toContainEqual({Key: 'status', Value: 'departed'});
		expect(departed.accessKeys.map(k => k.status)).toEqual(['Active']);
	});

	it("userDetails of a user that does not exist is NotFound", async () => {
		await expect(connect().userDetails('nobody.here')).rejects.toMatchObject({kind: 'NotFound', code: 'NoSuchEntity'});
	});

	it("uses the profile's endpoint_url from ~/.aws/config for both IAM and STS", async () => {
		const gateway = createGateway({profile: 'moto-config', maxAttempts: 2});
		expect((await gateway.callerIdentity()).account).toBe(DEMO_ACCOUNT_ID);
		expect((await gateway.loadSnapshot()).users).toHaveLength(ALL_USERS.length);
	});

	it('a role profile with mfa_serial asks the MFA hook and assumes the role through the chosen endpoint', async () => {
		writeFileSync(
			path.join(dir, 'config'),
			`[profile moto-role]\nrole_arn = arn:aws:iam::${DEMO_ACCOUNT_ID}:role/admin\nsource_profile = moto-test\nmfa_serial = arn:aws:iam::${DEMO_ACCOUNT_ID}:mfa/me\n`,
		);
		const asked: string[] = [];
		const gateway = createGateway({profile: 'moto-role', endpoint: moto.endpoint, maxAttempts: 2}, {
			mfaCode: async serial => {
				asked.push(serial);
				return '123456';
			},
		});
		const identity = await gateway.callerIdentity();
		expect(asked).toEqual([`arn:aws:iam::${DEMO_ACCOUNT_ID}:mfa/me`]);
		expect(identity.arn).toMatch(/:assumed-role\/admin\//);
		// The assumed credentials are cached for the connection: no second prompt.
		await gateway.userDetails('dana.kim');
		expect(asked).toHaveLength(1);
	});

	it('a read-only gateway still reads', async () => {
		const gateway = connect({readOnly: true});
		expect(gateway.readOnly).toBe(true);
		expect((await gateway.loadSnapshot()).users).toHaveLength(ALL_USERS.length);
		expect((await gateway.userDetails('dana.kim')).accessKeys).toHaveLength(1);
	});

	it('a cancelled load rejects with an IamError (AbortError)', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(connect().loadSnapshot({signal: controller.signal})).rejects.toMatchObject({name: 'IamError', code: 'AbortError'});
	});

	it('after a reset, an empty account loads as an empty snapshot', async () => {
		await moto.reset();
		const empty = await connect().loadSnapshot();
		expect(empty.users).toEqual([]);
		expect(empty.groups).toEqual([]);
		expect(empty.policies).toEqual([]);
		expect(empty.credentialReport).toMatchObject({status: 'ok', rows: []});
	});
});
