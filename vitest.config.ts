import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Integration and e2e tests each start their own moto_server; two cores do not gain from more forks.
		pool: 'forks',
		poolOptions: {forks: {maxForks: 2, minForks: 1}},
	},
});
