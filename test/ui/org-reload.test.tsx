// `r` on the organization's screens reads the organization again, against the W10 organization in moto:
// every account is read anew (the reload's GetAccountAuthorizationDetails held at a gate, so its per-account
// progress is there to read), a user made in dev since the first read is counted, and this account's
// snapshot is not what `r` reloads there. On org-wide who-can, `r` reads the organization and the same
// query is answered again; on :users the global `r` still reloads the account.
import {CreateUserCommand, IAMClient} from '@aws-sdk/client-iam';
import {expect, it} from 'vitest';
import {createGateway} from '../../source/aws/gateway.js';
import {openOrgSession} from '../../source/aws/org-session.js';
import {wrapGateway} from '../../source/aws/wrap-gateway.js';
import type {Services} from '../../source/ui/hooks/services.js';
import {gateAction, type GateProxy} from '../helpers/gate-proxy.js';
import {jump} from '../helpers/moto-app.js';
import {orgAppHarness} from '../helpers/org-app.js';
import {roleCredentials} from '../helpers/org-seed.js';
import {useSeededOrgMoto} from '../helpers/org-moto.js';
import {keys} from '../helpers/render.js';
import {describeWithMoto} from '../helpers/with-moto.js';

const lineOf = (frame: string, name: string) => frame.split('\n').find(line => line.includes(name) && !line.includes('snapshot')) ?? '';

