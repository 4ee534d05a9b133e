// `iamtui journal resolve PLAN_ID --take-back [--dry-run] [--yes]`: takes back an unfinished plan
// (journal-plans.ts). What IAM holds now is read here; model/plans/take-back.ts decides what the
// evidence proves the plan made; the take-back runs as any plan does (journaled, confirmed, --dry-run).
// Once it went through (or nothing was left), an iamtui:Resolved line closes the plan in the journal.
import {EXIT_OK} from '../cli/exit-codes.js';
import type {IamGateway} from '../model/gateway.js';
import type {Actor, JournalEntry, JournalSink} from '../model/plans/execute.js';
import {findUnfinished, RESOLVED, unfinishedFor} from '../model/plans/journal-plans.js';
import {unfinishedNotice} from './journal.js';
import {planText} from '../model/plans/describe.js';
import {peopleOfRecords, type EverywhereRecord} from '../model/org/offboard-everywhere-record.js';
import {planTakeBack} from '../model/plans/take-back.js';
import {readTakeBackEvidence} from '../model/plans/take-back-evidence.js';
import {sanitize} from '../model/sanitize.js';
import {actorOf, EXIT_FAILURE, runPlanCommand, type WriteOptions} from './plan-command.js';
import type {CommandResult} from './result.js';
import {usageError, withUsageErrors} from './write-args.js';

const USAGE = 'usage: iamtui journal resolve PLAN_ID (--take-back [--dry-run] [--yes] | --mark-resolved)   (iamtui journal --unfinished lists the plans)';

export interface ResolveOptions extends WriteOptions {
	journal: JournalSink & {lines(): JournalEntry[]; path?: string};
	takeBack: boolean;
	/** The operator handled it by hand: close the plan in the journal, send nothing. */
	markResolved?: boolean;
	/** The records of offboarding people everywhere: they name the Identity Center users the journal knows by id. */
	records?: {listEverywhere(): ReadonlyArray<{record: EverywhereRecord}>};
}

/** Items the take-back left to the operator keep the plan unfinished until they say it is handled. */
const leftOpen = (planId: string, cannot: string[]): CommandResult['stderr'] =>
	`iamtui: plan ${planId} stays unfinished: ${cannot.length === 1 ? 'one thing needs' : `${cannot.length} things need`} you (above); once handled, close it with: iamtui journal resolve ${planId} --mark-resolved\n`;

export const resolveJournalCommand = (connect: () => Promise<IamGateway>, args: string[], options: ResolveOptions): Promise<CommandResult> =>
	withUsageErrors(async () => {
		const [, id] = args;
		if (!id || args.length > 2) throw usageError('journal resolve needs one plan id', USAGE);
		if (options.takeBack === (options.markResolved ?? false)) throw usageError('say how to resolve the plan: --take-back (add --dry-run to see it first), or --mark-resolved once you handled it by hand', USAGE);
		const plan = findUnfinished(options.journal.lines(), id);
		if (!plan) return {stdout: '', stderr: `iamtui: no unfinished plan ${sanitize(id)} in ${options.journal.path ?? 'the journal'} — iamtui journal --unfinished lists them\n`, exitCode: EXIT_FAILURE};
		const resolved = (actor: Actor) =>
			options.journal.append({time: new Date().toISOString(), ...actor, operation: RESOLVED, target: {}, outcome: 'ok', errorCode: null, resolves: plan.planId});
		if (options.markResolved) {
			if (options.dryRun) return {stdout: `Plan ${plan.planId} would be marked resolved (dry run: nothing was written).`};
			resolved({profile: options.settings.profile ?? null, account: plan.account, callerArn: null});
			return {stdout: `Plan ${plan.planId} is marked resolved in the journal; nothing was sent to IAM.`};
		}
		const gateway = await connect();
		const actor = await actorOf(gateway, options.settings);
		if (plan.account && actor.account && plan.account !== actor.account)
			return {stdout: '', stderr: `iamtui: plan ${plan.planId} was run in account ${plan.account}, and this connection is account ${actor.account}: connect to the same account (--profile ${sanitize(plan.profile ?? 'NAME')})\n`, exitCode: EXIT_FAILURE};
		const {plan: takeBack, cannot} = planTakeBack(plan, await readTakeBackEvidence(gateway, plan), peopleOfRecords(options.records?.listEverywhere() ?? []));
		const notTaken = cannot.map(line => `not taken back: ${line}`);
		const settle = (stdout: string[]): CommandResult => {
			if (cannot.length > 0) return {stdout: [...stdout, ...notTaken].join('\n'), stderr: leftOpen(plan.planId, cannot), exitCode: EXIT_FAILURE};
			resolved(actor);
			return {stdout: [...stdout, `Plan ${plan.planId} is marked resolved in the journal.`].join('\n')};
		};
		if (!takeBack) {
			// Left to the operator is not the same as nothing left: say which it is.
			const nothing = cannot.length > 0 ? `Nothing of plan ${plan.planId} can be taken back by iamtui.` : `Nothing of plan ${plan.planId} is left to take back.`;
			if (options.dryRun) return {stdout: [nothing, ...notTaken, '(dry run: nothing was sent)'].join('\n')};
			return settle([nothing]);
		}
		const result = await runPlanCommand(gateway, takeBack, 'journal resolve', options);
		if (options.dryRun || (result.exitCode ?? EXIT_OK) !== EXIT_OK) return result;
		if (options.json) {
			if (cannot.length > 0) return {...result, stderr: leftOpen(plan.planId, cannot), exitCode: EXIT_FAILURE};
			resolved(actor);
			return result;
		}
		// The plan with its `aws iam` lines first, then what happened.
		return settle([planText(takeBack), '', result.stdout]);
	});

const readable = (journal: JournalSink): journal is ResolveOptions['journal'] => typeof journal.lines === 'function';

/**
 * Before a rerun on `user`: an unfinished plan on that user is settled first. Without a terminal the run
 * is refused with the commands that resolve it; at a terminal the take-back is offered (its own plan and
 * confirmation follow), and once it went through the run goes on — which finishes what was interrupted.
 */
export const settleUnfinished = async (gateway: IamGateway, command: string, user: string, options: WriteOptions): Promise<{stop: CommandResult} | {before: string[]}> => {
	const {journal} = options;
	const unfinished = unfinishedFor(journal.lines?.() ?? [], user);
	const [plan] = unfinished;
	if (!plan) return {before: []};
	const notice = unfinishedNotice(command, user, unfinished);
	const refused = {stop: {stdout: '', stderr: notice, exitCode: EXIT_FAILURE}};
	if (!options.confirm || options.dryRun || unfinished.length > 1 || !readable(journal)) return refused;
	if (!(await options.confirm(`${notice}\nTake plan ${plan.planId} back now, then run ${command} again? [y/N] `))) return refused;
	const taken = await resolveJournalCommand(async () => gateway, ['resolve', plan.planId], {...options, journal, takeBack: true, json: false});
	return (taken.exitCode ?? EXIT_OK) === EXIT_OK ? {before: [taken.stdout, '']} : {stop: taken};
};
