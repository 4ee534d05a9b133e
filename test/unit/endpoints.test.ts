import {describe, expect, it} from 'vitest';
import {resolveEndpoints} from '../../source/aws/client.js';

const files = {
	configFile: {
		default: {region: 'us-east-1'},
		local: {endpoint_url: 'http://127.0.0.1:5000'},
		split: {endpoint_url: 'http://127.0.0.1:5000', services: 'emu'},
		'services.emu': {'iam.endpoint_url': 'http://127.0.0.1:6000'},
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
