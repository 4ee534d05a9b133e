// Issue 19's load target: an organization of 50 accounts × 500 principals loads in ≤ 3 × the time of one
// such account. Starts its own moto on a free loopback port, seeds the organization (every account its own
// synthetic IAM, plan.ts at 500 principals: 400 users and 100 roles, with groups and policies in the bench
// account's proportions; two OUs, an SCP on one; Identity Center people assigned in every account), then
// times in the same run (a) one account loaded as iamtui opens a profile and (b) the whole organization as
// the TUI opens it (tree, every account through the audit role, Identity Center), and prints the ratio.
// Three ways to reach moto, each timed the same:
//   direct   — iamtui talks to moto itself: moto's one CPU answers every request in turn, so the org's load
//              is bounded by moto's sum of work, not by iamtui;
//   delay    — through a loopback proxy (its own process) that holds every request --delay ms, as an AWS
//              round trip, then forwards it: moto's CPU still in the path;
//   replay   — the same delay, each distinct request answered by moto once (a warm-up) and from the proxy's
//              memory after: AWS's parallelism stood in for, so what is left is iamtui's own concurrency.
//   npx tsx scripts/bench/org-load.ts [--accounts 50 --principals 500 --delay 60 --runs 3 --modes direct,delay,replay] [--timeline]
// --timeline: per action, when the organization's requests began and ended (what its load waits on).
// Seeding 50 × 500 takes moto tens of minutes; to time again without seeding again, start moto yourself
// (moto_server -H 127.0.0.1 -p PORT), seed it once with --moto URL --seed-only, then time with --moto URL
// (the same --accounts and --principals; the counts are checked).
import {CreateAccountAssignmentCommand, CreatePermissionSetCommand, ListInstancesCommand, PutInlinePolicyToPermissionSetCommand, SSOAdminClient} from '@aws-sdk/client-sso-admin';
import {CreateGroupCommand, CreateGroupMembershipCommand, CreateUserCommand as CreateIcUserCommand, IdentitystoreClient} from '@aws-sdk/client-identitystore';
import {
	AttachPolicyCommand,
	CreateAccountCommand,
	CreateOrganizationCommand,
	CreateOrganizationalUnitCommand,
	CreatePolicyCommand,
	ListRootsCommand,
	MoveAccountCommand,
	OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {createGateway} from '../../source/aws/gateway.js';
import {ACCOUNT_CONCURRENCY} from '../../source/aws/org-loader.js';
import {openOrgSession} from '../../source/aws/org-session.js';
import {AUDIT_ROLE, roleCredentials} from '../seed-org.js';
import {assertLoopbackTarget} from '../../test/helpers/fault-proxy.js';
import {motoAvailable, startMoto} from '../../test/helpers/moto.js';
import {benchEnvironment} from './env.js';
import type {CountedRequest} from './counting-proxy.js';
import {DUMMY_CREDENTIALS, planAccount, type Scale} from './plan.js';
import {inParallel, median, round} from './pool.js';
import {startProxyProcess, type ProxyProcess} from './proxy-process.js';
import {plannedCalls, seedAccount} from './seed-at-scale.js';

const {values: args} = parseArgs({
	options: {
		accounts: {type: 'string'},
		principals: {type: 'string'},
		delay: {type: 'string'},
		runs: {type: 'string'},
		modes: {type: 'string'},
		'seed-concurrency': {type: 'string'},
		moto: {type: 'string'},
		concurrency: {type: 'string'},
		'seed-only': {type: 'boolean', default: false},
		timeline: {type: 'boolean', default: false},
	},
});
const integer = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Math.max(0, Number.parseInt(value, 10) || 0));
const accountCount = Math.max(1, integer(args.accounts, 50));
const principals = Math.max(2, integer(args.principals, 500));
const delayMs = integer(args.delay, 60);
const runs = Math.max(1, integer(args.runs, 3));
/** Accounts in flight; iamtui's own default (ACCOUNT_CONCURRENCY) unless given. */
const accountConcurrency = args.concurrency === undefined ? undefined : Math.max(1, integer(args.concurrency, 1));
const seedConcurrency = Math.max(1, integer(args['seed-concurrency'], 24));
type Mode = 'direct' | 'delay' | 'replay';
const modes = (args.modes ?? 'direct,delay,replay').split(',').map(m => m.trim()) as Mode[];
for (const mode of modes) if (!['direct', 'delay', 'replay'].includes(mode)) throw new Error(`unknown mode ${mode} (direct, delay, replay)`);

