// The child of who-can-keys.ts, run from its bundle: the App on the bench account's export, `:whocan ACTION`,
// then key to frame for each cursor move down the answer; one line of JSON on stdout.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {createElement} from 'react';
import {App} from '../../source/app.js';
import {openFileGateway} from '../../source/aws/file-gateway.js';
import {FakeStdin} from '../../test/helpers/fake-stdin.js';
import {exportOf} from './export-bench.js';
import {FakeStdout, frameWatcher, renderAsTheBinary} from './keypress.js';
import {planAccount, scaleFrom} from './plan.js';
import {planSnapshot} from './plan-snapshot.js';
import {percentile, sleep} from './pool.js';
import {benchServices} from './services.js';

const {values} = parseArgs({
	options: {
		action: {type: 'string', default: 's3:GetObject'},
		moves: {type: 'string', default: '200'},
		users: {type: 'string'},
		groups: {type: 'string'},
		policies: {type: 'string'},
		roles: {type: 'string'},
	},
});
const scale = scaleFrom(values);
const DOWN = '\u001B[B';
/** More than Ink's 33 ms render throttle: each key starts from an idle app, as a person typing. */
const GAP_MS = 40;

const measure = async () => {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'iamtui-bench-keys-'));
	const file = path.join(folder, 'export.json');
	writeFileSync(file, JSON.stringify(exportOf(planSnapshot(planAccount(scale)))));
	const stdout = new FakeStdout();
	const {frame, nextFrame} = frameWatcher(stdout);
	const stdin = new FakeStdin();
	const services = benchServices(folder, openFileGateway([file]));
	const instance = renderAsTheBinary(createElement(App, {services, initial: {profile: 'bench', offline: true, readOnly: true}}), stdout, stdin);
	try {
		await nextFrame(shown => shown.includes(`Users (${scale.users})`), 120_000);
		await sleep(300);
		// "Users who can s3:GetObject on * (N)", or for a pattern "Users who can do any of the 161 actions on * (N)".
		const answered = /Users who can .+ on \S+ \((\d+)\)/;
		const asked = nextFrame(shown => answered.test(shown), 120_000);
		stdin.write(':');
		await sleep(100);
		stdin.write(`whocan ${values.action}`);
		await sleep(100);
		stdin.write('\r');
		await asked;
		await sleep(1000);
		const users = answered.exec(frame())?.[1];
		const times: number[] = [];
		for (let n = 0; n < Number.parseInt(values.moves, 10); n++) {
			const before = frame();
			const shown = nextFrame(next => next !== before);
			const started = performance.now();
			stdin.write(DOWN);
			times.push((await shown) - started);
			await sleep(GAP_MS);
		}
		const ms = (value: number) => Number(value.toFixed(1));
		return {action: values.action, users: Number(users), moves: times.length, p50Ms: ms(percentile(times, 50)), p90Ms: ms(percentile(times, 90)), p99Ms: ms(percentile(times, 99))};
	} finally {
		instance.unmount();
		rmSync(folder, {recursive: true, force: true});
	}
};

process.stdout.write(`${JSON.stringify(await measure())}\n`);
process.exit(0);
