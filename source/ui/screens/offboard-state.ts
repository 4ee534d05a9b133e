// The offboarding screen's state and its transitions (a reducer, as @inkjs/ui's components keep theirs):
// the delete/keep choice, the names typed to confirm, the run's progress step by step, the scroll. Pure.
import type {OffboardRecord} from '../../model/offboard/record.js';
import type {ExecutionReport, StepStatus} from '../../model/plans/execute.js';
import type {Plan} from '../../model/plans/types.js';
import type {StepProgress} from './offboard-lines.js';

export type OffboardPhase =
	| {name: 'confirm'}
	| {name: 'running'}
	| {name: 'finished'; report: ExecutionReport; record: OffboardRecord}
	| {name: 'crashed'; message: string};

export interface OffboardState {
	/** The operator's choice; undefined until they toggle (then the record's own choice holds). */
	keepUser?: boolean;
	/** The plan once the self-lockout guard answered for it, and the plan it was asked about. */
	guarded?: {from: Plan; plan: Plan};
	phase: OffboardPhase;
	/** The confirmation phrases typed so far (the user's name, then "lock me out" when it does). */
	typed: string[];
	draft: string;
	mismatch: boolean;
	progress: StepProgress[];
	messages: Array<string | undefined>;
	/** Where the record was last saved. */
	recordPath?: string;
	top: number;
	/** A resume was asked to change its delete/keep choice (it cannot). */
	refusedToggle: boolean;
}

export type OffboardAction =
	| {type: 'guarded'; from: Plan; plan: Plan}
	/** tab: `keep` is the choice shown; a resume refuses (it keeps the choice it started with). */
	| {type: 'toggle-keep'; keep: boolean; resuming: boolean}
	| {type: 'draft'; value: string}
	| {type: 'typed'; value: string; expected: readonly string[]}
	| {type: 'start'; plan: Plan}
	| {type: 'step'; plan: Plan; position: number; status: StepStatus; message?: string}
	| {type: 'saved'; path: string}
	| {type: 'finished'; report: ExecutionReport; record: OffboardRecord}
	| {type: 'crashed'; message: string}
	| {type: 'scroll'; delta: number};

export const initialOffboardState: OffboardState = {phase: {name: 'confirm'}, typed: [], draft: '', mismatch: false, progress: [], messages: [], top: 0, refusedToggle: false};

/** What a typed phrase does: the next one expected, the last one (the run starts), or a mismatch. */
export const typedAnswer = (typed: readonly string[], value: string, expected: readonly string[]): 'mismatch' | 'more' | 'complete' =>
	value.trim() !== expected[typed.length] ? 'mismatch' : typed.length + 1 === expected.length ? 'complete' : 'more';

/** Before the run: skipped no-ops, the first step to send running, the rest waiting. */
const startingProgress = (plan: Plan): StepProgress[] => {
	const first = plan.steps.findIndex(step => !step.noop);
	return plan.steps.map((step, n) => (step.noop ? 'skipped' : n === first ? 'running' : 'waiting'));
};

/** A step's outcome: the next step to send starts; after a failure nothing later is sent. */
const progressAfter = (current: StepProgress[], plan: Plan, position: number, status: StepStatus): StepProgress[] => {
	const next = [...current];
	next[position] = status;
	const following = plan.steps.findIndex((step, n) => n > position && !step.noop);
	if (status === 'done' && following >= 0) next[following] = 'running';
	if (status === 'failed') for (let n = position + 1; n < next.length; n++) if (next[n] !== 'skipped') next[n] = 'not-run';
	return next;
};

export const offboardReducer = (state: OffboardState, action: OffboardAction): OffboardState => {
	switch (action.type) {
		case 'guarded':
			return {...state, guarded: {from: action.from, plan: action.plan}};
		case 'toggle-keep':
			if (action.resuming) return {...state, refusedToggle: true};
			return {...state, keepUser: !action.keep, typed: [], draft: '', mismatch: false};
		case 'draft':
			return {...state, draft: action.value, mismatch: false};
		case 'typed':
			if (typedAnswer(state.typed, action.value, action.expected) === 'mismatch') return {...state, mismatch: true};
			return {...state, typed: [...state.typed, action.value.trim()], draft: '', mismatch: false};
		case 'start':
			return {...state, phase: {name: 'running'}, progress: startingProgress(action.plan)};
		case 'step':
			return {
				...state,
				progress: progressAfter(state.progress, action.plan, action.position, action.status),
				messages: Object.assign([...state.messages], {[action.position]: action.message}),
			};
		case 'saved':
			return {...state, recordPath: action.path};
		case 'finished':
			return {...state, phase: {name: 'finished', report: action.report, record: action.record}};
		case 'crashed':
			return {...state, phase: {name: 'crashed', message: action.message}};
		case 'scroll':
			return {...state, top: Math.max(0, state.top + action.delta)};
	}
};
