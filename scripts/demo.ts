// npm run demo: the TUI against a local, seeded IAM (moto_server on a free loopback port).
// moto is stopped on every exit path: q, Ctrl-C, SIGTERM, a closed terminal, a crash. The demo's config
// store, journal and records live in one folder it names at start and removes at exit (--keep keeps it).
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {motoAvailable, startMoto} from '../test/helpers/moto.js';
import {buildIfNeeded} from './build-if-needed.js';

// The seed loads the AWS SDK, which warns about Node 20 on load; the CLI silences it the same way.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const OFFLINE_EXPORT = `the bundled export of the demo account: offline and READ-ONLY (no writes, no access keys or MFA details).`;
const MOTO_MISSING = `moto_server, the local AWS emulator (moto, a Python package), is not on your PATH, so the demo opens
${OFFLINE_EXPORT}
For the live demo install it:   pip install 'moto[server]'   (or: pipx install 'moto[server]')   and run npm run demo again.
To use a real account instead: npx iamtui --profile NAME
`;
const OFFLINE_ASKED = `Offline, as asked (--offline): the demo opens ${OFFLINE_EXPORT}
`;
/** Demo flags; everything else on the command line goes to iamtui. */
const DEMO_FLAGS = ['--offline', '--keep'];
const DEMO_EXPORT = path.join(root, 'demo', 'demo-account.json');

// The emulator accepts any key; drop the operator's own AWS settings so nothing real is used.
const demoEnvironment = (configDir: string): NodeJS.ProcessEnv => {
	const env: NodeJS.ProcessEnv = {...process.env, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', IAMTUI_CONFIG_DIR: configDir, IAMTUI_DEMO: '1'};
	for (const name of ['AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_STS']) delete env[name];
	return env;
};

/** The operator reads the notice before the TUI takes the screen (skipped without a terminal). */
const waitForEnter = (): Promise<void> =>
	new Promise(resolve => {
		if (!process.stdin.isTTY) return resolve();
		process.stderr.write('Press enter to open it… ');
		process.stdin.once('data', () => {
			process.stdin.pause();
			resolve();
		});
	});

// A throwaway config store (configDir), so the demo's endpoint never lands in the operator's own profiles.
const runTui = async (args: string[], configDir: string): Promise<number> => {
	const extra = process.argv.slice(2).filter(arg => !DEMO_FLAGS.includes(arg));
	const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args, ...extra], {stdio: 'inherit', env: demoEnvironment(configDir)});
	tui = child;
	return new Promise<number>(resolve => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
};

const keep = process.argv.includes('--keep');

/** The TUI, once it runs; the folder, once made. */
let tui: ChildProcess | undefined;
let folder: string | undefined;

// While the TUI runs, Ctrl-C is its own (the same terminal sends it there; it may ask first) and SIGTERM
// or a closed terminal's SIGHUP is passed on: the demo waits for it to exit, then cleans up. Before it
// runs (moto starting, the seed, the offline notice's prompt) they end the demo at once; by default they
// skipped the clean-up and left the folder in the temp folder. process.exit runs moto's exit hook (killed).
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 143]] as const)
	process.on(signal, () => {
		if (tui) {
			if (signal !== 'SIGINT') tui.kill(signal);
			return;
		}
		if (folder && !keep) rmSync(folder, {recursive: true, force: true});
		process.exit(code);
	});

/** Where this demo's config store, journal and records are, and how to read them after. */
const folderNotice = (configDir: string): string =>
	`Demo folder (config, journal, records): ${configDir}\n` +
	(keep
		? `  kept after the demo (--keep); read it with: npx iamtui journal --config-dir ${configDir}\n`
		: '  removed when the demo ends (npm run demo -- --keep keeps it)\n');

const live = async (configDir: string): Promise<number> => {
	process.stderr.write('Starting moto_server and seeding the demo account and its organization…\n');
	const moto = await startMoto({loadManagedPolicies: true});
	try {
		const {seedDemoAccount} = await import('./seed.js');
		await seedDemoAccount(moto.endpoint);
		// The demo account is also the management account of a small organization (W10), so :accounts,
		// :people and o on :whocan have something to open.
		const {seedDemoOrganization} = await import('./seed-org.js');
		await seedDemoOrganization(moto.endpoint);
		process.stderr.write(`moto_server (the demo account, on loopback only): ${moto.endpoint}\n${folderNotice(configDir)}`);
		return await runTui(['--endpoint-url', moto.endpoint], configDir);
	} finally {
		await moto.stop();
	}
};

const main = async (): Promise<number> => {
	buildIfNeeded(root);
	const configDir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-demo-'));
	folder = configDir;
	try {
		const asked = process.argv.includes('--offline');
		if (!asked && (await motoAvailable())) return await live(configDir);
		process.stderr.write((asked ? OFFLINE_ASKED : MOTO_MISSING) + folderNotice(configDir));
		await waitForEnter();
		return await runTui(['--from-file', DEMO_EXPORT], configDir);
	} finally {
		if (keep) process.stderr.write(`The demo folder was kept: ${configDir}\n`);
		else rmSync(configDir, {recursive: true, force: true});
	}
};

main().then(
	code => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	},
);
