// Key to frame on a who-can answer of the bench account (scale as who-can-offline.ts): the real App rendered
// by Ink as the binary renders it (incremental rendering, a fake terminal stamping each write, as keypress.ts
// measures the Users list), reading the account from an export (no moto), `:whocan ACTION` asked, then the cursor
// moved down the answer (tens of thousands of lines) one key at a time, each from an idle app.
//   npx tsx scripts/bench/who-can-keys.ts [--action A] [--moves N] [--users N --groups N --policies N --roles N]
// The measurement (who-can-keys-run.ts) is bundled with the CLI's build options (React's production build, the
// patched Ink from node_modules) and run in a child process: the code an operator runs, not tsx's transpiled source.
import {execFileSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {bundleOptions} from '../build.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Under node_modules, so the packages left external resolve.
const outdir = path.join(root, 'node_modules', '.cache', `iamtui-bench-keys-${process.pid}`);
try {
	await build({...bundleOptions(), entryPoints: {'who-can-keys-run': path.join(root, 'scripts', 'bench', 'who-can-keys-run.ts')}, outdir});
	const env = {...process.env, CI: '0', CONTINUOUS_INTEGRATION: '0'};
	process.stdout.write(execFileSync(process.execPath, [path.join(outdir, 'who-can-keys-run.js'), ...process.argv.slice(2)], {cwd: root, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024}));
} finally {
	rmSync(outdir, {recursive: true, force: true});
}
