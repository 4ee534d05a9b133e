// Headless `iamtui offboard-everywhere PERSON [--account ID[:USER]]… [--audit-role NAME] [--dry-run | --yes]`:
// an Identity Center person's group memberships and direct assignments removed, and the IAM users the
// operator names per account offboarded there with the single-account offboarding (`offboard`, run through
// a gateway on the audit role's credentials). Without --yes the plan is printed and nothing is sent, as
// offboard does. One record for the whole run; a rerun does only what is left.
import {EXIT_CANCELLED, EXIT_FAILURE, EXIT_USAGE} from '../cli/exit-codes.js';
import {closeSettledRemovals} from '../model/org/everywhere-journal.js';
import {offboardEverywhere} from '../model/org/offboard-everywhere.js';
import {accountUsers, earlierRuns, everywhereHeader} from '../model/org/offboard-everywhere-prepare.js';
import {leftToDo} from '../model/org/offboard-everywhere-record.js';
import {runEverywhere, type EverywhereConnection} from '../model/org/offboard-everywhere-run.js';
import {chooseTargets, everywhereWork, icStepsOf, parseAccountChoice, type AccountChoice} from '../model/org/offboard-everywhere-work.js';
import {actorFor} from '../model/plans/actor.js';
import type {RecordStore} from '../store/records.js';
import {offboardInAccount} from './offboard-in-account.js';
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
	const {earlier, unfinished, recorded} = earlierRuns(options.records.listEverywhere(), opened.callerAccountId, person.id);
	const chosen = chooseTargets(plan, choices, recorded);
	if ('refused' in chosen) return {stdout: '', stderr: `iamtui: refused: ${chosen.refused}; nothing was sent — ${chosen.hint}\n`, exitCode: EXIT_USAGE};

	const header = everywhereHeader(opened, identityCenter, person, {callerArn, auditRole: options.auditRole, at: now()});
	const {record, found} = everywhereWork(unfinished?.record, {header, identityCenter: icStepsOf(plan), accounts: chosen.targets}, now());
	const left = leftToDo(record);
	const actor = actorFor(options.settings.profile, callerArn ? {account: opened.callerAccountId, arn: callerArn} : undefined);
	if (!unfinished && left.identityCenter.length === 0 && left.accounts.length === 0) {
		// Identity Center holds none of the person's grants: an earlier run killed between a removal and its
		// journal line (its record may say done) is settled, as a rerun that does the last removal settles it.
		const closed = options.dryRun ? [] : closeSettledRemovals(options.journal, person.id, actor, now());
		return {
			stdout: options.json
				? JSON.stringify({nothingLeft: true, person: person.userName, records: earlier.map(r => r.path), closedPlans: closed}, null, 2)
				: nothingLeftText(plan, earlier[0]?.path, closed),
		};
	}

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
		actor,
		offboardUser: offboardInAccount(connection, opened, options),
		saveRecord: r => {
			recordPath = options.records.saveEverywhere(r);
		},
		now,
	});
	const stdout = options.json ? JSON.stringify(reportJson(final, recordPath), null, 2) : reportText(final, recordPath, unfinished ? text : undefined);
	return final.finishedAt ? {stdout} : {stdout, stderr: `iamtui: offboard-everywhere ${person.userName} stopped with steps left; run the same command again to do only what is left (${recordPath})\n`, exitCode: EXIT_FAILURE};
};
