// The bad-input matrix (issue 9, item 5): the built binary against moto, through a recording proxy that
// counts every request. Each case must end with the exit code its command defines and one clear line
// on stderr — no stack trace, no crash — and send nothing that changes the account; at the end the
// whole account is compared with what was seeded. Then account data carrying escape sequences and
// control characters (created in moto through the SDK) must come out of every headless read inert.
import {chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	AddUserToGroupCommand,
	CreateGroupCommand,
	CreatePolicyCommand,
	CreateUserCommand,
	GetAccountAuthorizationDetailsCommand,
	GetLoginProfileCommand,
	IAMClient,
	ListAccessKeysCommand,
	ListSigningCertificatesCommand,
	PutGroupPolicyCommand,
} from '@aws-sdk/client-iam';
import selfsigned from 'selfsigned';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {motoEnvironment, runCli, type CliRun} from '../helpers/cli.js';
import {startFaultProxy, type FaultProxy} from '../helpers/fault-proxy.js';
import {freePort} from '../helpers/moto.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';
import {badInputCases, SEED, writeBadFiles, type BadInputCase, type CaseFiles} from './bad-input-cases.js';

/** Query-protocol actions that change an account. */
const WRITE_ACTION = /^(Create|Delete|Put|Attach|Detach|Add|Remove|Update|Upload|Tag|Untag|Enable|Deactivate|Change|Set|Reset)/;
/** Control characters a terminal acts on (newline is the only one allowed through). */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
const RUN_TIMEOUT = 180_000;

/** At most `n` at once: the binary is a whole Node process, and the machine is shared. */
const limit = (n: number) => {
	let active = 0;
	const waiting: Array<() => void> = [];
	return async <T>(task: () => Promise<T>): Promise<T> => {
		if (active < n) active++;
		else await new Promise<void>(resolve => waiting.push(resolve));
		try {
			return await task();
		} finally {
			// The slot passes straight to the next waiter, so no newcomer can slip in between.
			const next = waiting.shift();
			if (next) next();
			else active--;
		}
	};
};

// Names from a hostile account: colour, a window-title OSC, a bell, a clear-screen, blinking.
const HOSTILE_USER = 'mallory\u001B[31mRED\u001B[0m\u001B]0;pwned\u0007x';
const HOSTILE_USER_SHOWN = 'malloryREDx';
const BELL_USER = 'bell\u0007y';
const HOSTILE_GROUP = 'grp\u001B[32mG';
const HOSTILE_POLICY = 'pol\u001B[33mP';
const HOSTILE_TAG = {Key: 'note', Value: 'v\u001B[2J\u001B[5mblink\u0007'};

// The files the cases name exist before the cases are listed (it.each needs them at collection).
const dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-bad-input-'));
const pems = await selfsigned.generate([{name: 'commonName', value: 'ana'}], {keySize: 2048, algorithm: 'sha256'});
const files: CaseFiles = {
	dir,
	deadPort: await freePort(),
	certificate: path.join(dir, 'ana.pem'),
	twoCertificates: path.join(dir, 'two.pem'),
	existing: path.join(dir, 'existing.csv'),
};
writeFileSync(files.certificate, pems.cert);
writeFileSync(files.twoCertificates, `${pems.cert}\n${pems.cert}`);
writeFileSync(files.existing, 'keep me\n');
const cases = badInputCases(files, writeBadFiles(dir, {certificate: pems.cert, key: pems.private}));

