// The built binary with an export and with --config-dir (issue 16, items 8 and 6): `user NAME
// --from-file` shows what the export holds and says what it lacks; every write given --from-file is
// refused in one line before anything is read or sent; --config-dir (over IAMTUI_CONFIG_DIR) is where
// the config store, the journal and the offboarding records are.
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {COMMANDS} from '../../source/cli/command-specs.js';
import {EXIT_USAGE} from '../../source/cli/exit-codes.js';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {Journal} from '../../source/store/journal.js';
import {RecordStore} from '../../source/store/records.js';
import {motoEnvironment, root, runCli} from '../helpers/cli.js';
import {offboardRecord, recordUser} from '../fixtures/offboard-record.js';

const demoExport = path.join(root, 'demo', 'demo-account.json');
const scratch = (name: string) => mkdtempSync(path.join(os.tmpdir(), `iamtui-${name}-`));

/** Arguments that would make each write command act, were it not refused. */
const WRITE_ARGS: Record<string, string[]> = {
	'add-to-group': ['ana.silva', 'Developers'],
	'remove-from-group': ['ana.silva', 'Developers', '--yes'],
	offboard: ['ana.silva', '--yes'],
	'offboard-everywhere': ['alice', '--account', '222222222222:alice', '--yes'],
	restore: ['record.json', '--show-secret'],
	'create-user': ['bea', '--show-secret'],
	'create-key': ['ana.silva', '--show-secret'],
	'create-policy': ['P', '--template', 'full-control'],
	'attach-policy': ['--user', 'ana.silva', 'ReadOnlyAccess'],
	'detach-policy': ['--user', 'ana.silva', 'ReadOnlyAccess', '--yes'],
	'create-group': ['Admins'],
	'put-group-policy': ['Developers', 'Inline', '--template', 'full-control'],
	'upload-certificate': ['ana.silva', 'cert.pem'],
	'put-role-policy': ['Deploy', '--template', 'full-control'],
	'delete-role-policy': ['Deploy', 'Inline', '--yes'],
	'remove-trust-principal': ['Deploy', '123456789012', '--yes'],
	journal: ['resolve', 'plan-1', '--take-back', '--yes'],
};

