// IAM and STS clients for one connection: the SDK's credential chain (env, shared files, SSO,
// assume-role with MFA, credential_process, container/instance metadata), adaptive retries, and the
// endpoint resolved the same way for both services. A second IAM client sends the creates that must
// not be resent blindly (retry.ts, reconcile.ts).
import {IAMClient} from '@aws-sdk/client-iam';
import {AssumeRoleCommand, STSClient} from '@aws-sdk/client-sts';
import {fromNodeProviderChain} from '@aws-sdk/credential-providers';
import {whyNoCredentials} from '../model/profile-credentials.js';
import {IamError} from '../model/errors.js';
import {nonEmpty, regionRefusal, type Environment} from '../model/connection.js';
import type {ConnectionHooks, ConnectionSettings} from '../model/gateway.js';
import {loadSharedConfig, profileNames, profileSetting, type SharedConfig} from './aws-config-profiles.js';
import {toIamError} from './errors.js';
import {quotaAwareRetryStrategy, rejectedOnlyRetryStrategy, type RetryMode} from './retry.js';

/** IAM is global and signs for us-east-1 in the aws partition. */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_MAX_ATTEMPTS = 8;
const CONNECT_TIMEOUT_MS = 5_000;
/** GetAccountAuthorizationDetails pages can be large; a stalled connection must still end. */
const REQUEST_TIMEOUT_MS = 60_000;

export interface AwsClients {
	iam: IAMClient;
	/** Same connection, for creates that are not idempotent: retries only certainly rejected requests (retry.ts). */
	iamCreates: IAMClient;
	sts: STSClient;
	/** The explicit endpoints in use (undefined: the SDK's default for the region). */
	endpoints: {iam?: string; sts?: string};
	/** The profile in use (settings, then AWS_PROFILE); undefined for the default chain. */
	profile?: string;
	region: string;
}

/** A service's names for its endpoint: AWS_ENDPOINT_URL_<env>, and <config>.endpoint_url in a [services] section. */
export interface ServiceEndpointIds {
	env: string;
	config: string;
}

/** The services iamtui talks to, by the identifiers the aws CLI uses for their endpoints. */
export const SERVICE_ENDPOINT_IDS = {
	iam: {env: 'IAM', config: 'iam'},
	sts: {env: 'STS', config: 'sts'},
	organizations: {env: 'ORGANIZATIONS', config: 'organizations'},
	ssoAdmin: {env: 'SSO_ADMIN', config: 'sso_admin'},
	identityStore: {env: 'IDENTITYSTORE', config: 'identitystore'},
} as const satisfies Record<string, ServiceEndpointIds>;

/** The profile's own endpoint for one service from ~/.aws/config: its [services NAME] entry, then endpoint_url. */
const configEndpoint = (files: SharedConfig, profile: string, service: ServiceEndpointIds): string | undefined => {
	const section = files.configFile[profile];
	if (!section) return undefined;
	const services = section.services ? files.configFile[`services.${section.services}`] : undefined;
	return nonEmpty(services?.[`${service.config}.endpoint_url`]) ?? nonEmpty(section.endpoint_url);
};

const isTrue = (value: string | undefined): boolean => value?.trim().toLowerCase() === 'true';

/**
 * One service's endpoint. Precedence: settings.endpoint (every service) > AWS_ENDPOINT_URL_<SERVICE> >
 * AWS_ENDPOINT_URL (every service) > the profile's endpoint in ~/.aws/config. As for the aws CLI,
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true (or the profile's ignore_configured_endpoint_urls) drops
 * all but the explicit endpoint.
 */
export const resolveServiceEndpoint = (
	service: ServiceEndpointIds,
	settings: ConnectionSettings,
	env: Environment,
	files: SharedConfig | undefined,
	profile: string | undefined,
): string | undefined => {
	const explicit = nonEmpty(settings.endpoint);
	if (explicit) return explicit;
	const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim()
		? isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)
		: isTrue(profileSetting(files, profile, 'ignore_configured_endpoint_urls'));
	if (ignore) return undefined;
	return nonEmpty(env[`AWS_ENDPOINT_URL_${service.env}`]) ?? nonEmpty(env.AWS_ENDPOINT_URL) ?? (files ? configEndpoint(files, profile ?? 'default', service) : undefined);
};

