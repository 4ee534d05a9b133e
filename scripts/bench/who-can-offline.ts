// Who-can on the bench's account built in memory (plan-snapshot.ts, no moto): for profiling and quick
// before/after comparisons. Each action in a fresh process, as headless `iamtui who-can` runs it:
//   npx tsx scripts/bench/who-can-offline.ts [--users N --groups N --policies N --roles N] [--action A]
// With --action: that one query, cold then warm (median of 5), each split into the identity-only answer
// and the role paths (whoCan's two halves), and the WhoCan screen's lines built from the cold answer, printed as JSON (run it under node --cpu-prof to see
// where the time goes). Without: every bench action, each in its own child process.
// With --headless: the built binary (`npm run build` first) on the same account exported in GAAD's shape,
// `iamtui who-can ACTION --from-file` per action, wall time and peak memory of the whole process.
// With --tui: as the TUI runs it (measureWhoCanPrepared): one model, the WhoCan screen's warm-up, then
// each action's first query on it. Every figure also gives the process's CPU time, which a busy
// machine inflates far less than wall time.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {buildAccessModel} from '../../source/model/access.js';
import {rolesOf} from '../../source/model/access/roles.js';
import {whoCanDirect} from '../../source/model/access/who-can.js';
import {withRoles} from '../../source/model/access/who-can-roles.js';
import {buildIndex} from '../../source/model/indexes.js';
import {planAccount, scaleFrom} from './plan.js';
import {planSnapshot} from './plan-snapshot.js';
import {median} from './pool.js';
import {measureWhoCanPrepared, WHO_CAN_ACTIONS} from './who-can.js';
import {exportOf} from './export-bench.js';
import {whoCanLines} from '../../source/ui/screens/whocan-lines.js';

const {values} = parseArgs({options: {users: {type: 'string'}, groups: {type: 'string'}, policies: {type: 'string'}, roles: {type: 'string'}, action: {type: 'string'}, headless: {type: 'boolean'}, tui: {type: 'boolean'}}});
const scale = scaleFrom(values);

/** CPU time (user + system, every thread of the process) since `from`, in ms. */
const cpuMs = (from: NodeJS.CpuUsage) => {
	const used = process.cpuUsage(from);
	return (used.user + used.system) / 1000;
};

/** whoCan's two halves timed apart: the identity-only answer, then the role paths merged in. */
const timed = async (model: ReturnType<typeof buildAccessModel>, action: string) => {
	const cpu = process.cpuUsage();
	const started = performance.now();
	const direct = await whoCanDirect(model, action);
	const directMs = performance.now() - started;
	if (!direct.ok) throw new Error(direct.message);
	const answer = rolesOf(model).length > 0 ? await withRoles(model, direct) : direct;
	return {answer, directMs, rolesMs: performance.now() - started - directMs, cpuMs: cpuMs(cpu)};
};

const one = async (action: string) => {
	const index = buildIndex(planSnapshot(planAccount(scale)));
	const model = buildAccessModel(index);
	const cold = await timed(model, action);
	const {answer} = cold;
	// The lines the WhoCan screen draws from, made from that first answer (paths through roles still unbuilt).
	const linesStarted = performance.now();
	const lines = whoCanLines(answer, {user: () => {}, group: () => {}, role: () => {}}).length;
	const coldLinesMs = performance.now() - linesStarted;
	const warm: Array<Awaited<ReturnType<typeof timed>>> = [];
	for (let n = 0; n < 5; n++) warm.push(await timed(model, action));
	const ms = (value: number) => Math.round(value);
	const throughRoles = answer.users.filter(u => Object.hasOwn(u, 'throughRoles')).length;
	return {
		action,
		coldMs: ms(cold.directMs + cold.rolesMs),
		coldDirectMs: ms(cold.directMs),
		coldRolesMs: ms(cold.rolesMs),
		coldCpuMs: ms(cold.cpuMs),
		coldLinesMs: ms(coldLinesMs),
		lines,
		warmMs: ms(median(warm.map(w => w.directMs + w.rolesMs))),
		warmDirectMs: ms(median(warm.map(w => w.directMs))),
		warmRolesMs: ms(median(warm.map(w => w.rolesMs))),
		users: answer.users.length,
		groups: answer.groups.length,
		roles: answer.roles.length,
		throughRoles,
	};
};

/** The real binary, a fresh process per action, on an export of the account. */
const headless = () => {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'iamtui-bench-export-'));
	const file = path.join(folder, 'export.json');
	writeFileSync(file, JSON.stringify(exportOf(planSnapshot(planAccount(scale)))));
	const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
	try {
		for (const action of WHO_CAN_ACTIONS) {
			const started = performance.now();
			const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'who-can', action, '--from-file', file, '--json', '--config-dir', folder], {encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024});
			const wallMs = Math.round(performance.now() - started);
			const peakKb = Number.parseInt(run.stderr.trim().split('\n').at(-1) ?? '', 10);
			const rows = run.status === 0 ? (JSON.parse(run.stdout) as unknown[]).length : null;
			process.stdout.write(`${JSON.stringify({action, wallMs, exit: run.status, rows, peakMb: Math.round(peakKb / 1024), jsonMb: Math.round(run.stdout.length / 1e6)})}\n`);
		}
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
};

/** The TUI's road on the same account: one model, the warm-up, then each action's first query. */
const tui = async () => {
	const index = buildIndex(planSnapshot(planAccount(scale)));
	const cpu = process.cpuUsage();
	const result = await measureWhoCanPrepared(index);
	const ms = (value: number) => Math.round(value);
	const first = Object.fromEntries(result.actions.map(a => [a.action, ms(a.firstMs)]));
	process.stdout.write(`${JSON.stringify({prepareMs: ms(result.prepareMs), firstMs: first, maxFirstMs: ms(result.maxFirstMs), cpuMs: ms(cpuMs(cpu))})}\n`);
};

if (values.headless) headless();
else if (values.tui) await tui();
else if (values.action) process.stdout.write(`${JSON.stringify(await one(values.action))}\n`);
else {
	const script = fileURLToPath(import.meta.url);
	const sizes = Object.entries(scale).flatMap(([key, value]) => [`--${key}`, String(value)]);
	for (const action of WHO_CAN_ACTIONS) {
		process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', script, ...sizes, '--action', action], {encoding: 'utf8'}));
	}
}
