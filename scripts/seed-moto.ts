// npm run seed -- URL: seeds the demo account into a moto_server you started yourself (the same account
// `npm run demo` shows, with its organization). Only a loopback endpoint is accepted: this script creates users and keys with
// dummy credentials, and must never be pointed at a real account.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {seedDemoAccount} from './seed.js';
import {seedDemoOrganization} from './seed-org.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE = `usage: npm run seed -- http://127.0.0.1:PORT
Start moto first, with the AWS managed policies loaded (the demo attaches some):
  MOTO_IAM_LOAD_MANAGED_POLICIES=true moto_server -H 127.0.0.1 -p 5000
`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The endpoint to seed, or a message saying what is wrong with the argument. */
export const seedEndpoint = (args: string[]): {ok: true; endpoint: string} | {ok: false; message: string} => {
	const given = args.filter(arg => arg !== '--endpoint-url');
	if (given.length !== 1) return {ok: false, message: USAGE};
	let url: URL;
	try {
		url = new URL(given[0]!);
	} catch {
		return {ok: false, message: `"${given[0]}" is not a URL\n${USAGE}`};
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return {ok: false, message: `${url.href} is not an http(s) URL\n${USAGE}`};
	if (!LOOPBACK.has(url.hostname)) return {ok: false, message: `refusing ${url.host}: the seed only talks to a moto_server on this machine (127.0.0.1, localhost or [::1])\n`};
	return {ok: true, endpoint: url.origin};
};

const main = async (): Promise<number> => {
	const chosen = seedEndpoint(process.argv.slice(2));
	if (!chosen.ok) {
		process.stderr.write(chosen.message);
		return 64;
	}
	const summary = await seedDemoAccount(chosen.endpoint);
	// As in the demo, the account is the management account of a small organization (:accounts, :people, o on :whocan).
	const org = await seedDemoOrganization(chosen.endpoint);
	const people = Object.keys(org.people).length;
	process.stdout.write(
		`Seeded ${chosen.endpoint}: ${summary.users.length} users, ${summary.groups.length} groups, ${Object.keys(summary.policies).length} managed policies (${summary.requests} requests, ${summary.elapsedMs} ms);\n` +
			`  and its organization: ${Object.keys(org.accounts).length} member accounts in OUs prod and dev, ${people} Identity Center people.\n` +
			`Open it:  AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing npx iamtui --endpoint-url ${chosen.endpoint}\n`,
	);
	return 0;
};

// Run as a script (not when a test imports seedEndpoint).
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	main().then(
		code => process.exit(code),
		(error: unknown) => {
			process.stderr.write(`seed: ${error instanceof Error ? error.message : String(error)} — is moto_server running at that address?\n`);
			process.exit(1);
		},
	);
}
