// Org-wide who-can on an organization built in memory (issue 19's scale: 50 accounts × 500 principals),
// no moto: every account's snapshot is the bench's synthetic account (plan.ts) at a smaller scale, each
// from its own PRNG seed; the tree has two OUs, prod under an SCP denying ec2:TerminateInstances.
//   npx tsx scripts/bench/org-who-can-offline.ts [--accounts N --users N --roles N --groups N --policies N] [--action A]
// With --action: that one query, each in a fresh process, as headless `who-can ACTION --org` answers it
// once the accounts are loaded: every account's own who-can on a fresh model, capped by the SCPs. Printed
// beside it: one account's who-can alone, cold, in the same process before (the per-account cost the org
// answer multiplies). Without --action: every bench action, each in its own child process.
// With --tui: as the TUI runs it — each account's model kept for the session (shared knowledge), readied by the
// background warm-up the organization starts once open (prepareOrgWhoCan, timed), then each action's first
// org-wide answer on those models.
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {buildAccessModel, whoCan, type AccessModel} from '../../source/model/access.js';
import {sharedKnowledge} from '../../source/model/access/shared-knowledge.js';
import {buildIndex} from '../../source/model/indexes.js';
import {accountAnswerInputs, type ModelOf} from '../../source/model/org/account-answers.js';
import {prepareOrgWhoCan} from '../../source/model/org/org-prepare.js';
import type {OpenedOrganization} from '../../source/model/org/org-load.js';
import {orgWhoCan} from '../../source/model/org/org-who-can.js';
import type {OrgAccount, OrgUnit, ServiceControlPolicy} from '../../source/model/org/organization.js';
import type {AccountSnapshot} from '../../source/model/snapshot.js';
import {planAccount, type Scale} from './plan.js';
import {planSnapshot} from './plan-snapshot.js';
import {WHO_CAN_ACTIONS} from './who-can.js';
import {orgWhoCanLines} from '../../source/ui/screens/org-whocan-lines.js';

const {values} = parseArgs({
	options: {accounts: {type: 'string'}, users: {type: 'string'}, roles: {type: 'string'}, groups: {type: 'string'}, policies: {type: 'string'}, action: {type: 'string'}, tui: {type: 'boolean'}},
});
const size = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number.parseInt(value, 10));
const accountCount = size(values.accounts, 50);
/** 500 principals an account: 400 users and 100 roles, with groups and policies in the bench account's proportions. */
const scale: Scale = {users: size(values.users, 400), roles: size(values.roles, 100), groups: size(values.groups, 30), policies: size(values.policies, 80)};

