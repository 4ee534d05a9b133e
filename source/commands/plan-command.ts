// Runs a plan for a headless command: --dry-run prints it (and its `aws iam` equivalents) and sends
// nothing; a dangerous plan needs --yes or a "y" typed at a terminal (a deletion: its name typed);
// the executor, the journal and the report are the TUI's. Secrets a plan issues are handed to
// `deliverSecrets` (a 0600 CSV or, with --show-secret, stdout) — never printed otherwise.
import {planText} from '../model/plans/describe.js';
import {executePlan, journalNotice, reportLines, type Actor, type ExecutionReport, type IssuedSecret, type JournalSink} from '../model/plans/execute.js';
import {actorFor} from '../model/plans/actor.js';
import type {Plan} from '../model/plans/types.js';
import {proposeUndo} from '../model/plans/undo.js';
import type {SnapshotIndex} from '../model/indexes.js';
import type {ConnectionSettings, IamGateway} from '../model/gateway.js';
import {dryRunLockoutNote, guardHeadless, lockoutRefusal} from './lockout-guard.js';
import type {CommandResult} from './result.js';

import {EXIT_CANCELLED, EXIT_FAILURE, EXIT_USAGE} from '../cli/exit-codes.js';

export {EXIT_FAILURE, EXIT_USAGE};

export interface WriteOptions {
	settings: ConnectionSettings;
	journal: JournalSink;
	json: boolean;
	yes: boolean;
	dryRun: boolean;
	/** --i-know-this-locks-me-out: a plan that locks the caller out may run (with --yes or a y). */
	lockoutConfirmed?: boolean;
	/** Asks on the terminal; undefined when there is none (pipes, CI). */
	confirm?: (question: string) => Promise<boolean>;
}

/** The account as read to build the plan: lets an undo put back what the plan replaced. */
export interface PlanContext {
	before?: SnapshotIndex;
}

export const actorOf = async (gateway: IamGateway, settings: ConnectionSettings): Promise<Actor> => {
	const identity = await gateway.callerIdentity().catch(() => undefined);
	return actorFor(settings.profile, identity);
};

/** What a delivery needs to take back a secret it could not deliver (secret-delivery.ts). */
export type DeliveryContext = {gateway: IamGateway; journal: JournalSink; actor: Actor};

/** Where the secrets went, in one line for the report (never the secrets themselves); `failure`: the stderr line when they could not be saved. */
export type DeliverSecrets = (secrets: IssuedSecret[], context: DeliveryContext) => Promise<{lines: string[]; json?: unknown; failed?: boolean; failure?: string}>;

const confirmation = async (plan: Plan, command: string, options: WriteOptions, text: string): Promise<CommandResult | undefined> => {
	const needsAnswer = plan.dangerous || plan.confirmName !== undefined || plan.lockout !== undefined;
	if (!needsAnswer || options.yes) return undefined;
	if (!options.confirm)
		return {
			stdout: '',
			stderr: `iamtui: ${command} ${plan.dangerous ? 'takes access away' : 'needs a confirmation'} and there is no terminal to confirm on: add --yes (or --dry-run to see the plan)\n`,
			exitCode: EXIT_USAGE,
		};
	if (!(await options.confirm(`${text}\n\nProceed? [y/N] `))) return {stdout: '', stderr: 'iamtui: cancelled, nothing was sent\n', exitCode: EXIT_CANCELLED};
	return undefined;
};

const stepsJson = (report: ExecutionReport) => report.outcomes.map(o => ({...o.step, status: o.status, message: o.message}));

export const runPlanCommand = async (
	gateway: IamGateway,
	plan: Plan,
	command: string,
	options: WriteOptions & PlanContext & {deliverSecrets?: DeliverSecrets},
): Promise<CommandResult> => {
	// The self-lockout guard first: its warning heads the plan, and a lockout needs its own flag.
	plan = await guardHeadless(gateway, plan, options.before);
	const text = planText(plan);
	if (options.dryRun) return {stdout: options.json ? JSON.stringify({dryRun: true, plan}, null, 2) : `${text}\n\n(dry run: nothing was sent)${dryRunLockoutNote(plan)}`};
	const locked = lockoutRefusal(plan, command, options.lockoutConfirmed ?? false);
	if (locked) return locked;
	const refused = await confirmation(plan, command, options, text);
	if (refused) return refused;
	const actor = await actorOf(gateway, options.settings);
	const report = await executePlan(plan, {gateway, journal: options.journal, actor});
	const delivered: Awaited<ReturnType<DeliverSecrets>> =
		report.secrets.length > 0 && options.deliverSecrets ? await options.deliverSecrets(report.secrets, {gateway, journal: options.journal, actor}) : {lines: []};
	for (const issued of report.secrets) (issued.kind === 'access-key' ? issued.secretAccessKey : issued.password).wipe();
	const failed = report.outcomes.find(o => o.status === 'failed');
	const undone = report.ok ? undefined : offerUndo(plan, report, options.before);
	const stdout = options.json
		? JSON.stringify(
				{
					ok: report.ok,
					steps: stepsJson(report),
					...(delivered.json === undefined ? {} : {credentials: delivered.json}),
					...(undone ? {undo: undone.json} : {}),
				},
				null,
				2,
			)
		: [...reportLines(report), ...delivered.lines, ...(undone?.lines ?? [])].join('\n');
	// A journal that could not record a write is said on stderr, and is no clean run for a script either.
	const unjournaled = journalNotice(report);
	// The writes went through but the new secret could not be saved: a script must not read that as success.
	if (report.ok && delivered.failed) return {stdout, stderr: unjournaled + (delivered.failure ?? 'iamtui: the writes were done but the new credentials could not be saved, so the secret is lost — delete the new key (or reset the password) and run again with a writable --save-csv path\n'), exitCode: EXIT_FAILURE};
	if (report.ok) return unjournaled ? {stdout, stderr: unjournaled, exitCode: EXIT_FAILURE} : {stdout};
	return {stdout, stderr: `${unjournaled}iamtui: ${failed?.message ?? 'a step failed'}\n`, exitCode: EXIT_FAILURE};
};

/**
 * A plan that stopped part-way: the `aws iam` lines that take back what went through, newest first,
 * for the operator to review and run (the TUI offers the same as a plan: u on the report), and what
 * cannot be taken back. Printed, never run: the operator decides after reading the failure.
 */
const offerUndo = (plan: Plan, report: ExecutionReport, before: SnapshotIndex | undefined): {lines: string[]; json: unknown} => {
	const proposal = proposeUndo(plan, report, before);
	const steps = proposal.plan?.steps ?? [];
	const cannot = proposal.cannotUndo.map(line => `cannot be undone: ${line}`);
	return {
		lines: [...(steps.length > 0 ? ['', 'To take back what went through (newest first), review and run:', ...steps.map(step => `  ${step.awsCli}`)] : []), ...cannot],
		json: {steps: steps.map(step => ({description: step.description, awsCli: step.awsCli})), cannotUndo: proposal.cannotUndo},
	};
};
