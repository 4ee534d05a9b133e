// Access keys, console passwords and signing certificates: the steps and aws lines, IAM's limits (two
// keys, two certificates, one login profile) refused with a way out, and no secret in any text.
import {describe, expect, it} from 'vitest';
import type {AccessKeyDetail, SigningCertificate} from '../../source/model/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import {planDeleteCertificate, planUploadCertificate} from '../../source/model/plans/certificates.js';
import {
	planAccessKeyStatus,
	planCreateAccessKey,
	planCreateLoginProfile,
	planDeactivateOldestKey,
	planDeleteAccessKey,
	planRemoveLoginProfile,
	planReplaceOldestKey,
	planResetPassword,
} from '../../source/model/plans/credentials.js';
import {planLines, planText} from '../../source/model/plans/describe.js';
import {Secret} from '../../source/model/secret.js';
import {fixtureSnapshot} from '../fixtures/account.js';

const index = buildIndex(fixtureSnapshot());
const key = (accessKeyId: string, createDate: string, status: 'Active' | 'Inactive' = 'Active', lastUsedDate: string | null = null): AccessKeyDetail => ({
	accessKeyId,
	status,
	createDate,
	lastUsedDate,
	lastUsedService: lastUsedDate ? 's3' : null,
	lastUsedRegion: null,
});
const NEWER = key('AKIANEWER00000000002', '2024-05-01T00:00:00Z');
const OLDER = key('AKIAOLDER00000000001', '2023-01-15T00:00:00Z', 'Active', '2024-05-30T00:00:00Z');

describe('access keys', () => {
	it('creates a key: one step, its aws line, the secret shown once', () => {
		const plan = planCreateAccessKey(index, 'rsdash', []);
		expect(plan.steps).toEqual([
			{description: 'Create an access key for rsdash (the secret is shown once)', awsCli: 'aws iam create-access-key --user-name rsdash', run: {operation: 'createAccessKey', user: 'rsdash'}},
		]);
		expect(plan.dangerous).toBe(false);
		expect(planCreateAccessKey(index, 'rsdash', [OLDER]).notes![0]).toMatch(/will have two keys: switch what uses AKIAOLDER00000000001/);
	});

	it('refuses a third key, naming the oldest to deactivate or delete', () => {
		expect(() => planCreateAccessKey(index, 'rsdash', [NEWER, OLDER])).toThrowError(
			expect.objectContaining({
				kind: 'LimitExceeded',
				message: "rsdash already has 2 access keys, IAM's limit per user",
				hint: 'deactivate or delete the oldest key (AKIAOLDER00000000001, created 2023-01-15, active, last used 2024-05-30 (s3)) first',
			}),
		);
	});

	it('offers "delete the oldest, then create" and "deactivate the oldest"', () => {
		const replace = planReplaceOldestKey(index, 'rsdash', [NEWER, OLDER]);
		expect(replace.dangerous).toBe(true);
		expect(replace.steps.map(s => s.awsCli)).toEqual([
			'aws iam delete-access-key --user-name rsdash --access-key-id AKIAOLDER00000000001',
			'aws iam create-access-key --user-name rsdash',
		]);
		const deactivate = planDeactivateOldestKey(index, 'rsdash', [NEWER, OLDER]);
		expect(deactivate.steps).toEqual([
			{
				description: 'Deactivate access key AKIAOLDER00000000001 of rsdash',
				awsCli: 'aws iam update-access-key --user-name rsdash --access-key-id AKIAOLDER00000000001 --status Inactive',
				run: {operation: 'updateAccessKey', user: 'rsdash', accessKeyId: 'AKIAOLDER00000000001', status: 'Inactive'},
			},
		]);
		expect(deactivate.dangerous).toBe(true);
	});

	it('activating an active key is a no-op; activating an inactive one is not dangerous', () => {
		expect(planAccessKeyStatus(index, 'rsdash', [NEWER], NEWER.accessKeyId, 'Active').steps[0]!.noop).toBe('AKIANEWER00000000002 is already active');
		const activate = planAccessKeyStatus(index, 'rsdash', [{...NEWER, status: 'Inactive'}], NEWER.accessKeyId, 'Active');
		expect(activate.steps[0]!.noop).toBeUndefined();
		expect(activate.steps[0]!.awsCli).toBe('aws iam update-access-key --user-name rsdash --access-key-id AKIANEWER00000000002 --status Active');
		expect(activate.dangerous).toBe(false);
	});

	it('deleting a key is dangerous and warns when it is still active', () => {
		const plan = planDeleteAccessKey(index, 'rsdash', [OLDER], OLDER.accessKeyId);
		expect(plan.dangerous).toBe(true);
		expect(plan.steps[0]!.run).toEqual({operation: 'deleteAccessKey', user: 'rsdash', accessKeyId: OLDER.accessKeyId});
		expect(plan.notes!.join(' ')).toMatch(/still active: anything using it stops working at once/);
		expect(planDeleteAccessKey(index, 'rsdash', [{...OLDER, status: 'Inactive'}], OLDER.accessKeyId).notes!.join(' ')).not.toMatch(/still active/);
	});

	it('refuses unknown users and keys', () => {
		expect(() => planCreateAccessKey(index, 'nobody', [])).toThrowError(expect.objectContaining({kind: 'NotFound', message: 'no user named nobody in this account'}));
		expect(() => planDeleteAccessKey(index, 'rsdash', [NEWER], 'AKIAOTHER')).toThrowError(
			expect.objectContaining({kind: 'NotFound', message: 'rsdash has no access key AKIAOTHER', hint: 'their keys: AKIANEWER00000000002'}),
		);
	});
});

