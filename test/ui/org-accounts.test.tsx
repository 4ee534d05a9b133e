// :accounts in the whole App against a W10-shaped organization in moto (test/helpers/org-seed.ts), as its
// auditor with moto's IAM authorization on: each account is listed as it loads (GetAccountAuthorizationDetails
// held at a gate, so the frame in between is there to read), sandbox FAILED with the reason, then the list
// with OU paths and SCPs; enter shows an account; `a` changes the audit role, remembered for the session.
import {afterAll, beforeAll, expect, it, vi} from 'vitest';
import {gateAction, type GateProxy} from '../helpers/gate-proxy.js';
import {jump} from '../helpers/moto-app.js';
import {orgAppHarness} from '../helpers/org-app.js';
import {AUDIT_ROLE} from '../helpers/org-seed.js';
import {useSeededOrgMoto} from '../helpers/org-moto.js';
import {keys} from '../helpers/render.js';
import {select, selectedLine} from '../helpers/user-screen.js';
import {describeWithMoto, startMoto, stubMotoCredentials, type Moto} from '../helpers/with-moto.js';

// A row of the list (the status line above it names the caller's account too).
const lineOf = (frame: string, name: string) => frame.split('\n').find(line => line.includes(name) && !line.includes('snapshot')) ?? '';

/** On :accounts: the one account named, filtered to and opened. */
const openAccount = async (tui: {write: (text: string) => void; type: (text: string) => Promise<void>; waitFor: (text: string) => Promise<string>}, name: string) => {
	tui.write('/');
	await tui.type(name);
	await tui.waitFor('Accounts (1/5)');
	tui.write(keys.enter);
	await tui.waitFor('esc clears');
	tui.write(keys.enter);
};

