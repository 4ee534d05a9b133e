// `iamtui journal [--json]`: the audit journal, oldest first. `iamtui journal --unfinished`: plans that
// were interrupted after a request whose outcome was never recorded (an intent without an outcome), each
// with how to take it back (journal-resolve.ts).
import {sanitize} from '../model/sanitize.js';
import type {JournalEntry} from '../model/plans/execute.js';
import {outcomeLabel, resolvedPlanIds, targetWords, unfinishedPlans, type JournaledStep, type UnfinishedPlan} from '../model/plans/journal-plans.js';
import {EXIT_USAGE} from './plan-command.js';
import type {CommandResult} from './result.js';
import {textTable} from './text-table.js';

/** `iamtui journal` takes no argument but `resolve PLAN_ID`. */
export const journalArgumentError: CommandResult = {
	stdout: '',
	stderr: 'iamtui: journal takes no argument but resolve — iamtui journal [--unfinished] [--json], or iamtui journal resolve PLAN_ID --take-back\n',
	exitCode: EXIT_USAGE,
};

export const journalCommand = (entries: JournalEntry[], json: boolean, file: string): CommandResult => {
	if (json) return {stdout: JSON.stringify(entries, null, 2)};
	if (entries.length === 0) return {stdout: `No writes journaled yet (${file}).`};
	const resolved = resolvedPlanIds(entries);
	return {
		stdout: textTable(
			['TIME', 'OUTCOME', 'OPERATION', 'TARGET', 'PROFILE', 'CALLER', 'ERROR'],
			entries.map(e => [
				e.time,
				// An intent left alone: the request was sent and its outcome never recorded.
				outcomeLabel(e, resolved),
				e.operation,
				[e.target.user && `user ${e.target.user}`, e.target.group && `group ${e.target.group}`, targetWords(e)].filter(Boolean).join(', '),
				e.profile ?? '-',
				e.callerArn ?? '-',
				e.errorCode ?? '',
			]),
		),
	};
};

const targetText = (step: JournaledStep): string =>
	Object.entries(step.target)
		.map(([field, value]) => `${field} ${sanitize(value)}`)
		.join(', ');

const STATE = {done: 'done', failed: 'FAILED', unknown: 'UNKNOWN'} as const;

/** How to see and take back one unfinished plan, for the listing and for a refused rerun. */
export const resolveHints = (planId: string): string[] => [
	`see what taking it back does: iamtui journal resolve ${planId} --take-back --dry-run`,
	`take it back:                 iamtui journal resolve ${planId} --take-back`,
];

const planLines = (plan: UnfinishedPlan): string[] => [
	`Plan ${plan.planId}, started ${plan.startedAt}${plan.profile ? `, profile ${sanitize(plan.profile)}` : ''}${plan.account ? `, account ${plan.account}` : ''}`,
	...plan.steps.flatMap(step => [
		`  step ${String(step.step + 1).padEnd(3)} ${STATE[step.state].padEnd(8)} ${step.operation} ${targetText(step)}${step.state === 'unknown' ? ' — sent; its outcome was never recorded' : ''}`,
		...step.inside.map(line => `           ${line.outcome.padEnd(8)} ${line.operation} ${Object.values(line.target).map(v => sanitize(v)).join(' ')} (sent by iamtui's re-read)`),
	]),
	'  It stopped there: later steps were never sent, and no credential it issued was ever shown.',
	...resolveHints(plan.planId).map(line => `  ${line}`),
];

export const unfinishedCommand = (lines: JournalEntry[], json: boolean, file: string): CommandResult => {
	const plans = unfinishedPlans(lines);
	if (json) return {stdout: JSON.stringify(plans, null, 2)};
	if (plans.length === 0) return {stdout: `No unfinished plans (${file}).`};
	return {stdout: plans.flatMap((plan, n) => [...(n > 0 ? [''] : []), ...planLines(plan)]).join('\n')};
};

/** Why a rerun is refused while an earlier run on the same user is unfinished, and what to do. */
export const unfinishedNotice = (command: string, user: string, plans: UnfinishedPlan[]): string => {
	const [plan] = plans;
	return [
		`iamtui: an earlier run on ${sanitize(user)} did not finish (plan ${plans.map(p => p.planId).join(', ')}, started ${plan?.startedAt}): its last request may have landed — a key whose secret nobody has, a password nobody knows.`,
		'  see it: iamtui journal --unfinished',
		...(plan ? resolveHints(plan.planId).map(line => `  ${line.replace(/:\s+/, ': ')}`) : []),
		`  then run ${command} again.`,
		'',
	].join('\n');
};
