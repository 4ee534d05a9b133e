// Identity Center is read beside the organization's tree, not after it: its instance, people, groups and
// permission sets need no account, only its assignments wait for the tree's account list. Shown with the
// tree's account listing held at a gate that only Identity Center's first call opens: an open that read
// Identity Center after the tree would wait there until the test's own release, and fail. The same way, the
// flat ListAccounts read beside the tree starts the accounts' loads before the tree's listings are answered;
// a policy without it opens the same organization, only later.
import {CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand} from '@aws-sdk/client-iam';
import {readFileSync} from 'node:fs';
import {afterEach, expect, it, vi} from 'vitest';
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

	/** The tree's account listing held until a request for `until` arrives (or the fallback). */
	const gated = async (until = 'ListInstances') => {
		gate = await gateAction(org.moto().endpoint, 'ListAccountsForParent', {until});
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

	it("each account's load starts as the flat account listing names it: its AssumeRole is sent while the tree's listings are held", async () => {
		const opened = await gated('AssumeRole');
		const session = await openOrgSession({endpoint: opened.endpoint, maxAttempts: 1}, {}, {auditRole: AUDIT_ROLE});
		expect(opened.releasedBy()).toBe('until');
		// Every account with the path the tree gives it, not the flat listing's bare one.
		const prod = session.opened.accounts.find(a => a.account.id === org.seeded().accounts.prod);
		expect(prod?.path.map(p => p.name)).toEqual(['Root', 'prod', 'workload-prod']);
		expect(prod?.load.kind).toBe('loaded');
	}, 60_000);

	it('a policy without organizations:ListAccounts opens the same organization: the tree names every account', async () => {
		const template = JSON.parse(readFileSync(new URL('../../templates/iamtui-read-only.json', import.meta.url), 'utf8')) as {document: {Statement: unknown[]}};
		// As the seeded auditor's (sandbox refused too), but for ListAccounts.
		const policy = {
			Version: '2012-10-17',
			Statement: [
				...template.document.Statement,
				{Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${org.seeded().accounts.sandbox}:role/*`},
				{Effect: 'Deny', Action: 'organizations:ListAccounts', Resource: '*'},
			],
		};
		await org.moto().setAuthorization(false);
		let keys: {AccessKeyId?: string; SecretAccessKey?: string};
		try {
			const iam = new IAMClient({endpoint: org.moto().endpoint, region: 'us-east-1', credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
			await iam.send(new CreateUserCommand({UserName: 'older-auditor'}));
			await iam.send(new PutUserPolicyCommand({UserName: 'older-auditor', PolicyName: 'before-list-accounts', PolicyDocument: JSON.stringify(policy)}));
			keys = (await iam.send(new CreateAccessKeyCommand({UserName: 'older-auditor'}))).AccessKey!;
		} finally {
			await org.moto().setAuthorization(true);
		}
		const outcomes = (session: Awaited<ReturnType<typeof openOrgSession>>) => session.opened.accounts.map(a => `${a.account.name}:${a.load.kind}:${a.path.map(p => p.name).join('/')}`).sort();
		const asAuditor = await openOrgSession({endpoint: org.moto().endpoint, maxAttempts: 1}, {}, {auditRole: AUDIT_ROLE});
		vi.stubEnv('AWS_ACCESS_KEY_ID', keys.AccessKeyId!);
		vi.stubEnv('AWS_SECRET_ACCESS_KEY', keys.SecretAccessKey!);
		let older: Awaited<ReturnType<typeof openOrgSession>>;
		try {
			older = await openOrgSession({endpoint: org.moto().endpoint, maxAttempts: 1}, {}, {auditRole: AUDIT_ROLE});
		} finally {
			// The suite's other tests run as the seeded auditor.
			vi.stubEnv('AWS_ACCESS_KEY_ID', org.seeded().auditor.accessKeyId);
			vi.stubEnv('AWS_SECRET_ACCESS_KEY', org.seeded().auditor.secretAccessKey);
		}
		expect(outcomes(older)).toEqual(outcomes(asAuditor));
		expect(outcomes(older).filter(o => o.includes(':loaded:'))).toHaveLength(3);
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