describe('console password', () => {
	const PASSWORD = 'Zz9!kQ3@vB8#nM2$';
	const profile = {createDate: '2024-01-01T00:00:00Z', passwordResetRequired: false};

	it('creates a login profile; the password appears in no text', () => {
		const plan = planCreateLoginProfile(index, {user: 'heidi.klum', password: new Secret(PASSWORD), passwordResetRequired: true}, null);
		expect(plan.steps[0]!.awsCli).toBe("aws iam create-login-profile --user-name heidi.klum --password '<generated, shown once>' --password-reset-required");
		expect(plan.steps[0]!.run).toMatchObject({operation: 'createLoginProfile', user: 'heidi.klum', passwordResetRequired: true});
		for (const text of [JSON.stringify(plan), planText(plan), ...planLines(plan).map(l => l.text)]) expect(text).not.toContain(PASSWORD);
	});

	it('a typed password is never described as generated (create and reset), and appears in no text either', () => {
		const typed = new Secret(PASSWORD, {typed: true});
		const create = planCreateLoginProfile(index, {user: 'heidi.klum', password: typed, passwordResetRequired: false}, null);
		expect(create.steps[0]!.awsCli).toBe("aws iam create-login-profile --user-name heidi.klum --password '<the password you typed>' --no-password-reset-required");
		expect(create.steps[0]!.description).toBe('Give heidi.klum a console password (the password typed)');
		const reset = planResetPassword(index, {user: 'ana.silva', password: typed, passwordResetRequired: true}, profile);
		expect(reset.steps[0]!.description).toBe('Set a new console password for ana.silva (the password typed, to be changed at next sign-in)');
		for (const plan of [create, reset]) {
			const text = [JSON.stringify(plan), planText(plan), ...planLines(plan).map(l => l.text)].join('\n');
			expect(text).not.toMatch(/generated/);
			expect(text).not.toContain(PASSWORD);
		}
	});

	it('refuses a second login profile, and a reset or removal without one', () => {
		const request = {user: 'heidi.klum', password: new Secret(PASSWORD), passwordResetRequired: true};
		expect(() => planCreateLoginProfile(index, request, profile)).toThrowError(
			expect.objectContaining({kind: 'Conflict', message: 'heidi.klum already has a console password (since 2024-01-01)', hint: 'reset it instead'}),
		);
		expect(() => planResetPassword(index, request, null)).toThrowError(expect.objectContaining({kind: 'NotFound', message: 'heidi.klum has no console password'}));
		expect(() => planRemoveLoginProfile(index, 'heidi.klum', null)).toThrowError(expect.objectContaining({kind: 'NotFound'}));
	});

	it('resets (update-login-profile) and removes (dangerous)', () => {
		const reset = planResetPassword(index, {user: 'ana.silva', password: new Secret(PASSWORD), passwordResetRequired: true}, profile);
		expect(reset.steps[0]!.awsCli).toBe("aws iam update-login-profile --user-name ana.silva --password '<generated, shown once>' --password-reset-required");
		expect(JSON.stringify(reset)).not.toContain(PASSWORD);
		const remove = planRemoveLoginProfile(index, 'ana.silva', profile);
		expect(remove.dangerous).toBe(true);
		expect(remove.steps).toEqual([
			{description: 'Remove the console password of ana.silva', awsCli: 'aws iam delete-login-profile --user-name ana.silva', run: {operation: 'deleteLoginProfile', user: 'ana.silva'}},
		]);
	});
});

