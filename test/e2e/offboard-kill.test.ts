// Issue 7's real interruption: the built binary offboards a seeded user through a slow loopback proxy
// and is killed with SIGKILL part-way; `iamtui offboard` run again resumes from the record and finishes.
// The user is gone, the record says finished, and every step of the plan ran (none was lost).
import {spawn} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {expect, it} from 'vitest';
import {DEPARTED} from '../../scripts/seed.js';
import {cliPath} from '../helpers/cli.js';
import {e2eAccount} from '../helpers/e2e.js';
import {startFaultProxy} from '../helpers/fault-proxy.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const completedSteps = (folder: string): number => {
	try {
		const [file] = readdirSync(folder).filter(name => name.endsWith('.json'));
		return file ? (JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as {completed: string[]}).completed.length : 0;
	} catch {
		return 0; // Not written yet, or being renamed into place.
	}
};

describeWithMoto('e2e: offboarding survives a SIGKILL', () => {
	const account = e2eAccount();

	it('killed after a few steps, the second run resumes and finishes; nothing is left of the user', async () => {
		const env = account.env();
		const records = path.join(env.IAMTUI_CONFIG_DIR!, 'records');
		// Every request takes ~400 ms: the run is slow enough to be killed in the middle.
		const proxy = await startFaultProxy({target: account.moto().endpoint, seed: 7, latencyMs: [400, 400]});
		try {
			const child = spawn(process.execPath, [cliPath, 'offboard', DEPARTED.user, '--yes', '--endpoint-url', proxy.endpoint], {env, stdio: 'ignore'});
			const exited = new Promise<NodeJS.Signals | null>(resolve => child.on('exit', (_code, signal) => resolve(signal)));
			const deadline = Date.now() + 120_000;
			while (completedSteps(records) < 2 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
			expect(completedSteps(records)).toBeGreaterThanOrEqual(2);
			child.kill('SIGKILL');
			expect(await exited).toBe('SIGKILL');
		} finally {
			await proxy.stop();
		}
		const partial = completedSteps(records);

		const listed = await account.cli(['records', '--json']);
		expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({user: DEPARTED.user, finishedAt: null})]);

		const resumed = await account.cli(['offboard', DEPARTED.user, '--yes']);
		expect(resumed.code, resumed.stderr).toBe(0);
		expect(resumed.stdout).toContain('done in an earlier run');
		expect(resumed.stdout).toContain(`${DEPARTED.user} is offboarded`);
		const done = JSON.parse((await account.cli(['records', '--json'])).stdout) as Array<{finishedAt: string | null; completedSteps: number}>;
		expect(done[0]!.finishedAt).not.toBeNull();
		expect(done[0]!.completedSteps).toBeGreaterThan(partial);

		const user = await account.cli(['user', DEPARTED.user, '--json']);
		expect(user.code).toBe(3);
		expect(user.stderr).toMatch(/no user|NoSuchEntity|not found/i);
	}, 240_000);
});
