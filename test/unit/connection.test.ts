import {describe, expect, it} from 'vitest';
import {resolveConnection, type StoredProfileSettings} from '../../source/model/connection.js';

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
});
