// whyNoCredentials (model/profile-credentials.ts): what a profile that exists but gave no credentials was
// meant to use, from its ~/.aws/config and credentials sections.
import {expect, it} from 'vitest';
import {whyNoCredentials, type ProfileFiles} from '../../source/model/profile-credentials.js';

const files: ProfileFiles = {
	configFile: {
		proc: {credential_process: '/usr/local/bin/get-creds --account prod'},
		assume: {role_arn: 'arn:aws:iam::111122223333:role/Admin', source_profile: 'nokeys'},
		deep: {role_arn: 'arn:aws:iam::111122223333:role/Deep', source_profile: 'assume'},
		viaproc: {role_arn: 'arn:aws:iam::111122223333:role/Ops', source_profile: 'proc'},
		dangling: {role_arn: 'arn:aws:iam::111122223333:role/Gone', source_profile: 'gone'},
		loopa: {role_arn: 'arn:aws:iam::111122223333:role/A', source_profile: 'loopb'},
		loopb: {role_arn: 'arn:aws:iam::111122223333:role/B', source_profile: 'loopa'},
		nokeys: {region: 'eu-west-1'},
		instance: {role_arn: 'arn:aws:iam::111122223333:role/Box', credential_source: 'Ec2InstanceMetadata'},
		web: {role_arn: 'arn:aws:iam::111122223333:role/Ci', web_identity_token_file: '/var/run/token'},
		sso: {sso_session: 'corp', sso_account_id: '111122223333', sso_role_name: 'ReadOnly'},
		keyed: {region: 'us-east-1'},
		keyedrole: {role_arn: 'arn:aws:iam::111122223333:role/Fine', source_profile: 'keyed'},
	},
	credentialsFile: {keyed: {aws_access_key_id: 'AKIAEXAMPLE', aws_secret_access_key: 'x'}},
};

it('names the credential_process a profile runs, directly or through a source_profile', () => {
	expect(whyNoCredentials(files, 'proc')).toEqual({
		message: 'profile "proc" gets its credentials from credential_process `/usr/local/bin/get-creds --account prod`, which gave none',
		hint: 'run that command yourself to see why: it must exit 0 and print credential_process JSON (Version 1)',
	});
	expect(whyNoCredentials(files, 'viaproc')?.message).toBe(
		'profile "viaproc" (through source_profile "proc") gets its credentials from credential_process `/usr/local/bin/get-creds --account prod`, which gave none',
	);
});

it('follows source_profile to the profile without credentials, and names a missing one or a circle', () => {
	expect(whyNoCredentials(files, 'assume')).toEqual({
		message: 'profile "assume" assumes its role with the credentials of source_profile "nokeys", which has none',
		hint: 'give "nokeys" credentials (aws configure --profile nokeys, or aws configure sso --profile nokeys)',
	});
	expect(whyNoCredentials(files, 'deep')?.message).toBe('profile "deep" assumes its role with the credentials of source_profile "nokeys", which has none');
	expect(whyNoCredentials(files, 'dangling')).toEqual({
		message: 'profile "dangling" takes its credentials from source_profile "gone", which is not in ~/.aws/config or ~/.aws/credentials',
		hint: 'create profile "gone" (aws configure --profile gone), or point source_profile of "dangling" at a profile that has credentials',
	});
	expect(whyNoCredentials(files, 'loopa')?.message).toBe(`profile "loopa"'s source_profile settings go round in a circle (loopa → loopb → loopa)`);
});

it('a profile with nothing, a credential_source and a web identity token each say what to check', () => {
	expect(whyNoCredentials(files, 'nokeys')?.message).toBe('profile "nokeys" has no credentials: no aws_access_key_id, credential_process, SSO or role_arn');
	expect(whyNoCredentials(files, 'instance')?.message).toBe('profile "instance" assumes its role with credentials from Ec2InstanceMetadata, which gave none');
	expect(whyNoCredentials(files, 'web')?.hint).toBe('check that the token file exists and is readable, and the role_arn beside it');
});

it('says nothing where the settings do not explain it: keys there, SSO (its own message), an unknown profile', () => {
	expect(whyNoCredentials(files, 'keyed')).toBeUndefined();
	expect(whyNoCredentials(files, 'keyedrole')).toBeUndefined();
	expect(whyNoCredentials(files, 'sso')).toBeUndefined();
	expect(whyNoCredentials(files, 'unknown')).toBeUndefined();
});
