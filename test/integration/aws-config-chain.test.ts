// The client as the aws CLI configures it, through the real SDK: IAM's quota error is shown at once
// (not retried as throttling), AWS_MAX_ATTEMPTS bounds the retries, and a GovCloud or China profile's
// region from ~/.aws/config reaches its own partition's IAM.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateAccessKeyCommand, CreateUserCommand, ListUsersCommand} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, expect, it, vi} from 'vitest';
import {createClients} from '../../source/aws/client.js';
import {startFaultProxy} from '../helpers/fault-proxy.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

let moto: Moto;
let dir: string;

describeWithMoto('the AWS client configuration', () => {
	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'iamtui-chain-'));
		writeFileSync(
			path.join(dir, 'config'),
			['[profile gov]', 'region = us-gov-east-1', '', '[profile china]', 'region = cn-northwest-1', ''].join('\n'),
		);
		writeFileSync(
			path.join(dir, 'credentials'),
			['[gov]', 'aws_access_key_id = AKIAGOV', 'aws_secret_access_key = x', '[china]', 'aws_access_key_id = AKIACN', 'aws_secret_access_key = x', ''].join('\n'),
		);
		vi.stubEnv('AWS_CONFIG_FILE', path.join(dir, 'config'));
		vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(dir, 'credentials'));
		vi.stubEnv('AWS_ACCESS_KEY_ID', 'testing');
		vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'testing');
		for (const name of ['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM']) {
			vi.stubEnv(name, undefined);
		}
		moto = await startMoto();
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await moto?.stop();
		rmSync(dir, {recursive: true, force: true});
	});

	it("IAM's LimitExceeded (a third access key) is shown at once, sent once, not retried as throttling", async () => {
		// A proxy that injects nothing: it only counts what reaches moto.
		const proxy = await startFaultProxy({target: moto.endpoint, seed: 1});
		try {
			const {iam} = await createClients({endpoint: proxy.endpoint, maxAttempts: 5});
			await iam.send(new CreateUserCommand({UserName: 'quota'}));
			await iam.send(new CreateAccessKeyCommand({UserName: 'quota'}));
			await iam.send(new CreateAccessKeyCommand({UserName: 'quota'}));
			const began = performance.now();
			const error = await iam.send(new CreateAccessKeyCommand({UserName: 'quota'})).catch((caught: unknown) => caught);
			expect(error).toMatchObject({name: 'LimitExceededException', $metadata: {attempts: 1}});
			expect(proxy.stats().byAction.CreateAccessKey).toBe(3);
			expect(performance.now() - began).toBeLessThan(2_000);
		} finally {
			await proxy.stop();
		}
	});

	it('AWS_MAX_ATTEMPTS bounds the retries of a throttled read', async () => {
		const proxy = await startFaultProxy({target: moto.endpoint, seed: 1, throttleRate: 1, faultWhen: request => request.action === 'ListUsers'});
		vi.stubEnv('AWS_MAX_ATTEMPTS', '2');
		vi.stubEnv('AWS_RETRY_MODE', 'standard');
		try {
			const {iam} = await createClients({endpoint: proxy.endpoint}, {}, process.env);
			const error = await iam.send(new ListUsersCommand({})).catch((caught: unknown) => caught);
			expect(error).toMatchObject({name: 'Throttling', $metadata: {attempts: 2}});
			expect(proxy.stats().byAction.ListUsers).toBe(2);
		} finally {
			// Unset again, as the suite's beforeAll left them (afterAll restores the originals).
			vi.stubEnv('AWS_MAX_ATTEMPTS', undefined);
			vi.stubEnv('AWS_RETRY_MODE', undefined);
			await proxy.stop();
		}
	});

	it.each([
		['gov', 'iam.us-gov.amazonaws.com', 'us-gov-west-1'],
		['china', 'iam.cn-north-1.amazonaws.com.cn', 'cn-north-1'],
	])("profile %s: the region from ~/.aws/config signs IAM in that partition (nothing is sent)", async (profile, host, signingRegion) => {
		const {iam} = await createClients({profile, maxAttempts: 1});
		let seen: {hostname?: string; authorization?: string} = {};
		// Last before the wire: record the signed request and stop it there.
		iam.middlewareStack.add(
			() => async args => {
				const request = args.request as {hostname?: string; headers?: Record<string, string>};
				seen = {hostname: request.hostname, authorization: request.headers?.authorization};
				throw new Error('stopped before sending');
			},
			{step: 'deserialize', priority: 'low'},
		);
		await expect(iam.send(new ListUsersCommand({}))).rejects.toThrow('stopped before sending');
		expect(seen.hostname).toBe(host);
		expect(seen.authorization).toContain(`/${signingRegion}/iam/aws4_request`);
	});
});
