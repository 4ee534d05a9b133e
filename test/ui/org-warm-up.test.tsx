// On the who-can screen with the organization open, every loaded account's model is readied in the background for
// org-wide who-can (org-prepare.ts), on the models the answers then use; `r` there stops that warm-up and starts one
// on the accounts read again. Browsing the organization alone builds no model. The App against the W10
// organization in moto; the warm-up itself is the real one, its calls recorded.
import {expect, it, vi} from 'vitest';
import type {AccessModel} from '../../source/model/access.js';
import * as prepare from '../../source/model/org/org-prepare.js';
import {jump} from '../helpers/moto-app.js';
import {orgAppHarness} from '../helpers/org-app.js';
import {useSeededOrgMoto} from '../helpers/org-moto.js';
import {keys} from '../helpers/render.js';
import {describeWithMoto} from '../helpers/with-moto.js';

vi.mock('../../source/model/org/org-prepare.js', async importOriginal => {
	const real = await importOriginal<typeof prepare>();
	return {prepareOrgWhoCan: vi.fn(real.prepareOrgWhoCan)};
});

describeWithMoto('the organization warms its accounts up for org-wide who-can (moto, W10 organization)', () => {
	const org = useSeededOrgMoto();
	const app = orgAppHarness();

	it('readies each loaded account on :whocan once the organization is open; r stops it and starts again on the accounts read anew, whose models are their own', async () => {
		const warmUp = vi.mocked(prepare.prepareOrgWhoCan);
		warmUp.mockClear();
		const {tui} = app.start({endpoint: org.moto().endpoint, columns: 150, rows: 30});
		await tui.waitFor('Users (1)');
		expect(warmUp).not.toHaveBeenCalled();
		await jump(tui, 'accounts', /3 of 5 accounts loaded/);
		// Browsing the accounts builds no model: only a who-can question needs them.
		await new Promise(resolve => setTimeout(resolve, 200));
		expect(warmUp).not.toHaveBeenCalled();
		await jump(tui, 'whocan ec2:TerminateInstances', 'Who can…');
		await vi.waitFor(() => expect(warmUp).toHaveBeenCalledTimes(1));
		const [opened, modelOf, signal] = warmUp.mock.calls[0]!;
		const loaded = opened.accounts.filter(a => a.load.kind === 'loaded');
		expect(loaded.map(a => a.account.name).sort()).toEqual(['master', 'workload-dev', 'workload-prod']);
		// Every loaded account's model is built and readied: its who-can index is there before any question.
		const models = () => loaded.map(a => (a.load.kind === 'loaded' ? modelOf(a.account.id, a.load.snapshot) : undefined)) as AccessModel[];
		await vi.waitFor(() => expect(models().every(model => model.whoCanIndex !== undefined)).toBe(true), {timeout: 20_000});
		expect(signal.aborted).toBe(false);

		// On the org-wide answer, r reads the organization again: the first warm-up is stopped, another runs on the accounts read anew.
		tui.write('o');
		await tui.waitFor('across the organization: 5 accounts', {timeoutMs: 20_000});
		tui.write('r');
		await vi.waitFor(() => expect(warmUp).toHaveBeenCalledTimes(2));
		expect(signal.aborted).toBe(true);
		const [again] = warmUp.mock.calls[1]!;
		expect(again).not.toBe(opened);
		// A question or warm-up still running on the first read asks for an account's model from its old snapshot:
		// that model is the old read's, and the account read anew gets one of its own (not the stale one).
		const dev = (outcomes: typeof opened.accounts) => outcomes.find(a => a.account.name === 'workload-dev')!.load;
		const [before, after] = [dev(opened.accounts), dev(again.accounts)];
		if (before.kind !== 'loaded' || after.kind !== 'loaded') throw new Error('workload-dev not loaded');
		const id = org.seeded().accounts.dev;
		expect(modelOf(id, before.snapshot).index.snapshot).toBe(before.snapshot);
		expect(modelOf(id, after.snapshot).index.snapshot).toBe(after.snapshot);
		tui.write(keys.escape);
	}, 60_000);
});
