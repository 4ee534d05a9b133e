// Who has what inside the whole App: :whocan from the command line, enter jumps to the user; the admin
// marker on the Users list and the User header; A opens the Access view, e explains.
import {describe, expect, it} from 'vitest';
import {accessSnapshot} from '../fixtures/access.js';
import {askWhoCan} from '../helpers/access-steps.js';
import {appHarness} from '../helpers/app.js';
import {keys} from '../helpers/render.js';

const harness = appHarness();
const start = () => harness.start({snapshot: accessSnapshot(), columns: 110, rows: 36}).tui;

const lineWith = (frame: string, text: string) => frame.split('\n').find(line => line.includes(text)) ?? '';

describe('who has what in the App', () => {
	it(':whocan ec2:TerminateInstances lists developers, not managers; enter opens the user; esc comes back', async () => {
		const tui = start();
		const frame = await askWhoCan(tui, 'ec2:TerminateInstances');
		expect(frame).toContain('bruno.costa');
		expect(frame).not.toContain('carla.mendes');
		// Down from ana.silva goes to her grant path (same user), then to bruno.costa.
		tui.write(keys.down);
		await tui.waitForFrame(f => /› +via group Developers/.test(f));
		tui.write(keys.down);
		await tui.waitForFrame(f => /› bruno\.costa/.test(f));
		tui.write(keys.enter);
		await tui.waitFor('User bruno.costa');
		tui.write(keys.escape);
		await tui.waitFor('Who can…');
		expect(tui.lastFrame()).toContain('bruno.costa');
	});

	it('marks admin-equivalent users on the list and the user screen; A opens their access, e explains', async () => {
		const tui = start();
		const list = await tui.waitFor('Users (14)');
		expect(list).toContain('ADMIN');
		expect(lineWith(list, 'rsdash')).toMatch(/admin$/);
		expect(lineWith(list, 'ana.silva')).not.toMatch(/admin$/);
		tui.write(keys.end);
		await tui.waitForFrame(f => /› (ivo|mia|newbie|rsdash)/.test(f));
		tui.write('/');
		await tui.type('rsdash');
		await tui.waitFor('Users (1/14)');
		tui.write(keys.enter);
		await tui.waitFor(/esc clears/);
		tui.write(keys.enter);
		const user = await tui.waitFor('User rsdash');
		expect(user).toContain('ADMIN-EQUIVALENT');
		tui.write('A');
		const access = await tui.waitFor('Access of rsdash');
		expect(access).toContain('ADMIN-EQUIVALENT');
		tui.write('e');
		await tui.waitFor('can rsdash do');
		await tui.type('iam:CreateUser');
		await tui.waitFor('do iam:CreateUser');
		tui.write(keys.enter);
		await tui.waitFor('Allowed — iam:CreateUser on *');
		tui.write(keys.escape);
		await tui.waitForFrame(f => !f.includes('can rsdash do'));
		tui.write(keys.escape);
		await tui.waitFor('User rsdash');
	});
});
