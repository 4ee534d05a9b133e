// npm run bench [-- --quick] [--users N --groups N --policies N --roles N --runs N --moves N --filter-rounds N
// --who-can-budget SECONDS --concurrency N --out FILE]
// Starts its own moto on a free loopback port, seeds a synthetic account at scale, measures iamtui
// against the alternatives in the same run, prints a table and writes bench/results.json
// (bench/results-quick.json for --quick) with the table in Markdown beside it (results*.md, for the readme).
// moto is stopped on every exit path.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {motoAvailable, startMoto, type Moto} from '../test/helpers/moto.js';
import {awsCliBaseline} from './bench/aws-cli-baseline.js';
import {benchEnvironment} from './bench/env.js';
import {measureStart} from './bench/first-frame.js';
import {bundleChild, measureUi, measureWhoCanChild, measureWhoCanTuiChild} from './bench/children.js';
import {measureOffboarding, pickLeaver} from './bench/offboarding.js';
import {perUserBaseline} from './bench/per-user-baseline.js';
import {round} from './bench/pool.js';
import {buildResults, formatMarkdown, formatTable} from './bench/report.js';
import {FULL_SCALE, QUICK_SCALE, planAccount, plannedCalls, seedAccount, type Scale} from './bench/seed-at-scale.js';
import {measureSnapshot} from './bench/snapshot.js';
import {buildIfNeeded} from './build-if-needed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const began = performance.now();
const log = (message: string) => process.stderr.write(`bench [${Math.round((performance.now() - began) / 1000)} s]: ${message}\n`);

const {values: args} = parseArgs({
	options: {
		quick: {type: 'boolean', default: false},
		users: {type: 'string'},
		groups: {type: 'string'},
		policies: {type: 'string'},
		roles: {type: 'string'},
		runs: {type: 'string'},
		moves: {type: 'string'},
		'filter-rounds': {type: 'string'},
		concurrency: {type: 'string'},
		'who-can-budget': {type: 'string'},
		out: {type: 'string'},
	},
});
const quick = args.quick === true;
const base = quick ? QUICK_SCALE : FULL_SCALE;
const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Math.max(1, Number.parseInt(value, 10) || fallback));
const scale: Scale = {
	users: number(args.users, base.users),
	groups: number(args.groups, base.groups),
	policies: number(args.policies, base.policies),
	roles: args.roles === '0' ? 0 : number(args.roles, base.roles ?? 0),
};
const settings = {
	runs: number(args.runs, 3),
	moves: number(args.moves, quick ? 60 : 300),
	filterRounds: number(args['filter-rounds'], quick ? 1 : 5),
	cliSample: quick ? {users: 2, groups: 1} : {users: 5, groups: 2},
	seedConcurrency: number(args.concurrency, 32),
	whoCanBudgetMs: number(args['who-can-budget'], quick ? 120 : 150) * 1000,
	perUserConcurrency: 8,
};
const output = path.resolve(root, args.out ?? path.join('bench', quick ? 'results-quick.json' : 'results.json'));

// Keypress, heap and who-can run in child processes, from a bundle of the code as the CLI ships it.
const inChildren = async (moto: Moto, scratch: string) => {
	const bundled = await bundleChild(root);
	try {
		const child = {root, endpoint: moto.endpoint, scratch, script: bundled.script};
		log(`keypress and heap (child process, ${settings.moves} moves, ${settings.filterRounds} filter rounds)…`);
		const ui = await measureUi({...child, moves: settings.moves, filterRounds: settings.filterRounds});
		log(`who-can (child process, budget ${settings.whoCanBudgetMs / 1000} s)…`);
		const whoCan = await measureWhoCanChild({...child, budgetMs: settings.whoCanBudgetMs});
		log('who-can as in the TUI (child process: one model, the screen\'s warm-up, then each action)…');
		const whoCanTui = await measureWhoCanTuiChild({...child, budgetMs: settings.whoCanBudgetMs});
		return {ui, whoCan: {...whoCan, tui: whoCanTui}};
	} finally {
		bundled.dispose();
	}
};

