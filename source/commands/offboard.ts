// Headless `iamtui offboard USER [--dry-run | --yes] [--keep-user]`: records what the user has, then
// runs the offboarding plan, saving progress after each step; a second run resumes from the record,
// re-reading the user and planning from what it has now, and only under the options it was started
// with. A dry run or a read-only connection sends nothing and records nothing.
// Offboarding yourself (or the key you sign with) goes through the one self-lockout guard every write
// uses: refused without --i-know-this-locks-me-out, and named in --dry-run.
import path from 'node:path';
import {IamError} from '../model/errors.js';
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import {collectRecord} from '../model/offboard/collect.js';
import {optionConflict, resumeRecord} from '../model/offboard/resume.js';
import {roleLines} from '../model/offboard/role-lines.js';
import {runOffboarding} from '../model/offboard/run.js';
import {planText} from '../model/plans/describe.js';
import {journalNotice, reportLines} from '../model/plans/execute.js';
import {planOffboard} from '../model/plans/offboard.js';
import {sanitize} from '../model/sanitize.js';
import type {RecordStore} from '../store/records.js';
import {dryRunLockoutNote, guardHeadless, lockoutRefusal} from './lockout-guard.js';
import {actorOf, EXIT_FAILURE, EXIT_USAGE, type WriteOptions} from './plan-command.js';
import type {CommandResult} from './result.js';
import {EXIT_CANCELLED} from '../cli/exit-codes.js';

export interface OffboardCommandOptions extends WriteOptions {
	records: RecordStore;
	keepUser: boolean;
	/** Asks for a line of text on the terminal (the user's name); undefined without one. */
	ask?: (question: string) => Promise<string>;
	now?: () => Date;
}

export const offboardCommand = async (gateway: IamGateway, args: string[], options: OffboardCommandOptions): Promise<CommandResult> => {
	const [name] = args;
	if (!name || args.length > 1) throw new IamError('Invalid', 'offboard needs one user name', 'usage: iamtui offboard USER [--dry-run | --yes] [--keep-user]');
	const actor = await actorOf(gateway, options.settings);
	if (!actor.account) throw new IamError('Credentials', 'cannot tell which account this profile opens (sts:GetCallerIdentity failed)', 'check the profile with: aws sts get-caller-identity');
	const account = actor.account;
	const now = options.now ?? (() => new Date());
	const resumed = options.records.unfinished(account).find(r => r.record.user.name === name);
	const conflict = resumed && optionConflict(resumed.record, options.keepUser);
	if (resumed && conflict)
		return {
			stdout: '',
			stderr:
				`iamtui: refused: the unfinished offboarding of ${name} in ${resumed.path} ${conflict}; nothing was sent. ` +
				`To finish it as started, run: iamtui offboard ${name}${resumed.record.keepUser ? ' --keep-user' : ''}. ` +
				`To start over with these options, close it first (it is kept, with what ${name} had, for restore): iamtui records close ${resumed.path}\n`,
			exitCode: EXIT_USAGE,
		};
	// Progress is saved under the name the record's content gives: a renamed record would stay unfinished.
	if (resumed && path.resolve(options.records.pathOf(resumed.record)) !== path.resolve(resumed.path))
		throw new IamError('Invalid', `the unfinished record ${resumed.path} is not under the name iamtui gave it`, `rename it to ${path.basename(options.records.pathOf(resumed.record))} (same folder), then run again`);
	if (gateway.readOnly && !options.dryRun)
		return {stdout: '', stderr: `iamtui: read-only mode: offboard ${name} was not started; nothing was sent or recorded — open the profile without --read-only (or use --dry-run to see the plan)\n`, exitCode: EXIT_FAILURE};
	const index = buildIndex(await gateway.loadSnapshot());
	if (!resumed && !index.userByName.has(name)) {
		const done = options.records.list().find(r => r.record.account === actor.account && r.record.user.name === name);
		const when = done?.record.closedAt ? `its offboarding was closed unfinished on ${done.record.closedAt}` : `it was offboarded on ${done?.record.finishedAt ?? done?.record.capturedAt}`;
		throw new IamError('NotFound', `no user named ${name} in account ${actor.account}`, done ? `${when}; its record is ${done.path}` : 'list the users with: iamtui users', 'NoSuchEntity');
	}
	const collect = () => collectRecord(name, {gateway, index, account, callerArn: actor.callerArn, now: now(), keepUser: options.keepUser});
	// A resume re-reads the user: what it gained since the interruption is revoked too.
	const current = resumed && index.userByName.has(name) ? await collect() : undefined;
	const record = resumed ? resumeRecord(resumed.record, current, now()).record : await collect();
	const plan = await guardHeadless(gateway, planOffboard(record, {keepUser: record.keepUser, ...(current ? {now: current} : {})}), index);
	// The roles of the inventory come first: what the user can assume, and which trusts name them.
	const roles = roleLines(record).map(l => `${'  '.repeat(l.depth - 1)}${sanitize(l.text)}`);
	const text = `${resumed ? `Resuming the offboarding recorded in ${resumed.path}\n` : ''}${roles.join('\n')}\n\n${planText(plan)}`;
	if (options.dryRun)
		return {stdout: options.json ? JSON.stringify({dryRun: true, resumed: Boolean(resumed), record, plan}, null, 2) : `${text}\n\n(dry run: nothing was sent, nothing recorded)${dryRunLockoutNote(plan)}`};
	const locked = lockoutRefusal(plan, `offboard ${name}`, options.lockoutConfirmed ?? false);
	if (locked) return locked;
	if (!options.yes) {
		if (!options.ask) return {stdout: '', stderr: 'iamtui: offboard deletes access and there is no terminal to confirm on: add --yes (or --dry-run to see the plan)\n', exitCode: EXIT_USAGE};
		const typed = await options.ask(`${text}\n\nType "${name}" to proceed: `);
		if (typed.trim() !== name) return {stdout: '', stderr: 'iamtui: cancelled (the confirmation did not match), nothing was sent\n', exitCode: EXIT_CANCELLED};
	}
	let recordPath = '';
	const {report, record: final} = await runOffboarding(record, plan, {
		gateway,
		journal: options.journal,
		actor,
		now,
		saveRecord: r => {
			recordPath = options.records.save(r);
		},
	});
	const summary = report.ok
		? `${name} ${final.keepUser ? 'has no access left (user kept)' : 'is offboarded'}; the record is ${recordPath}`
		: `stopped: run \`iamtui offboard ${name}\` again to resume from ${recordPath}`;
	const stdout = options.json
		? JSON.stringify({ok: report.ok, record: recordPath, steps: report.outcomes.map(o => ({...o.step, status: o.status, message: o.message}))}, null, 2)
		: [...reportLines(report), summary].join('\n');
	// A journal that could not record a write is said on stderr, and is no clean run for a script either.
	const unjournaled = journalNotice(report);
	if (report.ok) return unjournaled ? {stdout, stderr: unjournaled, exitCode: EXIT_FAILURE} : {stdout};
	return {stdout, stderr: `${unjournaled}iamtui: ${report.outcomes.find(o => o.status === 'failed')?.message ?? 'a step failed'}\n`, exitCode: EXIT_FAILURE};
};
