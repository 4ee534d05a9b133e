// Failures before and at the network, through the real gateway and SDK credential chain.
// Only loopback: the unreachable endpoint is a closed port on 127.0.0.1, instance metadata is off.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {listAwsConfigProfileSettings} from '../../source/aws/aws-config-profiles.js';
import {createGateway} from '../../source/aws/gateway.js';
import {IamError} from '../../source/model/errors.js';
import {freePort} from '../helpers/moto.js';

describe('gateway failures', () => {
	let dir: string;
	let closedEndpoint: string;
	const writeAwsFiles = (config: string, credentials: string) => {
		writeFileSync(path.join(dir, 'config'), config);
		writeFileSync(path.join(dir, 'credentials'), credentials);
	};

	beforeAll(async () => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-aws-'));
		for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_STS']) {
			vi.stubEnv(name, undefined);
		}
		vi.stubEnv('AWS_CONFIG_FILE', path.join(dir, 'config'));
		vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(dir, 'credentials'));
		vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
		// A port that was free a moment ago and that nobody listens on.
		closedEndpoint = `http://127.0.0.1:${await freePort()}`;
	});

	afterAll(() => {
		vi.unstubAllEnvs();
		rmSync(dir, {recursive: true, force: true});
	});

	it('an unreachable endpoint is a Network error naming it, for IAM and for STS', async () => {
		writeAwsFiles('', '[local]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
		const gateway = createGateway({profile: 'local', endpoint: closedEndpoint, maxAttempts: 2});
		const load = await gateway.loadSnapshot().catch((e: unknown) => e);
		expect(load).toBeInstanceOf(IamError);
		expect(load).toMatchObject({kind: 'Network', code: 'ECONNREFUSED'});
		expect((load as IamError).message).toBe(`cannot reach ${closedEndpoint}: connection refused`);
		const who = await gateway.callerIdentity().catch((e: unknown) => e);
		expect(who).toMatchObject({kind: 'Network', message: `cannot reach ${closedEndpoint}: connection refused`});
		await expect(gateway.userDetails('ana')).rejects.toMatchObject({kind: 'Network'});
	});

	it('an unknown profile is a Credentials error listing the known profiles, before any request', async () => {
		writeAwsFiles(
			'[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\n[profile prod]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n[sso-session corp]\nsso_region = us-east-1\n[services emu]\niam =\n  endpoint_url = http://127.0.0.1:1\n',
			'[default]\naws_access_key_id = testing\naws_secret_access_key = testing\n[ci]\naws_access_key_id = testing\naws_secret_access_key = testing\n',
		);
		// With the region each sets in ~/.aws/config ([sso-session] and [services] sections are not profiles).
		expect(await listAwsConfigProfileSettings()).toEqual([{name: 'ci'}, {name: 'default', region: 'us-east-1'}, {name: 'dev', region: 'eu-west-1'}, {name: 'prod'}]);
		const gateway = createGateway({profile: 'prdo', endpoint: closedEndpoint, maxAttempts: 1});
		const error = await gateway.loadSnapshot().catch((e: unknown) => e);
		// Credentials, not Network: it failed before the request was sent.
		expect(error).toMatchObject({kind: 'Credentials'});
		expect((error as IamError).message).toContain('prdo');
		expect((error as IamError).hint).toBe('known profiles: ci, default, dev, prod');
		await expect(gateway.callerIdentity()).rejects.toMatchObject({kind: 'Credentials'});
	});

	it('no credentials anywhere is a Credentials error that says how to set them up', async () => {
		writeAwsFiles('', '');
		const error = await createGateway({endpoint: closedEndpoint, maxAttempts: 1})
			.callerIdentity()
			.catch((e: unknown) => e);
		expect(error).toMatchObject({kind: 'Credentials', code: 'NoCredentials'});
		expect((error as IamError).hint).toMatch(/AWS_PROFILE/);
		expect((error as IamError).hint).toMatch(/aws configure/);
	});

	it('a role profile with mfa_serial asks the MFA hook, and its answer is refused as Credentials without a hook', async () => {
		writeAwsFiles(
			'[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n',
			'[base]\naws_access_key_id = testing\naws_secret_access_key = testing\n',
		);
		const asked: string[] = [];
		const withHook = createGateway({profile: 'admin', endpoint: closedEndpoint, maxAttempts: 1}, {
			mfaCode: async serial => {
				asked.push(serial);
				return '123456';
			},
		});
		// The hook answers; AssumeRole then goes to the (closed) STS endpoint the operator chose.
		const error = await withHook.callerIdentity().catch((e: unknown) => e);
		expect(asked).toEqual(['arn:aws:iam::123456789012:mfa/me']);
		expect(error).toMatchObject({kind: 'Network', message: `cannot reach ${closedEndpoint}: connection refused`});

		const noHook = await createGateway({profile: 'admin', endpoint: closedEndpoint, maxAttempts: 1})
			.callerIdentity()
			.catch((e: unknown) => e);
		expect(noHook).toMatchObject({kind: 'Credentials'});
		expect((noHook as IamError).message).toContain('MFA');
	});
});
