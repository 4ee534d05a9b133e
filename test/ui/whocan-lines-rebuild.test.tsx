// The Who-can screen builds its lines once per answer (tens of thousands in a large account: 100–200 ms each
// time), not again whenever its parent draws — opening and closing the help used to rebuild them twice. Enter
// still opens what the line names after such draws (the openers are read when a line is opened).
import {expect, it, vi} from 'vitest';
import {accessSnapshot} from '../fixtures/access.js';
import {appHarness} from '../helpers/app.js';
import {keys} from '../helpers/render.js';
import {select} from '../helpers/user-screen.js';
import * as lines from '../../source/ui/screens/whocan-lines.js';

vi.mock('../../source/ui/screens/whocan-lines.js', async importOriginal => {
	const real = await importOriginal<typeof lines>();
	return {...real, whoCanLines: vi.fn(real.whoCanLines)};
});

const {start} = appHarness();

it('opening and closing the help does not build the answer again; enter then opens the user on the group that grants', async () => {
	const {tui} = start({snapshot: accessSnapshot(), columns: 120});
	await tui.waitFor('Users (14)');
	tui.write(':');
	await tui.waitFor(':whocan');
	await tui.type('whocan lightsail:GetInstances');
	tui.write(keys.enter);
	await tui.waitFor('Users who can lightsail:GetInstances on *');
	const built = vi.mocked(lines.whoCanLines).mock.calls.length;
	expect(built).toBeGreaterThan(0);
	tui.write('?');
	await tui.waitFor('Keys — whocan');
	tui.write(keys.escape);
	await tui.waitFor('Users who can lightsail:GetInstances on *');
	expect(vi.mocked(lines.whoCanLines).mock.calls.length).toBe(built);
	await select(tui, 'ana.silva');
	tui.write(keys.enter);
	const user = await tui.waitFor('User ana.silva');
	expect(user).toContain('LightsailFullAccessGroup');
});
