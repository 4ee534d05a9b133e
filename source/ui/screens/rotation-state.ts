// The key rotation wizard's state and its transitions (a reducer, as @inkjs/ui's components keep theirs):
// what IAM and the rotation store said, the line said last, the "enter again deactivates anyway" arming,
// and how often the keys were asked for. Pure.
import type {AccessKeyDetail} from '../../model/gateway.js';
import type {RotationProgress} from '../../model/rotation.js';

export type RotationLine = {text: string; tone?: 'done' | 'current' | 'warning' | 'error' | 'dim'};

/** The keys IAM lists, with the stored stage reconciled with them, or why a rotation cannot start. */
export type SettledRotation =
	/** `stored`: false when no rotation is kept yet (what starting one would be); `problem`: why it cannot go on. */
	| {status: 'ready'; keys: AccessKeyDetail[]; progress: RotationProgress; stored: boolean; problem?: string}
	| {status: 'refused'; keys: AccessKeyDetail[]; message: string; hint?: string};

export type RotationView = {status: 'loading'} | {status: 'error'; message: string} | SettledRotation;

export interface RotationState {
	view: RotationView;
	message?: RotationLine | undefined;
	/** The verify check did not pass and the operator was told: the next enter goes on anyway. */
	anyway: boolean;
	/** Bumped to ask IAM for the keys (and their last use) again. */
	asked: number;
}

export type RotationAction =
	| {type: 'loaded'; settled: SettledRotation}
	| {type: 'failed'; message: string}
	/** The stage moved on and is kept in the store. */
	| {type: 'saved'; progress: RotationProgress}
	| {type: 'reload'}
	/** The operator switched their tool: the keys' last use is read from IAM again. */
	| {type: 'switched'}
	| {type: 'verify-unchecked'}
	| {type: 'message'; line?: RotationLine};

export const initialRotationState: RotationState = {view: {status: 'loading'}, anyway: false, asked: 0};

export const VERIFY_ANYWAY = 'The check did not pass: enter again deactivates the old key anyway (activating it again undoes that)';

export const rotationReducer = (state: RotationState, action: RotationAction): RotationState => {
	switch (action.type) {
		case 'loaded':
			return {...state, view: action.settled};
		case 'failed':
			return {...state, view: {status: 'error', message: action.message}};
		case 'saved':
			return state.view.status === 'ready' ? {...state, anyway: false, view: {...state.view, progress: action.progress, stored: true}} : state;
		case 'reload':
			return {...state, asked: state.asked + 1};
		case 'switched':
			return {...state, view: {status: 'loading'}, asked: state.asked + 1};
		case 'verify-unchecked':
			return {...state, anyway: true, message: {text: VERIFY_ANYWAY, tone: 'warning'}};
		case 'message':
			return {...state, message: action.line};
	}
};
