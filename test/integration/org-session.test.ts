// Identity Center is read beside the organization's tree, not after it: its instance, people, groups and
// permission sets need no account, only its assignments wait for the tree's account list. Shown with the
// tree's account listing held at a gate that only Identity Center's first call opens: an open that read
// Identity Center after the tree would wait there until the test's own release, and fail.
import {afterEach, expect, it} from 'vitest';
import {openOrgSession} from '../../source/aws/org-session.js';
import {runCli, motoEnvironment} from '../helpers/cli.js';
import {gateAction, type GateProxy} from '../helpers/gate-proxy.js';
import {AUDIT_ROLE} from '../helpers/org-seed.js';
import {useSeededOrgMoto} from '../helpers/org-moto.js';
import {describeWithMoto} from '../helpers/with-moto.js';

/** Long enough for Identity Center's first call on a loaded machine; then the gate opens anyway (and the test fails). */
const FALLBACK_MS = 15_000;

describeWithMoto('an organization with Identity Center read side by side (moto, W10 organization)', () => {
	const org = useSeededOrgMoto();
	let gate: GateProxy | undefined;
	let fallback: NodeJS.Timeout | undefined;
	afterEach(async () => {
		clearTimeout(fallback);
		await gate?.stop();
	});

	/** The tree's account listing held until Identity Center's ListInstances arrives (or the fallback). */
	const gated = async () => {
		gate = await gateAction(org.moto().endpoint, 'ListAccountsForParent', {until: 'ListInstances'});
		const opened = gate;
		fallback = setTimeout(() => opened.release(), FALLBACK_MS);
		return gate;
	};

	it('the TUI session (openOrgSession) asks Identity Center while the tree is still being read, and both are whole', async () => {
		const proxy = await gated();
		const session = await openOrgSession({endpoint: proxy.endpoint, maxAttempts: 1}, {}, {auditRole: AUDIT_ROLE});
		expect(proxy.releasedBy()).toBe('until');
		if ('error' in session.identityCenter) throw new Error(session.identityCenter.error);
		expect(session.identityCenter.users.map(u => u.id).sort()).toEqual(Object.values(org.seeded().people).sort());
		// Assignments waited for the account list: every one is in an account of the tree.
		const accountIds = new Set(session.opened.accounts.map(a => a.account.id));
		expect(session.identityCenter.assignments.length).toBeGreaterThan(0);
		for (const assignment of session.identityCenter.assignments) expect(accountIds.has(assignment.accountId)).toBe(true);
		expect(session.opened.accounts.filter(a => a.load.kind === 'loaded').length).toBeGreaterThan(1);
	}, 60_000);

	it('headless who-can --org does the same', async () => {
		const proxy = await gated();
		const result = await runCli(['who-can', 'iam:CreateUser', '--org', '--json', '--endpoint-url', proxy.endpoint], {
			...motoEnvironment(),
			AWS_ACCESS_KEY_ID: org.seeded().auditor.accessKeyId,
			AWS_SECRET_ACCESS_KEY: org.seeded().auditor.secretAccessKey,
		});
		// The seeded auditor may not assume into sandbox: said, and the rest answered.
		expect(result.stderr.trim()).toMatch(/^iamtui: 1 of 5 accounts could not be read, so the answer may miss who can there: sandbox/);
		expect(JSON.parse(result.stdout)).toBeTruthy();
		expect(proxy.releasedBy()).toBe('until');
	}, 60_000);
});
