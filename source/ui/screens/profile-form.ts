// Checks what the operator typed into "add profile" before it reaches the store (which would throw).
import {REGION_NAME} from '../../model/connection.js';
import type {StoredProfile} from '../../store/config.js';

export interface ProfileInput {
	name: string;
	region: string;
	endpoint: string;
}

export type ProfileField = keyof ProfileInput;

export const validateProfile = (
	input: ProfileInput,
): {ok: true; profile: StoredProfile} | {ok: false; errors: Partial<Record<ProfileField, string>>} => {
	const errors: Partial<Record<ProfileField, string>> = {};
	const name = input.name.trim();
	const region = input.region.trim();
	const endpoint = input.endpoint.trim();
	if (!name) errors.name = 'a name is required';
	else if (name.length > 128 || !/^[\w+=,.@:/-]+$/.test(name))
		errors.name = 'letters, digits and + = , . @ : / - _ only (up to 128)';
	if (region && !REGION_NAME.test(region)) errors.region = 'a region looks like us-east-1';
	if (endpoint) {
		let url: URL | undefined;
		try {
			url = new URL(endpoint);
		} catch {
			url = undefined;
		}
		if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
			errors.endpoint = 'an http:// or https:// URL, e.g. http://127.0.0.1:5000';
	}
	if (Object.keys(errors).length > 0) return {ok: false, errors};
	return {
		ok: true,
		profile: {name, ...(region ? {region} : {}), ...(endpoint ? {endpoint} : {})},
	};
};
