// Headless add-to-group / remove-from-group: the same plan, preview, executor and journal as the TUI.
// --dry-run prints the plan and sends nothing; a removal needs --yes, or a "y" typed at a terminal.
import {IamError} from '../model/errors.js';
import type {ConnectionSettings, IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import {planText} from '../model/plans/describe.js';
import {executePlan, reportLines, type Actor, type JournalSink} from '../model/plans/execute.js';
import {planMembership} from '../model/plans/group-membership.js';
import type {CommandResult} from './result.js';

export interface WriteOptions {
	settings: ConnectionSettings;
	journal: JournalSink;
	json: boolean;
	yes: boolean;
	dryRun: boolean;
	/** Asks on the terminal; undefined when there is none (pipes, CI). */
	confirm?: (question: string) => Promise<boolean>;
}

const EXIT_FAILURE = 3;
const EXIT_USAGE = 64;

export const actorOf = async (gateway: IamGateway, settings: ConnectionSettings): Promise<Actor> => {
	const identity = await gateway.callerIdentity().catch(() => undefined);
	return {profile: settings.profile ?? null, account: identity?.account ?? null, callerArn: identity?.arn ?? null};
};

export const membershipCommand = async (
	gateway: IamGateway,
	change: 'add' | 'remove',
	args: string[],
	options: WriteOptions,
): Promise<CommandResult> => {
	const command = change === 'add' ? 'add-to-group' : 'remove-from-group';
	const [user, group] = args;
	if (!user || !group || args.length > 2) {
		throw new IamError('Invalid', `${command} needs a user and a group`, `usage: iamtui ${command} USER GROUP${change === 'remove' ? ' --yes' : ''}`);
	}
	const plan = planMembership(buildIndex(await gateway.loadSnapshot()), {change, group, users: [user]});
	const text = planText(plan);
	if (options.dryRun) {
		return {stdout: options.json ? JSON.stringify({dryRun: true, plan}, null, 2) : `${text}\n\n(dry run: nothing was sent)`};
	}
	if (plan.dangerous && !options.yes) {
		if (!options.confirm) {
			return {
				stdout: '',
				stderr: `iamtui: ${command} takes access away and there is no terminal to confirm on: add --yes (or --dry-run to see the plan)\n`,
				exitCode: EXIT_USAGE,
			};
		}
		if (!(await options.confirm(`${text}\n\nProceed? [y/N] `))) return {stdout: '', stderr: 'iamtui: cancelled, nothing was sent\n', exitCode: 1};
	}
	const report = await executePlan(plan, {gateway, journal: options.journal, actor: await actorOf(gateway, options.settings)});
	const failed = report.outcomes.find(o => o.status === 'failed');
	const lines = reportLines(report).join('\n');
	const stdout = options.json ? JSON.stringify({ok: report.ok, steps: report.outcomes.map(o => ({...o.step, status: o.status, message: o.message}))}, null, 2) : lines;
	if (report.ok) return {stdout};
	return {stdout, stderr: `iamtui: ${failed?.message ?? 'a step failed'}\n`, exitCode: EXIT_FAILURE};
};
