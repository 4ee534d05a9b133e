// describe() for suites that need moto_server: runs them where moto is installed; elsewhere a loud skip,
// or a failing suite when IAMTUI_REQUIRE_MOTO=1 or CI=true (our machines and CI have moto).
import {describe} from 'vitest';
import {motoAvailable, motoRequired} from './moto.js';

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
