// Runs the in-process measurements in child processes: a fresh heap each, the code bundled as the CLI
// is, and CI unset so Ink draws frames (it prints only the last one when it believes it runs in CI).
// Who-can has a time budget.
import {execFile} from 'node:child_process';
import {existsSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {build} from 'esbuild';
import {bundleOptions} from '../build.js';
import type {UiPartResult, WhoCanPartProgress} from './in-process.js';
import {cutOff, type PreparedWhoCanResult, type WhoCanResult} from './who-can.js';

interface ChildOptions {
	root: string;
	endpoint: string;
	scratch: string;
	/** The bundled in-process.ts (bundleChild). */
	script: string;
}

/**
 * The in-process measurements run from a bundle made with the CLI's own build options (React's
 * production build, Ink's kept output caches): the code an operator runs, not tsx's transpiled source.
 * Written under node_modules/.cache so the packages left external resolve.
 */
export const bundleChild = async (root: string): Promise<{script: string; dispose(): void}> => {
	const outdir = path.join(root, 'node_modules', '.cache', `iamtui-bench-${process.pid}`);
	const dispose = () => rmSync(outdir, {recursive: true, force: true});
	dispose();
	await build({...bundleOptions(), entryPoints: {'in-process': path.join(root, 'scripts', 'bench', 'in-process.ts')}, outdir});
	return {script: path.join(outdir, 'in-process.js'), dispose};
};

const runChild = (options: ChildOptions, part: string, extra: string[], timeoutMs: number): Promise<{out: string; timedOut: boolean}> => {
	const out = path.join(options.scratch, `${part}.json`);
	const args = ['--expose-gc', options.script, '--part', part, '--endpoint', options.endpoint, '--out', out, ...extra];
	return new Promise((resolve, reject) => {
		const child = execFile(
			process.execPath,
			args,
			{cwd: options.root, env: {...process.env, CI: '0', CONTINUOUS_INTEGRATION: '0'}, maxBuffer: 64 * 1024 * 1024},
			(error, _stdout, stderr) => {
				clearTimeout(timer);
				if (timedOut) resolve({out, timedOut});
				else if (error) reject(new Error(`the ${part} measurements failed: ${stderr.trim() || error.message}`));
				else resolve({out, timedOut});
			},
		);
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
	});
};

export const measureUi = async (options: ChildOptions & {moves: number; filterRounds: number}): Promise<UiPartResult> => {
	const extra = ['--moves', String(options.moves), '--filter-rounds', String(options.filterRounds)];
	const {out, timedOut} = await runChild(options, 'ui', extra, 10 * 60_000);
	if (timedOut) throw new Error('the keypress measurements did not finish within 10 minutes');
	return JSON.parse(readFileSync(out, 'utf8')) as UiPartResult;
};

/** Who-can under a budget: a query still running when it is spent is reported as at least that long. */
export const measureWhoCanChild = async (options: ChildOptions & {budgetMs: number}): Promise<WhoCanResult & {budgetMs: number}> => {
	const {out, timedOut} = await runChild(options, 'who-can', [], options.budgetMs);
	if (!existsSync(out)) throw new Error(`who-can: the snapshot did not even load within ${options.budgetMs / 1000} s`);
	const progress = JSON.parse(readFileSync(out, 'utf8')) as WhoCanPartProgress;
	const stoppedAt = Date.now();
	if (!timedOut && !progress.done) throw new Error('who-can: the child ended without finishing');
	return {...cutOff(progress.actions, progress.done ? 0 : stoppedAt - progress.queriesStartedAt), budgetMs: options.budgetMs};
};

/** Who-can as the TUI runs it (measureWhoCanPrepared), in its own fresh process, under the same budget. */
export const measureWhoCanTuiChild = async (options: ChildOptions & {budgetMs: number}): Promise<PreparedWhoCanResult> => {
	const {out, timedOut} = await runChild(options, 'who-can-tui', [], options.budgetMs);
	// Over budget: reported as at least the budget (a MISS), not a failed bench.
	if (timedOut || !existsSync(out)) return {prepareMs: Number.NaN, actions: [], maxFirstMs: options.budgetMs, timedOut: true};
	return JSON.parse(readFileSync(out, 'utf8')) as PreparedWhoCanResult;
};
