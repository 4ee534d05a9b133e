// Offline accounts: the bundled aws CLI export of the demo account, opened with --from-file.
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
});