/** 500 principals: 400 users and 100 roles; groups and policies as org-who-can-offline.ts has them. */
const scale: Scale = {users: Math.round(principals * 0.8), roles: principals - Math.round(principals * 0.8), groups: Math.max(1, Math.round(principals * 0.06)), policies: Math.max(2, Math.round(principals * 0.16))};

const began = performance.now();
const log = (message: string) => process.stderr.write(`org-load [${Math.round((performance.now() - began) / 1000)} s]: ${message}\n`);
const config = (endpoint: string) => ({region: 'us-east-1', endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 5});

/** The tree (OUs prod and dev, prod under an SCP), the member accounts, and Identity Center: 2 groups, 2 permission sets, assigned in every account. */
const seedOrganization = async (endpoint: string): Promise<string[]> => {
	const org = new OrganizationsClient(config(endpoint));
	const management = (await org.send(new CreateOrganizationCommand({FeatureSet: 'ALL'}))).Organization?.MasterAccountId ?? '';
	const rootId = (await org.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
	const ou = async (Name: string) => (await org.send(new CreateOrganizationalUnitCommand({ParentId: rootId, Name}))).OrganizationalUnit?.Id ?? '';
	const ous = [await ou('prod'), await ou('dev')];
	const deny = await org.send(new CreatePolicyCommand({
		Type: 'SERVICE_CONTROL_POLICY', Name: 'DenyTerminate', Description: 'no instance terminations in prod',
		Content: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*'}]}),
	}));
	await org.send(new AttachPolicyCommand({PolicyId: deny.Policy?.PolicySummary?.Id, TargetId: ous[0]}));
	const members = await inParallel(
		Array.from({length: accountCount - 1}, (_, n) => async () => {
			const name = `workload-${String(n + 1).padStart(3, '0')}`;
			const id = (await org.send(new CreateAccountCommand({AccountName: name, Email: `${name}@example.com`}))).CreateAccountStatus?.AccountId ?? '';
			// A third at the root, the others in prod or dev.
			if (n % 3 !== 2) await org.send(new MoveAccountCommand({AccountId: id, SourceParentId: rootId, DestinationParentId: ous[n % 3]}));
			return id;
		}),
		8,
	);
	const accounts = [management, ...members];

	const sso = new SSOAdminClient(config(endpoint));
	const store = new IdentitystoreClient(config(endpoint));
	const instance = (await sso.send(new ListInstancesCommand({}))).Instances?.[0];
	const InstanceArn = instance?.InstanceArn ?? '';
	const IdentityStoreId = instance?.IdentityStoreId ?? '';
	const people = await inParallel(
		Array.from({length: 20}, (_, n) => async () =>
			(await store.send(new CreateIcUserCommand({IdentityStoreId, UserName: `person-${n}`, DisplayName: `Person ${n}`, Name: {GivenName: 'Person', FamilyName: String(n)}}))).UserId ?? ''),
		8,
	);
	const groups: string[] = [];
	for (const DisplayName of ['Admins', 'Readers']) groups.push((await store.send(new CreateGroupCommand({IdentityStoreId, DisplayName}))).GroupId ?? '');
	await inParallel(people.map((UserId, n) => () => store.send(new CreateGroupMembershipCommand({IdentityStoreId, GroupId: groups[n % 2], MemberId: {UserId}}))), 8);
	const sets: string[] = [];
	for (const Name of ['AdminAccess', 'ReadOnly']) sets.push((await sso.send(new CreatePermissionSetCommand({InstanceArn, Name, SessionDuration: 'PT1H'}))).PermissionSet?.PermissionSetArn ?? '');
	await sso.send(new PutInlinePolicyToPermissionSetCommand({InstanceArn, PermissionSetArn: sets[0], InlinePolicy: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]})}));
	await inParallel(
		accounts.flatMap(TargetId => sets.map((PermissionSetArn, n) => () =>
			sso.send(new CreateAccountAssignmentCommand({InstanceArn, TargetId, TargetType: 'AWS_ACCOUNT', PermissionSetArn, PrincipalType: 'GROUP', PrincipalId: groups[n]})))),
		8,
	);
	for (const client of [org, sso, store]) client.destroy();
	return accounts;
};

