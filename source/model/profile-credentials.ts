// Why a profile that exists gave no credentials, read off its settings: the SDK's chain ends with "Could
// not load credentials from any providers" whatever the profile was meant to use, and "set AWS_PROFILE"
// is no help to an operator who passed --profile. The profile's own way (credential_process, a role on
// a source profile, SSO) is named with what to check. Pure: the parsed ~/.aws/config and credentials
// sections are passed in.
import {nonEmpty} from './connection.js';

export type ProfileSections = Record<string, Record<string, string | undefined> | undefined>;

export interface ProfileFiles {
	/** ~/.aws/config's profile sections, by name ("profile " stripped). */
	configFile: ProfileSections;
	credentialsFile: ProfileSections;
}

/** A profile's setting: the credentials file wins for keys, as for the aws CLI. */
const setting = (files: ProfileFiles, profile: string, key: string): string | undefined =>
	nonEmpty(files.credentialsFile[profile]?.[key]) ?? nonEmpty(files.configFile[profile]?.[key]);

const exists = (files: ProfileFiles, profile: string): boolean => Boolean(files.configFile[profile] ?? files.credentialsFile[profile]);

/** One line of what failed and one of what to do, for a profile that exists. */
export interface NoCredentialsReason {
	message: string;
	hint: string;
}

/**
 * Why `profile` gave no credentials; undefined when it does not exist or its settings do not say (keys
 * that are there: the failure is elsewhere). Follows source_profile (at most 10 hops; a cycle is named).
 */
export const whyNoCredentials = (files: ProfileFiles, profile: string): NoCredentialsReason | undefined => {
	const seen: string[] = [];
	let at = profile;
	for (;;) {
		if (!exists(files, at)) {
			if (at === profile) return undefined;
			return {
				message: `profile "${profile}" takes its credentials from source_profile "${at}", which is not in ~/.aws/config or ~/.aws/credentials`,
				hint: `create profile "${at}" (aws configure --profile ${at}), or point source_profile of "${seen.at(-1)}" at a profile that has credentials`,
			};
		}
		if (seen.includes(at)) {
			return {message: `profile "${profile}"'s source_profile settings go round in a circle (${[...seen, at].join(' → ')})`, hint: 'end the chain at a profile with keys, SSO or credential_process'};
		}
		seen.push(at);
		const via = at === profile ? '' : ` (through source_profile "${at}")`;
		const command = setting(files, at, 'credential_process');
		if (setting(files, at, 'aws_access_key_id')) return undefined;
		if (command) {
			return {
				message: `profile "${profile}"${via} gets its credentials from credential_process \`${command}\`, which gave none`,
				hint: 'run that command yourself to see why: it must exit 0 and print credential_process JSON (Version 1)',
			};
		}
		if (setting(files, at, 'sso_session') ?? setting(files, at, 'sso_start_url')) return undefined;
		if (setting(files, at, 'web_identity_token_file')) {
			return {
				message: `profile "${profile}"${via} gets its credentials from web_identity_token_file ${setting(files, at, 'web_identity_token_file')}, which gave none`,
				hint: 'check that the token file exists and is readable, and the role_arn beside it',
			};
		}
		const source = setting(files, at, 'source_profile');
		const credentialSource = setting(files, at, 'credential_source');
		if (setting(files, at, 'role_arn') && credentialSource) {
			return {
				message: `profile "${profile}"${via} assumes its role with credentials from ${credentialSource}, which gave none`,
				hint: `credential_source ${credentialSource} only works where that source exists (Environment: exported keys; Ec2InstanceMetadata: an EC2 instance; EcsContainer: a container)`,
			};
		}
		if (setting(files, at, 'role_arn') && source) {
			if (seen.length > 10) return {message: `profile "${profile}": source_profile goes more than 10 profiles deep`, hint: 'end the chain at a profile with keys, SSO or credential_process'};
			at = source;
			continue;
		}
		return {
			message:
				at === profile
					? `profile "${profile}" has no credentials: no aws_access_key_id, credential_process, SSO or role_arn`
					: `profile "${profile}" assumes its role with the credentials of source_profile "${at}", which has none`,
			hint: `give "${at}" credentials (aws configure --profile ${at}, or aws configure sso --profile ${at})`,
		};
	}
};
