// Headless `profiles`: the profiles iamtui remembers, merged with those found in ~/.aws/config.
import {profileRegionProblem, shownProfileSettings, type AwsConfigProfile} from '../model/connection.js';
import type {ConfigStore} from '../store/config.js';
import type {CommandResult} from './result.js';
import {textTable} from './text-table.js';

export const profilesCommand = async (
	store: ConfigStore,
	awsConfigProfiles: AwsConfigProfile[],
	json: boolean,
): Promise<CommandResult> => {
	const stored = store.profiles();
	const last = store.lastProfile();
	const names = [...new Set([...stored.map(p => p.name), ...awsConfigProfiles.map(p => p.name)])].sort();
	const profiles = names.map(name => {
		const saved = stored.find(p => p.name === name);
		const inAwsConfig = awsConfigProfiles.find(p => p.name === name);
		const shown = shownProfileSettings(saved, inAwsConfig);
		return {
			ProfileName: name,
			Source: saved && inAwsConfig ? 'iamtui+aws-config' : saved ? 'iamtui' : 'aws-config',
			Region: shown.region ?? null,
			/** Why Region cannot be used (opening the profile is refused), or null. */
			RegionProblem: profileRegionProblem(shown) ?? null,
			EndpointUrl: shown.endpoint ?? null,
			ReadOnly: saved?.readOnly ?? false,
			LastUsed: saved?.lastUsed ?? null,
			Current: name === last,
		};
	});
	if (json) return {stdout: JSON.stringify(profiles, null, 2)};
	if (profiles.length === 0) return {stdout: 'No profiles yet: run iamtui --profile NAME, or add one on the Profiles screen (:profiles).'};
	// A region that is not one is marked in the table and said in full below it (opening that profile is refused).
	const problems = profiles.filter(p => p.RegionProblem).map(p => `profile ${p.ProfileName}: ${p.RegionProblem}`);
	const table = textTable(
		['', 'PROFILE', 'SOURCE', 'REGION', 'ENDPOINT', 'READ-ONLY'],
		profiles.map(p => [p.Current ? '*' : '', p.ProfileName, p.Source, p.Region === null ? '-' : p.RegionProblem ? `${p.Region} (not a region)` : p.Region, p.EndpointUrl ?? '-', p.ReadOnly ? 'yes' : 'no']),
	);
	return {stdout: [table, ...(problems.length > 0 ? ['', ...problems] : [])].join('\n')};
};