/** Every account's IAM: the bench's synthetic account at this scale, each from its own PRNG seed, members through their role. */
const seedAccounts = async (endpoint: string, accounts: string[]): Promise<void> => {
	const perAccount = plannedCalls(planAccount(scale));
	const total = perAccount * accounts.length;
	log(`seeding ${accounts.length} accounts × ${principals} principals (${scale.users} users, ${scale.roles} roles, ${scale.groups} groups, ${scale.policies} policies): about ${total} calls`);
	const started = performance.now();
	let done = 0;
	// A few accounts at once, each with a few requests in flight: moto is one process either way.
	const inFlight = Math.max(1, Math.min(accounts.length, Math.ceil(seedConcurrency / 6)));
	await inParallel(
		accounts.map((account, n) => async () => {
			const credentials = n === 0 ? undefined : await roleCredentials(endpoint, account);
			await seedAccount(endpoint, planAccount(scale, 20_240_501 + 7 * n), {concurrency: 6, ...(credentials ? {credentials} : {})});
			done++;
			const seconds = (performance.now() - started) / 1000;
			if (done % 5 === 0 || done === accounts.length) log(`  ${done}/${accounts.length} accounts seeded, ${Math.round((done * perAccount) / seconds)} calls/s, about ${Math.round(((accounts.length - done) * seconds) / done)} s left`);
		}),
		inFlight,
	);
	log(`seeded in ${round((performance.now() - started) / 1000, 1)} s`);
};

interface Timing {
	oneMs: number;
	/** Until the last account's outcome: the tree and every account. */
	accountsMs: number;
	/** The whole session: Identity Center read too. */
	orgMs: number;
	oneRequests: CountedRequest[];
	orgRequests: CountedRequest[];
	/** CPU this process spent (user + system): iamtui's own work, whatever else the machine runs. */
	oneCpuMs: number;
	orgCpuMs: number;
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
	const used = process.cpuUsage(since);
	return (used.user + used.system) / 1000;
};

/** One account as a profile opens it: GetAccountAuthorizationDetails and the credential report. */
const loadOne = async (endpoint: string): Promise<number> => {
	const snapshot = await createGateway({endpoint}).loadSnapshot();
	if (snapshot.users.length !== scale.users) throw new Error(`one account: ${snapshot.users.length} users, expected ${scale.users}`);
	return snapshot.users.length + (snapshot.roles?.length ?? 0);
};

/** The organization as the TUI opens it (openOrgSession: tree, every account through the audit role, Identity Center). */
const loadOrg = async (endpoint: string): Promise<{accountsMs: number}> => {
	const started = performance.now();
	let accountsMs = 0;
	const session = await openOrgSession({endpoint}, {}, {auditRole: AUDIT_ROLE, ...(accountConcurrency ? {concurrency: accountConcurrency} : {}), onAccount: progress => {
		if (progress.load.kind !== 'loading') accountsMs = performance.now() - started;
	}});
	const loaded = session.opened.accounts.filter(a => a.load.kind === 'loaded');
	if (loaded.length !== accountCount) {
		const failed = session.opened.accounts.find(a => a.load.kind !== 'loaded');
		throw new Error(`organization: ${loaded.length} of ${accountCount} accounts loaded${failed ? `; ${failed.account.name}: ${JSON.stringify(failed.load)}` : ''}`);
	}
	if ('error' in session.identityCenter) throw new Error(`organization: Identity Center not read: ${session.identityCenter.error}`);
	for (const a of session.opened.accounts) {
		if (a.load.kind === 'loaded' && a.load.snapshot.users.length !== scale.users) throw new Error(`${a.account.name}: ${a.load.snapshot.users.length} users, expected ${scale.users}`);
	}
	return {accountsMs};
};

