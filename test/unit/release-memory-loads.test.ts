// The TUI's connect collects the load's garbage as each snapshot arrives, before the list is drawn
// (release-memory.ts): checked through the offline gateway on the demo export, the collector observed.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {offlineGateway} from '../../source/aws/lazy-gateway.js';
import {collectGarbage, collectingAfterLoads} from '../../source/release-memory.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const demoExport = path.join(root, 'demo', 'demo-account.json');

describe('collectingAfterLoads', () => {
	it('collects once the snapshot has loaded, before the caller gets it', async () => {
		const events: string[] = [];
		const connect = collectingAfterLoads(() => offlineGateway([demoExport]), () => events.push('collected'));
		const gateway = connect({}, {});
		expect(events).toEqual([]);
		const snapshot = await gateway.loadSnapshot();
		events.push(`handed ${snapshot.users.length} users`);
		expect(snapshot.users.length).toBeGreaterThan(0);
		expect(events).toEqual(['collected', `handed ${snapshot.users.length} users`]);
	});

	it('collects for no other operation, nor for a load that fails, and keeps the gateway read-only', async () => {
		let collections = 0;
		const connect = collectingAfterLoads(() => offlineGateway([demoExport]), () => collections++);
		const gateway = connect({}, {});
		expect(gateway.readOnly).toBe(true);
		await gateway.callerIdentity();
		expect(collections).toBe(0);
		const missing = collectingAfterLoads(() => offlineGateway([path.join(root, 'no-such-export.json')]), () => collections++)({}, {});
		await expect(missing.loadSnapshot()).rejects.toThrow(/cannot read the export/);
		expect(collections).toBe(0);
	});
});

it('collectGarbage runs a full collection at once: an unreferenced object is freed before it returns', async () => {
	const weak = (() => new WeakRef({payload: new Array(100_000).fill('load garbage')}))();
	// A WeakRef's target lives to the end of the job that made it: collect on a later turn.
	await new Promise(resolve => setImmediate(resolve));
	collectGarbage();
	expect(weak.deref()).toBeUndefined();
});