describe('"reset required" attaches IAMUserChangePassword, as the console does', () => {
	const PASSWORD = 'Zz9!kQ3@vB8#nM2$';
	const profile = {createDate: '2024-01-01T00:00:00Z', passwordResetRequired: false};
	const attach = (user: string) => `aws iam attach-user-policy --user-name ${user} --policy-arn arn:aws:iam::aws:policy/IAMUserChangePassword`;
	const withPolicies = (user: string, count: number, changePassword = false) => {
		const snapshot = fixtureSnapshot();
		const target = snapshot.users.find(u => u.name === user)!;
		target.attachedPolicies = Array.from({length: count}, (_, n) =>
			n === 0 && changePassword
				? {name: 'IAMUserChangePassword', arn: 'arn:aws:iam::aws:policy/IAMUserChangePassword'}
				: {name: `P${n}`, arn: `arn:aws:iam::123456789012:policy/P${n}`},
		);
		return buildIndex(snapshot);
	};

	it('on a reset and on new console access with reset required: the password step, then the attachment', () => {
		const reset = planResetPassword(index, {user: 'ana.silva', password: new Secret(PASSWORD), passwordResetRequired: true}, profile);
		expect(reset.steps.map(s => s.awsCli)).toEqual([
			"aws iam update-login-profile --user-name ana.silva --password '<generated, shown once>' --password-reset-required",
			attach('ana.silva'),
		]);
		expect(reset.notes).toContain('IAMUserChangePassword is attached so that ana.silva can set a new password at sign-in, as the console does.');
		const create = planCreateLoginProfile(index, {user: 'heidi.klum', password: new Secret(PASSWORD), passwordResetRequired: true}, null);
		expect(create.steps.map(s => s.run.operation)).toEqual(['createLoginProfile', 'attachUserPolicy']);
	});

	it('not when no reset is required, nor when the policy is attached already', () => {
		const noReset = planResetPassword(index, {user: 'ana.silva', password: new Secret(PASSWORD), passwordResetRequired: false}, profile);
		expect(noReset.steps.map(s => s.run.operation)).toEqual(['updateLoginProfile']);
		const already = planResetPassword(withPolicies('ana.silva', 3, true), {user: 'ana.silva', password: new Secret(PASSWORD), passwordResetRequired: true}, profile);
		expect(already.steps.map(s => s.run.operation)).toEqual(['updateLoginProfile']);
	});

	it('at IAM\'s 10-policy limit the attachment is left out and the plan says what that means', () => {
		const full = planResetPassword(withPolicies('ana.silva', 10), {user: 'ana.silva', password: new Secret(PASSWORD), passwordResetRequired: true}, profile);
		expect(full.steps.map(s => s.run.operation)).toEqual(['updateLoginProfile']);
		expect(full.notes?.join(' ')).toContain('unless a group grants iam:ChangePassword, ana.silva cannot set the new password at sign-in');
	});
});

describe('signing certificates', () => {
	const pem = (n: number) => `-----BEGIN CERTIFICATE-----\nMIIB${n}AAAA\n-----END CERTIFICATE-----\n`;
	const cert = (id: string, body: string): SigningCertificate => ({certificateId: id, status: 'Active', uploadDate: '2024-02-02T00:00:00Z', body});

	it('uploads: the body goes in the step, a file in the aws line', () => {
		const plan = planUploadCertificate(index, 'rsdash', [], pem(1));
		expect(plan.steps).toEqual([
			{
				description: 'Upload an X.509 signing certificate for rsdash',
				awsCli: 'aws iam upload-signing-certificate --user-name rsdash --certificate-body file://certificate.pem',
				run: {operation: 'uploadSigningCertificate', user: 'rsdash', certificateBody: pem(1)},
			},
		]);
	});

	it('refuses a third certificate and the same certificate twice', () => {
		expect(() => planUploadCertificate(index, 'rsdash', [cert('C1', pem(1)), cert('C2', pem(2))], pem(3))).toThrowError(
			expect.objectContaining({kind: 'LimitExceeded', message: "rsdash already has 2 signing certificates, IAM's limit per user", hint: expect.stringContaining('C1 (active, uploaded 2024-02-02)')}),
		);
		expect(() => planUploadCertificate(index, 'rsdash', [cert('C1', pem(1).replaceAll('\n', '\r\n'))], pem(1))).toThrowError(
			expect.objectContaining({kind: 'Conflict', message: 'rsdash already has this certificate (C1)'}),
		);
	});

	it('deletes (dangerous), and refuses an unknown id', () => {
		const plan = planDeleteCertificate(index, 'rsdash', [cert('C1', pem(1))], 'C1');
		expect(plan.dangerous).toBe(true);
		expect(plan.steps[0]!.awsCli).toBe('aws iam delete-signing-certificate --user-name rsdash --certificate-id C1');
		expect(() => planDeleteCertificate(index, 'rsdash', [], 'C9')).toThrowError(expect.objectContaining({kind: 'NotFound', message: 'rsdash has no signing certificate C9'}));
	});
});
