// The benchmark's pieces, end to end at the quick size: the table is printed and the results file
// holds every figure, positive, with its ratios and targets. No timing thresholds: machines are noisy.
import {execFile, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {describeWithMoto} from '../helpers/with-moto.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const onPath = (command: string, arg: string) => spawnSync(command, [arg], {stdio: 'ignore'}).status === 0;
const tools = onPath('aws', '--version') && onPath('tmux', '-V');

/** Every number in the object tree, with its path. */
const numbers = (value: unknown, at = ''): Array<[string, number]> =>
	typeof value === 'number'
		? [[at, value]]
		: value && typeof value === 'object'
			? Object.entries(value).flatMap(([key, child]) => numbers(child, at ? `${at}.${key}` : key))
			: [];

describeWithMoto('npm run bench -- --quick', () => {
	if (!tools) console.warn('\n*** SKIPPED the bench test: it needs the aws CLI and tmux on PATH ***\n');
	const scratch = mkdtempSync(path.join(os.tmpdir(), 'iamtui-bench-test-'));
	const out = path.join(scratch, 'results-quick.json');
	let stdout = '';
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, read field by field
	let results: Record<string, any>;

	beforeAll(async () => {
		if (!tools) return;
		// The test suite builds first (npm test); the bench itself rebuilds only when dist is stale.
		const done = await run(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--quick', '--out', out], {
			cwd: root,
			env: {...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
			timeout: 170_000,
			maxBuffer: 16 * 1024 * 1024,
		});
		stdout = done.stdout;
		results = JSON.parse(readFileSync(out, 'utf8'));
	}, 180_000);
	afterAll(() => rmSync(scratch, {recursive: true, force: true}));

	it.skipIf(!tools)('prints the table with every measure', () => {
		for (const row of [
			'Snapshot: API calls',
			'Snapshot: time',
			'Snapshot vs aws CLI: time',
			'extrapolated',
			'Start to first frame',
			'Users list drawn, in process',
			'Keypress→frame: all p50/p99',
			'Who-can lightsail:*',
			'Who-can as in the TUI: slowest first query',
			'Memory: TUI RSS',
			'Offboarding: API calls',
			'Offboarding: after the snapshot',
			'targets: ',
		]) {
			expect(stdout).toContain(row);
		}
	});

	it.skipIf(!tools)('writes the quick results with every figure present and positive', () => {
		expect(existsSync(out)).toBe(true);
		expect(results.mode).toBe('quick');
		expect(results.scale).toEqual({users: 60, groups: 10, policies: 20, roles: 20});
		expect(results.machine.cores).toBeGreaterThan(0);
		expect(results.machine.node).toBe(process.version);
		const figures = [
			results.seed.calls,
			results.snapshot.iamtui.calls,
			results.snapshot.iamtui.ms,
			results.snapshot.perUserSdk.calls,
			results.snapshot.perUserSdk.ms,
			results.snapshot.awsCli.measuredPerUserMs,
			results.snapshot.awsCli.extrapolatedMs,
			results.snapshot.awsCli.extrapolatedCalls,
			results.firstFrame.iamtuiFirstFrameMs,
			results.firstFrame.iamtuiUsersShownMs,
			results.firstFrame.awsCliFirstOutputMs,
			results.keypress.moveP50Ms,
			results.keypress.moveP99Ms,
			results.keypress.filterP50Ms,
			results.keypress.filterP99Ms,
			results.keypress.allP99Ms,
			results.keypress.listShownMs,
			results.whoCan.maxColdMs,
			results.whoCan.tui.prepareMs,
			results.whoCan.tui.maxFirstMs,
			results.memory.tuiRssMb,
			results.memory.heapUsedMb,
			results.offboarding.calls.total,
			results.offboarding.calls.writes,
			results.offboarding.calls.userReads,
			results.offboarding.afterSnapshot,
			results.offboarding.planSteps,
			results.offboarding.minimum.total,
			results.offboarding.ms,
		];
		for (const figure of figures) {
			expect(typeof figure).toBe('number');
			expect(figure).toBeGreaterThan(0);
		}
		// No figure anywhere is missing, NaN or negative (extra frames and an idle machine's load may be zero).
		for (const [at, value] of numbers(results)) {
			expect(Number.isFinite(value), at).toBe(true);
			if (at !== 'keypress.extraFrames' && !at.startsWith('machine.loadAverage') && !at.startsWith('offboarding.calls.')) expect(value, at).toBeGreaterThan(0);
		}
		expect(results.whoCan.actions.map((a: {action: string}) => a.action)).toEqual([
			'ec2:TerminateInstances',
			's3:GetObject',
			'iam:CreateUser',
			'sts:AssumeRole',
			'lightsail:*',
		]);
		expect(results.snapshot.iamtui.users).toBe(60);
		expect(results.snapshot.perUserSdk.users).toBe(60);
		expect(results.whoCan.timedOut).toBe(false);
		// The TUI path answers the same five actions, with the same principals as the fresh-model queries.
		expect(results.whoCan.tui.actions.map((a: {action: string; users: number}) => [a.action, a.users])).toEqual(
			results.whoCan.actions.map((a: {action: string; users: number}) => [a.action, a.users]),
		);
	});

	it.skipIf(!tools)('counts the offboarding of a fully loaded user against the minimum its plan needs', () => {
		const o = results.offboarding;
		// The user had every kind of thing DeleteUser refuses to leave behind.
		for (const kind of ['groups', 'accessKeys', 'loginProfile', 'mfaDevices', 'signingCertificates', 'sshPublicKeys', 'tags']) expect(o.had[kind], kind).toBeGreaterThan(0);
		expect(o.had.accessKeys).toBe(2);
		// Every counted request is in the breakdown, and per action.
		expect(o.calls.identity + o.calls.snapshot + o.calls.userReads + o.calls.writes).toBe(o.calls.total);
		expect(Object.values(o.calls.byAction as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(o.calls.total);
		expect(o.calls.byAction.DeleteUser).toBe(1);
		// One write per plan step: each key deactivated then deleted, the MFA device deactivated and deleted, …
		expect(o.calls.writes).toBe(o.planSteps);
		expect(o.planSteps).toBe(2 * o.had.accessKeys + o.had.loginProfile + 2 * o.had.mfaDevices + o.had.signingCertificates + o.had.sshPublicKeys + o.had.groups + o.had.attachedPolicies + o.had.inlinePolicies + 1);
		expect(o.minimum).toEqual({total: 9 + o.planSteps, reads: 9, writes: o.planSteps});
		expect(o.calls.total).toBeGreaterThanOrEqual(o.minimum.total);
		expect(results.ratios.offboardingCallsVsMinimum).toBeCloseTo(o.calls.total / o.minimum.total, 3);
		expect(results.ratios.offboardingCallsAfterSnapshotVsMinimum).toBeCloseTo(o.afterSnapshot / o.minimum.total, 3);
	});

	it.skipIf(!tools)('computes the ratios and a verdict for every target', () => {
		const s = results.snapshot;
		expect(results.ratios.snapshotCallsVsPerUser).toBeCloseTo(s.iamtui.calls / s.perUserSdk.calls, 3);
		expect(results.ratios.snapshotTimeVsPerUser).toBeCloseTo(s.iamtui.ms / s.perUserSdk.ms, 2);
		expect(results.ratios.firstFrameVsAwsCli).toBeCloseTo(results.firstFrame.iamtuiFirstFrameMs / results.firstFrame.awsCliFirstOutputMs, 2);
		for (const name of ['snapshotCallsVsAwsCliExtrapolated', 'snapshotTimeVsAwsCliExtrapolated', 'usersShownVsAwsCli']) {
			expect(results.ratios[name]).toBeGreaterThan(0);
		}
		expect(results.targets.map((t: {id: string}) => t.id)).toEqual(['snapshot-calls', 'snapshot-time', 'snapshot-pages', 'first-frame', 'keypress-p99', 'who-can', 'who-can-warm', 'who-can-tui', 'rss', 'offboarding-calls']);
		for (const target of results.targets) {
			expect(typeof target.pass).toBe('boolean');
			expect(target.pass).toBe(target.value <= target.limit);
		}
	});
});
