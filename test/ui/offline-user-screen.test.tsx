// The User screen over an offline export (--from-file, the bundled demo export): the tags the export holds
// are shown, and each section the export cannot hold says so in its own words — access keys and MFA,
// the console password, signing certificates — never another section's message.
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
	const {tui: ui} = harness.start({connect: () => gateway, profile: 'offline', columns: 160, rows: 50});
	await ui.waitFor('Users (40)');
	ui.write('/');
	ui.write('ana.silva');
	await ui.waitFor('/ana.silva');
	ui.write(keys.enter);
	ui.write(keys.enter);
	const frame = await ui.waitFor(/Tags\n\s+team = web/);
	expect(section(frame, 'Access keys')).toBe('access keys and MFA devices are not in an offline export — open the live account to see them');
	expect(section(frame, 'MFA devices')).toBe('access keys and MFA devices are not in an offline export — open the live account to see them');
	expect(section(frame, 'Console password')).toBe('console passwords are not in an offline export — open the live account to see them');
	expect(section(frame, 'Signing certificates')).toBe('signing certificates are not in an offline export — open the live account to see them');
});
