// Who has what inside the whole App: :whocan from the command line, enter jumps to the user; the admin
// marker on the Users list and the User header; A opens the Access view, e explains.
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {accessSnapshot} from '../fixtures/access.js';
import {fixtureGateway} from '../fixtures/gateway.js';
import {testServices, type TestServices} from '../fixtures/services.js';
import {keys, renderTui, type Rendered} from '../helpers/render.js';

let services: TestServices | undefined;
let ui: Rendered | undefined;
afterEach(() => {
	ui?.unmount();
	services?.dispose();
	ui = services = undefined;
});

const start = () => {
	services = testServices({gateway: () => fixtureGateway({snapshot: accessSnapshot()})});
	ui = renderTui(<App services={services} initial={{profile: 'dev'}} />, {columns: 110, rows: 36});
	return ui;
};

const lineWith = (frame: string, text: string) => frame.split('\n').find(line => line.includes(text)) ?? '';

describe('who has what in the App', () => {
	it(':whocan ec2:TerminateInstances lists developers, not managers; enter opens the user; esc comes back', async () => {
		const tui = start();
		await tui.waitFor('Users (14)');
		tui.write(':');
		await tui.waitFor(':whocan');
		await tui.type('whocan');
		await tui.waitForFrame(f => f.split('\n').some(line => line.startsWith(':whocan')));
		tui.write(keys.enter);
		await tui.waitFor('Who can…');
		await tui.type('ec2:TerminateInstances');
		await tui.waitFor('do ec2:TerminateInstances');
		tui.write(keys.enter);
		const frame = await tui.waitFor(/Users who can ec2:TerminateInstances on \*/);
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
