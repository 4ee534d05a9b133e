// W6 "key rotation for a service account" in the TUI, with the built iamtui in tmux against seeded moto:
// backup-job has one active key. R on the User screen → create the second key (SecretOnce once, saved,
// dismissed) → both keys listed → the tool switches (the test signs a request with the new key) →
// verify sees the new key used and the old one not → deactivate → delete. Between the stages the
// headless binary sees two keys, then the old one Inactive, then only the new one.
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {GetUserCommand, IAMClient} from '@aws-sdk/client-iam';
import {expect, it} from 'vitest';
import {BACKUP} from '../../scripts/seed.js';
import {readCredentialsCsv} from '../helpers/credentials-csv.js';
import {e2eAccount} from '../helpers/e2e.js';
import {openUserSafely, saveSecretsCsv, showsSecret} from '../helpers/e2e-steps.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const USER = BACKUP.user;

describeWithMoto('e2e: W6 key rotation in tmux', () => {
	const account = e2eAccount();

	const keysOf = async (): Promise<Array<{AccessKeyId: string; Status: string}>> => {
		const run = await account.cli(['user', USER, '--json']);
		expect(run.code, run.stderr).toBe(0);
		return (JSON.parse(run.stdout) as {AccessKeys: Array<{AccessKeyId: string; Status: string}>}).AccessKeys.map(({AccessKeyId, Status}) => ({AccessKeyId, Status}));
	};

	it('second key → switch → verify → deactivate → delete: the old key is gone, the new secret was shown once', async () => {
		const oldKey = account.seed().accessKeys[USER]![0]!;
		expect(oldKey).toBeDefined();
		const csvPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-w6-')), `${USER}_credentials.csv`);
		const tui = await account.open({height: 45});

		await openUserSafely(tui, USER);
		await tui.waitFor(`${oldKey}  Active`);
		tui.keys('R');
		await tui.waitFor(`Key rotation: ${USER}`);
		await tui.waitFor(`enter: create a second key beside ${oldKey}`);

		// Stage 1: the second key, through its plan, then SecretOnce — saved and dismissed.
		tui.keys('Enter');
		const createPlan = await tui.waitFor('y/enter runs 1 step');
		expect(createPlan).toContain(`aws iam create-access-key --user-name ${USER}`);
		tui.keys('y');
		await tui.waitFor(/shown once[\s\S]*Secret access key/);
		const shown = await saveSecretsCsv(tui, csvPath);
		const csv = readCredentialsCsv(csvPath);
		expect(csv.mode).toBe(0o600);
		expect(csv.rows).toHaveLength(1);
		const newKey = csv.rows[0]!['Access key ID']!;
		const secret = csv.rows[0]!['Secret access key']!;
		expect(newKey).not.toBe(oldKey);
		expect(shown).toContain(newKey);
		expect(shown).toContain(secret);
		tui.keys('d');

		// Stage 2: both keys exist and are active while the tool switches.
		const both = await tui.waitFor(/› 2\. Switch the tool to the new key/);
		expect(both).toContain(`✓ 1. Create the second key — ${newKey}`);
		expect(both).toMatch(new RegExp(`${oldKey}\\s+Active`));
		expect(both).toMatch(new RegExp(`${newKey}\\s+Active`));
		expect(showsSecret(both, secret)).toBe(false);
		expect(await keysOf()).toEqual(
			expect.arrayContaining([
				{AccessKeyId: oldKey, Status: 'Active'},
				{AccessKeyId: newKey, Status: 'Active'},
			]),
		);
		// The tool switches: it signs its calls with the new key from now on.
		const tool = new IAMClient({region: 'us-east-1', endpoint: account.moto().endpoint, credentials: {accessKeyId: newKey, secretAccessKey: secret}});
		try {
			const me = await tool.send(new GetUserCommand({}));
			expect(me.User?.UserName).toBe(USER);
		} finally {
			tool.destroy();
		}
		tui.keys('Enter');

		// Stage 3: verify — r asks IAM for the last use of both keys again.
		await tui.waitFor(/› 3\. Verify/);
		tui.keys('r');
		const verified = await tui.waitFor('The new key is in use and the old one has not been used since: safe to deactivate it.', 60_000);
		expect(verified).toMatch(new RegExp(`old key ${oldKey}: never used`));
		tui.keys('Enter');

		// Stage 4: deactivate the old key (a plan that takes access away).
		await tui.waitFor(`enter: deactivate ${oldKey} (the plan first)`);
		tui.keys('Enter');
		const deactivatePlan = await tui.waitFor('This takes access away. y/enter runs 1 step');
		expect(deactivatePlan).toContain(`aws iam update-access-key --user-name ${USER} --access-key-id ${oldKey} --status Inactive`);
		tui.keys('y');
		await tui.waitFor(new RegExp(`done\\s+Deactivate access key ${oldKey}`));
		tui.keys('Enter');
		const inactive = await tui.waitFor(/› 5\. Delete the old key/);
		expect(inactive).toMatch(new RegExp(`${oldKey}\\s+Inactive`));
		expect(await keysOf()).toEqual(
			expect.arrayContaining([
				{AccessKeyId: oldKey, Status: 'Inactive'},
				{AccessKeyId: newKey, Status: 'Active'},
			]),
		);

		// Stage 5: delete it.
		tui.keys('Enter');
		const deletePlan = await tui.waitFor('y/enter runs 1 step');
		expect(deletePlan).toContain(`aws iam delete-access-key --user-name ${USER} --access-key-id ${oldKey}`);
		tui.keys('y');
		await tui.waitFor(new RegExp(`done\\s+Delete access key ${oldKey}`));
		tui.keys('Enter');
		const done = await tui.waitFor(`Rotation finished: ${newKey} is the key now; ${oldKey} is deleted.`);
		expect(done).not.toMatch(new RegExp(`^\\s+${oldKey}\\s+(Active|Inactive)`, 'm'));
		expect(showsSecret(done, secret)).toBe(false);
		tui.keys('Enter');
		// Back on the User screen, which lists the keys IAM has now.
		const user = await tui.waitFor(screen => screen.includes(`${newKey}  Active`) && !screen.includes('reloading') && !screen.includes(oldKey), 30_000);
		expect(showsSecret(user, secret)).toBe(false);
		tui.keys('q');
		await tui.waitFor(/Users \(1\/\d+\)/);
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);
		expect(showsSecret(tui.scrollback(), secret)).toBe(false);

		expect(await keysOf()).toEqual([{AccessKeyId: newKey, Status: 'Active'}]);
		// The journal holds the three writes of the rotation.
		const journal = JSON.parse((await account.cli(['journal', '--json'])).stdout) as Array<{operation: string; outcome: string}>;
		expect(journal.map(line => [line.operation, line.outcome])).toEqual([
			['iam:CreateAccessKey', 'ok'],
			['iam:UpdateAccessKey', 'ok'],
			['iam:DeleteAccessKey', 'ok'],
		]);
	}, 300_000);
});
