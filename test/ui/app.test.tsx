import {describe, expect, it} from 'vitest';
import {IamError} from '../../source/model/errors.js';
import {FIXTURE_NOW, HOSTILE_NAME_SHOWN, fixtureSnapshot} from '../fixtures/account.js';
import {accessDenied, fixtureGateway} from '../fixtures/gateway.js';
import type {TestServices} from '../fixtures/services.js';
import {appHarness, type AppStartOptions} from '../helpers/app.js';
import {keys, tick} from '../helpers/render.js';

const harness = appHarness();
let services: TestServices | undefined;

const start = (options: Pick<AppStartOptions, 'connect' | 'awsProfiles'> = {}, size: {columns?: number; rows?: number} = {}) => {
	const started = harness.start({...options, columns: size.columns ?? 100, rows: size.rows ?? 30});
	services = started.services;
	return started.tui;
};

/** The line of the frame that holds the selection marker. */
const selectedLine = (frame: string) => frame.split('\n').find(line => line.startsWith('› ')) ?? '';

describe('App', () => {
	it('shows a progress screen at once, then the users with the status line', async () => {
		let open!: () => void;
		const gate = new Promise<void>(resolve => (open = resolve));
		const tui = start({
			connect: () =>
				fixtureGateway({gate, progress: [{phase: 'authorization-details', pages: 2, users: 12, groups: 5, roles: 3, policies: 6, retries: 1}]}),
		});
		expect(tui.lastFrame()).toContain('Loading the account (profile dev)');
		await tui.waitFor('pages 2 · users 12 · groups 5 · roles 3 · policies 6 · retries 1');
		open();
		const frame = await tui.waitFor('Users (12)');
		expect(frame).toContain('profile dev');
		await tui.waitFor('123456789012 · arn:aws:iam::123456789012:user/operator');
		expect(tui.lastFrame()).toContain('ana.silva');
		expect(tui.lastFrame()).not.toContain('READ-ONLY');
		expect(services!.store.lastProfile()).toBe('dev');
	});

	it('marks a read-only gateway in the status line', async () => {
		const tui = start({connect: () => fixtureGateway({readOnly: true})});
		await tui.waitFor('Users (12)');
		expect(tui.lastFrame()).toContain('READ-ONLY');
	});

	it('says why a write key does nothing in read-only mode (n on Users, x on a user), and changes nothing', async () => {
		const tui = start({connect: () => fixtureGateway({readOnly: true})});
		await tui.waitFor('Users (12)');
		tui.write('n');
		await tui.waitFor('READ-ONLY: n (new user) would change the account, so it is off here');
		expect(tui.lastFrame()).toContain('Users (12)');
		tui.write(keys.enter);
		await tui.waitFor('User ana.silva');
		tui.write('x');
		await tui.waitFor('READ-ONLY: x (remove from group) would change the account, so it is off here');
		expect(tui.lastFrame()).toContain('User ana.silva');
	});

	it('navigates users → user → group → policy and back', async () => {
		const tui = start();
		await tui.waitFor('Users (12)');
		tui.write(keys.enter);
		await tui.waitFor('User ana.silva');
		await tui.waitFor('AKIAANAEXAMPLE000001');
		expect(tui.lastFrame()).toContain('Developers');
		expect(tui.lastFrame()).toContain('DevelopersEc2  via Developers');
		// arn, created, summary are lines; the first group comes after the "Groups" heading.
		for (let n = 0; n < 3; n++) {
			tui.write(keys.down);
			await tick();
		}
		await tui.waitForFrame(frame => selectedLine(frame).includes('Developers'));
		tui.write(keys.enter);
		await tui.waitFor('Group Developers');
		expect(tui.lastFrame()).toContain('Members (4)');
		tui.write(keys.tab);
		await tick();
		tui.write(keys.tab);
		await tui.waitForFrame(frame => selectedLine(frame).includes('DevelopersEc2'));
		tui.write(keys.enter);
		await tui.waitFor('Policy DevelopersEc2');
		expect(tui.lastFrame()).toContain('"ec2:TerminateInstances"');
		tui.write(keys.escape);
		await tui.waitFor('Group Developers');
		tui.write(keys.escape);
		await tui.waitFor('User ana.silva');
		tui.write('q');
		await tui.waitFor('Users (12)');
		// The list kept its cursor on ana.silva.
		expect(selectedLine(tui.lastFrame())).toContain('ana.silva');
	});

	it('filters as you type, and esc clears the filter', async () => {
		const tui = start();
		await tui.waitFor('Users (12)');
		tui.write('/');
		await tui.waitFor('type to filter');
		await tui.type('manag');
		const frame = await tui.waitFor('Users (2/12)');
		expect(frame).toContain('carla.mendes');
		expect(frame).toContain('dmitri.ivanov');
		expect(frame).not.toContain('ana.silva');
		tui.write(keys.enter);
		await tui.waitFor('esc clears');
		tui.write(keys.escape);
		await tui.waitFor('Users (12)');
		expect(tui.lastFrame()).toContain('ana.silva');
	});

	it('sorts with s and reverses with S', async () => {
		const tui = start();
		await tui.waitFor('sorted by name ↑');
		tui.write('S');
		// The first frame sorted already has the selection on the same user: no frame shows another row selected.
		const reversed = await tui.waitFor('sorted by name ↓');
		expect(selectedLine(reversed)).toContain('ana.silva');
		// The first row is now rsdash; the selection stays on the user it was on (ana.silva), as in any file manager.
		const rows = reversed.split('\n').filter(line => /^[ ›] \S/.test(line) && !line.includes('NAME'));
		expect(rows[0]).toContain('rsdash');
		tui.write('s');
		await tui.waitFor('sorted by groups ↑');
	});

	it('shows the help overlay from the keymap, and closes it', async () => {
		const tui = start();
		await tui.waitFor('Users (12)');
		tui.write('?');
		const frame = await tui.waitFor('Keys — users');
		expect(frame).toContain('Filter as you type');
		tui.write(keys.escape);
		await tui.waitFor('Users (12)');
	});

	it('jumps with :groups and :policies', async () => {
		const tui = start();
		await tui.waitFor('Users (12)');
		tui.write(':');
		await tui.waitFor(':users :groups');
		await tui.type('gro');
		tui.write(keys.tab);
		await tui.waitForFrame(frame => frame.split('\n').some(line => line.startsWith(':groups ')));
		tui.write(keys.enter);
		const groups = await tui.waitFor('Groups (5)');
		expect(groups).toContain('LightsailFullAccessGroup');
		tui.write(':');
		await tui.waitFor(':users :groups');
		await tui.type('policies');
		tui.write(keys.enter);
		const policies = await tui.waitFor('Policies (5)');
		expect(policies).toContain('ReadOnlyAccess');
		expect(policies).not.toContain('AdministratorAccess');
	});

	it('shows an error screen with the hint, and retries with r', async () => {
		const tui = start({connect: () => fixtureGateway({loadError: accessDenied(), failures: 1})});
		const frame = await tui.waitFor('Could not load the account');
		expect(frame).toContain('AccessDenied');
		expect(frame).toContain('templates/iamtui-read-only.json');
		expect(frame).toContain('r retry');
		tui.write('r');
		await tui.waitFor('Users (12)');
	});

	it('offers :profiles from the error screen, where another profile can be opened', async () => {
		const tui = start({
			connect: settings => fixtureGateway(settings.profile === 'dev' ? {loadError: accessDenied()} : {}),
			awsProfiles: ['default', 'prod'],
		});
		await tui.waitFor('Could not load the account');
		tui.write(':');
		await tui.waitFor(':users :groups');
		await tui.type('profiles');
		tui.write(keys.enter);
		await tui.waitFor('Profiles (2)');
		tui.write(keys.down);
		await tui.waitForFrame(frame => selectedLine(frame).includes('prod'));
		tui.write(keys.enter);
		await tui.waitFor('Users (12)');
		expect(tui.lastFrame()).toContain('profile prod');
		// dev never loaded, so it was not remembered.
		expect(services!.store.profiles().map(p => p.name)).toEqual(['prod']);
	});

	it('reloads with r, keeping the list on screen', async () => {
		let loads = 0;
		const tui = start({
			connect: () => {
				const gateway = fixtureGateway();
				const load = gateway.loadSnapshot.bind(gateway);
				gateway.loadSnapshot = async options => {
					loads++;
					return load(options);
				};
				return gateway;
			},
		});
		await tui.waitFor('Users (12)');
		tui.write('r');
		await tui.waitFor('Reloading the account…');
		await tui.waitForFrame(() => loads === 2);
		expect(tui.lastFrame()).toContain('ana.silva');
	});

	it('says why the report-fed columns are empty when the credential report is unavailable', async () => {
		const snapshot = fixtureSnapshot({credentialReport: {status: 'unavailable', reason: 'AccessDenied: iam:GenerateCredentialReport'}});
		const tui = start({connect: () => fixtureGateway({snapshot})});
		const frame = await tui.waitFor('credential report unavailable: AccessDenied: iam:GenerateCredentialReport');
		expect(frame).toMatch(/ana\.silva .* \? +\?/);
	});

	it('renders a hostile user name harmless', async () => {
		const tui = start();
		await tui.waitFor('Users (12)');
		expect(tui.lastFrame()).toContain(HOSTILE_NAME_SHOWN);
		expect(tui.lastFrame()).not.toContain('pwned');
	});

	it('stays usable in a 60×15 terminal', async () => {
		const tui = start({}, {columns: 60, rows: 15});
		const frame = await tui.waitFor('Users (12)');
		const lines = frame.split('\n');
		expect(lines.length).toBeLessThanOrEqual(15);
		for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(60);
		tui.write(keys.end);
		await tui.waitForFrame(f => selectedLine(f).includes('rsdash'));
		expect(tui.lastFrame()).not.toContain('ana.silva');
		tui.write('?');
		await tui.waitFor('Keys — users');
		expect(tui.lastFrame().split('\n').length).toBeLessThanOrEqual(15);
	});

	it('asks for an MFA code inside the TUI', async () => {
		const tui = start({
			connect: (_settings, hooks) =>
				fixtureGateway({
					beforeFirstCall: async () => {
						const code = await hooks.mfaCode!('arn:aws:iam::123456789012:mfa/operator');
						if (code !== '123456') throw new IamError('Credentials', `bad code ${code}`);
					},
				}),
		});
		await tui.waitFor('MFA code needed');
		await tui.type('123456');
		await tui.waitFor('Code: 123456');
		tui.write(keys.enter);
		await tui.waitFor('Users (12)');
	});

	it('uses the injected clock for ages', async () => {
		expect(FIXTURE_NOW.toISOString()).toBe('2024-06-01T12:00:00.000Z');
		const tui = start();
		const frame = await tui.waitFor('Users (12)');
		// frank.departed's active key was rotated 900 days before FIXTURE_NOW.
		expect(frame).toMatch(/frank\.departed .* 2y/);
	});
});
