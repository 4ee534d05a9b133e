import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';
import {assertInstalledInkPatched} from './scripts/ink-patches.js';

// The tests run the Ink the binary bundles: patches/ink+6.8.0.patch, applied at npm install. On an
// unpatched node_modules no test runs (the ui tests would pass on a renderer users never get).
assertInstalledInkPatched(path.dirname(fileURLToPath(import.meta.url)));

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// Each run's temporary files in a folder of its own, removed at the end (test/global-tmpdir.ts).
		globalSetup: ['test/global-tmpdir.ts'],
		// The SDK warns about Node 20 on stderr at load; tests read stderr, so keep it quiet like the CLI does.
		env: {AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Integration and e2e tests each start their own moto_server; two cores do not gain from more forks.
		pool: 'forks',
		poolOptions: {forks: {maxForks: 2, minForks: 1}},
	},
});
