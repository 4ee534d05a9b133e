// X.509 signing certificates for a user (W3): reading and checking a PEM file before it is uploaded,
// or generating a self-signed one whose private key goes to a 0600 file and nowhere else.
import {X509Certificate} from 'node:crypto';
import {generate} from 'selfsigned';
import {expandPath, writePrivateFile, type WriteFailure} from './private-file.js';
import {FileReadError, readBoundedFile} from './read-file.js';

export interface CertificateInfo {
	/** The one certificate, as PEM text ending in a newline: what UploadSigningCertificate takes. */
	pem: string;
	subject: string;
	notAfter: Date;
	/** SHA-256 fingerprint, for the operator to compare. */
	fingerprint: string;
	/** Accepted, but worth saying: expired, not yet valid, a private key in the same file. */
	warnings: string[];
}

export type ReadCertificateResult = ({ok: true} & CertificateInfo) | {ok: false; message: string};

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
/** IAM's limit on a certificate body. */
const MAX_BODY = 16_384;

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Reads a PEM file holding exactly one certificate and checks that it parses. */
export const readCertificatePem = (file: string, options: {now?: Date} = {}): ReadCertificateResult => {
	const target = expandPath(file);
	let text: string;
	try {
		// Only a regular file, at most 1 MiB: a FIFO or /dev/zero is refused, never waited on or read forever.
		text = readBoundedFile(target, 'certificate');
	} catch (error) {
		const reason = error instanceof FileReadError ? error.reason : undefined;
		const message =
			reason === 'missing' ? `No file at ${target}` : reason === 'not-a-file' && /folder/.test((error as Error).message) ? `${target} is a folder, not a certificate file` : (error as Error).message;
		return {ok: false, message};
	}
	const blocks = text.match(CERTIFICATE_BLOCK) ?? [];
	const hasKey = PRIVATE_KEY.test(text);
	if (blocks.length === 0) {
		if (hasKey) return {ok: false, message: `${target} holds a private key, not a certificate: give the certificate (-----BEGIN CERTIFICATE-----) and keep the key to yourself`};
		return {ok: false, message: `${target} is not a PEM certificate (no -----BEGIN CERTIFICATE----- block); a DER file converts with: openssl x509 -inform der -in FILE -out cert.pem`};
	}
	if (blocks.length > 1) return {ok: false, message: `${target} holds ${blocks.length} certificates; IAM takes one signing certificate at a time — split the file`};
	const pem = `${blocks[0]!.trim()}\n`;
	if (pem.length > MAX_BODY) return {ok: false, message: `The certificate in ${target} is ${pem.length} characters; IAM accepts at most ${MAX_BODY}`};
	let certificate: X509Certificate;
	try {
		certificate = new X509Certificate(pem);
	} catch (error) {
		return {ok: false, message: `The certificate in ${target} does not parse: ${(error as Error).message}`};
	}
	const now = options.now ?? new Date();
	const notBefore = new Date(certificate.validFrom);
	const notAfter = new Date(certificate.validTo);
	const warnings: string[] = [];
	if (notAfter < now) warnings.push(`The certificate expired on ${day(notAfter)}: requests signed with it will be refused`);
	if (notBefore > now) warnings.push(`The certificate is not valid before ${day(notBefore)}`);
	if (hasKey) warnings.push(`${target} also holds a private key: only the certificate is uploaded; keep that file private`);
	return {ok: true, pem, subject: certificate.subject, notAfter, fingerprint: certificate.fingerprint256, warnings};
};

export type GenerateCertificateResult =
	| {ok: true; certificatePem: string; keyPath: string; notAfter: Date}
	| {ok: false; reason: WriteFailure | 'invalid'; message: string};

/**
 * A self-signed certificate (RSA 2048, SHA-256) for `commonName`, valid `days` from now. The private key
 * is written to `keyFile` (0600, never over an existing file unless `overwrite`); only the certificate is returned.
 */
export const generateSelfSigned = async (options: {
	commonName: string;
	days: number;
	keyFile: string;
	overwrite: boolean;
}): Promise<GenerateCertificateResult> => {
	const commonName = options.commonName.trim();
	// X.520 caps a common name at 64 characters.
	if (!commonName || commonName.length > 64) return {ok: false, reason: 'invalid', message: 'The common name needs 1 to 64 characters'};
	if (!Number.isInteger(options.days) || options.days < 1 || options.days > 36_500)
		return {ok: false, reason: 'invalid', message: 'The validity needs a whole number of days between 1 and 36500'};
	const notBeforeDate = new Date();
	const notAfterDate = new Date(notBeforeDate.getTime() + options.days * 86_400_000);
	let pems: Awaited<ReturnType<typeof generate>>;
	try {
		pems = await generate([{name: 'commonName', value: commonName}], {
			keyType: 'rsa',
			keySize: 2048,
			algorithm: 'sha256',
			notBeforeDate,
			notAfterDate,
			// A signing certificate: no CA, no DNS name (the default would put the common name in as one).
			extensions: [
				{name: 'basicConstraints', cA: false},
				{name: 'keyUsage', digitalSignature: true, keyEncipherment: true},
			],
		});
	} catch (error) {
		return {ok: false, reason: 'other', message: `Could not generate the certificate: ${(error as Error).message}`};
	}
	const written = writePrivateFile(options.keyFile, () => pems.private, {overwrite: options.overwrite});
	if (!written.ok) return written;
	return {ok: true, certificatePem: pems.cert.endsWith('\n') ? pems.cert : `${pems.cert}\n`, keyPath: written.path, notAfter: notAfterDate};
};
