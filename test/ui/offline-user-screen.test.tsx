// The User screen over an offline export (--from-file, the bundled demo export): the tags the export holds
// are shown, and each section the export cannot hold — access keys, MFA devices, the console password,
// signing certificates — says under its own heading that it is not in the export, whole at 80 columns
// (it used to read "access keys and MFA devices are not…" under both, cut at the edge).
import path from 'node:path';
import {expect, it} from 'vitest';
import {openFileGateway} from '../../source/aws/file-gateway.js';
import {appHarness} from '../helpers/app.js';
import {root} from '../helpers/cli.js';
import {keys} from '../helpers/render.js';

const harness = appHarness();

const section = (frame: string, title: string): string => {
	const lines = frame.split('\n');
	const at = lines.findIndex(line => line.trim().startsWith(title));
	return at < 0 ? '' : (lines[at + 1] ?? '').trim();
};

it('ana.silva from the demo export: her tag, and what an export does not hold, per section', async () => {
	const gateway = openFileGateway([path.join(root, 'demo', 'demo-account.json')]);
	const {tui: ui} = harness.start({connect: () => gateway, profile: 'offline', columns: 80, rows: 50});
	await ui.waitFor('Users (40)');
	ui.write('/');
	ui.write('ana.silva');
	await ui.waitFor('/ana.silva');
	ui.write(keys.enter);
	ui.write(keys.enter);
	const frame = await ui.waitFor(/Tags\n\s+team = web/);
	for (const title of ['Access keys', 'MFA devices', 'Console password', 'Signing certificates']) {
		expect(section(frame, title), title).toBe('not in an offline export — open the live account to see them');
	}
});
