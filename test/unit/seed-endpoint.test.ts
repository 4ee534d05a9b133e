// npm run seed -- URL seeds a moto_server the operator started: only a loopback URL is accepted, so the
// script (dummy credentials, creates users and keys) can never be pointed at a real account.
import {describe, expect, it} from 'vitest';
import {seedEndpoint} from '../../scripts/seed-moto.js';

describe('seedEndpoint', () => {
	it.each(['http://127.0.0.1:5000', 'http://localhost:5000/', 'http://[::1]:5000'])('accepts %s', url => {
		const chosen = seedEndpoint([url]);
		expect(chosen.ok).toBe(true);
		if (chosen.ok) expect(chosen.endpoint).toBe(new URL(url).origin);
	});

	it('accepts it after --endpoint-url too, as iamtui spells it', () => {
		expect(seedEndpoint(['--endpoint-url', 'http://127.0.0.1:5000'])).toEqual({ok: true, endpoint: 'http://127.0.0.1:5000'});
	});

	it.each([
		{args: ['https://iam.amazonaws.com'], says: /refusing iam\.amazonaws\.com: the seed only talks to a moto_server on this machine/},
		{args: ['http://10.0.0.5:5000'], says: /refusing 10\.0\.0\.5:5000/},
		{args: ['127.0.0.1:5000'], says: /not an http\(s\) URL|is not a URL/},
		{args: ['ftp://127.0.0.1/'], says: /not an http\(s\) URL/},
		{args: [], says: /usage: npm run seed -- http:\/\/127\.0\.0\.1:PORT/},
		{args: ['http://127.0.0.1:1', 'http://127.0.0.1:2'], says: /usage:/},
	])('refuses $args with what to do', ({args, says}) => {
		const chosen = seedEndpoint(args);
		expect(chosen.ok).toBe(false);
		if (!chosen.ok) expect(chosen.message).toMatch(says);
	});
});
