// Profiles the operator has in ~/.aws/config and ~/.aws/credentials (AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE honoured), read with the SDK's own INI loader.
import {loadSharedConfigFiles} from '@smithy/shared-ini-file-loader';
import {nonEmpty, type AwsConfigProfile} from '../model/connection.js';

/** Sections of the config file that are not profiles ([sso-session x], [services x]). */
const NON_PROFILE_PREFIXES = ['sso-session.', 'services.'];

export type SharedConfig = Awaited<ReturnType<typeof loadSharedConfigFiles>>;

/** Reads both files fresh (not the loader's cache: the operator may have just run aws configure). */
export const loadSharedConfig = (): Promise<SharedConfig> => loadSharedConfigFiles({ignoreCache: true});

export const profileNames = (files: SharedConfig): string[] => {
	const names = new Set<string>();
	for (const name of Object.keys(files.configFile)) {
		if (!NON_PROFILE_PREFIXES.some(prefix => name.startsWith(prefix))) names.add(name);
	}
	for (const name of Object.keys(files.credentialsFile)) names.add(name);
	return [...names].sort((a, b) => a.localeCompare(b));
};

/** The profiles with the settings iamtui shows for them (what the SDK reads when iamtui stores none). */
export const listAwsConfigProfileSettings = async (): Promise<AwsConfigProfile[]> => {
	const files = await loadSharedConfig();
	return profileNames(files).map(name => {
		const region = profileSetting(files, name, 'region');
		const endpoint = profileSetting(files, name, 'endpoint_url');
		return {name, ...(region ? {region} : {}), ...(endpoint ? {endpoint} : {})};
	});
};

/** A setting of the profile's section in ~/.aws/config (the loader strips the "profile " prefix). */
export const profileSetting = (files: SharedConfig | undefined, profile: string | undefined, key: string): string | undefined =>
	nonEmpty(files?.configFile[profile ?? 'default']?.[key]);