const MANAGEMENT = '100000000000';
const accountId = (n: number) => String(200_000_000_000 + n);
const doc = (...Statement: object[]) => ({Version: '2012-10-17', Statement});
const fullAccess: ServiceControlPolicy = {id: 'p-FullAWSAccess', name: 'FullAWSAccess', document: doc({Effect: 'Allow', Action: '*', Resource: '*'})};
const denyTerminate: ServiceControlPolicy = {id: 'p-deny', name: 'DenyTerminate', document: doc({Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*'})};

const organizationOf = (snapshots: AccountSnapshot[]): OpenedOrganization => {
	const account = (n: number): OrgAccount => ({id: accountId(n), name: `account-${n}`, kind: 'account', status: 'ACTIVE', scps: [fullAccess]});
	const members = snapshots.map((_, n) => account(n));
	// Half the accounts in prod (SCP denies terminations), half in dev.
	const prod: OrgUnit = {id: 'ou-prod', name: 'prod', kind: 'ou', scps: [fullAccess, denyTerminate], ous: [], accounts: members.filter((_, n) => n % 2 === 0)};
	const dev: OrgUnit = {id: 'ou-dev', name: 'dev', kind: 'ou', scps: [fullAccess], ous: [], accounts: members.filter((_, n) => n % 2 === 1)};
	const management: OrgAccount = {id: MANAGEMENT, name: 'management', kind: 'account', status: 'ACTIVE', scps: [fullAccess]};
	const root = {id: 'r-root', name: 'Root', kind: 'root' as const, scps: [fullAccess], ous: [prod, dev], accounts: [management]};
	const pathOf = (n: number) => [root, n % 2 === 0 ? prod : dev, members[n]!];
	return {
		organization: {managementAccountId: MANAGEMENT, root},
		callerAccountId: MANAGEMENT,
		auditRole: 'OrganizationAccountAccessRole',
		accounts: snapshots.map((snapshot, n) => ({account: members[n]!, path: pathOf(n), load: {kind: 'loaded' as const, snapshot}})),
	};
};

const one = async (action: string) => {
	const snapshots = Array.from({length: accountCount}, (_, n) => planSnapshot(planAccount(scale, 1_000 + n)));
	// One account alone, cold: what each account of the org answer costs when it is the first.
	const aloneStarted = performance.now();
	const alone = await whoCan(buildAccessModel(buildIndex(snapshots[0]!)), action);
	const aloneMs = performance.now() - aloneStarted;
	if (!alone.ok) throw new Error(alone.message);

	const opened = organizationOf(snapshots);
	const started = performance.now();
	const asked = await accountAnswerInputs(opened, action, '*');
	if (!asked.ok) throw new Error(asked.message);
	const answers = await orgWhoCan(opened.organization, asked.inputs, undefined, action);
	const orgMs = performance.now() - started;
	// The lines the WhoCan screen draws from (orgWhoCanLines), made from that answer.
	const linesStarted = performance.now();
	const total = asked.inputs.find(input => 'answer' in input)?.answer.actions.length ?? 1;
	const lines = orgWhoCanLines(answers, total, () => {}).length;
	const linesMs = performance.now() - linesStarted;
	const principals = answers.reduce((sum, a) => sum + a.users.length + a.groups.length + a.roles.length, 0);
	const blocked = answers.reduce((sum, a) => sum + a.blockedByScp, 0);
	return {
		action,
		accounts: accountCount,
		principalsPerAccount: (scale.users ?? 0) + (scale.roles ?? 0),
		orgMs: Math.round(orgMs),
		linesMs: Math.round(linesMs),
		lines,
		oneAccountColdMs: Math.round(aloneMs),
		orgVsOneAccount: Number((orgMs / aloneMs).toFixed(2)),
		principalsFound: principals,
		blockedByScp: blocked,
	};
};

/** As the TUI: models kept, the warm-up first (the operator browsing meanwhile), then each action's first answer on them. */
const asTheTui = async () => {
	const opened = organizationOf(Array.from({length: accountCount}, (_, n) => planSnapshot(planAccount(scale, 1_000 + n))));
	const knowledge = sharedKnowledge();
	const models = new Map<string, AccessModel>();
	const modelOf: ModelOf = (accountId, snapshot) => {
		let model = models.get(accountId);
		if (!model) models.set(accountId, (model = buildAccessModel(buildIndex(snapshot), undefined, knowledge)));
		return model;
	};
	const started = performance.now();
	await prepareOrgWhoCan(opened, modelOf, new AbortController().signal, () => false);
	const prepareMs = performance.now() - started;
	const actions: Array<{action: string; firstMs: number}> = [];
	for (const action of WHO_CAN_ACTIONS) {
		const began = performance.now();
		const asked = await accountAnswerInputs(opened, action, '*', modelOf);
		if (!asked.ok) throw new Error(asked.message);
		await orgWhoCan(opened.organization, asked.inputs, undefined, action);
		actions.push({action, firstMs: Math.round(performance.now() - began)});
	}
	return {accounts: accountCount, principalsPerAccount: (scale.users ?? 0) + (scale.roles ?? 0), prepareMs: Math.round(prepareMs), actions, maxFirstMs: Math.max(...actions.map(a => a.firstMs))};
};

if (values.tui) process.stdout.write(`${JSON.stringify(await asTheTui())}\n`);
else if (values.action) process.stdout.write(`${JSON.stringify(await one(values.action))}\n`);
else {
	const script = fileURLToPath(import.meta.url);
	const sizes = ['--accounts', String(accountCount), ...Object.entries(scale).flatMap(([key, value]) => [`--${key}`, String(value)])];
	for (const action of WHO_CAN_ACTIONS) {
		process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', script, ...sizes, '--action', action], {encoding: 'utf8'}));
	}
}
