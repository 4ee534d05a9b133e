// Issue 16 item 1: what a user installs works. The package as npm publishes it (npm pack) is installed
// globally into a temporary prefix, from the tarball, and the installed `iamtui` answers --help and a
// headless `users` against moto. The npm cache filled by `npm ci` serves the two runtime dependencies
// (--prefer-offline); the packed package must hold dist/ and templates/, and its runtime dependencies
// must be exactly what the bundle leaves external.
import {execFile} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {CreateUserCommand, IAMClient} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {EXTERNAL} from '../../scripts/build.js';
import {cliPath, motoEnvironment, root} from '../helpers/cli.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const createUser = async (endpoint: string, name: string): Promise<void> => {
	const iam = new IAMClient({endpoint, region: 'us-east-1', credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
	await iam.send(new CreateUserCommand({UserName: name}));
};

const userNames = (stdout: string): string[] => (JSON.parse(stdout) as {UserName: string}[]).map(user => user.UserName).sort();

describeWithMoto('install: npm pack, then npm install -g of the tarball', () => {
	let moto: Moto;
	let dir: string;
	let prefix: string;
	let packed: string[];

	beforeAll(async () => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-install-'));
		prefix = path.join(dir, 'prefix');
		// The tarball of the dist/ that `npm test` just built (no prepare run: the tree is already built).
		readFileSync(cliPath);
		const {stdout} = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {cwd: root});
		packed = (JSON.parse(stdout) as {files: {path: string}[]}[])[0]!.files.map(file => file.path);
		const tarball = readdirSync(dir).find(name => /^iamtui-.*\.tgz$/.test(name))!;
		await run(npm, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(dir, tarball)], {
			cwd: dir,
			timeout: 90_000,
		});
		moto = await startMoto();
	}, 120_000);
	afterAll(async () => {
		await moto?.stop();
		rmSync(dir, {recursive: true, force: true});
	});

	it('the package holds the bundle and the templates, and depends only on what the bundle leaves out', () => {
		expect(packed).toContain('dist/cli.js');
		expect(packed).toContain('templates/iamtui-read-only.json');
		expect(packed.filter(file => !/^(dist|templates)\//.test(file)).sort()).toEqual(['LICENSE', 'package.json', 'readme.md']);
		const manifest = JSON.parse(readFileSync(path.join(prefix, 'lib', 'node_modules', 'iamtui', 'package.json'), 'utf8')) as {
			dependencies: Record<string, string>;
		};
		const bundledOut = EXTERNAL.filter(name => name !== 'react-devtools-core');
		expect(Object.keys(manifest.dependencies).sort()).toEqual([...bundledOut].sort());
	});

	it('the installed iamtui answers --help and a headless users against moto', async () => {
		const iamtui = path.join(prefix, 'bin', 'iamtui');
		const env = motoEnvironment();
		const help = await run(iamtui, ['--help'], {env});
		expect(help.stdout).toContain('Interactive terminal account manager for AWS IAM');

		await createUser(moto.endpoint, 'installed-alice');
		const users = await run(iamtui, ['--endpoint-url', moto.endpoint, 'users', '--json'], {env});
		expect(userNames(users.stdout)).toContain('installed-alice');
	});
});

describeWithMoto('install: a fresh clone, then npm install', () => {
	let moto: Moto;
	let clone: string;

	beforeAll(async () => {
		// A clean clone of this tree: the files git would commit, as they are now; no node_modules, no dist/.
		clone = mkdtempSync(path.join(os.tmpdir(), 'iamtui-clone-'));
		const {stdout} = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: root, maxBuffer: 16 * 1024 * 1024});
		for (const file of stdout.split('\0').filter(Boolean)) {
			if (!existsSync(path.join(root, file))) continue;
			mkdirSync(path.dirname(path.join(clone, file)), {recursive: true});
			cpSync(path.join(root, file), path.join(clone, file));
		}
		// The readme's step; the lockfile's packages come from the cache `npm ci` filled.
		await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund'], {cwd: clone, timeout: 150_000});
		moto = await startMoto();
	}, 180_000);
	afterAll(async () => {
		await moto?.stop();
		rmSync(clone, {recursive: true, force: true});
	});

	it('npx iamtui --help and npx iamtui --endpoint-url … users work, as the readme says', async () => {
		const env = {...motoEnvironment(), PATH: process.env.PATH ?? ''};
		const help = await run(npm, ['exec', '--offline', '--', 'iamtui', '--help'], {cwd: clone, env});
		expect(help.stdout).toContain('Interactive terminal account manager for AWS IAM');
		await createUser(moto.endpoint, 'cloned-bob');
		const users = await run(npm, ['exec', '--offline', '--', 'iamtui', '--endpoint-url', moto.endpoint, 'users', '--json'], {cwd: clone, env});
		expect(userNames(users.stdout)).toContain('cloned-bob');
		const direct = await run(process.execPath, [path.join(clone, 'dist', 'cli.js'), '--endpoint-url', moto.endpoint, 'users', '--json'], {env});
		expect(userNames(direct.stdout)).toContain('cloned-bob');
	});
});