const measure = async (moto: Moto, scratch: string) => {
	const plan = planAccount(scale);
	const total = plannedCalls(plan);
	log(`seeding ${scale.users} users, ${scale.groups} groups, ${scale.policies} policies, ${scale.roles} roles: ${total} calls, ${settings.seedConcurrency} in flight`);
	const seedStarted = performance.now();
	const seed = await seedAccount(moto.endpoint, plan, {
		concurrency: settings.seedConcurrency,
		onProgress: (done, all) => {
			const rate = done / ((performance.now() - seedStarted) / 1000);
			log(`  ${done}/${all} calls, ${Math.round(rate)}/s, about ${Math.round((all - done) / rate)} s left`);
		},
	});
	log(`seeded in ${round(seed.elapsedMs / 1000, 1)} s`);

	log('snapshot (iamtui gateway)…');
	const snapshot = await measureSnapshot(moto);
	if (snapshot.users !== scale.users) throw new Error(`the snapshot has ${snapshot.users} users, expected ${scale.users}`);
	if (snapshot.roles !== (scale.roles ?? 0)) throw new Error(`the snapshot has ${snapshot.roles} roles, expected ${scale.roles}`);
	log(`snapshot: ${snapshot.pages} GAAD page(s) for ${snapshot.entities} entities, ${Math.round(snapshot.elapsedMs)} ms`);
	log(`per-user approach (SDK, ${settings.perUserConcurrency} in flight)…`);
	const perUser = {...(await perUserBaseline(moto.endpoint, settings.perUserConcurrency)), concurrency: settings.perUserConcurrency};
	log(`aws CLI on a sample of ${settings.cliSample.users} users and ${settings.cliSample.groups} groups…`);
	const account = {users: plan.users.map(u => u.name), groups: plan.groups.map(g => g.name)};
	const awsCli = await awsCliBaseline(moto, process.env, account, settings.cliSample);
	log(`start to first frame, ${settings.runs} runs each…`);
	const start = await measureStart({root, endpoint: moto.endpoint, users: scale.users, runs: settings.runs});
	const {ui, whoCan} = await inChildren(moto, scratch);
	// Last: it deletes a user, and every measure above counts them.
	const leaver = pickLeaver(plan);
	log(`offboarding ${leaver}, given every kind of credential (iamtui offboard --yes through a counting proxy)…`);
	const offboarding = await measureOffboarding({root, endpoint: moto.endpoint, user: leaver});
	log('done');
	return buildResults({mode: quick ? 'quick' : 'full', scale, seed, snapshot, perUser, awsCli, start, ui, whoCan, offboarding});
};

const main = async (): Promise<number> => {
	if (!(await motoAvailable())) {
		log("moto_server is not on PATH (pip install 'moto[server]'); the bench needs it");
		return 1;
	}
	buildIfNeeded(root);
	const scratch = mkdtempSync(path.join(os.tmpdir(), 'iamtui-bench-'));
	// Every client and child (SDK, aws CLI, the TUI) gets dummy keys and none of the operator's AWS settings.
	Object.assign(process.env, benchEnvironment(scratch));
	for (const name of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_STS']) delete process.env[name];
	// Without AWS managed policies moto's GetAccountAuthorizationDetails stays the account's own size.
	const moto = await startMoto({loadManagedPolicies: false});
	const stop = async (code: number) => {
		await moto.stop();
		rmSync(scratch, {recursive: true, force: true});
		process.exit(code);
	};
	process.once('SIGINT', () => void stop(130));
	process.once('SIGTERM', () => void stop(143));
	try {
		log(`moto on ${moto.endpoint}`);
		const results = await measure(moto, scratch);
		mkdirSync(path.dirname(output), {recursive: true});
		writeFileSync(output, `${JSON.stringify(results, null, '\t')}\n`);
		// The Markdown table beside it, for the readme's Benchmark section.
		const markdown = output.replace(/\.json$/, '') + '.md';
		writeFileSync(markdown, `${formatMarkdown(results)}\n`);
		process.stdout.write(`${formatTable(results)}\n\nwritten: ${path.relative(root, output)}, ${path.relative(root, markdown)}\n`);
		return 0;
	} finally {
		await moto.stop();
		rmSync(scratch, {recursive: true, force: true});
	}
};

main().then(
	code => process.exit(code),
	(error: unknown) => {
		log(`failed: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	},
);
