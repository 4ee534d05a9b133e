// describe() for suites that need moto_server: runs them where moto is installed; elsewhere a loud skip,
// or a failing suite when IAMTUI_REQUIRE_MOTO=1 or CI=true (our machines and CI have moto).
import {afterAll, beforeAll, beforeEach, describe, vi} from 'vitest';
import {seedDemoAccount} from '../../scripts/seed.js';
import {motoAvailable, motoRequired, startMoto, type Moto} from './moto.js';

export {motoAvailable, startMoto, type Moto} from './moto.js';

const available = await motoAvailable();

export const describeWithMoto = (name: string, fn: () => void): void => {
	if (available) {
		describe(name, fn);
		return;
	}
	if (motoRequired()) {
		describe(name, () => {
			throw new Error(`moto_server is not on PATH, and IAMTUI_REQUIRE_MOTO=1 or CI=true requires it (pip install 'moto[server]')`);
		});
		return;
	}
	console.warn(`\n*** SKIPPED "${name}": moto_server is not installed (pip install 'moto[server]'); these integration tests did not run ***\n`);
	describe.skip(name, fn);
};

/** Dummy keys and no profile, as moto wants; vi.unstubAllEnvs() (in the suite's afterAll) undoes it. */
export const stubMotoCredentials = (): void => {
	vi.stubEnv('AWS_ACCESS_KEY_ID', 'testing');
	vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'testing');
	vi.stubEnv('AWS_PROFILE', undefined);
};

/**
 * Inside a describeWithMoto: one moto for the suite (dummy keys, no profile) with the demo account seeded
 * afresh before each test; `moto()` returns it. The environment is restored after the suite.
 */
export const useSeededDemoMoto = (): {moto: () => Moto} => {
	let moto: Moto | undefined;
	beforeAll(async () => {
		stubMotoCredentials();
		moto = await startMoto({loadManagedPolicies: true});
	});
	beforeEach(async () => {
		await moto!.reset();
		await seedDemoAccount(moto!.endpoint);
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await moto?.stop();
	});
	return {moto: () => moto!};
};

/** Inside a describeWithMoto: one moto for the suite, as started (nothing seeded, the environment untouched). */
export const useMoto = (options: Parameters<typeof startMoto>[0]): (() => Moto) => {
	let moto: Moto | undefined;
	beforeAll(async () => {
		moto = await startMoto(options);
	});
	afterAll(async () => moto?.stop());
	return () => moto!;
};
