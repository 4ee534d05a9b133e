// Runs a plan's steps in order through the gateway, journals each attempt, stops at the first failure
// and reports what was done and what was not. No I/O of its own: the gateway and the journal are given.
import {describeError, isIamError} from '../errors.js';
import type {IamGateway} from '../gateway.js';
import type {Plan, PlanStep, SnapshotPatch, StepOperation} from './types.js';

/** One journal record: who did what to which entity, and how it ended. Never a payload or a secret. */
export interface JournalEntry {
	time: string;
	profile: string | null;
	account: string | null;
	callerArn: string | null;
	/** The IAM action, e.g. iam:AddUserToGroup. */
	operation: string;
	target: {user?: string; group?: string};
	outcome: 'ok' | 'failed' | 'refused';
	errorCode: string | null;
}

export interface JournalSink {
	append(entry: JournalEntry): void;
}

/** Who is acting, for the journal. */
export interface Actor {
	profile: string | null;
	account: string | null;
	callerArn: string | null;
}

export type StepStatus = 'done' | 'failed' | 'skipped' | 'not-run';

export interface StepOutcome {
	step: PlanStep;
	status: StepStatus;
	/** failed: what went wrong, in one line. skipped: why. */
	message?: string;
	errorKind?: string;
}

export interface ExecutionReport {
	ok: boolean;
	outcomes: StepOutcome[];
	/** The changes that were made, for patching the snapshot. */
	patch: SnapshotPatch;
}

export const iamAction = (op: StepOperation): string =>
	op.operation === 'addUserToGroup' ? 'iam:AddUserToGroup' : 'iam:RemoveUserFromGroup';

const send = (gateway: IamGateway, op: StepOperation): Promise<void> => {
	switch (op.operation) {
		case 'addUserToGroup':
			return gateway.addUserToGroup(op.user, op.group);
		case 'removeUserFromGroup':
			return gateway.removeUserFromGroup(op.user, op.group);
	}
};

const patchOf = (op: StepOperation): SnapshotPatch['memberships'][number] => ({
	user: op.user,
	group: op.group,
	member: op.operation === 'addUserToGroup',
});

export interface ExecuteOptions {
	gateway: IamGateway;
	journal: JournalSink;
	actor: Actor;
	now?: () => Date;
	/** Called after each step, so a screen can show progress. */
	onStep?: (outcome: StepOutcome, position: number) => void;
}

export const executePlan = async (plan: Plan, options: ExecuteOptions): Promise<ExecutionReport> => {
	const now = options.now ?? (() => new Date());
	const outcomes: StepOutcome[] = plan.steps.map(step => ({step, status: 'not-run'}));
	const patch: SnapshotPatch = {memberships: []};
	let ok = true;
	for (const [position, outcome] of outcomes.entries()) {
		const {step} = outcome;
		if (step.noop) {
			outcome.status = 'skipped';
			outcome.message = step.noop;
		} else {
			const record = (result: JournalEntry['outcome'], errorCode: string | null) =>
				options.journal.append({
					time: now().toISOString(),
					...options.actor,
					operation: iamAction(step.run),
					target: {user: step.run.user, group: step.run.group},
					outcome: result,
					errorCode,
				});
			try {
				await send(options.gateway, step.run);
				outcome.status = 'done';
				patch.memberships.push(patchOf(step.run));
				record('ok', null);
			} catch (error) {
				outcome.status = 'failed';
				outcome.message = describeError(error);
				if (isIamError(error)) outcome.errorKind = error.kind;
				const refused = isIamError(error) && error.kind === 'ReadOnly';
				record(refused ? 'refused' : 'failed', isIamError(error) ? (error.code ?? error.kind) : 'Unknown');
				ok = false;
			}
		}
		options.onStep?.(outcome, position);
		if (!ok) break;
	}
	return {ok, outcomes, patch};
};

/** One line per step: done / failed / skipped / not run. */
export const reportLines = (report: ExecutionReport): string[] =>
	report.outcomes.map(o => {
		const label = {done: 'done', failed: 'FAILED', skipped: 'skipped', 'not-run': 'not run'}[o.status];
		return `${label.padEnd(8)} ${o.step.description}${o.message ? ` — ${o.message}` : ''}`;
	});
