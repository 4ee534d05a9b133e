// Who-can in an offline session (--from-file): an export holds one account, so the screen does not offer `o`
// (this account/the organization) and the key does nothing, where it used to be offered and then say the
// session could not open an organization. A live session still offers it (the counterpart below).
import path from 'node:path';
import {expect, it} from 'vitest';
import {openFileGateway} from '../../source/aws/file-gateway.js';
import {accessSnapshot} from '../fixtures/access.js';
import {appHarness} from '../helpers/app.js';
import {root} from '../helpers/cli.js';
import {keys, type Rendered} from '../helpers/render.js';

const harness = appHarness();

const askWhoCan = async (tui: Rendered, action: string) => {
	tui.write(':');
	await tui.waitFor(':whocan');
	await tui.type(`whocan ${action}`);
	await tui.waitForFrame(f => f.split('\n').some(line => line.startsWith(`:whocan ${action}`)));
	tui.write(keys.enter);
	return tui.waitFor(`Users who can ${action} on *`);
};

it('an offline session answers who-can without offering the organization, and o does nothing', async () => {
	const gateway = openFileGateway([path.join(root, 'demo', 'demo-account.json')]);
	const {tui} = harness.start({connect: () => gateway, initial: {profile: 'offline', offline: true, readOnly: true}, columns: 160, rows: 50});
	await tui.waitFor('Users (40)');
	const answer = await askWhoCan(tui, 'lightsail:GetInstances');
	expect(answer).toContain('ana.silva');
	expect(answer).toContain('c request context');
	expect(answer).not.toContain('o this account/the organization');
	tui.write('o');
	// Another key's effect shows the `o` was read (and ignored): the context field opens on c.
	tui.write('c');
	const after = await tui.waitFor('request context   KEY=VALUE');
	expect(after).toContain('(in this account)');
	expect(after).not.toMatch(/organization|cannot open/);
});

it('a live session offers the organization on the same screen', async () => {
	const {tui} = harness.start({snapshot: accessSnapshot(), columns: 160});
	await tui.waitFor('Users (14)');
	const answer = await askWhoCan(tui, 'lightsail:GetInstances');
	expect(answer).toContain('o this account/the organization');
});
