// The clients an organization needs, from the same connection as the IAM client (client.ts): one
// credential chain, the same region, retries and endpoint rules, so --endpoint-url reaches every
// service. Kept apart from createClients so a single account never loads these SDK packages.
import {IAMClient} from '@aws-sdk/client-iam';
import {IdentitystoreClient} from '@aws-sdk/client-identitystore';
import {OrganizationsClient} from '@aws-sdk/client-organizations';
import {SSOAdminClient} from '@aws-sdk/client-sso-admin';
import {STSClient} from '@aws-sdk/client-sts';
import type {Environment} from '../model/connection.js';
import type {ConnectionHooks, ConnectionSettings} from '../model/gateway.js';
import {SERVICE_ENDPOINT_IDS, iamRegionFor, resolveConnection, type AwsClients} from './client.js';
import {quotaAwareRetryStrategy, rejectedOnlyRetryStrategy} from './retry.js';

/** Temporary credentials STS issued for a role in a member account. */
export interface AssumedCredentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
	expiration?: Date;
}

export interface OrgClients {
	organizations: OrganizationsClient;
	sts: STSClient;
	/** IAM of the caller's own account, with the caller's credentials. */
	iam: IAMClient;
	ssoAdmin: SSOAdminClient;
	identityStore: IdentitystoreClient;
	/** IAM of a member account, with the credentials assumed in it. */
	iamWith: (credentials: AssumedCredentials) => IAMClient;
	/** A member account's IAM and STS as an IamGateway wants them (writes there: offboarding a person everywhere). */
	memberClients: (credentials: AssumedCredentials) => AwsClients;
	region: string;
}

export const createOrgClients = async (settings: ConnectionSettings, hooks: ConnectionHooks = {}, env: Environment = process.env): Promise<OrgClients> => {
	const {profile, region, maxAttempts, retryMode, endpoint, common} = await resolveConnection(settings, hooks, env);
	const at = (service: (typeof SERVICE_ENDPOINT_IDS)[keyof typeof SERVICE_ENDPOINT_IDS]) => {
		const url = endpoint(service);
		return url ? {endpoint: url} : {};
	};
	const retries = () => ({retryStrategy: quotaAwareRetryStrategy(retryMode, maxAttempts)});
	// IAM and Organizations are global per partition; Identity Center lives in its instance's region (the profile's).
	const globalRegion = iamRegionFor(region);
	const iamOptions = {...common, region: globalRegion, ...at(SERVICE_ENDPOINT_IDS.iam)};
	return {
		organizations: new OrganizationsClient({...common, region: globalRegion, ...retries(), ...at(SERVICE_ENDPOINT_IDS.organizations)}),
		sts: new STSClient({...common, region, ...retries(), ...at(SERVICE_ENDPOINT_IDS.sts)}),
		iam: new IAMClient({...iamOptions, ...retries()}),
		ssoAdmin: new SSOAdminClient({...common, region, ...retries(), ...at(SERVICE_ENDPOINT_IDS.ssoAdmin)}),
		identityStore: new IdentitystoreClient({...common, region, ...retries(), ...at(SERVICE_ENDPOINT_IDS.identityStore)}),
		// Each member account gets its own retry state: one account's throttling must not slow the others.
		iamWith: credentials => new IAMClient({...iamOptions, credentials, ...retries()}),
		memberClients: credentials => ({
			iam: new IAMClient({...iamOptions, credentials, ...retries()}),
			iamCreates: new IAMClient({...iamOptions, credentials, retryStrategy: rejectedOnlyRetryStrategy(maxAttempts)}),
			sts: new STSClient({...common, credentials, region, ...retries(), ...at(SERVICE_ENDPOINT_IDS.sts)}),
			endpoints: {iam: endpoint(SERVICE_ENDPOINT_IDS.iam), sts: endpoint(SERVICE_ENDPOINT_IDS.sts)},
			profile,
			region,
		}),
		region,
	};
};