const timedRun = async (endpoint: string, proxy: ProxyProcess | undefined): Promise<Timing> => {
	await proxy?.clearCount();
	let cpu = process.cpuUsage();
	let started = performance.now();
	await loadOne(endpoint);
	const oneMs = performance.now() - started;
	const oneCpuMs = cpuMs(cpu);
	const oneRequests = (await proxy?.requests()) ?? [];
	await proxy?.clearCount();
	cpu = process.cpuUsage();
	started = performance.now();
	const {accountsMs} = await loadOrg(endpoint);
	const orgMs = performance.now() - started;
	const orgCpuMs = cpuMs(cpu);
	const orgRequests = (await proxy?.requests()) ?? [];
	return {oneMs, accountsMs, orgMs, oneRequests, orgRequests, oneCpuMs, orgCpuMs};
};

/** Per action, in order of first arrival: how many, when the first arrived and when the last was answered (ms into the load). */
const timeline = (requests: CountedRequest[]): string => {
	const spans = new Map<string, {n: number; from: number; to: number}>();
	for (const r of requests) {
		const span = spans.get(r.action);
		if (span) {
			span.n++;
			span.from = Math.min(span.from, r.receivedMs);
			span.to = Math.max(span.to, r.answeredMs);
		} else spans.set(r.action, {n: 1, from: r.receivedMs, to: r.answeredMs});
	}
	return [...spans].sort(([, a], [, b]) => a.from - b.from).map(([action, {n, from, to}]) => `  ${action} ×${n}: ${from}–${to} ms`).join('\n');
};

const byAction = (requests: CountedRequest[]): string => {
	const counts = new Map<string, number>();
	for (const r of requests) counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
	return [...counts].sort(([, a], [, b]) => b - a).map(([action, n]) => `${action} ${n}`).join(', ');
};

const measureMode = async (mode: Mode, motoEndpoint: string) => {
	const proxy = mode === 'direct' ? undefined : await startProxyProcess(motoEndpoint, {delayMs, replay: mode === 'replay'});
	const endpoint = proxy?.endpoint ?? motoEndpoint;
	try {
		// Warm-up, not timed: the credential reports exist, the code is compiled, and replay has every answer.
		log(`${mode}: warm-up…`);
		await timedRun(endpoint, proxy);
		const timings: Timing[] = [];
		for (let run = 1; run <= runs; run++) {
			const timing = await timedRun(endpoint, proxy);
			timings.push(timing);
			log(`${mode} run ${run}: one account ${Math.round(timing.oneMs)} ms; organization: accounts ${Math.round(timing.accountsMs)} ms (${round(timing.accountsMs / timing.oneMs, 2)}×), with Identity Center ${Math.round(timing.orgMs)} ms (${round(timing.orgMs / timing.oneMs, 2)}×); CPU one ${Math.round(timing.oneCpuMs)} ms, organization ${Math.round(timing.orgCpuMs)} ms`);
		}
		const last = timings.at(-1)!;
		if (proxy) {
			const notOk = last.orgRequests.filter(r => r.status >= 400);
			log(`${mode}: one account sent ${last.oneRequests.length} requests (${byAction(last.oneRequests)})`);
			log(`${mode}: the organization sent ${last.orgRequests.length} requests (${byAction(last.orgRequests)})${notOk.length > 0 ? `; ${notOk.length} not ok: ${byAction(notOk)}` : ''}`);
			if (args.timeline) log(`${mode}: the organization's requests in time (first arrived – last answered):\n${timeline(last.orgRequests)}`);
		}
		return {
			mode,
			delayMs: mode === 'direct' ? 0 : delayMs,
			oneMs: round(median(timings.map(t => t.oneMs)), 0),
			accountsMs: round(median(timings.map(t => t.accountsMs)), 0),
			orgMs: round(median(timings.map(t => t.orgMs)), 0),
			accountsRatio: round(median(timings.map(t => t.accountsMs / t.oneMs)), 2),
			accountsRatios: timings.map(t => round(t.accountsMs / t.oneMs, 2)),
			ratio: round(median(timings.map(t => t.orgMs / t.oneMs)), 2),
			ratios: timings.map(t => round(t.orgMs / t.oneMs, 2)),
			requests: proxy ? {one: last.oneRequests.length, org: last.orgRequests.length} : undefined,
			oneCpuMs: round(median(timings.map(t => t.oneCpuMs)), 0),
			orgCpuMs: round(median(timings.map(t => t.orgCpuMs)), 0),
		};
	} finally {
		await proxy?.stop();
	}
};

