// Headless `iamtui upload-certificate USER FILE`: W3's `iam-useraddcert`. The PEM is read and parsed
// before anything is sent (one certificate, no more than IAM accepts); a private key in the same file
// is never uploaded. IAM's limit of two certificates per user and duplicates are refused first.
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import {planUploadCertificate} from '../model/plans/certificates.js';
import {readCertificatePem} from '../store/certificates.js';
import {runPlanCommand} from './plan-command.js';
import type {CommandResult} from './result.js';
import {usageError, withUsageErrors, type WriteCommandOptions} from './write-args.js';

export const uploadCertificateCommand = (gateway: IamGateway, args: string[], options: WriteCommandOptions): Promise<CommandResult> =>
	withUsageErrors(async () => {
		const [user, file] = args;
		if (!user || !file || args.length > 2) throw usageError('upload-certificate needs a user and a PEM file', 'usage: iamtui upload-certificate USER FILE');
		const certificate = readCertificatePem(file);
		if (!certificate.ok) throw usageError(certificate.message, 'usage: iamtui upload-certificate USER FILE (one PEM certificate)');
		const index = buildIndex(await gateway.loadSnapshot());
		// Certificates are not in the snapshot; an unknown user is refused by the plan before they are listed.
		const existing = index.userByName.has(user) ? await gateway.signingCertificates(user) : [];
		const plan = planUploadCertificate(index, user, existing, certificate.pem);
		plan.notes = [
			`Certificate: ${certificate.subject.replace(/\n/g, ', ')}; valid until ${certificate.notAfter.toISOString().slice(0, 10)}; SHA-256 ${certificate.fingerprint}`,
			...certificate.warnings.map(w => `Warning: ${w}`),
			...(plan.notes ?? []),
		];
		const result = await runPlanCommand(gateway, plan, 'upload-certificate', {...options, before: index});
		// Said even when the upload runs without a preview (scripts read stderr for warnings).
		const warnings = certificate.warnings.map(w => `iamtui: warning: ${w}\n`).join('');
		return warnings ? {...result, stderr: `${warnings}${result.stderr ?? ''}`} : result;
	});
