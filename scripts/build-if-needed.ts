// Builds dist/ when it is missing or older than any file under source/ (the demo and the e2e tests
// run the built binary, like a user would).
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';

const newestMtime = (dir: string): number => {
	let newest = 0;
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
	}
	return newest;
};

export const buildIfNeeded = (root: string): void => {
	const cli = path.join(root, 'dist', 'cli.js');
	if (existsSync(cli) && statSync(cli).mtimeMs >= newestMtime(path.join(root, 'source'))) return;
	process.stderr.write('Building iamtui (npm run build: type check, then esbuild)…\n');
	const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build.ts')], {cwd: root, stdio: 'inherit'});
	if (result.status !== 0) throw new Error('the build failed (see the compiler output above)');
};
