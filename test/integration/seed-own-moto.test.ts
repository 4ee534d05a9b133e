// The readme's "seed a moto_server of your own" path, as a user runs it: `npm run seed -- URL` (the script
// itself, in a child process) against a moto started with the managed policies, then the built iamtui
// pointed at it — the account and, as in the demo, its organization.
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {expect, it} from 'vitest';
import {motoEnvironment, root, runCli} from '../helpers/cli.js';
import {describeWithMoto, useMoto} from '../helpers/with-moto.js';

describeWithMoto('npm run seed against your own moto (readme)', () => {
	const started = useMoto({loadManagedPolicies: true});

	it('seeds the demo account and its organization, and iamtui opens both', async () => {
		const moto = started();
		const env = motoEnvironment();
		const seeded = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/seed-moto.ts', moto.endpoint], {cwd: root, env, encoding: 'utf8'});
		expect(seeded.stderr).toBe('');
		expect(seeded.status).toBe(0);
		expect(seeded.stdout).toContain(`Seeded ${moto.endpoint}: 40 users, 8 groups`);
		expect(seeded.stdout).toContain('and its organization: 4 member accounts in OUs prod and dev, 3 Identity Center people');
		expect(seeded.stdout).toContain(`npx iamtui --endpoint-url ${moto.endpoint}`);

		const users = await runCli(['users', '--json', '--endpoint-url', moto.endpoint], env);
		expect(users.code).toBe(0);
		expect(JSON.parse(users.stdout)).toHaveLength(40);
		const accounts = await runCli(['accounts', '--json', '--endpoint-url', moto.endpoint], env);
		const listed = (JSON.parse(accounts.stdout) as {Accounts: Array<{Name: string}>}).Accounts;
		expect(listed.map(a => a.Name).sort()).toEqual(['master', 'retired', 'sandbox', 'workload-dev', 'workload-prod']);
	}, 120_000);
});