describe('--from-file and --config-dir on the command line', () => {
	const env = motoEnvironment();
	// Anything sent to "the account" lands here and is counted: a refused write sends nothing.
	let requests = 0;
	let server: Server;
	let endpoint: string;

	beforeAll(async () => {
		server = createServer((_, response) => {
			requests++;
			response.writeHead(500).end();
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

	it('user NAME --from-file shows the user as the export holds it (tags) and names what an export lacks', async () => {
		const json = await runCli(['user', 'carla.mendes', '--json', '--from-file', demoExport], env);
		expect(json.code, json.stderr).toBe(0);
		expect(json.stderr).toBe('');
		const user = JSON.parse(json.stdout) as {UserName: string; Groups: string[]; Tags: unknown; AccessKeys: unknown; MFADevices: unknown; NotInExport: string[]};
		expect(user.UserName).toBe('carla.mendes');
		expect(user.Groups.length).toBeGreaterThan(0);
		expect(user.Tags).toEqual([
			{Key: 'team', Value: 'platform'},
			{Key: 'cost-center', Value: 'cc-105'},
		]);
		// Not "none": an export cannot say.
		expect(user.AccessKeys).toBeNull();
		expect(user.MFADevices).toBeNull();
		expect(user.NotInExport).toEqual(['AccessKeys', 'MFADevices']);

		const text = await runCli(['user', 'carla.mendes', '--from-file', demoExport], env);
		expect(text.code, text.stderr).toBe(0);
		expect(text.stdout).toContain('tags: team=platform, cost-center=cc-105');
		expect(text.stdout).toContain('access keys, MFA devices: not in an export');
		const missing = await runCli(['user', 'nobody', '--from-file', demoExport], env);
		expect(missing.code).toBe(3);
		expect(missing.stderr).toContain('no user named nobody');
	});

	it('users prints a plain table whose columns line up in a terminal with CJK and emoji names', async () => {
		const when = '2024-01-01T00:00:00Z';
		const user = (name: string, groups: string[]) => ({UserName: name, UserId: `AIDA${name.length}`, Arn: `arn:aws:iam::123456789012:user/${name}`, Path: '/', CreateDate: when, GroupList: groups, AttachedManagedPolicies: [], UserPolicyList: [], Tags: []});
		const group = (name: string) => ({GroupName: name, GroupId: `AGPA${name.length}`, Arn: `arn:aws:iam::123456789012:group/${name}`, Path: '/', CreateDate: when, GroupPolicyList: [], AttachedManagedPolicies: []});
		const file = path.join(scratch('wide-names'), 'export.json');
		const names = ['山田太郎', 'dev👩‍💻', 'ana'];
		writeFileSync(file, JSON.stringify({UserDetailList: [user(names[0]!, ['開発']), user(names[1]!, ['Ops']), user(names[2]!, [])], GroupDetailList: [group('開発'), group('Ops')], RoleDetailList: [], Policies: []}));
		const result = await runCli(['users', '--from-file', file], env);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).not.toMatch(/\u001B/);
		const rows = result.stdout.split('\n').filter(line => names.some(name => line.startsWith(name)) || line.startsWith('USER'));
		expect(rows).toHaveLength(4);
		// Where the POLICIES column starts, in terminal cells: the same on every row.
		const starts = rows.map(line => stringWidth(line.slice(0, line.search(/ (0|POLICIES) /) + 1)));
		expect(new Set(starts).size, rows.join('\n')).toBe(1);
	});

	it('every write command given --from-file is refused in one line, exit 64, before anything is sent or journaled', async () => {
		const writes = COMMANDS.filter(spec => spec.writes).map(spec => spec.name);
		expect(Object.keys(WRITE_ARGS).filter(name => name !== 'journal').sort()).toEqual([...writes].sort());
		const configDir = scratch('export-writes');
		for (const [command, args] of Object.entries(WRITE_ARGS)) {
			const result = await runCli([command, ...args, '--from-file', demoExport, '--endpoint-url', endpoint], motoEnvironment(configDir));
			expect(result.code, `${command}: ${result.stderr}`).toBe(EXIT_USAGE);
			expect(result.stdout).toBe('');
			expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
			// Named as typed: `journal resolve …`, not `journal`, is the write.
			const named = command === 'journal' ? 'journal resolve' : command;
			expect(result.stderr).toMatch(new RegExp(`^iamtui: an export is read-only: ${named} changes the account — run it without --from-file`));
		}
		expect(requests).toBe(0);
		expect(readdirSync(configDir).filter(name => name !== 'config.json')).toEqual([]);
		// Reads of the local stores are not writes: they still answer with an export named.
		expect((await runCli(['journal', '--from-file', demoExport], env)).code).toBe(0);
	});

	it('--config-dir is where the config store, the journal and the records are; it wins over IAMTUI_CONFIG_DIR', async () => {
		const chosen = scratch('config-dir');
		const other = scratch('config-env');
		const entry: JournalEntry = {
			time: '2026-12-01T10:00:00.000Z',
			profile: 'demo',
			account: '123456789012',
			callerArn: 'arn:aws:iam::123456789012:user/admin',
			operation: 'iam:CreateGroup',
			target: {group: 'Chosen'},
			outcome: 'ok',
			errorCode: null,
		};
		new Journal(chosen).append(entry);
		new RecordStore(chosen).save(offboardRecord({...recordUser('wendy', '/'), groups: [], attachedPolicies: [], inlinePolicies: [], tags: [], loginProfile: null, accessKeys: [], finishedAt: null}));
		const envWithOther = motoEnvironment(other);

		const journal = await runCli(['journal', '--json', '--config-dir', chosen], envWithOther);
		expect(journal.code, journal.stderr).toBe(0);
		expect((JSON.parse(journal.stdout) as Array<{operation: string}>).map(line => line.operation)).toEqual(['iam:CreateGroup']);
		const records = await runCli(['--config-dir', chosen, 'records', '--json'], envWithOther);
		expect(records.code, records.stderr).toBe(0);
		expect((JSON.parse(records.stdout) as Array<{user: string; path: string}>).map(r => r.user)).toEqual(['wendy']);
		expect(existsSync(path.join(chosen, 'config.json'))).toBe(true);
		// The folder the environment names is not touched.
		expect(readdirSync(other)).toEqual([]);
		// Without the flag, the environment's folder is used (and holds nothing yet).
		expect(JSON.parse((await runCli(['records', '--json'], envWithOther)).stdout)).toEqual([]);

		const empty = await runCli(['records', '--config-dir', ''], envWithOther);
		expect(empty.code).toBe(EXIT_USAGE);
		expect(empty.stderr).toMatch(/^iamtui: --config-dir is empty — give the folder/);
	});

	it('a file where the config folder should be is refused in one line before anything is sent, from the flag or the environment', async () => {
		const file = path.join(scratch('config-file'), 'not-a-folder');
		writeFileSync(file, 'x');
		const flag = await runCli(['create-group', 'Admins', '--config-dir', file, '--endpoint-url', endpoint], env);
		expect(flag.code).toBe(EXIT_USAGE);
		expect(flag.stderr).toBe(`iamtui: --config-dir ${file} is a file, not a folder — give the folder of the config store (it is created if missing)\n`);
		const fromEnv = await runCli(['create-group', 'Admins', '--endpoint-url', endpoint], {...env, IAMTUI_CONFIG_DIR: file});
		expect(fromEnv.code).toBe(EXIT_USAGE);
		expect(fromEnv.stderr).toMatch(/^iamtui: IAMTUI_CONFIG_DIR .* is a file, not a folder/);
		expect(requests).toBe(0);
	});
});
