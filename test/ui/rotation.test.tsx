// The key rotation wizard in the app (R on a user): create the second key through the plan and
// SecretOnce (the secret shown once, never stored), switch, verify last use (r reloads), deactivate,
// delete; each stage in the rotation store, marked on the Users screen, resumable another day.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {AccessKeyDetail, IamGateway} from '../../source/model/gateway.js';
import {ACCOUNT, FIXTURE_NOW} from '../fixtures/account.js';
import type {FixtureGateway} from '../fixtures/gateway.js';
import {appHarness} from '../helpers/app.js';
import {overrideOperations} from '../helpers/override-operations.js';
import {compact, keys, type Rendered} from '../helpers/render.js';

const harness = appHarness();

const USER = 'rsdash';
const OLD = 'AKIARSDASHOLD0000001';
const WRITE = /^(create|update|delete)AccessKey/;

/** The fixture gateway with access keys that writes really change (IAM's view of rsdash's keys). */
const withKeys = (gateway: FixtureGateway) => {
	const held: AccessKeyDetail[] = [
		{accessKeyId: OLD, status: 'Active', createDate: '2024-01-01T00:00:00.000Z', lastUsedDate: '2024-06-01T10:00:00.000Z', lastUsedService: 's3', lastUsedRegion: 'us-east-1'},
	];
	const secrets: string[] = [];
	const overrides: Record<string, (...args: never[]) => unknown> = {
		accessKeys: async (name: string) => (name === USER ? held.map(k => ({...k})) : gateway.accessKeys(name)),
		createAccessKey: async (input: {user: string}) => {
			const key = await gateway.createAccessKey(input);
			secrets.push(key.secretAccessKey);
			held.push({accessKeyId: key.accessKeyId, status: 'Active', createDate: FIXTURE_NOW.toISOString(), lastUsedDate: null, lastUsedService: null, lastUsedRegion: null});
			return key;
		},
		updateAccessKey: async (input: {user: string; accessKeyId: string; status: 'Active' | 'Inactive'}) => {
			await gateway.updateAccessKey(input);
			held.find(k => k.accessKeyId === input.accessKeyId)!.status = input.status;
		},
		deleteAccessKey: async (input: {user: string; accessKeyId: string}) => {
			await gateway.deleteAccessKey(input);
			held.splice(held.findIndex(k => k.accessKeyId === input.accessKeyId), 1);
		},
	};
	const connected: IamGateway = overrideOperations(gateway, name => overrides[name]);
	return {connected, held, secrets, writes: () => gateway.calls.filter(c => WRITE.test(c))};
};

const start = (size = {columns: 130, rows: 40}) => {
	let world: ReturnType<typeof withKeys> | undefined;
	const started = harness.start({...size, wrap: gateway => (world = withKeys(gateway)).connected});
	return {...started, ...world!};
};

const openUser = async (tui: Rendered) => {
	await tui.waitFor('Users (12)');
	tui.write('/');
	await tui.waitFor('type to filter');
	await tui.type(USER);
	await tui.waitFor('1 of 12');
	tui.write(keys.enter);
	await tui.waitFor('1 of 12 · esc clears');
	tui.write(keys.enter);
	await tui.waitFor(`User ${USER}`);
};

