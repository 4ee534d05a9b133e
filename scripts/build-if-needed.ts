// Builds dist/ when it is missing or older than the code it is built from (source/, the build
// scripts). The demo, the bench and the e2e tests run the built binary, like a user would; npm's
// `prepare` runs this after `npm install` / `npm ci` in a clone, so a fresh clone has a runnable
// iamtui. Run: tsx scripts/build-if-needed.ts (bundle only: `npm run build` / `npm test` type-check).
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const newestMtime = (dir: string): number => {
	let newest = 0;
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
	}
	return newest;
};

/** The files dist/ is made from: a change to any of them makes dist/ stale. */
const newestInput = (root: string): number =>
	Math.max(
		newestMtime(path.join(root, 'source')),
		...['build.ts', 'ink-patches.ts'].map(name => statSync(path.join(root, 'scripts', name)).mtimeMs),
	);

export const distIsFresh = (root: string): boolean => {
	const cli = path.join(root, 'dist', 'cli.js');
	return existsSync(cli) && statSync(cli).mtimeMs >= newestInput(root);
};

export const buildIfNeeded = (root: string, options: {typeCheck?: boolean} = {}): void => {
	if (distIsFresh(root)) return;
	const check = options.typeCheck !== false;
	process.stderr.write(`Building iamtui (${check ? 'type check, then esbuild' : 'esbuild'})…\n`);
	const args = ['--import', 'tsx', path.join(root, 'scripts', 'build.ts'), ...(check ? [] : ['--no-check'])];
	const result = spawnSync(process.execPath, args, {cwd: root, stdio: 'inherit'});
	if (result.status !== 0) throw new Error('the build failed (see the compiler output above)');
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		buildIfNeeded(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), {typeCheck: false});
	} catch (error) {
		process.stderr.write(`iamtui: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	}
}
