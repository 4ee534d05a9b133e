import {describe, expect, it} from 'vitest';
import {environmentCredentials, regionRefusal, resolveConnection, type StoredProfileSettings} from '../../source/model/connection.js';

const stored: Record<string, StoredProfileSettings> = {
	dev: {name: 'dev', region: 'eu-west-1', endpoint: 'http://127.0.0.1:5000', readOnly: true},
	prod: {name: 'prod', region: 'us-east-1'},
};
const lookup = (name: string) => stored[name];

describe('resolveConnection', () => {
	it('uses the SDK default chain when nothing is known', () => {
		expect(resolveConnection({}, {}, lookup, undefined)).toEqual({
			profile: undefined,
			region: undefined,
			endpoint: undefined,
			readOnly: false,
		});
	});

	it('opens the last used profile with its stored settings', () => {
		expect(resolveConnection({}, {}, lookup, 'dev')).toEqual({
			profile: 'dev',
			region: 'eu-west-1',
			endpoint: 'http://127.0.0.1:5000',
			readOnly: true,
		});
	});

	it('prefers AWS_PROFILE over the last used profile, and flags over both', () => {
		expect(resolveConnection({}, {AWS_PROFILE: 'prod'}, lookup, 'dev').profile).toBe('prod');
		expect(resolveConnection({profile: 'dev'}, {AWS_PROFILE: 'prod'}, lookup, undefined).profile).toBe('dev');
	});

	it('takes region from flags, then environment, then the store', () => {
		expect(resolveConnection({region: 'ap-south-1'}, {AWS_REGION: 'us-west-2'}, lookup, 'dev').region).toBe('ap-south-1');
		expect(resolveConnection({}, {AWS_REGION: 'us-west-2'}, lookup, 'dev').region).toBe('us-west-2');
		expect(resolveConnection({}, {AWS_DEFAULT_REGION: 'ca-central-1'}, lookup, 'dev').region).toBe('ca-central-1');
	});

	it('lets the endpoint environment variables shadow a stored endpoint, and the flag win over all', () => {
		expect(resolveConnection({}, {AWS_ENDPOINT_URL_IAM: 'http://127.0.0.1:9'}, lookup, 'dev').endpoint).toBeUndefined();
		expect(resolveConnection({}, {AWS_ENDPOINT_URL: 'http://127.0.0.1:9'}, lookup, 'dev').endpoint).toBeUndefined();
		expect(resolveConnection({endpointUrl: 'http://127.0.0.1:7'}, {AWS_ENDPOINT_URL: 'http://127.0.0.1:9'}, lookup, 'dev').endpoint).toBe(
			'http://127.0.0.1:7',
		);
	});

	it('is read-only when the flag or the stored profile says so', () => {
		expect(resolveConnection({readOnly: true}, {}, lookup, 'prod').readOnly).toBe(true);
		expect(resolveConnection({}, {}, lookup, 'dev').readOnly).toBe(true);
		expect(resolveConnection({}, {}, lookup, 'prod').readOnly).toBe(false);
	});

	it('ignores blank environment values', () => {
		expect(resolveConnection({}, {AWS_PROFILE: '  ', AWS_REGION: ''}, lookup, 'prod')).toMatchObject({profile: 'prod', region: 'us-east-1'});
	});

	describe('the order the aws CLI uses: --profile > AWS_PROFILE > environment credentials > remembered > default', () => {
		const keys = {AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret'};
		const webIdentity = {AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token', AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/ci'};
		const containerRelative = {AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/abc'};
		const containerFull = {AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:1338/creds'};

		it.each([
			['exported access keys', keys],
			['a web identity token', webIdentity],
			['a container credentials path', containerRelative],
			['a container credentials URL', containerFull],
		])('%s win over the remembered profile (and its stored settings)', (_name, env) => {
			expect(resolveConnection({}, env, lookup, 'dev')).toEqual({
				profile: undefined,
				region: undefined,
				endpoint: undefined,
				readOnly: false,
				// The header names where the credentials come from.
				environmentCredentials: environmentCredentials(env),
			});
		});

		it('AWS_PROFILE wins over exported credentials, --profile over both', () => {
			expect(resolveConnection({}, {...keys, AWS_PROFILE: 'prod'}, lookup, 'dev').profile).toBe('prod');
			expect(resolveConnection({profile: 'dev'}, {...keys, ...webIdentity, AWS_PROFILE: 'prod'}, lookup, undefined).profile).toBe('dev');
			expect(resolveConnection({profile: 'dev'}, keys, lookup, 'prod')).toMatchObject({profile: 'dev', region: 'eu-west-1', readOnly: true});
		});

		it('half a credential is not a credential: the remembered profile still opens', () => {
			expect(resolveConnection({}, {AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE'}, lookup, 'dev').profile).toBe('dev');
			expect(resolveConnection({}, {AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/ci'}, lookup, 'dev').profile).toBe('dev');
			expect(resolveConnection({}, {AWS_ACCESS_KEY_ID: ' ', AWS_SECRET_ACCESS_KEY: 'x'}, lookup, 'dev').profile).toBe('dev');
		});

		it('names no environment source when a profile is named (the SDK then ignores exported keys)', () => {
			expect(resolveConnection({profile: 'dev'}, keys, lookup, 'dev').environmentCredentials).toBeUndefined();
			expect(resolveConnection({}, {...keys, AWS_PROFILE: 'dev'}, lookup, undefined).environmentCredentials).toBeUndefined();
		});

		it('names the source it found', () => {
			expect(environmentCredentials(keys)).toBe('AWS_ACCESS_KEY_ID');
			expect(environmentCredentials(webIdentity)).toBe('AWS_WEB_IDENTITY_TOKEN_FILE');
			expect(environmentCredentials(containerFull)).toBe('AWS_CONTAINER_CREDENTIALS_FULL_URI');
			expect(environmentCredentials({})).toBeUndefined();
		});
	});
});

describe('regionRefusal', () => {
	it('takes the names of regions in every partition', () => {
		for (const region of ['us-east-1', 'eu-central-2', 'us-gov-west-1', 'cn-north-1', 'us-isob-east-1', 'ap-southeast-5', 'il-central-1']) {
			expect(regionRefusal(region)).toBeUndefined();
		}
	});

	it('refuses what is not one before anything is signed, naming the region meant when it is clear', () => {
		expect(regionRefusal('us east 1')).toMatchObject({kind: 'Invalid', code: 'Usage', message: '"us east 1" is not an AWS region', hint: 'did you mean us-east-1?'});
		expect(regionRefusal('EU-WEST-1')?.hint).toBe('did you mean eu-west-1?');
		expect(regionRefusal('us_west_2 ')?.hint).toBe('did you mean us-west-2?');
		for (const region of ['moon', 'us-east', 'us-east-1;rm', 'global', '']) {
			expect(regionRefusal(region)?.hint).toMatch(/^a region looks like eu-west-1; it comes from --region, AWS_REGION/);
		}
	});
});