describe('key rotation wizard', () => {
	it('at 80×24 what a stage says wraps, never cut with …', async () => {
		const {tui} = start({columns: 80, rows: 24});
		await openUser(tui);
		tui.write('R');
		const rows = (await tui.waitFor('› 1. Create the second key')).split('\n').slice(1, -1);
		expect(rows.filter(row => row.endsWith('…'))).toEqual([]);
		// Spaces dropped: a wrapped line reads whole again.
		const text = compact(rows.join(''));
		expect(text).toContain(compact('its progress is kept (key ids only) to finish another day.'));
		expect(text).toContain(compact(`enter: create a second key beside ${OLD} (the plan first; its secret is shown once) · x forgets · esc back`));
	});

	it('runs the stages: the second key (secret shown once), switch, verify, deactivate, delete', async () => {
		const {tui, services, held, secrets, writes} = start();
		await openUser(tui);
		tui.write('R');
		const first = await tui.waitFor('› 1. Create the second key');
		expect(first).toContain(`Starts from the one active key, ${OLD}`);
		expect(first).toContain('Needs: one active key');
		expect(services.rotations.list()).toEqual([]);

		// Stage 1: the plan, then SecretOnce with the new secret.
		tui.write(keys.enter);
		const plan = await tui.waitFor(`Create an access key for ${USER}`);
		expect(plan).toContain(`aws iam create-access-key --user-name ${USER}`);
		expect(services.rotations.get(ACCOUNT, USER)).toMatchObject({stage: 'create', oldKeyId: OLD, newKeyId: null});
		tui.write('y');
		const secretFrame = await tui.waitFor('save or copy now');
		expect(secrets).toHaveLength(1);
		expect(secretFrame).toContain(secrets[0]);
		const fresh = held[1]!.accessKeyId;
		expect(held.map(k => k.status)).toEqual(['Active', 'Active']); // two keys coexist during the switch
		tui.write('c');
		await tui.waitFor('clipboard clears in 30 s');
		tui.write('d');

		// Back in the wizard: stage 2, from the keys IAM lists; the secret is gone for good.
		const second = await tui.waitFor('› 2. Switch the tool to the new key');
		expect(second).toContain(`✓ 1. Create the second key — ${fresh}`);
		expect(second).toContain(`Switch your tool to the new key ${fresh}, then press enter.`);
		expect(second).not.toContain(secrets[0]);
		expect(services.rotations.get(ACCOUNT, USER)).toMatchObject({stage: 'switch', newKeyId: fresh});
		expect(readFileSync(services.rotations.path, 'utf8')).not.toContain(secrets[0]);

		// Stages 2 and 3: switched; verify waits for the new key's first use (r reloads).
		tui.write(keys.enter);
		const verify = await tui.waitFor('› 3. Verify');
		expect(verify).toContain(`new key ${fresh}: never used`);
		expect(verify).toContain(`old key ${OLD}: last used 2024-06-01 10:00 UTC (s3)`);
		expect(verify).toContain('The new key has not been used yet');
		held[1]!.lastUsedDate = '2024-06-01T13:00:00.000Z';
		tui.write('r');
		await tui.waitFor('safe to deactivate it');
		tui.write(keys.enter);
		await tui.waitFor('› 4. Deactivate the old key');

		// Stage 4: deactivate (a plan), then stage 5: delete (a plan, confirmed).
		tui.write(keys.enter);
		await tui.waitFor(`aws iam update-access-key --user-name ${USER} --access-key-id ${OLD} --status Inactive`);
		tui.write('y');
		await tui.waitFor(/done +Deactivate|Done/);
		tui.write(keys.enter);
		await tui.waitFor('› 5. Delete the old key');
		expect(held.find(k => k.accessKeyId === OLD)!.status).toBe('Inactive');
		tui.write(keys.enter);
		await tui.waitFor(`aws iam delete-access-key --user-name ${USER} --access-key-id ${OLD}`);
		tui.write('y');
		await tui.waitFor('enter/esc goes back');
		tui.write(keys.enter);
		const finished = await tui.waitFor('Rotation finished');
		expect(finished).toContain(`${fresh} is the key now; ${OLD} is deleted`);
		expect(writes()).toEqual([`createAccessKey:${USER}`, `updateAccessKey:${USER}:${OLD}:Inactive`, `deleteAccessKey:${USER}:${OLD}`]);
		expect(held.map(k => k.accessKeyId)).toEqual([fresh]);
		expect(services.rotations.list()).toEqual([]);
	});

	it('a rotation in progress is marked on the Users screen and resumes at its stage another day', async () => {
		const {tui, services, held} = start();
		held.push({accessKeyId: 'AKIARSDASHNEW0000002', status: 'Active', createDate: FIXTURE_NOW.toISOString(), lastUsedDate: null, lastUsedService: null, lastUsedRegion: null});
		services.rotations.save({account: ACCOUNT, user: USER, oldKeyId: OLD, newKeyId: 'AKIARSDASHNEW0000002', stage: 'verify', startedAt: '2024-05-30T00:00:00.000Z', updatedAt: '2024-05-30T00:00:00.000Z'});
		const users = await tui.waitFor('ROTATION');
		expect(users.split('\n').find(line => line.includes(USER))).toContain('rotating');
		expect(users.split('\n').find(line => line.includes('ana.silva'))).not.toContain('rotating');
		await openUser(tui);
		tui.write('R');
		const frame = await tui.waitFor('› 3. Verify');
		expect(frame).toContain('✓ 2. Switch the tool to the new key');

		// x forgets it: the keys stay, the mark goes.
		tui.write('x');
		await tui.waitFor('Rotation forgotten');
		expect(services.rotations.list()).toEqual([]);
		expect(held).toHaveLength(2);
	});

	it('refuses to start without exactly one active key, and says why', async () => {
		const {tui, held} = start();
		held.push({accessKeyId: 'AKIARSDASHNEW0000002', status: 'Inactive', createDate: FIXTURE_NOW.toISOString(), lastUsedDate: null, lastUsedService: null, lastUsedRegion: null});
		await openUser(tui);
		tui.write('R');
		const frame = await tui.waitFor('A rotation cannot start');
		expect(frame).toContain('delete the inactive key AKIARSDASHNEW0000002');
		tui.write(keys.enter);
		await tui.waitFor('A rotation cannot start');
	});
});
