// Child process of the bench (a fresh heap, no seeding garbage). It loads the snapshot through the real
// gateway, then either (--part ui) measures heap and keypress-to-frame on the real App, or (--part
// who-can) times the who-can queries, rewriting --out after each so a cut-off run still reports, or
// (--part who-can-tui) times them as the TUI runs them (one model, warmed up by the WhoCan screen).
// Run: node --expose-gc --import tsx in-process.ts --part ui|who-can|who-can-tui --endpoint URL --out FILE …
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {createGateway} from '../../source/aws/gateway.js';
import type {IamGateway} from '../../source/model/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import {measureKeypresses, type KeypressResult} from './keypress.js';
import {benchServices} from './services.js';
import {measureWhoCan, measureWhoCanPrepared, type WhoCanTiming} from './who-can.js';

export interface UiPartResult {
	snapshotMs: number;
	users: number;
	heapUsedMb: number;
	rssMb: number;
	keypress: KeypressResult;
}

export interface WhoCanPartProgress {
	/** Epoch ms when the first query started (the parent computes how long a cut-off one ran). */
	queriesStartedAt: number;
	actions: WhoCanTiming[];
	done: boolean;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

const main = async () => {
	const {values} = parseArgs({
		options: {
			part: {type: 'string'},
			endpoint: {type: 'string'},
			out: {type: 'string'},
			moves: {type: 'string'},
			'filter-rounds': {type: 'string'},
		},
	});
	const endpoint = values.endpoint!;
	const out = values.out!;
	const gateway = createGateway({endpoint});
	const started = performance.now();
	const snapshot = await gateway.loadSnapshot();
	const snapshotMs = performance.now() - started;
	const index = buildIndex(snapshot);

	if (values.part === 'who-can-tui') {
		writeFileSync(out, JSON.stringify(await measureWhoCanPrepared(index)));
		return;
	}

	if (values.part === 'who-can') {
		const progress: WhoCanPartProgress = {queriesStartedAt: Date.now(), actions: [], done: false};
		const save = () => writeFileSync(out, JSON.stringify(progress));
		save();
		await measureWhoCan(index, actions => {
			progress.actions = actions;
			save();
		});
		progress.done = true;
		save();
		return;
	}

	(globalThis as {gc?: () => void}).gc?.();
	const memory = process.memoryUsage();
	// The App gets the loaded snapshot (the UI is measured, not moto); other calls go to moto.
	const loaded: IamGateway = new Proxy(gateway, {
		get: (target, property) => (property === 'loadSnapshot' ? async () => snapshot : Reflect.get(target, property)),
	});
	const folder = mkdtempSync(path.join(os.tmpdir(), 'iamtui-bench-store-'));
	try {
		const keypress = await measureKeypresses({
			services: benchServices(folder, loaded),
			endpoint,
			users: snapshot.users.map(u => u.name).sort(),
			moves: Number(values.moves ?? 300),
			filterRounds: Number(values['filter-rounds'] ?? 5),
		});
		const result: UiPartResult = {snapshotMs, users: snapshot.users.length, heapUsedMb: mb(memory.heapUsed), rssMb: mb(memory.rss), keypress};
		writeFileSync(out, JSON.stringify(result));
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
};

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`bench (in-process): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
