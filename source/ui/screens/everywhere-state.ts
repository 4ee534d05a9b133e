// The state of the screen offboarding a person everywhere, and its transitions: the look-alikes checked,
// the cursor, the name typed to confirm, the record as the run saves it, the scroll. Pure (a reducer).
import type {EverywhereRecord} from '../../model/org/offboard-everywhere-record.js';

export type EverywherePhase = 'plan' | 'confirm' | 'running' | 'finished' | 'crashed';

export interface EverywhereState {
	phase: EverywherePhase;
	/** accountStepKey of each look-alike checked. */
	checked: ReadonlySet<string>;
	cursor: number;
	draft: string;
	mismatch: boolean;
	/** The record as last saved by the run, and where. */
	saved?: {record: EverywhereRecord; path: string};
	/** Why the run could not go on (nothing past a screen throws). */
	failure?: string;
	top: number;
}

export type EverywhereAction =
	| {type: 'move'; delta: number; count: number}
	| {type: 'toggle'; key: string}
	| {type: 'confirm'}
	| {type: 'back-to-plan'}
	| {type: 'draft'; value: string}
	| {type: 'mismatch'}
	| {type: 'start'}
	| {type: 'saved'; record: EverywhereRecord; path: string}
	| {type: 'finished'}
	| {type: 'crashed'; message: string}
	| {type: 'scroll'; delta: number};

export const initialEverywhereState: EverywhereState = {phase: 'plan', checked: new Set(), cursor: 0, draft: '', mismatch: false, top: 0};

export const everywhereReducer = (state: EverywhereState, action: EverywhereAction): EverywhereState => {
	switch (action.type) {
		case 'move':
			return {...state, cursor: Math.max(0, Math.min(action.count - 1, state.cursor + action.delta))};
		case 'toggle': {
			const checked = new Set(state.checked);
			if (!checked.delete(action.key)) checked.add(action.key);
			return {...state, checked};
		}
		case 'confirm':
			return {...state, phase: 'confirm', draft: '', mismatch: false};
		case 'back-to-plan':
			return {...state, phase: 'plan', draft: '', mismatch: false};
		case 'draft':
			return {...state, draft: action.value, mismatch: false};
		case 'mismatch':
			return {...state, mismatch: true};
		case 'start':
			return {...state, phase: 'running', draft: '', top: 0};
		case 'saved':
			return {...state, saved: {record: action.record, path: action.path}};
		case 'finished':
			return {...state, phase: 'finished'};
		case 'crashed':
			return {...state, phase: 'crashed', failure: action.message};
		case 'scroll':
			return {...state, top: Math.max(0, state.top + action.delta)};
	}
};
