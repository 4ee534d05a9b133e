// Issue 14 item 6 in the terminal: on SecretOnce, `s` to a FIFO used to open it for writing and block
// the whole TUI (keys, SIGTERM) until SIGKILL, with the secret unsaved and the terminal left in the
// alternate screen. Now the path is refused at once, the secret stays on screen with the error, and
// the operator saves it elsewhere. Built binary in tmux against the seeded moto account.
import {execFileSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, it} from 'vitest';
import {ALL_USERS} from '../../scripts/seed.js';
import {readCredentialsCsv} from '../helpers/credentials-csv.js';
import {e2eAccount} from '../helpers/e2e.js';
import {enterSecretsCsvPath, openUserSafely, saveSecretsCsv} from '../helpers/e2e-steps.js';
import {describeWithMoto} from '../helpers/with-moto.js';

describeWithMoto('e2e: SecretOnce and a FIFO', () => {
	const account = e2eAccount();

	it('s to a FIFO: refused at once, the secret stays on screen, then saved elsewhere; the terminal is restored on quit', async () => {
		const folder = mkdtempSync(path.join(os.tmpdir(), 'iamtui-fifo-'));
		const fifo = path.join(folder, 'creds.csv');
		execFileSync('mkfifo', [fifo]);
		const user = ALL_USERS.find(name => (account.seed().accessKeys[name] ?? []).length === 0)!;
		const tui = await account.open({height: 44});

		await openUserSafely(tui, user);
		await tui.waitFor(/Access keys\n\s+none/);
		tui.keys('K');
		await tui.waitFor('y/enter runs 1 step');
		tui.keys('y');
		const shown = await tui.waitFor(/shown once[\s\S]*Secret access key\s+\S{20,}/);
		const secret = /Secret access key\s+(\S+)/.exec(shown)![1]!;

		await enterSecretsCsvPath(tui, fifo);
		// Before, the FIFO "existed", so iamtui offered to overwrite it; an operator who says y blocked the TUI.
		const answer = await tui.waitFor(/not a regular file|overwrite\? y\/n/, 10_000);
		if (/overwrite\? y\/n/.test(answer)) tui.keys('y');
		const refused = await tui.waitFor(/creds\.csv is not a regular file \(a pipe, device or socket\); choose another name/, 10_000);
		// The secret is still there, with the error, for another path (or a copy).
		expect(refused).toContain(secret);
		expect(refused).toContain('Save as CSV to:');

		const csv = path.join(folder, 'saved.csv');
		tui.keys('Escape');
		await tui.waitFor(/s save as CSV/);
		await saveSecretsCsv(tui, csv);
		expect(readCredentialsCsv(csv).rows[0]!['Secret access key']).toBe(secret);

		tui.keys('d');
		await tui.waitFor(/Access keys\n\s+AKIA\w+\s+Active/);
		tui.keys('q');
		await tui.waitFor('Users (1/40)');
		tui.keys('q');
		expect(await tui.waitForExit()).toBe(0);
		expect(tui.terminalState().alternateScreen).toBe(false);
	}, 180_000);
});
