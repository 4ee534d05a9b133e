// Writes on a user's credentials other than creating them: access keys, signing certificates, MFA
// devices, SSH public keys and service-specific credentials. (The creates are in creates.ts.)
import {
	DeactivateMFADeviceCommand,
	DeleteAccessKeyCommand,
	DeleteServiceSpecificCredentialCommand,
	DeleteSigningCertificateCommand,
	DeleteSSHPublicKeyCommand,
	DeleteVirtualMFADeviceCommand,
	UpdateAccessKeyCommand,
	UpdateSigningCertificateCommand,
} from '@aws-sdk/client-iam';
import type {WriteTable} from './write-table.js';

export type CredentialWriteName =
	| 'updateAccessKey'
	| 'deleteAccessKey'
	| 'updateSigningCertificate'
	| 'deleteSigningCertificate'
	| 'deactivateMfaDevice'
	| 'deleteVirtualMfaDevice'
	| 'deleteSshPublicKey'
	| 'deleteServiceSpecificCredential';

export const CREDENTIAL_WRITES: WriteTable<CredentialWriteName> = {
	updateAccessKey: {
		action: 'iam:UpdateAccessKey',
		send: (iam, {user, accessKeyId, status}) => iam.send(new UpdateAccessKeyCommand({UserName: user, AccessKeyId: accessKeyId, Status: status})),
	},
	deleteAccessKey: {
		action: 'iam:DeleteAccessKey',
		removal: true,
		send: (iam, {user, accessKeyId}) => iam.send(new DeleteAccessKeyCommand({UserName: user, AccessKeyId: accessKeyId})),
	},
	updateSigningCertificate: {
		action: 'iam:UpdateSigningCertificate',
		send: (iam, {user, certificateId, status}) =>
			iam.send(new UpdateSigningCertificateCommand({UserName: user, CertificateId: certificateId, Status: status})),
	},
	deleteSigningCertificate: {
		action: 'iam:DeleteSigningCertificate',
		removal: true,
		send: (iam, {user, certificateId}) => iam.send(new DeleteSigningCertificateCommand({UserName: user, CertificateId: certificateId})),
	},
	deactivateMfaDevice: {
		action: 'iam:DeactivateMFADevice',
		removal: true,
		send: (iam, {user, serialNumber}) => iam.send(new DeactivateMFADeviceCommand({UserName: user, SerialNumber: serialNumber})),
	},
	deleteVirtualMfaDevice: {
		action: 'iam:DeleteVirtualMFADevice',
		removal: true,
		send: (iam, {serialNumber}) => iam.send(new DeleteVirtualMFADeviceCommand({SerialNumber: serialNumber})),
	},
	deleteSshPublicKey: {
		action: 'iam:DeleteSSHPublicKey',
		removal: true,
		send: (iam, {user, sshPublicKeyId}) => iam.send(new DeleteSSHPublicKeyCommand({UserName: user, SSHPublicKeyId: sshPublicKeyId})),
	},
	deleteServiceSpecificCredential: {
		action: 'iam:DeleteServiceSpecificCredential',
		removal: true,
		send: (iam, {user, serviceSpecificCredentialId}) =>
			iam.send(new DeleteServiceSpecificCredentialCommand({UserName: user, ServiceSpecificCredentialId: serviceSpecificCredentialId})),
	},
};
