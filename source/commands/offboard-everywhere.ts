// Headless `iamtui offboard-everywhere PERSON [--account ID[:USER]]… [--audit-role NAME] [--dry-run | --yes]`:
// an Identity Center person's group memberships and direct assignments removed, and the IAM users the
// operator names per account offboarded there with the single-account offboarding (`offboard`, run through
// a gateway on the audit role's credentials). Without --yes the plan is printed and nothing is sent, as
// offboard does. One record for the whole run; a rerun does only what is left.
import {EXIT_CANCELLED, EXIT_FAILURE, EXIT_USAGE} from '../cli/exit-codes.js';
import {isIamError} from '../model/errors.js';
import {offboardEverywhere, type AccountUsersInput} from '../model/org/offboard-everywhere.js';
import {EVERYWHERE_RECORD_KIND, EVERYWHERE_RECORD_VERSION, leftToDo, type AccountStep} from '../model/org/offboard-everywhere-record.js';
import {runEverywhere, type AccountOffboarding, type EverywhereConnection} from '../model/org/offboard-everywhere-run.js';
import {chooseTargets, everywhereWork, icStepsOf, parseAccountChoice, type AccountChoice} from '../model/org/offboard-everywhere-work.js';
import type {OpenedOrganization} from '../model/org/org-load.js';
import {actorFor} from '../model/plans/actor.js';
import type {RecordStore} from '../store/records.js';
import {offboardCommand} from './offboard.js';
import {nothingLeftText, planJson, planText, reportJson, reportText} from './offboard-everywhere-text.js';
import {choosePerson} from './person.js';
import type {WriteOptions} from './plan-command.js';
import type {CommandResult} from './result.js';
import {usageError} from './write-args.js';

const USAGE = 'usage: iamtui offboard-everywhere PERSON [--account ID[:USER]]… [--audit-role NAME] [--dry-run | --yes] [--json]';

export interface EverywhereOptions extends WriteOptions {
	records: RecordStore;
	/** The --account values: ID or ID:USER. */
	accounts: readonly string[];
	auditRole: string;
	ask?: (question: string) => Promise<string>;
	now?: () => Date;
}

const parseChoices = (values: readonly string[]): AccountChoice[] =>
	values.map(value => {
		const choice = parseAccountChoice(value);
		if (!choice) throw usageError(`--account ${value}: give an account (id or name), or ACCOUNT:USER`, USAGE);
		return choice;
	});

/** Each account's IAM users as read through the audit role (a suspended account is not one to look in). */
const accountUsers = (opened: OpenedOrganization): AccountUsersInput[] =>
	opened.accounts.flatMap(({account, load}): AccountUsersInput[] => {
		if (load.kind === 'skipped') return [];
		const base = {accountId: account.id, accountName: account.name};
		return load.kind === 'failed' ? [{...base, error: load.message}] : [{...base, users: load.snapshot.users.map(u => ({name: u.name, tags: u.tags}))}];
	});

/** The single-account offboarding of one named user, in its account: `offboard USER --yes`, not a copy of it. */
const offboardIn = (connection: EverywhereConnection, opened: OpenedOrganization, options: EverywhereOptions) => async (step: AccountStep): Promise<AccountOffboarding> => {
	const account = opened.accounts.find(a => a.account.id === step.accountId)?.account;
	if (!account) return {ok: false, message: `account ${step.accountId} is no longer in the organization`};
	const {gateway, close} = await connection.gatewayIn(account);
	try {
		const result = await offboardCommand(gateway, [step.user], {
			settings: options.settings,
			journal: options.journal,
			records: options.records,
			json: true,
			yes: true,
			dryRun: false,
			keepUser: false,
			lockoutConfirmed: options.lockoutConfirmed ?? false,
			...(options.now ? {now: options.now} : {}),
		});
		const body = result.stdout ? (JSON.parse(result.stdout) as {ok?: boolean; record?: string}) : {};
		const ok = (result.exitCode ?? 0) === 0 && body.ok === true;
		const message = ok ? `${step.user} is offboarded` : (result.stderr ?? '').replace(/^iamtui: /, '').trim() || 'the offboarding stopped';
		return {ok, message, ...(body.record ? {record: body.record} : {})};
	} catch (error) {
		// Gone, with no unfinished offboarding of it: an earlier run (or someone) took it; what is wanted holds.
		if (isIamError(error) && error.code === 'NoSuchEntity') return {ok: true, message: `already gone: ${error.message}${error.hint.includes('record') ? ` (${error.hint})` : ''}`};
		throw error;
	} finally {
		close();
	}
};

