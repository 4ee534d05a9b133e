// Which account to open, in the order the aws CLI resolves it: --profile > AWS_PROFILE > credentials in
// the environment (access keys, web identity, container) > the profile remembered by iamtui > the
// SDK default. Pure: the environment is passed in.
import {IamError} from './errors.js';
import type {ConnectionSettings} from './gateway.js';

/** An AWS region's name (eu-west-1, us-gov-west-1, cn-north-1): what the store keeps and requests are signed for. */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Why a region cannot be signed for (the SDK would refuse "us east 1" with its own words, and sign
 * "US-EAST-1" for a region AWS does not know), or undefined. Said before anything is sent.
 */
export const regionRefusal = (region: string): IamError | undefined => {
	if (REGION_NAME.test(region)) return undefined;
	const meant = region.trim().toLowerCase().replaceAll(/[\s_]+/g, '-');
	const hint = REGION_NAME.test(meant)
		? `did you mean ${meant}?`
		: "a region looks like eu-west-1; it comes from --region, AWS_REGION (or AWS_DEFAULT_REGION), iamtui's profile, or the profile's region in ~/.aws/config";
	return new IamError('Invalid', `"${region}" is not an AWS region`, hint, 'Usage');
};

export interface ConnectionFlags {
	profile?: string;
	region?: string;
	endpointUrl?: string;
	readOnly?: boolean;
}

export interface StoredProfileSettings {
	name: string;
	region?: string;
	endpoint?: string;
	readOnly?: boolean;
}

export type Environment = Record<string, string | undefined>;

/** A profile of ~/.aws/config (or ~/.aws/credentials) with the settings iamtui shows for it. */
export interface AwsConfigProfile {
	name: string;
	/** The profile's `region` in ~/.aws/config. */
	region?: string;
	/** Its `endpoint_url`. */
	endpoint?: string;
}

/** A profile's region and endpoint as iamtui shows them: what it stores wins (as when it connects), else ~/.aws/config's. */
export const shownProfileSettings = (stored: Pick<StoredProfileSettings, 'region' | 'endpoint'> | undefined, config: AwsConfigProfile | undefined): {region?: string; endpoint?: string} => {
	const region = stored?.region ?? config?.region;
	const endpoint = stored?.endpoint ?? config?.endpoint;
	return {...(region ? {region} : {}), ...(endpoint ? {endpoint} : {})};
};

/** What is wrong with the region a profile shows (opening it is refused until it is fixed), or undefined. */
export const profileRegionProblem = (shown: {region?: string}): string | undefined => {
	const refused = shown.region === undefined ? undefined : regionRefusal(shown.region);
	return refused && `${refused.message}: ${refused.hint}`;
};

/** A setting's value, trimmed; an unset or blank one is absent (the SDK treats them alike). */
export const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);

/**
 * Credentials the SDK takes from the environment when no profile is named: exported access keys
 * (aws-vault, granted, CI), a web identity token (EKS, GitHub OIDC), a container credentials endpoint (ECS).
 */
export const environmentCredentials = (env: Environment): string | undefined => {
	if (nonEmpty(env.AWS_ACCESS_KEY_ID) && nonEmpty(env.AWS_SECRET_ACCESS_KEY)) return 'AWS_ACCESS_KEY_ID';
	if (nonEmpty(env.AWS_WEB_IDENTITY_TOKEN_FILE) && nonEmpty(env.AWS_ROLE_ARN)) return 'AWS_WEB_IDENTITY_TOKEN_FILE';
	if (nonEmpty(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)) return 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI';
	if (nonEmpty(env.AWS_CONTAINER_CREDENTIALS_FULL_URI)) return 'AWS_CONTAINER_CREDENTIALS_FULL_URI';
	return undefined;
};

export const resolveConnection = (
	flags: ConnectionFlags,
	env: Environment,
	lookup: (name: string) => StoredProfileSettings | undefined,
	lastProfile: string | undefined,
): ConnectionSettings => {
	// An explicit profile (flag or AWS_PROFILE) wins; exported credentials come next (the SDK uses them
	// only when no profile is named); the store's last profile only when nothing was said at all.
	const explicit = nonEmpty(flags.profile) ?? nonEmpty(env.AWS_PROFILE);
	const fromEnvironment = explicit ? undefined : environmentCredentials(env);
	const profile = explicit ?? (fromEnvironment ? undefined : lastProfile);
	const stored = profile ? lookup(profile) : undefined;
	// The SDK reads AWS_ENDPOINT_URL[_IAM] itself; a stored endpoint must not shadow the environment.
	const envEndpoint = nonEmpty(env.AWS_ENDPOINT_URL_IAM) ?? nonEmpty(env.AWS_ENDPOINT_URL);
	return {
		profile,
		region: flags.region ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? stored?.region,
		endpoint: flags.endpointUrl ?? (envEndpoint ? undefined : stored?.endpoint),
		readOnly: flags.readOnly === true || stored?.readOnly === true,
		...(fromEnvironment ? {environmentCredentials: fromEnvironment} : {}),
	};
};
