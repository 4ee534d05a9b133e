// Keys, console passwords, managed and inline policies and signing certificates from the User screen,
// in the real App over the fixture gateway: each key builds the plan, the confirmation shows it, y
// sends exactly its calls. Read-only mode: none of these keys exists.
import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {LoginProfile, UserDetails} from '../../source/model/gateway.js';
import {FIXTURE_NOW} from '../fixtures/account.js';
import {fixtureDetails, type FixtureGateway} from '../fixtures/gateway.js';
import {appHarness} from '../helpers/app.js';
import {keys, tick} from '../helpers/render.js';
import {openUser, select, selectedLine, submitCertificateFile} from '../helpers/user-screen.js';

const harness = appHarness();
let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-user-credentials-'));
});
afterEach(() => {
	rmSync(dir, {recursive: true, force: true});
});

const daysAgo = (days: number) => new Date(FIXTURE_NOW.getTime() - days * 86_400_000).toISOString();
const key = (accessKeyId: string, status: 'Active' | 'Inactive', age: number) => ({
	accessKeyId,
	status,
	createDate: daysAgo(age),
	lastUsedDate: daysAgo(5),
	lastUsedService: 's3',
	lastUsedRegion: 'us-east-1',
});
const details: Record<string, UserDetails> = {
	...fixtureDetails,
	'bruno.costa': {accessKeys: [key('AKIABRUNONEW00000002', 'Active', 200), key('AKIABRUNOOLD00000001', 'Inactive', 400)], mfaDevices: [], tags: []},
};
const anaPassword: LoginProfile = {createDate: daysAgo(100), passwordResetRequired: false};

const start = (options: {readOnly?: boolean; columns?: number} = {}) =>
	harness.start({readOnly: options.readOnly ?? false, details, loginProfiles: {'ana.silva': anaPassword}, columns: options.columns ?? 130, rows: 50});