const main = async (): Promise<number> => {
	if (!(await motoAvailable())) {
		log("moto_server is not on PATH (pip install 'moto[server]')");
		return 1;
	}
	const scratch = mkdtempSync(path.join(os.tmpdir(), 'iamtui-org-load-'));
	Object.assign(process.env, benchEnvironment(scratch));
	const given = args.moto === undefined ? undefined : assertLoopbackTarget(args.moto).origin;
	const moto = given ? {endpoint: given, stop: async () => undefined} : await startMoto({loadManagedPolicies: false});
	try {
		log(`moto on ${moto.endpoint}${given ? ' (given)' : ''}`);
		if (!given || args['seed-only']) {
			const accounts = await seedOrganization(moto.endpoint);
			await seedAccounts(moto.endpoint, accounts);
		}
		if (args['seed-only']) return 0;
		const results = [];
		for (const mode of modes) results.push(await measureMode(mode, moto.endpoint));
		process.stdout.write(`\norganization load: ${accountCount} accounts × ${principals} principals, ${accountConcurrency ?? ACCOUNT_CONCURRENCY} accounts in flight, ${runs} runs each (medians), target ≤ 3 × one account\n`);
		process.stdout.write('(accounts: until the last account is loaded; + IC: the whole session as the TUI opens it, Identity Center read too)\n');
		process.stdout.write('(CPU: what this process, iamtui, spent on each: its own work, whatever else the machine runs)\n');
		process.stdout.write('mode     delay   one account   accounts   ratio (runs)             + IC       ratio (runs)             requests one/org   CPU one/org\n');
		for (const r of results) {
			process.stdout.write(
				`${r.mode.padEnd(8)} ${`${r.delayMs} ms`.padEnd(7)} ${`${r.oneMs} ms`.padEnd(13)} ${`${r.accountsMs} ms`.padEnd(10)} ${`${r.accountsRatio} (${r.accountsRatios.join(', ')})`.padEnd(24)} ${`${r.orgMs} ms`.padEnd(10)} ${`${r.ratio} (${r.ratios.join(', ')})`.padEnd(24)} ${(r.requests ? `${r.requests.one}/${r.requests.org}` : '-').padEnd(18)} ${r.oneCpuMs}/${r.orgCpuMs} ms\n`,
			);
		}
		return 0;
	} finally {
		// A moto given with --moto is left running (stop is a no-op); the scratch folder goes either way.
		await moto.stop();
		rmSync(scratch, {force: true, recursive: true});
	}
};

try {
	process.exitCode = await main();
} catch (error) {
	log(`failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
	process.exitCode = 1;
}
// The SDK's kept-alive sockets would hold the process open.
process.exit();