describeWithMoto('bad input: a clear error, no crash, nothing changed on the server', () => {
	let moto: Moto;
	let iam: IAMClient;
	let env: Record<string, string>;
	let seeded: string;
	/** Mutating requests seen by every proxy so far. */
	let totalWrites = 0;
	const slots = limit(3);

	/**
	 * Runs the binary through its own recording proxy (rates 0: it only records the actions asked
	 * for), so cases may run side by side and each still knows what it sent.
	 */
	const run = (args: string[], options: {extraEnv?: Record<string, string>; ownEndpoint?: boolean} = {}) =>
		slots(async () => {
			const proxy: FaultProxy = await startFaultProxy({target: moto.endpoint, seed: 9});
			try {
				const result = await runCli(options.ownEndpoint ? args : [...args, '--endpoint-url', proxy.endpoint], {...env, ...options.extraEnv});
				const writes = Object.entries(proxy.stats().byAction).reduce((n, [action, count]) => n + (WRITE_ACTION.test(action) ? count : 0), 0);
				totalWrites += writes;
				return {...result, writes};
			} finally {
				await proxy.stop();
			}
		});

	/** Everything a bad input could have changed: entities, memberships, policies and their documents, tags, keys, certificates, passwords. */
	const fingerprint = async (): Promise<string> => {
		const gaad = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
		const users = await Promise.all(
			(gaad.UserDetailList ?? []).map(async u => ({
				name: u.UserName,
				path: u.Path,
				groups: [...(u.GroupList ?? [])].sort(),
				attached: (u.AttachedManagedPolicies ?? []).map(p => p.PolicyArn).sort(),
				inline: (u.UserPolicyList ?? []).map(p => [p.PolicyName, p.PolicyDocument]),
				tags: u.Tags ?? [],
				keys: ((await iam.send(new ListAccessKeysCommand({UserName: u.UserName}))).AccessKeyMetadata ?? []).map(k => `${k.AccessKeyId}:${k.Status}`).sort(),
				certificates: ((await iam.send(new ListSigningCertificatesCommand({UserName: u.UserName}))).Certificates ?? []).map(c => c.CertificateId).sort(),
				password: await iam.send(new GetLoginProfileCommand({UserName: u.UserName})).then(() => true, () => false),
			})),
		);
		const groups = (gaad.GroupDetailList ?? []).map(g => ({
			name: g.GroupName,
			path: g.Path,
			attached: (g.AttachedManagedPolicies ?? []).map(p => p.PolicyArn).sort(),
			inline: (g.GroupPolicyList ?? []).map(p => [p.PolicyName, p.PolicyDocument]),
		}));
		const policies = (gaad.Policies ?? []).map(p => ({
			arn: p.Arn,
			defaultVersion: p.DefaultVersionId,
			attachments: p.AttachmentCount,
			versions: (p.PolicyVersionList ?? []).map(v => [v.VersionId, v.Document]),
		}));
		const byName = <T extends {name?: string; arn?: string}>(list: T[]) => list.sort((a, b) => String(a.name ?? a.arn).localeCompare(String(b.name ?? b.arn)));
		return JSON.stringify({users: byName(users), groups: byName(groups), policies: byName(policies)});
	};

	beforeAll(async () => {
		moto = await startMoto();
		iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		// The account the cases aim at, and account data no operator typed: created through the SDK directly.
		await iam.send(new CreateUserCommand({UserName: SEED.user}));
		await iam.send(new CreateGroupCommand({GroupName: SEED.group}));
		const document = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}]});
		await iam.send(new CreatePolicyCommand({PolicyName: SEED.policy, PolicyDocument: document}));
		await iam.send(new CreateUserCommand({UserName: HOSTILE_USER, Tags: [HOSTILE_TAG]}));
		await iam.send(new CreateUserCommand({UserName: BELL_USER}));
		await iam.send(new CreateGroupCommand({GroupName: HOSTILE_GROUP}));
		await iam.send(new AddUserToGroupCommand({GroupName: HOSTILE_GROUP, UserName: HOSTILE_USER}));
		await iam.send(new PutGroupPolicyCommand({GroupName: HOSTILE_GROUP, PolicyName: HOSTILE_POLICY, PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:*', Resource: '*'}]})}));
		seeded = await fingerprint();
		env = motoEnvironment(mkdtempSync(path.join(os.tmpdir(), 'iamtui-bad-input-cfg-')));
	});
	afterAll(async () => {
		await moto?.stop();
		rmSync(dir, {recursive: true, force: true});
	});

	/** What every answer to bad input must be: one readable line (or none), never a crash or a stack. */
	const expectClean = (result: CliRun, lines = 1) => {
		expect(result.stderr).not.toMatch(/^\s+at /m);
		expect(result.stderr).not.toMatch(/TypeError|ReferenceError|RangeError|Cannot read properties|\[object Object\]|\bundefined\b/);
		expect(result.stderr).not.toMatch(CONTROL);
		if (lines === 0) expect(result.stderr).toBe('');
		else {
			expect(result.stderr.startsWith('iamtui: ')).toBe(true);
			expect(result.stderr.trimEnd().split('\n')).toHaveLength(lines);
		}
	};

	it('has at least 60 cases, each with a distinct name', () => {
		expect(cases.length).toBeGreaterThanOrEqual(60);
		expect(new Set(cases.map(c => c.name)).size).toBe(cases.length);
	});

	describe.concurrent('the matrix', () => {
		it.each(cases.map(c => [c.name, c] as const))('%s', async (_name: string, c: BadInputCase) => {
			const result = await run(c.args, {ownEndpoint: c.endpoint === 'own', ...(c.env ? {extraEnv: c.env} : {})});
			expect(result.code, result.stderr).toBe(c.code);
			expect(result.stderr).toMatch(c.stderr);
			expectClean(result, c.lines);
			if (c.stdout) expect(result.stdout).toMatch(c.stdout);
			else expect(result.stdout).toBe('');
			expect(result.writes, 'a mutating request reached the server').toBe(0);
		}, RUN_TIMEOUT);
	});

	it('a ReDoS pattern or a constructor parameter answers within a second of an ordinary usage error', async () => {
		const timed = async (name: string) => {
			const c = cases.find(k => k.name === name)!;
			const started = Date.now();
			const result = await runCli([...c.args, '--endpoint-url', moto.endpoint], env);
			expect(result.code, result.stderr).toBe(64);
			expect(result.stderr).toMatch(c.stderr);
			return Date.now() - started;
		};
		const baseline = await timed('parameter: missing');
		expect(await timed('template file: a pattern that backtracks for ever')).toBeLessThan(baseline + 1000);
		expect(await timed('template file: a parameter named constructor, not given')).toBeLessThan(baseline + 1000);
	}, RUN_TIMEOUT);

	describe('CSV folders that cannot be written: refused before the key is made', () => {
		const refusedAt = async (folder: string) => {
			const result = await run(['create-key', SEED.user, '--save-csv', path.join(folder, 'k.csv')]);
			expect(result.code, result.stderr).toBe(64);
			expect(result.stderr).toMatch(/Cannot create files in .*: it is not writable for you; choose another folder for --save-csv — nothing was sent/);
			expectClean(result);
			expect(result.writes).toBe(0);
		};

		// Root passes every permission check: a read-only folder only refuses other users.
		it.skipIf(process.getuid?.() === 0)('a read-only folder', async () => {
			const folder = path.join(dir, 'read-only');
			mkdirSync(folder);
			chmodSync(folder, 0o500);
			try {
				await refusedAt(folder);
			} finally {
				chmodSync(folder, 0o700);
			}
		}, RUN_TIMEOUT);

		// sysfs refuses new files even to root, though access(W_OK) says yes: a folder the mode bits lie about.
		const sysRefuses = (() => {
			if (!existsSync('/sys')) return false;
			try {
				closeSync(openSync(path.join('/sys', `iamtui-probe-${process.pid}`), 'wx'));
				unlinkSync(path.join('/sys', `iamtui-probe-${process.pid}`));
				return false;
			} catch {
				return true;
			}
		})();
		it.runIf(sysRefuses)('a folder whose mode bits say writable but which refuses new files (/sys)', async () => {
			await refusedAt('/sys');
		}, RUN_TIMEOUT);

		it('the existing file is left as it was, and no probe file is left behind', () => {
			expect(readFileSync(files.existing, 'utf8')).toBe('keep me\n');
			expect(readdirSync(dir).filter(name => name.startsWith('.iamtui-probe'))).toEqual([]);
		});
	});

	describe('account data with escape sequences and control characters renders inert', () => {
		/** A read of the hostile account: exit 0, no control byte in the output, nothing sent that writes. */
		const readClean = async (args: string[], options: {shellQuoted?: boolean} = {}) => {
			const result = await run(args);
			expect(result.code, result.stderr).toBe(0);
			expectClean(result, 0);
			expect(result.stdout).not.toMatch(CONTROL);
			// Text output strips the OSC title sequence whole; --json keeps the exact name, escaped.
			// `aws iam` lines name the real entity as bash $'…' with \xHH escapes: inert text, exact name.
			const prose = options.shellQuoted ? result.stdout.replaceAll(/\$'(?:[^'\\]|\\.)*'/g, '') : result.stdout;
			if (!args.includes('--json')) expect(prose).not.toContain('pwned');
			expect(result.writes).toBe(0);
			return result.stdout;
		};

		it('users: the table shows the names stripped', async () => {
			const stdout = await readClean(['users']);
			expect(stdout).toMatch(new RegExp(`^${HOSTILE_USER_SHOWN} +${'grpG'} +1 +no +no$`, 'm'));
			expect(stdout).toMatch(/^belly +- +0/m);
		}, RUN_TIMEOUT);

		it('users --json: the exact names, escaped by JSON (no raw control byte)', async () => {
			const users = JSON.parse(await readClean(['users', '--json'])) as Array<{UserName: string; Groups: string[]}>;
			expect(users.find(u => u.UserName === HOSTILE_USER)?.Groups).toEqual([HOSTILE_GROUP]);
			expect(users.map(u => u.UserName)).toContain(BELL_USER);
		}, RUN_TIMEOUT);

		it('user NAME: every line stripped, the policy through the group included', async () => {
			const stdout = await readClean(['user', HOSTILE_USER]);
			expect(stdout.split('\n')[0]).toBe(`${HOSTILE_USER_SHOWN}  arn:aws:iam::123456789012:user/${HOSTILE_USER_SHOWN}`);
			expect(stdout).toContain('groups: grpG');
			expect(stdout).toContain('through groups: polP (grpG)');
		}, RUN_TIMEOUT);

		it('user NAME --json: the tag value intact and escaped', async () => {
			const user = JSON.parse(await readClean(['user', HOSTILE_USER, '--json'])) as {Tags: Array<{Key: string; Value: string}>};
			expect(user.Tags).toEqual([HOSTILE_TAG]);
		}, RUN_TIMEOUT);

		it('groups, who-can and can: stripped', async () => {
			expect(await readClean(['groups'])).toMatch(/^grpG +1 +polP$/m);
			expect(await readClean(['who-can', 's3:GetObject'])).toMatch(new RegExp(`^user +${HOSTILE_USER_SHOWN} +Allowed +group grpG → polP → #1$`, 'm'));
			const can = await readClean(['can', HOSTILE_USER, 's3:GetObject']);
			expect(can).toContain(`${HOSTILE_USER_SHOWN} s3:GetObject on *: Allowed`);
			expect(can).toContain('granted by group grpG → polP → #1');
		}, RUN_TIMEOUT);

		it('offboard --dry-run: the plan stripped, nothing sent', async () => {
			const stdout = await readClean(['offboard', HOSTILE_USER, '--dry-run'], {shellQuoted: true});
			expect(stdout).toContain(`Offboard ${HOSTILE_USER_SHOWN}`);
			expect(stdout).toContain(`--user-name $'mallory\\x1b[31mRED\\x1b[0m\\x1b]0;pwned\\x07x'`);
			expect(stdout).toContain('dry run: nothing was sent');
		}, RUN_TIMEOUT);
	});

	it('after the whole matrix the account is exactly as seeded, and no mutating request was ever sent', async () => {
		expect(totalWrites).toBe(0);
		expect(await fingerprint()).toBe(seeded);
	}, RUN_TIMEOUT);
});
