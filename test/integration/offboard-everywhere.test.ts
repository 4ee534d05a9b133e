// Offboarding a person everywhere against moto, as the built binary runs it (issue 19, item 5): alice of the
// W10 organization leaves Identity Center (her Admins membership, her direct assignment in dev) and the IAM
// user the operator names with --account is offboarded in its account through the audit role; a look-alike
// in an account not named stays. Without --yes, with --dry-run and read-only nothing is sent; one record holds
// the run; a rerun does only what is left (nothing, after a complete run; the rest, after a failure).
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, IAMClient, TagUserCommand} from '@aws-sdk/client-iam';
import {IdentitystoreClient, ListGroupMembershipsCommand, ListGroupMembershipsForMemberCommand} from '@aws-sdk/client-identitystore';
import {ListAccountAssignmentsCommand, ListInstancesCommand, ListPermissionSetsCommand, SSOAdminClient} from '@aws-sdk/client-sso-admin';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ConfigStore} from '../../source/store/config.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {startFaultProxy, type FaultProxy} from '../helpers/fault-proxy.js';
import {roleCredentials, seedOrganization, type SeededOrg} from '../helpers/org-seed.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const config = (endpoint: string, credentials = {accessKeyId: 'testing', secretAccessKey: 'testing'}) => ({region: 'us-east-1', endpoint, credentials, maxAttempts: 1});

interface World {
	moto: Moto;
	seeded: SeededOrg;
	/** The secret of an access key alice's IAM user in prod holds: it must reach no file iamtui writes. */
	secret: string;
	configDir: string;
	env: Record<string, string>;
}

/** The W10 organization, plus IAM users that look like alice: "alice" in prod (with a key) and in dev, and dev's "ci-bot" tagged with her email. */
const world = async (): Promise<World> => {
	const moto = await startMoto();
	const seeded = await seedOrganization(moto.endpoint);
	const iamIn = async (account: string) => new IAMClient(config(moto.endpoint, await roleCredentials(moto.endpoint, account)));
	const prod = await iamIn(seeded.accounts.prod);
	await prod.send(new CreateUserCommand({UserName: 'alice'}));
	const secret = (await prod.send(new CreateAccessKeyCommand({UserName: 'alice'}))).AccessKey!.SecretAccessKey!;
	const dev = await iamIn(seeded.accounts.dev);
	await dev.send(new CreateUserCommand({UserName: 'alice'}));
	await dev.send(new CreateUserCommand({UserName: 'ci-bot'}));
	await dev.send(new TagUserCommand({UserName: 'ci-bot', Tags: [{Key: 'owner', Value: 'alice@example.com'}]}));
	const env = motoEnvironment();
	return {moto, seeded, secret, configDir: env.IAMTUI_CONFIG_DIR!, env};
};

/** What Identity Center and IAM hold for alice now, read back with the SDK. */
const readBack = async (w: World) => {
	const sso = new SSOAdminClient(config(w.moto.endpoint));
	const store = new IdentitystoreClient(config(w.moto.endpoint));
	const instance = (await sso.send(new ListInstancesCommand({}))).Instances![0]!;
	const memberships = (await store.send(new ListGroupMembershipsForMemberCommand({IdentityStoreId: instance.IdentityStoreId, MemberId: {UserId: w.seeded.people.alice}}))).GroupMemberships ?? [];
	const adminsMembers = (await store.send(new ListGroupMembershipsCommand({IdentityStoreId: instance.IdentityStoreId, GroupId: w.seeded.groupId}))).GroupMemberships ?? [];
	const sets = (await sso.send(new ListPermissionSetsCommand({InstanceArn: instance.InstanceArn}))).PermissionSets ?? [];
	const assignments: string[] = [];
	for (const account of [w.seeded.accounts.prod, w.seeded.accounts.dev])
		for (const set of sets) {
			const listed = (await sso.send(new ListAccountAssignmentsCommand({InstanceArn: instance.InstanceArn, AccountId: account, PermissionSetArn: set}))).AccountAssignments ?? [];
			assignments.push(...listed.map(a => `${a.AccountId}:${a.PrincipalType}:${a.PrincipalId}`));
		}
	const userIn = async (account: string, UserName: string) => {
		const iam = new IAMClient(config(w.moto.endpoint, await roleCredentials(w.moto.endpoint, account)));
		return iam.send(new GetUserCommand({UserName})).then(
			() => 'exists',
			(error: {name?: string}) => error.name,
		);
	};
	return {
		memberships: memberships.length,
		admins: adminsMembers.map(m => (m.MemberId as {UserId?: string}).UserId).sort(),
		aliceDirect: assignments.filter(a => a.endsWith(`:USER:${w.seeded.people.alice}`)),
		groupAssignments: assignments.filter(a => a.includes(':GROUP:')).length,
		prodAlice: await userIn(w.seeded.accounts.prod, 'alice'),
		devAlice: await userIn(w.seeded.accounts.dev, 'alice'),
	};
};

