// A stable name for a plan step ("deleteAccessKey user=ana accessKeyId=AKIA…"), so a record can say
// which steps of a resumable plan are done and a later run can skip exactly those.
import {journalTarget} from './execute.js';
import type {StepOperation} from './types.js';

export const stepKey = (op: StepOperation): string =>
	[op.operation, ...Object.entries(journalTarget(op)).map(([field, value]) => `${field}=${value}`)].join(' ');
