// Offboarding: the API requests the built `iamtui offboard USER --yes` sends end to end for a fully
// loaded user, counted by a loopback proxy in front of moto (every request that reaches the wire,
// retries included), against the minimum the plan needs: one write per step, plus one listing per
// kind of thing IAM's DeleteUser refuses to leave behind.
import {execFile} from 'node:child_process';
import {generateKeyPairSync} from 'node:crypto';
import path from 'node:path';
import {promisify} from 'node:util';
import {
	CreateAccessKeyCommand,
	CreateLoginProfileCommand,
	CreateVirtualMFADeviceCommand,
	EnableMFADeviceCommand,
	IAMClient,
	ListAccessKeysCommand,
	ListAttachedUserPoliciesCommand,
	ListGroupsForUserCommand,
	ListUserPoliciesCommand,
	TagUserCommand,
	UploadSigningCertificateCommand,
	UploadSSHPublicKeyCommand,
} from '@aws-sdk/client-iam';
import selfsigned from 'selfsigned';
import {startCountingProxy, type CountedRequest} from './counting-proxy.js';
import {DUMMY_CREDENTIALS, type SeedPlan} from './plan.js';

const run = promisify(execFile);

/**
 * The listings a minimal offboarding cannot do without, one per kind of thing DeleteUser conflicts
 * with (each a single page for one user). Everything else it reads is iamtui's choice.
 */
export const MINIMUM_READS = [
	'ListGroupsForUser',
	'ListAttachedUserPolicies',
	'ListUserPolicies',
	'ListAccessKeys',
	'GetLoginProfile',
	'ListMFADevices',
	'ListSigningCertificates',
	'ListSSHPublicKeys',
	'ListServiceSpecificCredentials',
] as const;

const WRITE = /^(Update|Delete|Deactivate|Remove|Detach|Put|Create|Attach|Add|Tag|Untag|Upload|Enable|Change|Set|Reset)/;
const SNAPSHOT = new Set(['GetAccountAuthorizationDetails', 'GenerateCredentialReport', 'GetCredentialReport']);
const IDENTITY = new Set(['GetCallerIdentity']);

export interface OffboardingResult {
	user: string;
	/** What the user had when offboarding started. */
	had: Record<string, number>;
	/** Every request the proxy saw from the offboard command, by kind and by action. */
	calls: {
		total: number;
		identity: number;
		snapshot: number;
		userReads: number;
		writes: number;
		/** Requests answered 5xx (moto answers 500 to operations it does not implement; the SDK retries them). */
		serverErrors: number;
		serverErrorActions: string[];
		byAction: Record<string, number>;
	};
	/** Requests after the account snapshot (what the TUI, which holds the snapshot already, sends). */
	afterSnapshot: number;
	/** Steps the plan ran (one write each). */
	planSteps: number;
	minimum: {total: number; reads: number; writes: number};
	elapsedMs: number;
}

/** An OpenSSH RSA public key line, for UploadSSHPublicKey. */
const sshRsaPublicKey = (comment: string): string => {
	const jwk = generateKeyPairSync('rsa', {modulusLength: 2048}).publicKey.export({format: 'jwk'});
	const mpint = (base64url: string) => {
		const bytes = Buffer.from(base64url, 'base64url');
		return bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
	};
	const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, (bytes.length >> 8) & 0xff, bytes.length & 0xff]), bytes]);
	return `ssh-rsa ${Buffer.concat([field(Buffer.from('ssh-rsa')), field(mpint(jwk.e!)), field(mpint(jwk.n!))]).toString('base64')} ${comment}`;
};

/**
 * Gives an existing seeded user everything a user can have (keeping the account's size): a second
 * access key, a console password, an enabled virtual MFA device, a signing certificate, an SSH key,
 * tags. Returns what the user then has.
 */
