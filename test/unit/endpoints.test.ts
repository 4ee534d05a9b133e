import {describe, expect, it} from 'vitest';
import {iamRegionFor, resolveClientConfig, resolveEndpoints} from '../../source/aws/client.js';

const files = {
	configFile: {
		default: {region: 'us-east-1'},
		local: {endpoint_url: 'http://127.0.0.1:5000'},
		split: {endpoint_url: 'http://127.0.0.1:5000', services: 'emu'},
		'services.emu': {'iam.endpoint_url': 'http://127.0.0.1:6000'},
		ignoring: {endpoint_url: 'http://127.0.0.1:5000', ignore_configured_endpoint_urls: 'true'},
		gov: {region: 'us-gov-east-1', max_attempts: '2', retry_mode: 'standard'},
	},
	credentialsFile: {},
};

describe('resolveEndpoints', () => {
	it('an explicit endpoint reaches both IAM and STS, over everything else', () => {
		const env = {AWS_ENDPOINT_URL_IAM: 'http://iam.env', AWS_ENDPOINT_URL: 'http://all.env'};
		expect(resolveEndpoints({endpoint: 'http://127.0.0.1:1'}, env, files, 'local')).toEqual({iam: 'http://127.0.0.1:1', sts: 'http://127.0.0.1:1'});
	});

	it('AWS_ENDPOINT_URL_IAM covers IAM only; STS takes AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL', () => {
		expect(resolveEndpoints({}, {AWS_ENDPOINT_URL_IAM: 'http://iam.env'}, undefined, undefined)).toEqual({iam: 'http://iam.env', sts: undefined});
		expect(resolveEndpoints({}, {AWS_ENDPOINT_URL_IAM: 'http://iam.env', AWS_ENDPOINT_URL: 'http://all.env'}, undefined, undefined)).toEqual({
			iam: 'http://iam.env',
			sts: 'http://all.env',
		});
		expect(resolveEndpoints({}, {AWS_ENDPOINT_URL_STS: 'http://sts.env'}, undefined, undefined)).toEqual({iam: undefined, sts: 'http://sts.env'});
	});

	it("falls back to the profile's endpoint_url in ~/.aws/config, and its [services] section per service", () => {
		expect(resolveEndpoints({}, {}, files, 'local')).toEqual({iam: 'http://127.0.0.1:5000', sts: 'http://127.0.0.1:5000'});
		expect(resolveEndpoints({}, {}, files, 'split')).toEqual({iam: 'http://127.0.0.1:6000', sts: 'http://127.0.0.1:5000'});
		expect(resolveEndpoints({}, {}, files, undefined)).toEqual({iam: undefined, sts: undefined});
	});
});

describe('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', () => {
	it('drops the environment and ~/.aws/config endpoints, never the explicit one', () => {
		const env = {AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://all.env'};
		expect(resolveEndpoints({}, env, files, 'local')).toEqual({});
		expect(resolveEndpoints({endpoint: 'http://127.0.0.1:1'}, env, files, 'local')).toEqual({iam: 'http://127.0.0.1:1', sts: 'http://127.0.0.1:1'});
	});

	it("honours the profile's ignore_configured_endpoint_urls, and the variable over it", () => {
		expect(resolveEndpoints({}, {}, files, 'ignoring')).toEqual({});
		expect(resolveEndpoints({}, {AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false'}, files, 'ignoring')).toEqual({
			iam: 'http://127.0.0.1:5000',
			sts: 'http://127.0.0.1:5000',
		});
	});
});

describe('resolveClientConfig', () => {
	it("takes the profile's region, max_attempts and retry_mode from ~/.aws/config", () => {
		expect(resolveClientConfig({}, {}, files, 'gov')).toEqual({region: 'us-gov-east-1', maxAttempts: 2, retryMode: 'standard'});
		expect(resolveClientConfig({}, {}, files, 'local')).toEqual({region: 'us-east-1', maxAttempts: 8, retryMode: 'adaptive'});
	});

	it('AWS_MAX_ATTEMPTS and AWS_RETRY_MODE win over the profile; the region from settings wins over both', () => {
		const env = {AWS_MAX_ATTEMPTS: '5', AWS_RETRY_MODE: 'adaptive'};
		expect(resolveClientConfig({region: 'eu-west-1'}, env, files, 'gov')).toEqual({region: 'eu-west-1', maxAttempts: 5, retryMode: 'adaptive'});
		expect(resolveClientConfig({}, {AWS_RETRY_MODE: 'legacy'}, undefined, undefined).retryMode).toBe('standard');
	});

	it('ignores a malformed attempts count', () => {
		expect(resolveClientConfig({}, {AWS_MAX_ATTEMPTS: 'lots'}, undefined, undefined).maxAttempts).toBe(8);
		expect(resolveClientConfig({}, {AWS_MAX_ATTEMPTS: '0'}, undefined, undefined).maxAttempts).toBe(8);
	});
});

describe('iamRegionFor', () => {
	it("signs IAM in its partition's region", () => {
		expect(iamRegionFor('us-gov-east-1')).toBe('us-gov-west-1');
		expect(iamRegionFor('cn-northwest-1')).toBe('cn-north-1');
		expect(iamRegionFor('eu-west-1')).toBe('eu-west-1');
	});
});