const journalLines = (w: World): Array<{operation: string; outcome: string; account: string | null; target: Record<string, string>; errorCode: string | null}> => {
	const file = path.join(w.configDir, 'journal.jsonl');
	return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line)) : [];
};

const recordFiles = (w: World, prefix = ''): string[] => {
	const folder = path.join(w.configDir, 'records');
	return existsSync(folder) ? readdirSync(folder).filter(f => f.startsWith(prefix)).map(f => path.join(folder, f)) : [];
};

describeWithMoto('offboard a person everywhere (moto, the built binary)', () => {
	describe('alice, with her prod user named', () => {
		let w: World;
		const run = (...args: string[]) => runCli([...args, '--endpoint-url', w.moto.endpoint], w.env, 120_000);
		let before: Awaited<ReturnType<typeof readBack>>;

		beforeAll(async () => {
			w = await world();
			before = await readBack(w);
		}, 120_000);
		afterAll(async () => {
			await w?.moto.stop();
		});
		/** Identity Center and IAM as before, no journal line, no record. */
		const expectNothingSent = async () => {
			expect(await readBack(w)).toEqual(before);
			expect(journalLines(w)).toEqual([]);
			expect(recordFiles(w)).toEqual([]);
		};

		it('starts from what the seed made: alice in Admins, her own assignment in dev, an IAM user in prod and in dev', () => {
			expect(before).toMatchObject({memberships: 1, admins: [w.seeded.people.alice, w.seeded.people.carol].sort(), prodAlice: 'exists', devAlice: 'exists'});
			expect(before.aliceDirect).toEqual([`${w.seeded.accounts.dev}:USER:${w.seeded.people.alice}`]);
		});

		it('without --yes prints the plan — each removal with what it takes away, each look-alike with why — and sends nothing', async () => {
			const result = await run('offboard-everywhere', 'alice', '--account', `${w.seeded.accounts.prod}:alice`);
			expect(result.stderr).toContain('add --yes');
			expect(result.code).toBe(64);
			expect(result.stdout).toMatch(/remove alice from the Identity Center group Admins \(membership [^)]+\) — takes away .*AdminAccess/);
			expect(result.stdout).toContain(`remove the direct assignment of AdminAccess to alice in workload-dev (${w.seeded.accounts.dev}) — takes away workload-dev (${w.seeded.accounts.dev})/AdminAccess`);
			expect(result.stdout).toMatch(new RegExp(`workload-prod +${w.seeded.accounts.prod} +alice +user name equals the IC user name +offboard \\(named\\)`));
			expect(result.stdout).toMatch(new RegExp(`workload-dev +${w.seeded.accounts.dev} +alice +.*left: not named \\(--account ${w.seeded.accounts.dev}:alice\\)`));
			expect(result.stdout).toMatch(/ci-bot +tag owner = alice@example.com \(the email alice@example.com\)/);
			const dry = await run('offboard-everywhere', 'alice', '--account', `${w.seeded.accounts.prod}:alice`, '--dry-run', '--json');
			expect(dry.code).toBe(0);
			const plan = JSON.parse(dry.stdout) as {dryRun: boolean; IdentityCenter: Array<{Kind: string; Status: string}>; Offboard: Array<{AccountId: string; UserName: string}>};
			expect(plan.IdentityCenter.map(s => `${s.Kind}:${s.Status}`).sort()).toEqual(['AccountAssignment:pending', 'GroupMembership:pending']);
			expect(plan.Offboard.map(o => `${o.AccountId}:${o.UserName}`)).toEqual([`${w.seeded.accounts.prod}:alice`]);
			await expectNothingSent();
		}, 120_000);

		it('read-only (the flag) refuses with --yes: nothing sent, nothing journaled or recorded', async () => {
			const result = await run('offboard-everywhere', 'alice', '--account', `${w.seeded.accounts.prod}:alice`, '--yes', '--read-only');
			expect(result.code).toBe(3);
			expect(result.stderr).toContain('read-only mode: offboard-everywhere alice was not started; nothing was sent or recorded');
			await expectNothingSent();
		}, 120_000);

		it('a profile stored read-only refuses the same way, without the flag', async () => {
			// HOME is the test's config folder: the profile's keys in ~/.aws/credentials, iamtui's store marks it read-only.
			mkdirSync(path.join(w.configDir, '.aws'), {recursive: true});
			writeFileSync(path.join(w.configDir, '.aws', 'credentials'), '[org]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
			new ConfigStore({cwd: w.configDir}).saveProfile({name: 'org', endpoint: w.moto.endpoint, readOnly: true});
			const result = await run('offboard-everywhere', 'alice', '--account', `${w.seeded.accounts.prod}:alice`, '--yes', '--profile', 'org');
			expect(result.code).toBe(3);
			expect(result.stderr).toContain('read-only mode: offboard-everywhere alice was not started');
			await expectNothingSent();
		}, 120_000);

		it('an --account the plan does not hold is refused (exit 64) with the names it does hold', async () => {
			const deployer = await run('offboard-everywhere', 'alice', '--account', `${w.seeded.accounts.prod}:deployer`, '--yes');
			expect(deployer.code).toBe(64);
			expect(deployer.stderr).toContain(`deployer in workload-prod (${w.seeded.accounts.prod}) does not look like alice`);
			expect(deployer.stderr).toContain(`--account ${w.seeded.accounts.prod}:alice (workload-prod)`);
			const stranger = await run('offboard-everywhere', 'alice', '--account', '999999999999', '--yes');
			expect(stranger.code).toBe(64);
			expect(stranger.stderr).toContain('no account 999999999999 in the organization');
			expect(stranger.stderr).toContain(`--account ${w.seeded.accounts.dev}:alice, --account ${w.seeded.accounts.dev}:ci-bot (workload-dev)`);
			expect(await readBack(w)).toEqual(before);
			expect(journalLines(w)).toEqual([]);
		}, 120_000);

		it('--yes removes her membership and direct assignment, offboards the named prod user, leaves the unnamed dev one; one record holds the steps', async () => {
			// The account by its name this time (the rerun below names it by id).
			const result = await run('offboard-everywhere', 'alice', '--account', 'workload-prod:alice', '--yes');
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			const after = await readBack(w);
			expect(after.memberships).toBe(0);
			expect(after.admins).toEqual([w.seeded.people.carol]);
			expect(after.aliceDirect).toEqual([]);
			// The group's own assignments stay: Admins still reaches prod and dev for carol.
			expect(after.groupAssignments).toBe(before.groupAssignments);
			expect(after.prodAlice).toBe('NoSuchEntityException');
			expect(after.devAlice).toBe('exists');

			const lines = journalLines(w);
			const icLines = lines.filter(l => !l.operation.startsWith('iam:')).map(l => `${l.operation} ${l.outcome}`);
			expect(icLines).toEqual(['identitystore:DeleteGroupMembership intent', 'identitystore:DeleteGroupMembership ok', 'sso:DeleteAccountAssignment intent', 'sso:DeleteAccountAssignment ok']);
			const deleteUser = lines.filter(l => l.operation === 'iam:DeleteUser');
			expect(deleteUser.map(l => [l.account, l.target.user, l.outcome])).toEqual([
				[w.seeded.accounts.prod, 'alice', 'intent'],
				[w.seeded.accounts.prod, 'alice', 'ok'],
			]);

			const [file] = recordFiles(w, 'everywhere-');
			const record = JSON.parse(readFileSync(file!, 'utf8')) as {finishedAt: string | null; identityCenter: Array<{kind: string; status: string}>; accounts: Array<{accountId: string; user: string; status: string; record?: string}>};
			expect(record.finishedAt).not.toBeNull();
			expect(record.identityCenter.map(s => `${s.kind}:${s.status}`)).toEqual(['membership:done', 'assignment:done']);
			expect(record.accounts.map(a => `${a.accountId}:${a.user}:${a.status}`)).toEqual([`${w.seeded.accounts.prod}:alice:done`]);
			// The prod user's own offboarding record (what it had, for restore) is named in it.
			const own = JSON.parse(readFileSync(record.accounts[0]!.record!, 'utf8')) as {account: string; user: {name: string}; accessKeys: unknown[]};
			expect(own).toMatchObject({account: w.seeded.accounts.prod, user: {name: 'alice'}});
			expect(own.accessKeys).toHaveLength(1);
			for (const written of [path.join(w.configDir, 'journal.jsonl'), ...recordFiles(w)]) expect(readFileSync(written, 'utf8')).not.toContain(w.secret);
		}, 120_000);

		it('the same command again finds nothing left to do and sends nothing', async () => {
			const journalBefore = journalLines(w).length;
			const result = await run('offboard-everywhere', 'alice', '--account', `${w.seeded.accounts.prod}:alice`, '--yes');
			expect(result.code).toBe(0);
			expect(result.stdout).toContain('Nothing left to do for alice');
			expect(journalLines(w)).toHaveLength(journalBefore);
			expect(recordFiles(w, 'everywhere-')).toHaveLength(1);
		}, 120_000);
	});

	describe('a failure in one account', () => {
		let w: World;
		let proxy: FaultProxy;

		beforeAll(async () => {
			w = await world();
			// The first iam:DeleteUser answers HTTP 500 (no retry: AWS_MAX_ATTEMPTS=1); everything else goes through.
			proxy = await startFaultProxy({target: w.moto.endpoint, seed: 1, http500Rate: 1, maxFaults: 1, faultWhen: r => r.body.includes('Action=DeleteUser')});
		}, 120_000);
		afterAll(async () => {
			await proxy?.stop();
			await w?.moto.stop();
		});

		it('does not stop the others; the rerun does only what is left', async () => {
			const args = ['offboard-everywhere', 'alice', '--account', `${w.seeded.accounts.prod}:alice`, '--account', `${w.seeded.accounts.dev}:alice`, '--yes'];
			const first = await runCli([...args, '--endpoint-url', proxy.endpoint], {...w.env, AWS_MAX_ATTEMPTS: '1'}, 120_000);
			expect(first.code).toBe(3);
			expect(first.stdout).toMatch(/FAILED +offboard alice in workload-prod/);
			expect(first.stdout).toMatch(/done +offboard alice in workload-dev/);
			expect(first.stdout).toContain('1 step left: run the same command again');
			const mid = await readBack(w);
			expect(mid).toMatchObject({memberships: 0, aliceDirect: [], prodAlice: 'exists', devAlice: 'NoSuchEntityException'});

			// As if the run had died after dev's offboarding finished and before the record said so: dev's user is gone.
			const [file] = recordFiles(w, 'everywhere-');
			const saved = JSON.parse(readFileSync(file!, 'utf8')) as {accounts: Array<{accountId: string; status: string; message?: string}>};
			const dev = saved.accounts.find(a => a.accountId === w.seeded.accounts.dev)!;
			dev.status = 'pending';
			delete dev.message;
			writeFileSync(file!, JSON.stringify(saved, null, 2));

			const second = await runCli([...args, '--endpoint-url', w.moto.endpoint], w.env, 120_000);
			expect(second.stderr).toBe('');
			expect(second.code).toBe(0);
			expect(second.stdout).toContain('Resuming the unfinished run recorded in');
			expect(second.stdout).toMatch(/done +offboard alice in workload-dev \(\d+\) — already gone: no user named alice/);
			expect((await readBack(w)).prodAlice).toBe('NoSuchEntityException');
			// Identity Center was not asked twice, nor dev's user offboarded again.
			const lines = journalLines(w);
			expect(lines.filter(l => l.operation === 'identitystore:DeleteGroupMembership' && l.outcome === 'intent')).toHaveLength(1);
			expect(lines.filter(l => l.operation === 'iam:DeleteUser' && l.account === w.seeded.accounts.dev && l.outcome === 'intent')).toHaveLength(1);
			expect(lines.filter(l => l.operation === 'iam:DeleteUser' && l.account === w.seeded.accounts.prod).map(l => l.outcome)).toEqual(['intent', 'failed', 'intent', 'ok']);
			const records = recordFiles(w, 'everywhere-');
			expect(records).toHaveLength(1);
			const record = JSON.parse(readFileSync(records[0]!, 'utf8')) as {finishedAt: string | null; resumes?: unknown[]; accounts: Array<{status: string}>};
			expect(record.finishedAt).not.toBeNull();
			expect(record.resumes).toHaveLength(1);
			expect(record.accounts.map(a => a.status)).toEqual(['done', 'done']);
		}, 240_000);
	});
});
