// The TUI's certificate form reads the PEM through the same bounded reader as upload-certificate: a
// FIFO or /dev/zero given as the file is refused on the form at once (before, the FIFO blocked the
// whole TUI and /dev/zero grew it without bound), and the form stays open for another path.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, expect, it} from 'vitest';
import {appHarness, writesOf} from '../helpers/app.js';
import {submitCertificateFile} from '../helpers/user-screen.js';

const harness = appHarness();
let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-cert-form-'));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

it.each([
	['a FIFO', () => {
		const fifo = path.join(dir, 'cert.pem');
		execFileSync('mkfifo', [fifo]);
		return fifo;
	}],
	['/dev/zero', () => '/dev/zero'],
])('c with %s as the PEM file: refused on the form at once, nothing uploaded', async (_, make) => {
	const file = make();
	const {tui, gateway} = harness.start({columns: 130, rows: 50});
	await submitCertificateFile(tui, 'rsdash', file);
	const refused = await tui.waitFor('is not a regular file (a pipe, device or socket)');
	expect(refused).toContain('Signing certificate for rsdash');
	expect(writesOf(gateway)).toEqual([]);
});
