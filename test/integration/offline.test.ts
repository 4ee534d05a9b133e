// Offline accounts: the bundled aws CLI export of the demo account, opened with --from-file.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {motoEnvironment, root, runCli} from '../helpers/cli.js';
import {ALL_USERS, DEVELOPERS, LIGHTSAIL, MANAGERS} from '../../scripts/seed.js';

const demoExport = path.join(root, 'demo', 'demo-account.json');

describe('--from-file (offline export)', () => {
	const env = motoEnvironment();

	it('lists the users and groups of the export', async () => {
		const users = await runCli(['users', '--json', '--from-file', demoExport], env);
		expect(users.stderr).toBe('');
		const parsed = JSON.parse(users.stdout) as Array<{UserName: string; Groups: string[]; PasswordEnabled: boolean | null}>;
		expect(parsed.map(u => u.UserName).sort()).toEqual([...ALL_USERS].sort());
		// No credential report offline: unknown, not "no".
		expect(parsed.every(u => u.PasswordEnabled === null)).toBe(true);
		const groups = JSON.parse((await runCli(['groups', '--json', '--from-file', demoExport], env)).stdout) as Array<{GroupName: string; Members: string[]}>;
		expect(groups.find(g => g.GroupName === LIGHTSAIL.group)!.Members.sort()).toEqual([...LIGHTSAIL.members].sort());
	});

	it('answers who-can from the export (W5: developers, not managers)', async () => {
		const result = await runCli(['who-can', 'ec2:TerminateInstances', '--json', '--from-file', demoExport], env);
		expect(result.code).toBe(0);
		const names = (JSON.parse(result.stdout) as Array<{UserName?: string}>).map(p => p.UserName).filter(Boolean);
		for (const developer of DEVELOPERS.members) expect(names).toContain(developer);
		for (const manager of MANAGERS.members) expect(names).not.toContain(manager);
	});

	it('says clearly when a file is missing or is not an export', async () => {
		const missing = await runCli(['users', '--from-file', path.join(root, 'no-such-file.json')], env);
		expect(missing.code).toBe(3);
		expect(missing.stderr).toContain('cannot read');
		const wrong = await runCli(['users', '--from-file', path.join(root, 'package.json')], env);
		expect(wrong.code).toBe(3);
		expect(wrong.stderr).toContain('is not an account authorization details export');
	});

	it.each([
		['a user that is null', {UserDetailList: [null]}, /UserDetailList\[0\] must be an object/],
		['tags that are a number', {UserDetailList: [{UserName: 'ana', Tags: 5}]}, /UserDetailList\[0\]\.Tags must be a list/],
		['a group list that is a string', {UserDetailList: [{UserName: 'ana', GroupList: 'Admins'}]}, /UserDetailList\[0\]\.GroupList must be a list/],
		['a policy version that is a string', {Policies: [{Arn: 'arn:aws:iam::1:policy/P', PolicyVersionList: ['v1']}]}, /Policies\[0\]\.PolicyVersionList\[0\] must be an object/],
	])('valid JSON but not an export (%s): one line naming the file and the field, no JavaScript error', async (_, content, field) => {
		const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-export-')), 'export.json');
		writeFileSync(file, JSON.stringify(content));
		const result = await runCli(['users', '--json', '--from-file', file], env);
		expect(result.code).toBe(3);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain(`${file} is not a valid authorization details export: `);
		expect(result.stderr).toMatch(field);
		expect(result.stderr).not.toMatch(/TypeError|is not a function|Cannot read properties/);
	});

	it('a FIFO or /dev/zero given as the export: refused at once with a clear line', async () => {
		const fifo = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-export-')), 'export.json');
		execFileSync('mkfifo', [fifo]);
		for (const file of [fifo, '/dev/zero']) {
			const result = await runCli(['users', '--from-file', file], env, 15_000);
			expect(result.code).toBe(3);
			expect(result.stderr).toContain(`cannot read the export: ${file} is not a regular file`);
		}
	});

	it('an empty or corrupt config.json does not stop --from-file or journal: moved aside, named, and the command goes on', async () => {
		for (const content of ['', '{"profiles": [', '[1, 2]']) {
			const configDir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-corrupt-'));
			const own = motoEnvironment(configDir);
			writeFileSync(path.join(configDir, 'config.json'), content);
			const users = await runCli(['users', '--json', '--from-file', demoExport], own);
			expect(users.code, users.stderr).toBe(0);
			expect(JSON.parse(users.stdout)).toHaveLength(ALL_USERS.length);
			const aside = readdirSync(configDir).filter(name => name.startsWith('config.json.corrupt-'));
			expect(aside).toHaveLength(1);
			expect(readFileSync(path.join(configDir, aside[0]!), 'utf8')).toBe(content);
			expect(users.stderr).toContain(`${path.join(configDir, 'config.json')} could not be used`);
			expect(users.stderr).toContain(`moved it to ${path.join(configDir, aside[0]!)}`);
			const journal = await runCli(['journal'], own);
			expect(journal.code, journal.stderr).toBe(0);
			expect(journal.stderr).toBe('');
		}
	});
});