describeWithMoto(':accounts (moto, W10 organization)', () => {
	const org = useSeededOrgMoto();
	const app = orgAppHarness();

	/** The App with its account read straight from moto and the organization through `endpoint`. */
	const start = (endpoint: string) => app.start({endpoint, accountEndpoint: org.moto().endpoint, columns: 150, rows: 30});

	/** :accounts with the organization's `action` held at a gate; the gate stopped after `body`, pass or fail. */
	const onAccountsGated = async (action: string, body: (tui: ReturnType<typeof start>['tui'], gate: GateProxy) => Promise<void>) => {
		const gate = await gateAction(org.moto().endpoint, action);
		try {
			const {tui} = start(gate.endpoint);
			await tui.waitFor('Users (1)');
			await jump(tui, 'accounts', 'Accounts (');
			await body(tui, gate);
		} finally {
			await gate.stop();
		}
	};

	it('lists each account as it loads (loading…, sandbox FAILED), then loaded with counts, OU paths and SCPs', async () => {
		await onAccountsGated('GetAccountAuthorizationDetails', async (tui, gate) => {
			// Every readable account waits at the gate; sandbox's AssumeRole is refused to the auditor at once.
			const midway = await tui.waitForFrame(frame => lineOf(frame, 'sandbox').includes('FAILED: assume role') && lineOf(frame, 'workload-prod').includes('loading…'), {timeoutMs: 20_000});
			expect(lineOf(midway, 'workload-dev')).toContain('loading…');
			expect(midway).toMatch(/Loading each account through OrganizationAccountAccessRole: \d of \d reported/);
			gate.release();
			const done = await tui.waitFor('3 of 5 accounts loaded through OrganizationAccountAccessRole, 1 FAILED', {timeoutMs: 20_000});
			expect(done).toMatch(/ACCOUNT +ID +OU PATH +STATUS +IAM +SCPS ON PATH/);
			expect(lineOf(done, 'workload-prod')).toMatch(new RegExp(`${org.seeded().accounts.prod} +Root / prod +ACTIVE +loaded \\(1 user, 1 role\\) +FullAWSAccess@Root, .*DenyTerminate@prod`));
			expect(lineOf(done, 'workload-dev')).toMatch(/Root \/ dev +ACTIVE +loaded \(2 users, 1 role\)/);
			expect(lineOf(done, org.seeded().managementId)).toMatch(/loaded \(1 user, \d+ roles?, as you\) +exempt \(management account\)/);
			expect(lineOf(done, 'retired')).toMatch(/SUSPENDED +skipped/);
			expect(lineOf(done, 'sandbox')).toContain('FAILED: assume role');
		});
	}, 60_000);

	it('with every account in and Identity Center still being read, the accounts are usable and each screen says what is still read', async () => {
		// Identity Center's people listing held: the accounts all load, Identity Center is not in.
		await onAccountsGated('ListUsers', async (tui, gate) => {
			const open = await tui.waitFor('3 of 5 accounts loaded through OrganizationAccountAccessRole, 1 FAILED (enter shows why), 1 skipped · reading Identity Center…', {timeoutMs: 20_000});
			expect(lineOf(open, 'workload-prod')).toContain('loaded (1 user, 1 role)');
			expect(gate.waiting()).toBeGreaterThan(0);
			// An account opens; who reaches it through Identity Center is not known yet, and says so.
			await openAccount(tui, 'workload-prod');
			const account = await tui.waitFor(`Account workload-prod (${org.seeded().accounts.prod})`);
			expect(account).toContain('Identity Center is still being read');
			await jump(tui, 'people', 'Identity Center people');
			await tui.waitFor('Reading Identity Center… (the accounts are in: :accounts)');
			gate.release();
			await tui.waitFor(/Identity Center people \(\d+\)/, {timeoutMs: 20_000});
			await jump(tui, 'accounts', 'Accounts (');
			const done = await tui.waitFor('3 of 5 accounts loaded through OrganizationAccountAccessRole, 1 FAILED (enter shows why), 1 skipped', {timeoutMs: 20_000});
			expect(done).not.toContain('reading Identity Center');
		});
	}, 60_000);

	it('enter on the failed account shows the step, the reason and what to do; on prod, each SCP with the OU it hangs on', async () => {
		const {tui} = start(org.moto().endpoint);
		await tui.waitFor('Users (1)');
		await jump(tui, 'accounts', /accounts loaded through/);
		await openAccount(tui, 'sandbox');
		const failed = await tui.waitFor(`Account sandbox (${org.seeded().accounts.sandbox})`);
		expect(failed).toContain(`FAILED at assuming the audit role: cannot assume arn:aws:iam::${org.seeded().accounts.sandbox}:role/${AUDIT_ROLE}`);
		expect(failed).toMatch(/what to do: the role OrganizationAccountAccessRole must exist in \d+ and trust/);
		tui.write(keys.escape);
		await tui.waitFor('Accounts (1/5)');
		tui.write(keys.escape);
		await tui.waitFor('Accounts (5)');
		await openAccount(tui, 'workload-prod');
		const prod = await tui.waitFor('Account workload-prod');
		expect(prod).toContain('status ACTIVE · OU path Root / prod');
		expect(prod).toMatch(/DenyTerminate +on OU prod/);
		expect(prod).toMatch(/FullAWSAccess +on root Root/);
		// The Admins group's admin permission set reaches prod: alice and carol.
		expect(prod).toMatch(/alice +AdminAccess +via group Admins/);
		expect(prod).toMatch(/carol +AdminAccess +via group Admins/);
		// Each of them opens their person screen, and esc comes back to them.
		expect(prod).toContain('Identity Center people who reach it: enter opens the person');
		await select(tui, 'carol  AdminAccess');
		tui.write(keys.enter);
		const carol = await tui.waitFor('Person carol  Carol Danvers');
		expect(carol).toContain(`workload-prod (${org.seeded().accounts.prod})  AdminAccess  via group Admins`);
		tui.write(keys.escape);
		await tui.waitFor('Account workload-prod');
		expect(selectedLine(tui.lastFrame())).toContain('carol  AdminAccess');
		// In dev alice holds the set both ways, said as her person screen says it.
		tui.write(keys.escape);
		await tui.waitFor('Accounts (1/5)');
		// The list comes back filtered to prod: esc clears the filter.
		tui.write(keys.escape);
		await tui.waitFor('Accounts (5)');
		await openAccount(tui, 'workload-dev');
		expect(await tui.waitFor('Account workload-dev')).toMatch(/alice +AdminAccess +via assigned directly \+ group Admins/);
	}, 60_000);

	it('a changes the audit role: remembered, and the organization opens again through it (the new name in the summary)', async () => {
		const {tui, services} = start(org.moto().endpoint);
		await tui.waitFor('Users (1)');
		await jump(tui, 'accounts', /3 of 5 accounts loaded/);
		tui.write('a');
		await tui.waitFor('audit role');
		for (let n = 0; n < AUDIT_ROLE.length; n++) tui.write(keys.backspace);
		await tui.type('NoSuchAuditRole');
		tui.write(keys.enter);
		// moto issues credentials for any role name, so the refusal here is the auditor's own policy (sandbox) only:
		// what changes is the role every account is read through.
		const reopened = await tui.waitFor(/accounts loaded through NoSuchAuditRole/, {timeoutMs: 20_000});
		expect(lineOf(reopened, 'sandbox')).toContain('FAILED: assume role');
		expect(services.store.auditRole(undefined)).toBe('NoSuchAuditRole');
	}, 60_000);
});

describeWithMoto(':accounts outside an organization (moto)', () => {
	let moto: Moto;
	const app = orgAppHarness();
	beforeAll(async () => {
		moto = await startMoto();
		stubMotoCredentials();
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await moto?.stop();
	});

	it('says the account is in no organization and what to do, and esc goes back', async () => {
		const {tui} = app.start({endpoint: moto.endpoint, columns: 120, rows: 30});
		await tui.waitFor('Users (0)');
		await jump(tui, 'accounts', 'Could not open the organization (audit role OrganizationAccountAccessRole)');
		const frame = tui.lastFrame();
		expect(frame).toContain('NotFound: the account of this profile is not in an AWS Organization');
		expect(frame).toContain("use the management account's profile (or a delegated administrator's)");
		tui.write(keys.escape);
		await tui.waitFor('Users (0)');
	}, 30_000);
});
