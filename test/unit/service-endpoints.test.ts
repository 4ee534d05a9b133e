// resolveServiceEndpoint: the organization's services (Organizations, SSO Admin, Identity Store) find their
// endpoint by the same rules as IAM and STS, under the aws CLI's names for them.
import {describe, expect, it} from 'vitest';
import {SERVICE_ENDPOINT_IDS, resolveEndpoints, resolveServiceEndpoint} from '../../source/aws/client.js';

const files = {
	configFile: {
		local: {endpoint_url: 'http://127.0.0.1:5000', services: 'split'},
		'services.split': {'organizations.endpoint_url': 'http://orgs.local', 'sso_admin.endpoint_url': 'http://sso.local'},
		ignoring: {endpoint_url: 'http://127.0.0.1:5000', ignore_configured_endpoint_urls: 'true'},
	},
	credentialsFile: {},
};
const {organizations, ssoAdmin, identityStore} = SERVICE_ENDPOINT_IDS;

describe('resolveServiceEndpoint', () => {
	it('--endpoint-url reaches every service', () => {
		for (const service of Object.values(SERVICE_ENDPOINT_IDS)) {
			expect(resolveServiceEndpoint(service, {endpoint: 'http://127.0.0.1:1'}, {AWS_ENDPOINT_URL_ORGANIZATIONS: 'http://other'}, files, 'local')).toBe('http://127.0.0.1:1');
		}
	});

	it("each service's own variable beats AWS_ENDPOINT_URL, which beats the config file", () => {
		const env = {AWS_ENDPOINT_URL_SSO_ADMIN: 'http://sso.env', AWS_ENDPOINT_URL_IDENTITYSTORE: 'http://ids.env', AWS_ENDPOINT_URL: 'http://all.env'};
		expect(resolveServiceEndpoint(ssoAdmin, {}, env, files, 'local')).toBe('http://sso.env');
		expect(resolveServiceEndpoint(identityStore, {}, env, files, 'local')).toBe('http://ids.env');
		expect(resolveServiceEndpoint(organizations, {}, env, files, 'local')).toBe('http://all.env');
	});

	it("the profile's [services] entry for the service, else its endpoint_url", () => {
		expect(resolveServiceEndpoint(organizations, {}, {}, files, 'local')).toBe('http://orgs.local');
		expect(resolveServiceEndpoint(ssoAdmin, {}, {}, files, 'local')).toBe('http://sso.local');
		expect(resolveServiceEndpoint(identityStore, {}, {}, files, 'local')).toBe('http://127.0.0.1:5000');
		expect(resolveServiceEndpoint(identityStore, {}, {}, files, undefined)).toBeUndefined();
	});

	it('ignore_configured_endpoint_urls drops all but the explicit endpoint, for these services too', () => {
		expect(resolveServiceEndpoint(organizations, {}, {AWS_ENDPOINT_URL_ORGANIZATIONS: 'http://orgs.env'}, files, 'ignoring')).toBeUndefined();
		expect(resolveServiceEndpoint(organizations, {}, {AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://all.env'}, files, 'local')).toBeUndefined();
	});

	it('resolveEndpoints is the IAM and STS cases of it', () => {
		const env = {AWS_ENDPOINT_URL_STS: 'http://sts.env'};
		expect(resolveEndpoints({}, env, files, 'local')).toEqual({
			iam: resolveServiceEndpoint(SERVICE_ENDPOINT_IDS.iam, {}, env, files, 'local'),
			sts: 'http://sts.env',
		});
	});
});
