// npm run demo: the TUI against a local, seeded IAM (moto_server on a free loopback port).
// moto is stopped on every exit path: q, Ctrl-C, SIGTERM, a crash.
import {spawn} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {motoAvailable, startMoto} from '../test/helpers/moto.js';
import {buildIfNeeded} from './build-if-needed.js';

// The seed loads the AWS SDK, which warns about Node 20 on load; the CLI silences it the same way.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MOTO_MISSING = `npm run demo needs moto_server, the local AWS emulator (moto, a Python package), and it is not on your PATH.
Install it with:   pip install 'moto[server]'   (or: pipx install 'moto[server]')
Then run npm run demo again. To use a real account instead: npx iamtui --profile NAME
`;

// The emulator accepts any key; drop the operator's own AWS settings so nothing real is used.
const demoEnvironment = (configDir: string): NodeJS.ProcessEnv => {
	const env: NodeJS.ProcessEnv = {...process.env, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', IAMTUI_CONFIG_DIR: configDir};
	for (const name of ['AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_STS']) delete env[name];
	return env;
};

const main = async (): Promise<number> => {
	if (!(await motoAvailable())) {
		process.stderr.write(MOTO_MISSING);
		return 1;
	}
	buildIfNeeded(root);
	process.stderr.write('Starting moto_server and seeding the demo account…\n');
	const moto = await startMoto({loadManagedPolicies: true});
	try {
		const {seedDemoAccount} = await import('./seed.js');
		await seedDemoAccount(moto.endpoint);
		// A throwaway config store, so the demo's endpoint never lands in the operator's own profiles.
		const configDir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-demo-'));
		const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), '--endpoint-url', moto.endpoint, ...process.argv.slice(2)], {
			stdio: 'inherit',
			env: demoEnvironment(configDir),
		});
		// Ctrl-C reaches the TUI directly (same terminal); the demo waits for it to exit, then cleans up.
		process.on('SIGINT', () => {});
		process.on('SIGTERM', () => child.kill('SIGTERM'));
		return await new Promise<number>(resolve => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
	} finally {
		await moto.stop();
	}
};

main().then(
	code => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	},
);
