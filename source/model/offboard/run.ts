// Runs an offboarding plan and keeps its record current: the record is saved before the first write
// and again after every completed step, so an interruption at any point (network, Ctrl-C, kill)
// leaves a record a later run resumes from — skipping what is done, treating what is gone as done.
// A read-only connection can send nothing, so it must not leave an unfinished record either.
import {IamError} from '../errors.js';
import {executePlan, type Actor, type ExecutionReport, type JournalSink, type StepOutcome} from '../plans/execute.js';
import {stepKey} from '../plans/step-key.js';
import type {Plan} from '../plans/types.js';
import type {IamGateway} from '../gateway.js';
import type {OffboardRecord} from './record.js';

export interface OffboardRunOptions {
	gateway: IamGateway;
	journal: JournalSink;
	actor: Actor;
	/** Persists the record (store/records.ts); called before the first write and after each step. */
	saveRecord: (record: OffboardRecord) => void;
	now?: () => Date;
	onStep?: (outcome: StepOutcome, position: number) => void;
}

export const runOffboarding = async (record: OffboardRecord, plan: Plan, options: OffboardRunOptions): Promise<{report: ExecutionReport; record: OffboardRecord}> => {
	if (options.gateway.readOnly)
		throw new IamError(
			'ReadOnly',
			`read-only mode: the offboarding of ${record.user.name} was not started; nothing was sent or recorded`,
			'open the profile without read-only to offboard (or use --dry-run to see the plan)',
			'ReadOnly',
		);
	const now = options.now ?? (() => new Date());
	let current: OffboardRecord = {...record, completed: [...record.completed]};
	options.saveRecord(current);
	const report = await executePlan(plan, {
		gateway: options.gateway,
		journal: options.journal,
		actor: options.actor,
		now,
		goneIsDone: true,
		onStep: (outcome, position) => {
			if (outcome.status === 'done') {
				current = {...current, completed: [...current.completed, stepKey(outcome.step.run)]};
				options.saveRecord(current);
			}
			options.onStep?.(outcome, position);
		},
	});
	if (report.ok) {
		current = {...current, finishedAt: now().toISOString()};
		options.saveRecord(current);
	}
	return {report, record: current};
};
