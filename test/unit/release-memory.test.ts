// After a snapshot load the TUI runs one full collection (release-memory.ts), which an idle process
// never does by itself. Checked by what a full collection must do: free an object nothing refers to.
import {expect, it} from 'vitest';
import {releaseLoadGarbage} from '../../source/release-memory.js';

it('runs a full garbage collection on the next turn: an unreferenced object is freed', async () => {
	const weak = (() => new WeakRef({payload: new Array(100_000).fill('load garbage')}))();
	// (Without the call it survives this test: no collection is due in 20 ms on its own — checked.)
	releaseLoadGarbage();
	await new Promise(resolve => setTimeout(resolve, 20));
	expect(weak.deref()).toBeUndefined();
});