/** The IAM and STS endpoints (resolveServiceEndpoint for each). */
export const resolveEndpoints = (
	settings: ConnectionSettings,
	env: Environment,
	files: SharedConfig | undefined,
	profile: string | undefined,
): {iam?: string; sts?: string} => ({
	iam: resolveServiceEndpoint(SERVICE_ENDPOINT_IDS.iam, settings, env, files, profile),
	sts: resolveServiceEndpoint(SERVICE_ENDPOINT_IDS.sts, settings, env, files, profile),
});

/**
 * IAM is global per partition: it signs in us-east-1 (aws), us-gov-west-1 (GovCloud) or cn-north-1
 * (China). A profile in any region of a partition reaches that partition's IAM.
 */
export const iamRegionFor = (region: string): string => {
	if (region.startsWith('us-gov-')) return 'us-gov-west-1';
	if (region.startsWith('cn-')) return 'cn-north-1';
	return region;
};

const positiveInt = (value: string | undefined): number | undefined => {
	const parsed = value && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
	return parsed >= 1 ? parsed : undefined;
};

/**
 * Region, attempts and retry mode as the aws CLI reads them: settings (flag, AWS_REGION, the stored
 * profile) > AWS_MAX_ATTEMPTS / AWS_RETRY_MODE > the profile's region / max_attempts / retry_mode in
 * ~/.aws/config > iamtui's defaults (us-east-1, 8 attempts, adaptive).
 */
export const resolveClientConfig = (
	settings: ConnectionSettings,
	env: Environment,
	files: SharedConfig | undefined,
	profile: string | undefined,
): {region: string; maxAttempts: number; retryMode: RetryMode} => {
	const mode = (nonEmpty(env.AWS_RETRY_MODE) ?? profileSetting(files, profile, 'retry_mode'))?.toLowerCase();
	return {
		region: nonEmpty(settings.region) ?? profileSetting(files, profile, 'region') ?? DEFAULT_REGION,
		maxAttempts:
			settings.maxAttempts ?? positiveInt(env.AWS_MAX_ATTEMPTS) ?? positiveInt(profileSetting(files, profile, 'max_attempts')) ?? DEFAULT_MAX_ATTEMPTS,
		// "legacy" is the v2 CLI's name for the old standard mode.
		retryMode: mode === 'standard' || mode === 'legacy' ? 'standard' : 'adaptive',
	};
};

export type CredentialProvider = ReturnType<typeof fromNodeProviderChain>;
type RoleAssumer = NonNullable<NonNullable<Parameters<typeof fromNodeProviderChain>[0]>['roleAssumer']>;

/**
 * AssumeRole (role profiles) through the STS endpoint the operator chose: the SDK's own role assumer
 * would go to the public STS even when --endpoint-url points elsewhere.
 */
const roleAssumerAt = (endpoint: string, region: string): RoleAssumer => async (sourceCredentials, params) => {
	const sts = new STSClient({region, endpoint, credentials: sourceCredentials, maxAttempts: 3});
	const {Credentials: issued} = await sts.send(new AssumeRoleCommand(params));
	if (!issued?.AccessKeyId || !issued.SecretAccessKey) {
		throw new IamError('Credentials', `AssumeRole for ${params.RoleArn} returned no credentials`);
	}
	return {
		accessKeyId: issued.AccessKeyId,
		secretAccessKey: issued.SecretAccessKey,
		sessionToken: issued.SessionToken,
		expiration: issued.Expiration,
	};
};

const askForMfa = (hooks: ConnectionHooks) => async (serial: string): Promise<string> => {
	if (!hooks.mfaCode) {
		throw new IamError('Credentials', `this profile needs an MFA code for ${serial}`, 'run the TUI (iamtui) to enter it');
	}
	return hooks.mfaCode(serial);
};

/**
 * The SDK's default chain, shared by IAM and STS (one MFA prompt, one SSO refresh). A profile that
 * exists in neither file is refused before the chain runs, naming the profiles that do exist, instead
 * of falling through to instance metadata.
 */
