// The headless commands, run as the built binary against seeded moto through the real SDK.
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {
	ALL_GROUPS,
	ALL_USERS,
	DEVELOPERS,
	LIGHTSAIL,
	MFA_USERS,
	SERVICE_ACCOUNT,
	TWO_KEY_USERS,
	seedDemoAccount,
	tagsFor,
} from '../../scripts/seed.js';

describeWithMoto('headless commands against seeded moto', () => {
	let moto: Moto;
	let env: Record<string, string>;
	const run = (...args: string[]) => runCli([...args, '--endpoint-url', moto.endpoint], env);

	beforeAll(async () => {
		moto = await startMoto({loadManagedPolicies: true});
		await seedDemoAccount(moto.endpoint);
		env = motoEnvironment();
	});
	afterAll(async () => moto?.stop());

	it('users --json lists every seeded user with groups, policies, console and MFA', async () => {
		const result = await run('users', '--json');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const users = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
		expect(users.map(u => u.UserName).sort()).toEqual([...ALL_USERS].sort());
		const ana = users.find(u => u.UserName === LIGHTSAIL.consoleUser)!;
		expect(ana.Groups).toContain(LIGHTSAIL.group);
		expect(ana.PasswordEnabled).toBe(true);
		expect(ana.MfaActive).toBe(true);
		expect(ana.Arn).toMatch(/^arn:aws:iam::\d{12}:user\/ana\.silva$/);
		const mfaUsers = users.filter(u => u.MfaActive === true).map(u => u.UserName);
		expect(mfaUsers.sort()).toEqual([...MFA_USERS].sort());
		const rsdash = users.find(u => u.UserName === SERVICE_ACCOUNT.user)!;
		expect(rsdash.Groups).toEqual([SERVICE_ACCOUNT.group]);
	});

	it('user NAME --json shows keys, policies through groups and MFA devices', async () => {
		const result = await run('user', TWO_KEY_USERS[0], '--json');
		expect(result.code).toBe(0);
		const user = JSON.parse(result.stdout) as {AccessKeys: Array<{AccessKeyId: string; Status: string; CreateDate: string}>};
		expect(user.AccessKeys).toHaveLength(2);
		expect(user.AccessKeys.map(k => k.Status).sort()).toEqual(['Active', 'Inactive']);
		for (const key of user.AccessKeys) expect(key.AccessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);

		const developer = JSON.parse((await run('user', DEVELOPERS.members[0], '--json')).stdout) as {
			PoliciesViaGroups: Array<{GroupName: string; PolicyName: string}>;
		};
		expect(developer.PoliciesViaGroups).toContainEqual(expect.objectContaining({GroupName: DEVELOPERS.group, PolicyName: DEVELOPERS.policy}));
	});

	it('groups --json lists members and policies', async () => {
		const result = await run('groups', '--json');
		expect(result.code).toBe(0);
		const groups = JSON.parse(result.stdout) as Array<{GroupName: string; Members: string[]; AttachedManagedPolicies: string[]; InlinePolicies: string[]}>;
		expect(groups.map(g => g.GroupName).sort()).toEqual([...ALL_GROUPS].sort());
		const lightsail = groups.find(g => g.GroupName === LIGHTSAIL.group)!;
		expect(lightsail.Members.sort()).toEqual([...LIGHTSAIL.members].sort());
		expect(lightsail.AttachedManagedPolicies).toEqual([LIGHTSAIL.policy]);
		const service = groups.find(g => g.GroupName === SERVICE_ACCOUNT.group)!;
		expect(service.InlinePolicies).toEqual([SERVICE_ACCOUNT.inlinePolicy]);
	});

	it('users prints a readable table without --json', async () => {
		const result = await run('users');
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')[0]).toMatch(/^USER\s+GROUPS\s+POLICIES\s+CONSOLE\s+MFA$/);
		expect(result.stdout).toContain('rsdash');
	});

	it('user NAME prints the tags of the user, as it does from an export', async () => {
		const name = LIGHTSAIL.members[0];
		const result = await run('user', name);
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')).toContain(`tags: ${tagsFor(name).map(t => `${t.Key}=${t.Value}`).join(', ')}`);
	});

	it('an unknown user fails with one line on stderr and a non-zero code', async () => {
		const result = await run('user', 'nobody.here', '--json');
		expect(result.code).toBe(3);
		expect(result.stdout).toBe('');
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain('no user named nobody.here');
	});

	it('an unreachable endpoint is named in a one-line error', async () => {
		const result = await runCli(['users', '--json', '--endpoint-url', 'http://127.0.0.1:9'], env);
		expect(result.code).toBe(3);
		expect(result.stderr).toContain('127.0.0.1:9');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('profiles --json reports the stored profiles without secrets', async () => {
		const result = await runCli(['profiles', '--json'], env);
		expect(result.code).toBe(0);
		expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
	});

	it('profiles shows the region and endpoint a profile has in ~/.aws/config, unless iamtui stores its own', async () => {
		const folder = env.IAMTUI_CONFIG_DIR!;
		const configFile = path.join(folder, 'aws-config');
		writeFileSync(configFile, '[profile staging]\nregion = eu-west-2\nendpoint_url = http://127.0.0.1:4566\n\n[profile bare]\noutput = json\n');
		const result = await runCli(['profiles', '--json'], {...env, AWS_CONFIG_FILE: configFile});
		expect(result.stderr).toBe('');
		const rows = JSON.parse(result.stdout) as Array<{ProfileName: string; Source: string; Region: string | null; EndpointUrl: string | null}>;
		expect(rows.find(r => r.ProfileName === 'staging')).toMatchObject({Source: 'aws-config', Region: 'eu-west-2', EndpointUrl: 'http://127.0.0.1:4566'});
		expect(rows.find(r => r.ProfileName === 'bare')).toMatchObject({Source: 'aws-config', Region: null, EndpointUrl: null});
		const table = await runCli(['profiles'], {...env, AWS_CONFIG_FILE: configFile});
		expect(table.stdout).toMatch(/staging\s+aws-config\s+eu-west-2\s+http:\/\/127\.0\.0\.1:4566/);
	});

	it('profiles flags a region in ~/.aws/config that is not one, saying the one meant (opening it is refused)', async () => {
		const configFile = path.join(env.IAMTUI_CONFIG_DIR!, 'aws-config-typo');
		writeFileSync(configFile, '[profile typo]\nregion = us east 1\n\n[profile fine]\nregion = eu-west-2\n');
		const result = await runCli(['profiles', '--json'], {...env, AWS_CONFIG_FILE: configFile});
		const rows = JSON.parse(result.stdout) as Array<{ProfileName: string; Region: string | null; RegionProblem: string | null}>;
		expect(rows.find(r => r.ProfileName === 'typo')).toMatchObject({Region: 'us east 1', RegionProblem: '"us east 1" is not an AWS region: did you mean us-east-1?'});
		expect(rows.find(r => r.ProfileName === 'fine')).toMatchObject({Region: 'eu-west-2', RegionProblem: null});
		const table = await runCli(['profiles'], {...env, AWS_CONFIG_FILE: configFile});
		expect(table.code).toBe(0);
		expect(table.stdout).toMatch(/typo\s+aws-config\s+us east 1 \(not a region\)/);
		expect(table.stdout).toMatch(/fine\s+aws-config\s+eu-west-2\s/);
		expect(table.stdout).toContain('profile typo: "us east 1" is not an AWS region: did you mean us-east-1?');
	});

	it('an unknown command is a usage error', async () => {
		const result = await runCli(['frobnicate'], env);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain('unknown command');
	});

	it('refuses to start the TUI without a terminal and points to the headless commands', async () => {
		const result = await runCli(['--endpoint-url', moto.endpoint], env);
		expect(result.code).toBe(64);
		expect(result.stderr).toContain('iamtui needs a terminal');
	});
});
