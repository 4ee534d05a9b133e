// A profile that exists but gives no credentials, through the built binary and the SDK's real chain: the
// error names the profile's own way (credential_process, source_profile) instead of "set AWS_PROFILE".
// No request is sent (the credentials fail first); instance metadata is off, so nothing leaves loopback.
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {beforeAll, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';

let env: Record<string, string>;

beforeAll(() => {
	const home = mkdtempSync(path.join(os.tmpdir(), 'iamtui-profcreds-'));
	const config = path.join(home, 'config');
	writeFileSync(
		config,
		[
			'[profile proc]',
			'credential_process = /bin/false',
			'[profile assume]',
			'role_arn = arn:aws:iam::111122223333:role/Admin',
			'source_profile = nokeys',
			'[profile nokeys]',
			'region = eu-west-1',
			'',
		].join('\n'),
	);
	writeFileSync(path.join(home, 'credentials'), '');
	env = {};
	for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('AWS_')) env[key] = value;
	Object.assign(env, {HOME: home, IAMTUI_CONFIG_DIR: home, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true'});
});

const users = (profile: string) => runCli(['users', '--profile', profile, '--endpoint-url', 'http://127.0.0.1:9'], env);

it('a failing credential_process is named, with what to run', async () => {
	const run = await users('proc');
	expect(run.code).toBe(3);
	expect(run.stderr).toContain('profile "proc" gets its credentials from credential_process `/bin/false`, which gave none');
	expect(run.stderr).toContain('run that command yourself to see why');
	expect(run.stderr).not.toContain('set AWS_PROFILE');
});

it('a role profile whose source_profile has no credentials names that profile', async () => {
	const run = await users('assume');
	expect(run.code).toBe(3);
	expect(run.stderr).toContain('profile "assume" assumes its role with the credentials of source_profile "nokeys", which has none');
	expect(run.stderr).toContain('aws configure --profile nokeys');
});
