// Credential writes through the real gateway against moto — access keys, signing certificates (a real
// self-signed X.509 PEM), MFA devices, SSH keys, service-specific credentials — each checked afterwards
// through the gateway's reads.
import {generateKeyPairSync} from 'node:crypto';
import {
	CreateVirtualMFADeviceCommand,
	EnableMFADeviceCommand,
	ListVirtualMFADevicesCommand,
	UploadSSHPublicKeyCommand,
} from '@aws-sdk/client-iam';
import selfsigned from 'selfsigned';
import {expect, it} from 'vitest';
import {describeWithMoto} from '../helpers/with-moto.js';
import {useMotoForWrites} from './writes-moto.js';

/** An OpenSSH "ssh-rsa AAAA…" public key line, built from a fresh RSA key. */
const sshRsaPublicKey = (): string => {
	const jwk = generateKeyPairSync('rsa', {modulusLength: 2048}).publicKey.export({format: 'jwk'});
	const mpint = (base64url: string) => {
		const bytes = Buffer.from(base64url, 'base64url');
		return bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
	};
	const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, (bytes.length >> 8) & 0xff, bytes.length & 0xff]), bytes]);
	return `ssh-rsa ${Buffer.concat([field(Buffer.from('ssh-rsa')), field(mpint(jwk.e!)), field(mpint(jwk.n!))]).toString('base64')} ana@test`;
};

describeWithMoto('credential writes against moto', () => {
	const env = useMotoForWrites();

	it('createAccessKey returns the secret once; updateAccessKey and deleteAccessKey; a third key is LimitExceeded', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana'});
		const first = await gateway.createAccessKey({user: 'ana'});
		expect(first).toMatchObject({userName: 'ana', accessKeyId: expect.stringMatching(/^AKIA/), secretAccessKey: expect.stringMatching(/^.{40}$/)});
		expect((await gateway.accessKeys('ana')).map(k => [k.accessKeyId, k.status])).toEqual([[first.accessKeyId, 'Active']]);

		await gateway.updateAccessKey({user: 'ana', accessKeyId: first.accessKeyId, status: 'Inactive'});
		expect((await gateway.accessKeys('ana'))[0]).toMatchObject({accessKeyId: first.accessKeyId, status: 'Inactive', lastUsedDate: null});

		const second = await gateway.createAccessKey({user: 'ana'});
		// moto enforces IAM's two-key quota.
		await expect(gateway.createAccessKey({user: 'ana'})).rejects.toMatchObject({kind: 'LimitExceeded', code: 'LimitExceeded'});
		await gateway.deleteAccessKey({user: 'ana', accessKeyId: first.accessKeyId});
		expect((await gateway.accessKeys('ana')).map(k => k.accessKeyId)).toEqual([second.accessKeyId]);
	});

	it('uploadSigningCertificate with a real PEM; update and delete it; a malformed one is Invalid', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'rsdash'});
		const {cert} = await selfsigned.generate([{name: 'commonName', value: 'rsdash'}], {algorithm: 'sha256', keySize: 2048});
		const {certificateId} = await gateway.uploadSigningCertificate({user: 'rsdash', certificateBody: cert});
		expect(certificateId).not.toBe('');
		const listed = await gateway.signingCertificates('rsdash');
		expect(listed).toEqual([{certificateId, status: 'Active', uploadDate: expect.stringMatching(/^\d{4}-/), body: expect.stringContaining('BEGIN CERTIFICATE')}]);
		expect(listed[0]!.body.replace(/\s+/g, '')).toBe(cert.replace(/\s+/g, ''));

		await gateway.updateSigningCertificate({user: 'rsdash', certificateId, status: 'Inactive'});
		expect((await gateway.signingCertificates('rsdash'))[0]?.status).toBe('Inactive');
		await gateway.deleteSigningCertificate({user: 'rsdash', certificateId});
		expect(await gateway.signingCertificates('rsdash')).toEqual([]);

		await expect(gateway.uploadSigningCertificate({user: 'rsdash', certificateBody: 'not a certificate'})).rejects.toMatchObject({
			kind: 'Invalid',
			code: 'MalformedCertificate',
		});
	});

	it('deactivateMfaDevice and deleteVirtualMfaDevice on a virtual device enabled for the user', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana'});
		const {VirtualMFADevice: device} = await env.sdk().send(new CreateVirtualMFADeviceCommand({VirtualMFADeviceName: 'ana-phone'}));
		const serialNumber = device!.SerialNumber!;
		await env.sdk().send(new EnableMFADeviceCommand({UserName: 'ana', SerialNumber: serialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321'}));
		expect((await gateway.mfaDevices('ana')).map(d => d.serialNumber)).toEqual([serialNumber]);

		await gateway.deactivateMfaDevice({user: 'ana', serialNumber});
		expect(await gateway.mfaDevices('ana')).toEqual([]);
		await gateway.deleteVirtualMfaDevice({serialNumber});
		const {VirtualMFADevices: left} = await env.sdk().send(new ListVirtualMFADevicesCommand({}));
		expect(left).toEqual([]);
	});

	it('sshPublicKeys lists an uploaded key; deleteSshPublicKey removes it', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana'});
		const {SSHPublicKey: key} = await env.sdk().send(new UploadSSHPublicKeyCommand({UserName: 'ana', SSHPublicKeyBody: sshRsaPublicKey()}));
		expect(await gateway.sshPublicKeys('ana')).toEqual([{sshPublicKeyId: key!.SSHPublicKeyId, status: 'Active', uploadDate: expect.stringMatching(/^\d{4}-/)}]);
		await gateway.deleteSshPublicKey({user: 'ana', sshPublicKeyId: key!.SSHPublicKeyId!});
		expect(await gateway.sshPublicKeys('ana')).toEqual([]);
	});

	it('service-specific credentials: moto 5.2 does not implement them; the gateway says so clearly', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana'});
		for (const [action, call] of [
			['iam:ListServiceSpecificCredentials', () => gateway.serviceSpecificCredentials('ana')],
			['iam:DeleteServiceSpecificCredential', () => gateway.deleteServiceSpecificCredential({user: 'ana', serviceSpecificCredentialId: 'ACCAEXAMPLE123456789'})],
		] as const) {
			const error = (await call().catch((e: unknown) => e)) as Error;
			expect(error).toMatchObject({kind: 'Unknown', code: 'UnparseableServerError'});
			expect(error.message).toContain(`answered 500 to ${action} without an AWS error`);
			expect(error.message).not.toMatch(/<|html/i);
		}
	});
});