const credentialProvider = (
	profile: string | undefined,
	files: SharedConfig | undefined,
	hooks: ConnectionHooks,
	sts: {endpoint?: string; region: string},
): CredentialProvider => {
	const chain = fromNodeProviderChain({
		...(profile ? {profile} : {}),
		...(sts.endpoint ? {roleAssumer: roleAssumerAt(sts.endpoint, sts.region)} : {}),
		mfaCodeProvider: askForMfa(hooks),
	});
	return async identityProperties => {
		if (profile && files) {
			const known = profileNames(files);
			if (!known.includes(profile)) {
				throw new IamError(
					'Credentials',
					`AWS profile "${profile}" not found in ~/.aws/config or ~/.aws/credentials`,
					known.length > 0 ? `known profiles: ${known.join(', ')}` : 'no profiles are configured; run aws configure --profile NAME',
					'UnknownProfile',
				);
			}
		}
		try {
			return await chain(identityProperties);
		} catch (error) {
			// A role profile's AssumeRole goes to the STS endpoint: name it if it cannot be reached.
			const failure = toIamError(error, {profile, endpoint: sts.endpoint, knownProfiles: files ? profileNames(files) : undefined});
			// The chain says only that nothing gave credentials: the profile's own settings say which way failed.
			const reason = profile && files && (failure.code === 'NoCredentials' || failure.code === 'UnknownProfile') ? whyNoCredentials(files, profile) : undefined;
			throw reason ? new IamError('Credentials', reason.message, reason.hint, 'NoCredentials') : failure;
		}
	};
};

/** What every client of one connection shares: profile, config files, region, retries, one credential chain. */
export interface Connection {
	profile?: string;
	files?: SharedConfig;
	region: string;
	maxAttempts: number;
	retryMode: RetryMode;
	/** The explicit endpoint of a service (undefined: the SDK's default for the region). */
	endpoint: (service: ServiceEndpointIds) => string | undefined;
	/** Client options every service takes: the credential chain, attempts, timeouts. */
	common: {
		credentials: CredentialProvider;
		maxAttempts: number;
		requestHandler: {connectionTimeout: number; requestTimeout: number};
	};
}

/** Resolves a connection once; its clients are built from it. Async because the profile's settings live in ~/.aws/config. */
export const resolveConnection = async (settings: ConnectionSettings, hooks: ConnectionHooks = {}, env: Environment = process.env): Promise<Connection> => {
	const profile = nonEmpty(settings.profile) ?? nonEmpty(env.AWS_PROFILE);
	// Unreadable or malformed config files must not stop credentials from the environment.
	const files = await loadSharedConfig().catch(() => undefined);
	const endpoint = (service: ServiceEndpointIds) => resolveServiceEndpoint(service, settings, env, files, profile);
	const {region, maxAttempts, retryMode} = resolveClientConfig(settings, env, files, profile);
	const refused = regionRefusal(region);
	if (refused) throw refused;
	const credentials = credentialProvider(profile, files, hooks, {endpoint: endpoint(SERVICE_ENDPOINT_IDS.sts), region});
	return {
		profile,
		files,
		region,
		maxAttempts,
		retryMode,
		endpoint,
		common: {credentials, maxAttempts, requestHandler: {connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS}},
	};
};

/** Builds both clients. */
export const createClients = async (
	settings: ConnectionSettings,
	hooks: ConnectionHooks = {},
	env: Environment = process.env,
): Promise<AwsClients> => {
	const {profile, region, maxAttempts, retryMode, endpoint, common} = await resolveConnection(settings, hooks, env);
	const endpoints = {iam: endpoint(SERVICE_ENDPOINT_IDS.iam), sts: endpoint(SERVICE_ENDPOINT_IDS.sts)};
	const iam = {...common, region: iamRegionFor(region), ...(endpoints.iam ? {endpoint: endpoints.iam} : {})};
	return {
		iam: new IAMClient({...iam, retryStrategy: quotaAwareRetryStrategy(retryMode, maxAttempts)}),
		iamCreates: new IAMClient({...iam, retryStrategy: rejectedOnlyRetryStrategy(maxAttempts)}),
		sts: new STSClient({...common, region, retryStrategy: quotaAwareRetryStrategy(retryMode, maxAttempts), ...(endpoints.sts ? {endpoint: endpoints.sts} : {})}),
		endpoints,
		profile,
		region,
	};
};