describeWithMoto('r on the organization screens (moto, W10 organization)', () => {
	const org = useSeededOrgMoto();
	const app = orgAppHarness();

	/** The App; the opens of the organization are counted, and the second, third… go through `later`'s gates in turn. */
	const start = (later: GateProxy[] = [], rows = 30) => {
		const opens: string[] = [];
		let snapshots = 0;
		const openOrganization: NonNullable<Services['openOrganization']> = (settings, hooks, options) => {
			opens.push(settings.endpoint ?? '');
			const gate = opens.length > 1 ? later[opens.length - 2] : undefined;
			return openOrgSession(gate ? {...settings, endpoint: gate.endpoint} : settings, hooks, options);
		};
		const {tui} = app.start({
			endpoint: org.moto().endpoint,
			columns: 150,
			rows,
			services: {
				gateway: (settings, hooks) => {
					const gateway = createGateway({...settings, maxAttempts: 1}, hooks);
					// Counts the snapshot loads: `r` on the organization's screens must not be one.
					return wrapGateway(gateway, gateway.readOnly, (name, own) => (name === 'loadSnapshot' ? (...args: unknown[]) => (snapshots++, (own as (...a: unknown[]) => unknown)(...args)) : own));
				},
				openOrganization,
			},
		});
		return {tui, opens, snapshots: () => snapshots};
	};

	/** A user made in dev by someone else, between two reads of the organization. */
	const newUserInDev = async (UserName: string) => {
		await org.moto().setAuthorization(false);
		try {
			const credentials = await roleCredentials(org.moto().endpoint, org.seeded().accounts.dev);
			await new IAMClient({endpoint: org.moto().endpoint, region: 'us-east-1', credentials, maxAttempts: 1}).send(new CreateUserCommand({UserName}));
		} finally {
			await org.moto().setAuthorization(true);
		}
	};

	it('on :accounts, r reads every account again with its progress, and counts what changed; the snapshot is not reloaded', async () => {
		const gate = await gateAction(org.moto().endpoint, 'GetAccountAuthorizationDetails');
		try {
			const app = start([gate]);
			await app.tui.waitFor('Users (1)');
			await jump(app.tui, 'accounts', /3 of 5 accounts loaded/);
			expect(lineOf(app.tui.lastFrame(), 'workload-dev')).toMatch(/loaded \(2 users, 1 role\)/);
			await newUserInDev('dave');
			const snapshotsBefore = app.snapshots();
			app.tui.write('r');
			// The reload's reads wait at the gate: each account is shown loading again, as on the first open.
			const midway = await app.tui.waitForFrame(frame => lineOf(frame, 'workload-dev').includes('loading…') && /Loading each account through OrganizationAccountAccessRole: \d of \d reported/.test(frame), {timeoutMs: 20_000});
			expect(midway).toContain('Reading the organization again through OrganizationAccountAccessRole');
			expect(app.opens).toHaveLength(2);
			await app.tui.waitForFrame(() => gate.waiting() > 0, {timeoutMs: 20_000});
			expect(lineOf(app.tui.lastFrame(), 'workload-dev')).toContain('loading…');
			gate.release();
			const done = await app.tui.waitFor(/3 of 5 accounts loaded/, {timeoutMs: 20_000});
			expect(lineOf(done, 'workload-dev')).toMatch(/loaded \(3 users, 1 role\)/);
			expect(app.snapshots()).toBe(snapshotsBefore);
		} finally {
			await gate.stop();
		}
	}, 60_000);

	it('on a person and on an account, r reads the organization again (its progress shown) and the screen stays', async () => {
		const gates = [await gateAction(org.moto().endpoint, 'GetAccountAuthorizationDetails'), await gateAction(org.moto().endpoint, 'GetAccountAuthorizationDetails')];
		try {
			const app = start(gates);
			await app.tui.waitFor('Users (1)');
			await jump(app.tui, 'people', 'Identity Center people (3)');
			app.tui.write(keys.enter);
			await app.tui.waitFor('Accounts and permission sets reached');
			app.tui.write('r');
			// The accounts are read again (held at the gate): the person waits for the organization.
			await app.tui.waitFor('Reading the organization…', {timeoutMs: 20_000});
			expect(app.opens).toHaveLength(2);
			await app.tui.waitForFrame(() => gates[0]!.waiting() > 0, {timeoutMs: 20_000});
			expect(app.tui.lastFrame()).toContain('Reading the organization…');
			gates[0]!.release();
			await app.tui.waitFor('Accounts and permission sets reached', {timeoutMs: 20_000});
			app.tui.write(keys.escape);
			await app.tui.waitFor('Identity Center people (3)');
			await jump(app.tui, 'accounts', /3 of 5 accounts loaded/);
			app.tui.write('/');
			await app.tui.type('workload-dev');
			await app.tui.waitFor('Accounts (1/5)');
			app.tui.write(keys.enter);
			await app.tui.waitFor('esc clears');
			app.tui.write(keys.enter);
			await app.tui.waitFor(/Account workload-dev[\s\S]*\d+ users?, \d+ groups?, 1 role/);
			app.tui.write('r');
			// The account's IAM is read again (held at the gate): loading… where its counts were.
			const midway = await app.tui.waitFor(/Account workload-dev[\s\S]*IAM\s+loading…/, {timeoutMs: 20_000});
			expect(midway).not.toMatch(/\d+ users?, \d+ groups?, 1 role/);
			expect(app.opens).toHaveLength(3);
			await app.tui.waitForFrame(() => gates[1]!.waiting() > 0, {timeoutMs: 20_000});
			expect(app.tui.lastFrame()).toMatch(/IAM\s+loading…/);
			gates[1]!.release();
			const account = await app.tui.waitFor(/Account workload-dev[\s\S]*\d+ users?, \d+ groups?, 1 role/, {timeoutMs: 20_000});
			expect(account).toContain('Identity Center people who reach it');
		} finally {
			for (const gate of gates) await gate.stop();
		}
	}, 60_000);

	it('on org-wide who-can, r reads the organization again and answers the same query; on :users, r still reloads the account', async () => {
		const gate = await gateAction(org.moto().endpoint, 'GetAccountAuthorizationDetails');
		const app = start([gate], 50);
		await app.tui.waitFor('Users (1)');
		const snapshotsBefore = app.snapshots();
		app.tui.write('r');
		await app.tui.waitForFrame(() => app.snapshots() === snapshotsBefore + 1);
		await app.tui.waitFor('Users (1)');
		await jump(app.tui, 'whocan', 'Who can… (in this account)');
		await app.tui.type('iam:ListUsers');
		app.tui.write(keys.enter);
		await app.tui.waitFor('Users who can iam:ListUsers');
		app.tui.write('o');
		await app.tui.waitFor(/across the organization: 5 accounts[\s\S]*workload-dev \(\d+\): \d+ can/, {timeoutMs: 30_000});
		expect(app.opens).toHaveLength(1);
		const snapshotsThen = app.snapshots();
		app.tui.write('r');
		// The organization read again (held at the gate), then the same question asked of it.
		await app.tui.waitFor(/opening the organization \(\d+ of \d+ accounts read\), then iam:ListUsers on \* in every account/, {timeoutMs: 20_000});
		expect(app.opens).toHaveLength(2);
		await app.tui.waitForFrame(() => gate.waiting() > 0, {timeoutMs: 20_000});
		gate.release();
		const again = await app.tui.waitFor(/across the organization: 5 accounts[\s\S]*workload-dev \(\d+\): \d+ can/, {timeoutMs: 30_000});
		expect(again).toContain('r reads the organization again');
		expect(app.snapshots()).toBe(snapshotsThen);
		await gate.stop();
	}, 60_000);
});