export const loadUpUser = async (endpoint: string, user: string): Promise<Record<string, number>> => {
	const iam = new IAMClient({region: 'us-east-1', endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 5});
	try {
		const keys = (await iam.send(new ListAccessKeysCommand({UserName: user}))).AccessKeyMetadata ?? [];
		for (let n = keys.length; n < 2; n++) await iam.send(new CreateAccessKeyCommand({UserName: user}));
		await iam.send(new CreateLoginProfileCommand({UserName: user, Password: 'Bench-Leaver-Passw0rd!', PasswordResetRequired: false}));
		const device = await iam.send(new CreateVirtualMFADeviceCommand({VirtualMFADeviceName: user}));
		await iam.send(
			new EnableMFADeviceCommand({UserName: user, SerialNumber: device.VirtualMFADevice!.SerialNumber!, AuthenticationCode1: '123456', AuthenticationCode2: '654321'}),
		);
		const certificate = (await selfsigned.generate([{name: 'commonName', value: user}], {keySize: 2048, algorithm: 'sha256'})).cert;
		await iam.send(new UploadSigningCertificateCommand({UserName: user, CertificateBody: certificate}));
		await iam.send(new UploadSSHPublicKeyCommand({UserName: user, SSHPublicKeyBody: sshRsaPublicKey(user)}));
		await iam.send(new TagUserCommand({UserName: user, Tags: [{Key: 'team', Value: 'bench'}, {Key: 'cost-centre', Value: '42'}]}));
		const [groups, attached, inline, loaded] = await Promise.all([
			iam.send(new ListGroupsForUserCommand({UserName: user})),
			iam.send(new ListAttachedUserPoliciesCommand({UserName: user})),
			iam.send(new ListUserPoliciesCommand({UserName: user})),
			iam.send(new ListAccessKeysCommand({UserName: user})),
		]);
		return {
			groups: groups.Groups?.length ?? 0,
			attachedPolicies: attached.AttachedPolicies?.length ?? 0,
			inlinePolicies: inline.PolicyNames?.length ?? 0,
			accessKeys: loaded.AccessKeyMetadata?.length ?? 0,
			loginProfile: 1,
			mfaDevices: 1,
			signingCertificates: 1,
			sshPublicKeys: 1,
			tags: 2,
		};
	} finally {
		iam.destroy();
	}
};

/** The seeded user with the most groups and policies among those with an access key and an inline policy. */
export const pickLeaver = (plan: SeedPlan): string => {
	const candidates = plan.users.filter(u => u.key && u.inline);
	const weight = (u: SeedPlan['users'][number]) => u.groups.length + u.attached.length;
	return (candidates.length > 0 ? candidates : plan.users).reduce((best, u) => (weight(u) > weight(best) ? u : best)).name;
};

/** Runs `iamtui offboard USER --yes --json` (the built CLI) through a counting proxy in front of moto. */
export const measureOffboarding = async (options: {root: string; endpoint: string; user: string}): Promise<OffboardingResult> => {
	const had = await loadUpUser(options.endpoint, options.user);
	const proxy = await startCountingProxy(options.endpoint);
	try {
		const started = performance.now();
		const {stdout} = await run(process.execPath, [path.join(options.root, 'dist', 'cli.js'), 'offboard', options.user, '--yes', '--json', '--endpoint-url', proxy.endpoint], {
			cwd: options.root,
			env: process.env,
			timeout: 5 * 60_000,
			maxBuffer: 16 * 1024 * 1024,
		});
		const elapsedMs = performance.now() - started;
		const output = JSON.parse(stdout) as {ok: boolean; steps: Array<{status: string}>};
		if (!output.ok) throw new Error(`offboarding ${options.user} did not finish: ${stdout}`);
		const requests = proxy.requests();
		const count = (keep: (r: CountedRequest) => boolean) => requests.filter(keep).length;
		const byAction: Record<string, number> = {};
		for (const r of requests) byAction[r.action] = (byAction[r.action] ?? 0) + 1;
		const identity = count(r => IDENTITY.has(r.action));
		const snapshot = count(r => SNAPSHOT.has(r.action));
		const writes = count(r => WRITE.test(r.action));
		const failed = requests.filter(r => r.status >= 500);
		const planSteps = output.steps.filter(s => s.status === 'done').length;
		return {
			user: options.user,
			had,
			calls: {
				total: requests.length,
				identity,
				snapshot,
				userReads: requests.length - identity - snapshot - writes,
				writes,
				serverErrors: failed.length,
				serverErrorActions: [...new Set(failed.map(r => r.action))],
				byAction,
			},
			afterSnapshot: requests.length - identity - snapshot,
			planSteps,
			minimum: {total: MINIMUM_READS.length + planSteps, reads: MINIMUM_READS.length, writes: planSteps},
			elapsedMs,
		};
	} finally {
		await proxy.stop();
	}
};
