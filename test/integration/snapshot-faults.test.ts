// Issue 9, item 2 (first part): the snapshot loaded through the fault proxy — throttling, HTTP 500
// and dropped connections — equals the clean one, the progress shows the retries, and past the retry
// budget loadSnapshot rejects with a Throttled IamError instead of handing back half an account.
import {afterAll, afterEach, beforeAll, expect, it, vi} from 'vitest';
import {seedDemoAccount, type SeedSummary} from '../../scripts/seed.js';
import {createGateway} from '../../source/aws/gateway.js';
import {IamError} from '../../source/model/errors.js';
import type {AccountSnapshot, SnapshotProgress} from '../../source/model/snapshot.js';
import {startFaultProxy, type FaultProxy, type FaultProxyOptions} from '../helpers/fault-proxy.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const BUDGET = 3;
const LOADS = 6;

/** The snapshot without what legitimately differs between two loads. */
const comparable = (snapshot: AccountSnapshot) => ({
	users: snapshot.users,
	groups: snapshot.groups,
	policies: snapshot.policies,
	memberships: snapshot.users.map(u => `${u.name}:${[...u.groups].sort().join(',')}`).sort(),
	credentialReport:
		snapshot.credentialReport.status === 'ok'
			? {status: 'ok', rows: snapshot.credentialReport.rows}
			: snapshot.credentialReport,
});

describeWithMoto('snapshot through the fault proxy', () => {
	let moto: Moto;
	let seeded: SeedSummary;
	let clean: AccountSnapshot;
	const proxies: FaultProxy[] = [];
	const proxy = async (options: Omit<FaultProxyOptions, 'target'>): Promise<FaultProxy> => {
		const started = await startFaultProxy({target: moto.endpoint, ...options});
		proxies.push(started);
		return started;
	};

	beforeAll(async () => {
		// The gateway uses the SDK's credential chain: environment keys, and no profile to prefer.
		vi.stubEnv('AWS_ACCESS_KEY_ID', 'testing');
		vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'testing');
		vi.stubEnv('AWS_SESSION_TOKEN', undefined);
		vi.stubEnv('AWS_PROFILE', undefined);
		vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
		moto = await startMoto({loadManagedPolicies: true});
		seeded = await seedDemoAccount(moto.endpoint);
		clean = await createGateway({endpoint: moto.endpoint}).loadSnapshot();
	});
	afterEach(async () => {
		await Promise.all(proxies.splice(0).map(p => p.stop()));
	});
	afterAll(async () => {
		await moto?.stop();
		vi.unstubAllEnvs();
	});

	it('loads the clean snapshot directly (the reference is complete)', () => {
		expect(clean.users.map(u => u.name).sort()).toEqual([...seeded.users].sort());
		expect(clean.groups.map(g => g.name).sort()).toEqual([...seeded.groups].sort());
		const arns = clean.policies.map(p => p.arn);
		for (const arn of Object.values(seeded.policies)) expect(arns).toContain(arn);
		expect(clean.users.some(u => u.groups.length > 0)).toBe(true);
		expect(clean.credentialReport.status).toBe('ok');
	});

	it('with 20% throttling, 5% HTTP 500 and 2% dropped connections, equals the clean snapshot and reports the retries', async () => {
		// LOADS loads make at least 3 requests each (GAAD, Generate and Get credential report); the
		// seed's first 18 draws hold every kind of fault, so each kind is injected whatever the order.
		const p = await proxy({seed: 20_260_101, throttleRate: 0.2, http500Rate: 0.05, dropRate: 0.02});
		const loads = await Promise.all(
			Array.from({length: LOADS}, async () => {
				const progress: SnapshotProgress[] = [];
				const snapshot = await createGateway({endpoint: p.endpoint}).loadSnapshot({onProgress: step => progress.push(step)});
				return {snapshot, progress};
			}),
		);

		for (const {snapshot, progress} of loads) {
			expect(comparable(snapshot)).toEqual(comparable(clean));
			expect(progress.at(-1)!.phase).toBe('done');
		}
		const stats = p.stats();
		expect(stats.throttled).toBeGreaterThan(0);
		expect(stats.http500).toBeGreaterThan(0);
		expect(stats.dropped).toBeGreaterThan(0);
		// Every injected fault was retried by the SDK, and every retry reached a progress line.
		const retries = loads.reduce((sum, load) => sum + load.progress.at(-1)!.retries, 0);
		expect(retries).toBeGreaterThan(0);
		expect(retries).toBe(stats.throttled + stats.http500 + stats.dropped);
		expect(loads.some(load => load.progress.some(step => step.phase !== 'done' && step.retries > 0))).toBe(true);
		expect(stats.byAction.GetAccountAuthorizationDetails).toBeGreaterThanOrEqual(LOADS);
	}, 120_000);

	it('past the retry budget, rejects with a Throttled IamError and never reports a finished snapshot', async () => {
		const p = await proxy({
			seed: 9,
			throttleRate: 1,
			faultWhen: ({action}) => action === 'GetAccountAuthorizationDetails',
		});
		const progress: SnapshotProgress[] = [];
		// A budget of 3 attempts keeps the test short; the default (8) behaves the same, only slower.
		const loading = createGateway({endpoint: p.endpoint, maxAttempts: BUDGET}).loadSnapshot({onProgress: step => progress.push(step)});
		const error = await loading.then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(IamError);
		expect(error).toMatchObject({kind: 'Throttled', code: 'Throttling'});
		expect((error as IamError).hint).toMatch(/retry/i);
		expect(progress.some(step => step.phase === 'done')).toBe(false);
		expect(progress.every(step => step.pages === 0 && step.users === 0)).toBe(true);
		const stats = p.stats();
		expect(stats.byAction.GetAccountAuthorizationDetails).toBe(BUDGET);
		expect(stats.faultsByAction).toEqual({GetAccountAuthorizationDetails: BUDGET});
	});
});
