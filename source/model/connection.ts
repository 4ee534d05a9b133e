// Which account to open: flags > environment > the store's last used profile > the SDK default.
import type {ConnectionSettings} from './gateway.js';

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

export const resolveConnection = (
	flags: ConnectionFlags,
	env: Environment,
	lookup: (name: string) => StoredProfileSettings | undefined,
	lastProfile: string | undefined,
): ConnectionSettings => {
	// An explicit profile (flag or AWS_PROFILE) wins; the store's last profile only when nothing was said.
	const profile = flags.profile ?? nonEmpty(env.AWS_PROFILE) ?? lastProfile;
	const stored = profile ? lookup(profile) : undefined;
	// The SDK reads AWS_ENDPOINT_URL[_IAM] itself; a stored endpoint must not shadow the environment.
	const envEndpoint = nonEmpty(env.AWS_ENDPOINT_URL_IAM) ?? nonEmpty(env.AWS_ENDPOINT_URL);
	return {
		profile,
		region: flags.region ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? stored?.region,
		endpoint: flags.endpointUrl ?? (envEndpoint ? undefined : stored?.endpoint),
		readOnly: flags.readOnly === true || stored?.readOnly === true,
	};
};

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);