export const offboardEverywhereCommand = async (connection: EverywhereConnection, args: string[], options: EverywhereOptions): Promise<CommandResult> => {
	const [name] = args;
	if (!name || args.length > 1) throw usageError('offboard-everywhere needs one person', USAGE);
	const choices = parseChoices(options.accounts);
	if (options.settings.readOnly && !options.dryRun)
		return {stdout: '', stderr: `iamtui: read-only mode: offboard-everywhere ${name} was not started; nothing was sent or recorded — open the profile without --read-only (or use --dry-run to see the plan)\n`, exitCode: EXIT_FAILURE};
	const now = options.now ?? (() => new Date());
	const {opened, identityCenter, callerArn} = await connection.open();
	const person = choosePerson(identityCenter, name);
	const plan = offboardEverywhere(identityCenter, person.id, accountUsers(opened))!;
	const earlier = options.records.listEverywhere().filter(r => r.record.managementAccount === opened.callerAccountId && r.record.person.userId === person.id);
	const unfinished = earlier.find(r => r.record.finishedAt === null);
	// Named before: offboarded by an earlier run, or held by the unfinished one (which finishes it, gone or not).
	const recorded = [...earlier.flatMap(r => r.record.accounts.filter(a => a.status === 'done')), ...(unfinished?.record.accounts ?? [])];
	const chosen = chooseTargets(plan, choices, recorded);
	if ('refused' in chosen) return {stdout: '', stderr: `iamtui: refused: ${chosen.refused}; nothing was sent — ${chosen.hint}\n`, exitCode: EXIT_USAGE};

	const header = {
		version: EVERYWHERE_RECORD_VERSION,
		kind: EVERYWHERE_RECORD_KIND,
		managementAccount: opened.callerAccountId,
		capturedAt: now().toISOString(),
		capturedBy: callerArn,
		auditRole: options.auditRole,
		person: {
			userId: person.id,
			userName: person.userName,
			...(person.displayName ? {displayName: person.displayName} : {}),
			emails: person.emails,
			identityStoreId: identityCenter.instance.identityStoreId,
			instanceArn: identityCenter.instance.arn,
		},
	} as const;
	const {record, found} = everywhereWork(unfinished?.record, {header, identityCenter: icStepsOf(plan), accounts: chosen.targets}, now());
	const left = leftToDo(record);
	if (!unfinished && left.identityCenter.length === 0 && left.accounts.length === 0)
		return {stdout: options.json ? JSON.stringify({nothingLeft: true, person: person.userName, records: earlier.map(r => r.path)}, null, 2) : nothingLeftText(plan, earlier[0]?.path)};

	const text = planText(plan, record, {resumedFrom: unfinished?.path, found});
	if (options.dryRun) return {stdout: options.json ? JSON.stringify({dryRun: true, ...planJson(plan, record)}, null, 2) : `${text}\n\n(dry run: nothing was sent, nothing recorded)`};
	if (!options.yes) {
		if (!options.ask)
			return {stdout: options.json ? JSON.stringify(planJson(plan, record), null, 2) : text, stderr: 'iamtui: offboard-everywhere removes access and there is no terminal to confirm on: add --yes (or --dry-run to see the plan); nothing was sent\n', exitCode: EXIT_USAGE};
		const typed = await options.ask(`${text}\n\nType "${person.userName}" to proceed: `);
		if (typed.trim() !== person.userName) return {stdout: '', stderr: 'iamtui: cancelled (the confirmation did not match), nothing was sent\n', exitCode: EXIT_CANCELLED};
	}

	let recordPath = '';
	const final = await runEverywhere(record, {
		ic: connection.icWrites,
		journal: options.journal,
		actor: actorFor(options.settings.profile, callerArn ? {account: opened.callerAccountId, arn: callerArn} : undefined),
		offboardUser: offboardIn(connection, opened, options),
		saveRecord: r => {
			recordPath = options.records.saveEverywhere(r);
		},
		now,
	});
	const stdout = options.json ? JSON.stringify(reportJson(final, recordPath), null, 2) : reportText(final, recordPath, unfinished ? text : undefined);
	return final.finishedAt ? {stdout} : {stdout, stderr: `iamtui: offboard-everywhere ${person.userName} stopped with steps left; run the same command again to do only what is left (${recordPath})\n`, exitCode: EXIT_FAILURE};
};
