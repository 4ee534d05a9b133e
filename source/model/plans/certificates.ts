// X.509 signing certificates of a user: upload (IAM keeps at most two per user and refuses the same
// certificate twice) and delete. Certificates are not in the snapshot: the builders take the list.
import type {SigningCertificate} from '../gateway.js';
import type {SnapshotIndex} from '../indexes.js';
import {MAX_SIGNING_CERTIFICATES} from '../validate.js';
import {conflict, limitExceeded, missing, requireUser} from './refuse.js';
import {deleteCertificateStep, uploadCertificateStep} from './steps.js';
import type {Plan} from './types.js';

/** PEM text compared without line breaks and spaces, as the same certificate may be wrapped differently. */
const normalized = (pem: string) => pem.replace(/\s/g, '');

/** `certificateBody`: the PEM, already checked by the certificate helper. */
export const planUploadCertificate = (index: SnapshotIndex, user: string, certificates: SigningCertificate[], certificateBody: string): Plan => {
	requireUser(index, user);
	const same = certificates.find(c => normalized(c.body) === normalized(certificateBody));
	if (same) throw conflict(`${user} already has this certificate (${same.certificateId})`, 'IAM refuses the same certificate twice (DuplicateCertificate)');
	if (certificates.length >= MAX_SIGNING_CERTIFICATES)
		throw limitExceeded(
			`${user} already has ${certificates.length} signing certificates, IAM's limit per user`,
			`delete one first: ${certificates.map(c => `${c.certificateId} (${c.status.toLowerCase()}, uploaded ${c.uploadDate.slice(0, 10)})`).join(', ')}`,
		);
	return {
		title: `Upload a signing certificate for ${user}`,
		dangerous: false,
		targets: [{kind: 'user', name: user}],
		steps: [uploadCertificateStep(user, certificateBody)],
		previews: [],
		notes: ['Save the certificate as certificate.pem to run the aws command yourself; the private key stays with you and is never sent.'],
	};
};

export const planDeleteCertificate = (index: SnapshotIndex, user: string, certificates: SigningCertificate[], certificateId: string): Plan => {
	requireUser(index, user);
	const certificate = certificates.find(c => c.certificateId === certificateId);
	if (!certificate)
		throw missing(`${user} has no signing certificate ${certificateId}`, certificates.length > 0 ? `their certificates: ${certificates.map(c => c.certificateId).join(', ')}` : 'they have no signing certificate');
	return {
		title: `Delete signing certificate ${certificateId} of ${user}`,
		dangerous: true,
		targets: [{kind: 'user', name: user}],
		steps: [deleteCertificateStep(user, certificateId)],
		previews: [],
		notes: [`Anything signing requests with this certificate (${certificate.status.toLowerCase()}, uploaded ${certificate.uploadDate.slice(0, 10)}) is refused once it is deleted.`],
	};
};