const READS = /^(callerIdentity|loadSnapshot|userDetails|loginProfile|getUser|accessKeys|mfaDevices)/;
const writes = (gateway: FixtureGateway) => gateway.calls.filter(c => !READS.test(c));
describe('User screen writes', () => {
	it('K at the two-key limit says so and offers deactivate-oldest or delete-oldest-then-create', async () => {
		const {tui, gateway} = start();
		await openUser(tui, 'bruno.costa');
		await tui.waitFor('AKIABRUNOOLD00000001');
		tui.write('K');
		const choice = await tui.waitFor("LimitExceeded: bruno.costa already has 2 access keys, IAM's limit per user");
		expect(choice).toContain('deactivate or delete the oldest key (AKIABRUNOOLD00000001');
		expect(choice).toMatch(/› Deactivate the oldest key \(AKIABRUNOOLD00000001/);
		expect(choice).toContain('Delete the oldest key (AKIABRUNOOLD00000001');
		tui.write(keys.enter);
		const plan = await tui.waitFor('aws iam update-access-key --user-name bruno.costa --access-key-id AKIABRUNOOLD00000001 --status Inactive');
		expect(plan).toContain('skipped: AKIABRUNOOLD00000001 is already inactive');

		tui.write(keys.escape);
		await tui.waitFor('User bruno.costa');
		tui.write('K');
		await tui.waitFor('LimitExceeded');
		tui.write(keys.down);
		await tui.waitForFrame(f => selectedLine(f).includes('Delete the oldest key'));
		await tick();
		tui.write(keys.enter);
		const replace = await tui.waitFor('Replace access key AKIABRUNOOLD00000001 of bruno.costa');
		expect(replace.indexOf('1. Delete access key AKIABRUNOOLD00000001')).toBeLessThan(replace.indexOf('2. Create an access key for bruno.costa'));
		tui.write('y');
		const secret = await tui.waitFor('shown once — save or copy now');
		expect(secret).toMatch(/Secret access key +fixture-secret-/);
		expect(writes(gateway)).toEqual(['deleteAccessKey:bruno.costa:AKIABRUNOOLD00000001', 'createAccessKey:bruno.costa']);
	});

	it('e deactivates the selected key; d plans its deletion (n sends nothing); d elsewhere explains', async () => {
		const {tui, gateway} = start();
		await openUser(tui, 'ana.silva');
		await tui.waitFor('AKIAANAEXAMPLE000001');
		tui.write('d');
		await tui.waitFor('Select an access key, a signing certificate, an attached or an inline policy');
		await select(tui, 'AKIAANAEXAMPLE000001');
		tui.write('e');
		const plan = await tui.waitFor('Deactivate access key AKIAANAEXAMPLE000001 of ana.silva');
		expect(plan).toContain('aws iam update-access-key --user-name ana.silva --access-key-id AKIAANAEXAMPLE000001 --status Inactive');
		tui.write('y');
		await tui.waitFor(/done\s+Deactivate access key AKIAANAEXAMPLE000001/);
		expect(writes(gateway)).toEqual(['updateAccessKey:ana.silva:AKIAANAEXAMPLE000001:Inactive']);
		tui.write(keys.enter);
		await tui.waitFor('User ana.silva');

		await select(tui, 'AKIAANAEXAMPLE000001');
		tui.write('d');
		const deletion = await tui.waitFor('Delete access key AKIAANAEXAMPLE000001 of ana.silva');
		expect(deletion).toContain('aws iam delete-access-key --user-name ana.silva --access-key-id AKIAANAEXAMPLE000001');
		expect(deletion).toContain('Deleting a key cannot be undone');
		tui.write('n');
		await tui.waitFor('User ana.silva');
		expect(writes(gateway)).toHaveLength(1);
	});

	it('p resets the console password (generated, reset required), shown once; P removes it', async () => {
		const {tui, gateway} = start();
		await openUser(tui, 'ana.silva');
		await tui.waitFor(`set ${anaPassword.createDate.slice(0, 10)}`);
		tui.write('p');
		await tui.waitFor('Reset the console password of ana.silva');
		tui.write(keys.enter); // generated → reset at next sign-in
		await tui.waitFor('› Reset at next sign-in');
		tui.write(keys.enter);
		const plan = await tui.waitFor('Set a new console password for ana.silva (shown once, to be changed at next sign-in)');
		expect(plan).toContain("aws iam update-login-profile --user-name ana.silva --password '<generated, shown once>' --password-reset-required");
		expect(plan).toContain('aws iam attach-user-policy --user-name ana.silva --policy-arn arn:aws:iam::aws:policy/IAMUserChangePassword');
		tui.write('y');
		const secret = await tui.waitFor('must be changed at next sign-in');
		const password = /Password +(\S+)/.exec(secret)?.[1];
		expect(password).toHaveLength(20);
		expect(writes(gateway)).toEqual(['updateLoginProfile:ana.silva', 'attachUserPolicy:ana.silva:arn:aws:iam::aws:policy/IAMUserChangePassword']);
		tui.write('d');
		await tui.waitFor('dismiss anyway? y/n');
		tui.write('y');
		const back = await tui.waitFor(/User ana\.silva[\s\S]*must be changed at next sign-in/);
		expect(back).not.toContain(password!);

		tui.write('P');
		await tui.waitFor('Remove console access of ana.silva');
		tui.write('y');
		await tui.waitFor(/done\s+Remove the console password of ana\.silva/);
		tui.write(keys.enter);
		await tui.waitFor('none: no console sign-in');
		expect(writes(gateway)).toEqual(['updateLoginProfile:ana.silva', 'attachUserPolicy:ana.silva:arn:aws:iam::aws:policy/IAMUserChangePassword', 'deleteLoginProfile:ana.silva']);
	});

	it('m attaches a managed policy picked from the list; d on it detaches; d on an inline policy deletes it', async () => {
		const {tui, gateway} = start();
		await openUser(tui, 'eve.adams');
		tui.write('m');
		await tui.waitFor('Attach a managed policy to eve.adams');
		tui.write('/');
		await tui.waitFor('type to filter');
		await tui.type('ReadOnly');
		tui.write(keys.enter);
		// Ranked as every picker ranks (group and role too): a name starting with the text before one that
		// only holds it, so ReadOnlyAccess is selected first and IAMReadOnlyAccess follows.
		const picker = await tui.waitFor('esc clears');
		expect(picker).toMatch(/› +ReadOnlyAccess/);
		expect(picker.indexOf(' ReadOnlyAccess')).toBeLessThan(picker.indexOf('IAMReadOnlyAccess'));
		tui.write(keys.enter);
		const plan = await tui.waitFor('Attach ReadOnlyAccess to user eve.adams');
		expect(plan).toContain('aws iam attach-user-policy --user-name eve.adams --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess');
		tui.write('y');
		await tui.waitFor(/done\s+Attach ReadOnlyAccess/);
		tui.write(keys.enter);
		await tui.waitFor('Managed policies attached directly (1)');

		await select(tui, 'ReadOnlyAccess');
		tui.write('d');
		await tui.waitFor('Detach ReadOnlyAccess from user eve.adams');
		tui.write('y');
		await tui.waitFor(/done\s+Detach ReadOnlyAccess/);
		tui.write(keys.enter);
		await tui.waitFor('Managed policies attached directly (0)');

		await select(tui, 'EveExtra');
		tui.write('d');
		const inline = await tui.waitFor('Delete inline policy EveExtra of user eve.adams');
		expect(inline).toContain('s3:GetObject');
		tui.write('y');
		await tui.waitFor(/done\s+Delete inline policy EveExtra/);
		expect(writes(gateway)).toEqual([
			'attachUserPolicy:eve.adams:arn:aws:iam::aws:policy/ReadOnlyAccess',
			'detachUserPolicy:eve.adams:arn:aws:iam::aws:policy/ReadOnlyAccess',
			'deleteUserPolicy:eve.adams:EveExtra',
		]);
	});

	it('c uploads a PEM certificate from a file, shows it, and d deletes it', async () => {
		const {tui, gateway, services} = start();
		const made = await services.generateCertificate({commonName: 'rsdash', days: 30, keyFile: path.join(dir, 'made-key.pem'), overwrite: false});
		if (!made.ok) throw new Error(made.message);
		const certificate = path.join(dir, 'rsdash.pem');
		writeFileSync(certificate, made.certificatePem);

		await submitCertificateFile(tui, 'rsdash', certificate);
		const plan = await tui.waitFor('Upload a signing certificate for rsdash');
		expect(plan).toContain('Certificate: CN=rsdash');
		tui.write('y');
		await tui.waitFor(/done\s+Upload an X\.509 signing certificate/);
		expect(writes(gateway)).toEqual([`uploadSigningCertificate:rsdash:${made.certificatePem}`]);
		tui.write(keys.enter);
		const listed = await tui.waitFor(/CERTFIXTURE\d+ +Active/);
		const id = /(CERTFIXTURE\d+)/.exec(listed)![1]!;

		await select(tui, id);
		tui.write('d');
		await tui.waitFor(`Delete signing certificate ${id} of rsdash`);
		tui.write('y');
		await tui.waitFor(/done\s+Delete signing certificate/);
		expect(writes(gateway)[1]).toBe(`deleteSigningCertificate:rsdash:${id}`);
	});

	it('c can generate a self-signed certificate: the key goes to a 0600 file, never to the screen', async () => {
		const {tui, gateway} = start();
		await openUser(tui, 'rsdash');
		await tui.waitFor('Signing certificates');
		tui.write('c');
		await tui.waitFor('upload from a PEM file');
		tui.write(' ');
		await tui.waitFor('generate a self-signed one');
		for (const label of ['› Common name', '› Valid for (days)', '› Private key file']) {
			tui.write(keys.tab);
			await tui.waitFor(label);
		}
		const keyFile = path.join(dir, 'rsdash-key.pem');
		tui.write('\u0015');
		await tui.waitForFrame(f => !f.includes('rsdash-signing-key.pem'));
		await tick();
		tui.write(keyFile);
		await tui.waitFor(keyFile);
		tui.write(keys.enter);
		const plan = await tui.waitFor('Upload a signing certificate for rsdash', {timeoutMs: 30_000});
		expect(plan).toContain(`Its private key is in ${keyFile} (mode 0600)`);
		expect(statSync(keyFile).mode & 0o777).toBe(0o600);
		const privateKey = readFileSync(keyFile, 'utf8');
		expect(privateKey).toContain('PRIVATE KEY');
		const body = privateKey.split('\n')[1]!;
		expect(plan).not.toContain(body);
		tui.write('y');
		await tui.waitFor(/done\s+Upload an X\.509 signing certificate/);
		expect(writes(gateway)[0]).toMatch(/^uploadSigningCertificate:rsdash:-----BEGIN CERTIFICATE-----/);
	});

	it('read-only: the write keys are absent from the footer and help, and pressing them sends nothing', async () => {
		const {tui, gateway} = start({readOnly: true, columns: 300});
		await tui.waitFor('READ-ONLY');
		await tui.waitFor('Users (12)');
		expect(tui.lastFrame()).not.toContain('n new user');
		tui.write('n');
		await openUser(tui, 'ana.silva');
		await tui.waitFor('AKIAANAEXAMPLE000001');
		const footer = tui.lastFrame();
		for (const label of ['K new key', 'e key on/off', 'd delete', 'p password', 'P no password', 'm attach policy', 'c certificate']) expect(footer).not.toContain(label);
		await select(tui, 'AKIAANAEXAMPLE000001');
		for (const input of ['K', 'e', 'd', 'p', 'P', 'm', 'c']) {
			tui.write(input);
			await tick();
		}
		tui.write('?');
		const help = await tui.waitFor('Show or hide this help');
		expect(help).not.toContain('Create an access key');
		expect(help).not.toContain('Console password: give one');
		expect(writes(gateway)).toEqual([]);
	});

	it('not read-only: the footer offers them', async () => {
		const {tui} = start({columns: 300});
		await tui.waitFor('n new user');
		await openUser(tui, 'ana.silva');
		const footer = await tui.waitFor('K new key');
		for (const label of ['e key on/off', 'd delete', 'p password', 'P no password', 'm attach policy', 'c certificate']) expect(footer).toContain(label);
	});
});
