import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// The SDK warns about Node 20 on stderr at load; tests read stderr, so keep it quiet like the CLI does.
		env: {AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Integration and e2e tests each start their own moto_server; two cores do not gain from more forks.
		pool: 'forks',
		poolOptions: {forks: {maxForks: 2, minForks: 1}},
	},
});
