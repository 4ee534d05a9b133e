// The TUI's RSS when the Users list is shown, A/B between builds (each ROOT a checkout with dist/ built),
// run alternately so machine noise hits both alike; medians per build. Read as the bench reads it
// (first-frame.ts: VmRSS once "Users (N)" is on screen, polled every 50 ms, and SETTLE ms later):
//   npx tsx scripts/bench/rss-ab.ts --endpoint URL [--seed] --roots ROOT[|VAR=value…],ROOT… [--runs N]
//     [--from-file EXPORT] [--settle MS] [--env VAR=value]
// --endpoint: a moto holding the bench account (5,000 users…); --seed puts it there first (~4 min).
// Each moto started by hand (moto_server -H 127.0.0.1 -p PORT) is the operator's to stop.
// Environment after a '|' goes to that build only (e.g. a probe of your own, guarded by a variable).
import {mkdtempSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {assertLoopbackTarget} from '../../test/helpers/fault-proxy.js';
import {TmuxSession} from '../../test/helpers/tmux.js';
import {benchEnvironment} from './env.js';
import {median, round, sleep} from './pool.js';
import {FULL_SCALE, planAccount, seedAccount} from './seed-at-scale.js';

const {values} = parseArgs({
	options: {
		endpoint: {type: 'string'},
		seed: {type: 'boolean', default: false},
		roots: {type: 'string'},
		runs: {type: 'string', default: '3'},
		'from-file': {type: 'string'},
		settle: {type: 'string', default: '5000'},
		env: {type: 'string', multiple: true},
	},
});

const vmKb = (pid: number, name: string): number => {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
};
const assignments = (list: string[]) => Object.fromEntries(list.map(kv => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));

if (!values.roots || (!values.endpoint && !values['from-file'])) {
	console.error('usage: rss-ab.ts --endpoint URL [--seed] | --from-file EXPORT, --roots ROOT[|VAR=value…],ROOT… [--runs N] [--settle MS]');
	process.exit(2);
}
const endpoint = values.endpoint === undefined ? undefined : assertLoopbackTarget(values.endpoint).origin;
if (endpoint && values.seed) {
	const seeded = await seedAccount(endpoint, planAccount(FULL_SCALE), {concurrency: 32});
	console.log(`seeded ${seeded.calls} calls in ${round(seeded.elapsedMs / 1000)} s`);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'rss-ab-'));
// CI=0: Ink draws nothing until exit when it believes it runs in CI (as first-frame.ts).
const env: Record<string, string> = {CI: '0', CONTINUOUS_INTEGRATION: '0', ...assignments(values.env ?? [])};
for (const [name, value] of Object.entries(benchEnvironment(scratch))) if (value !== undefined) env[name] = value;
const builds = values.roots.split(',').map(spec => {
	const [root, ...vars] = spec.split('|');
	return {spec, root: path.resolve(root!), env: assignments(vars), list: [] as number[], settled: [] as number[], peak: [] as number[], shownMs: [] as number[]};
});
const users = values['from-file'] ? /Users \(\d+\)/ : new RegExp(`Users \\(${FULL_SCALE.users}\\)`);
const source = values['from-file'] ? ['--from-file', path.resolve(values['from-file'])] : ['--endpoint-url', endpoint!];

for (let run = 0; run < Number(values.runs); run++) {
	for (const build of builds) {
		const started = performance.now();
		const command = [process.execPath, path.join(build.root, 'dist', 'cli.js'), ...source];
		const session = TmuxSession.start({command, env: {...env, ...build.env}, cwd: build.root, width: 120, height: 40});
		try {
			const deadline = started + 120_000;
			while (!users.test(session.screen())) {
				if (performance.now() > deadline) throw new Error(`no Users list after 120 s:\n${session.screen()}`);
				await sleep(50);
			}
			const pid = session.pid();
			build.shownMs.push(performance.now() - started);
			build.list.push(vmKb(pid, 'VmRSS'));
			build.peak.push(vmKb(pid, 'VmHWM'));
			await sleep(Number(values.settle));
			build.settled.push(vmKb(pid, 'VmRSS'));
			console.log(`${build.spec} run ${run}: list ${round(build.list.at(-1)!)} MB (peak ${round(build.peak.at(-1)!)}), ${values.settle} ms later ${round(build.settled.at(-1)!)} MB, shown after ${Math.round(build.shownMs.at(-1)!)} ms`);
		} finally {
			session.kill();
		}
	}
}
for (const build of builds) {
	console.log(`${build.spec}: median at the list ${round(median(build.list))} MB (samples ${build.list.map(mb => Math.round(mb)).join(' ')}), peak ${round(median(build.peak))} MB, ${values.settle} ms later ${round(median(build.settled))} MB, shown after ${Math.round(median(build.shownMs))} ms`);
}
