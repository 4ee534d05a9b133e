// The endpoint an operator names (--endpoint-url, or a stored profile's endpoint) is checked before any
// client is built: an empty value would otherwise be dropped by the SDK's own lookup and the request
// would go to the public AWS endpoint instead — the opposite of what "--endpoint-url" asked for.
import {IamError} from '../model/errors.js';

const EXAMPLE = 'e.g. --endpoint-url http://127.0.0.1:5000 or https://iam.amazonaws.com';

/** Throws IamError('Invalid') unless `endpoint` is absent or an http(s) URL with a host. */
export const checkEndpoint = (endpoint: string | undefined): void => {
	if (endpoint === undefined) return;
	if (endpoint.trim() === '') throw new IamError('Invalid', 'the endpoint URL is empty', `give a URL (${EXAMPLE}), or leave out --endpoint-url to use AWS`, 'Usage');
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		throw new IamError('Invalid', `the endpoint URL ${JSON.stringify(endpoint)} is not a URL`, EXAMPLE, 'Usage');
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new IamError('Invalid', `the endpoint URL ${JSON.stringify(endpoint)} is not http or https`, EXAMPLE, 'Usage');
	}
	if (!url.hostname) throw new IamError('Invalid', `the endpoint URL ${JSON.stringify(endpoint)} has no host`, EXAMPLE, 'Usage');
};
