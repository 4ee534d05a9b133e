// Issue 17, item 3: the key rotation wizard's state is a pure reducer; its transitions, one by one.
import {describe, expect, it} from 'vitest';
import type {AccessKeyDetail} from '../../source/model/gateway.js';
import type {RotationProgress} from '../../source/model/rotation.js';
import {initialRotationState, rotationReducer, VERIFY_ANYWAY, type RotationAction, type RotationState, type SettledRotation} from '../../source/ui/screens/rotation-state.js';

const OLD = 'AKIARSDASHOLD0000001';
const NEW = 'AKIARSDASHNEW0000002';
const keys: AccessKeyDetail[] = [{accessKeyId: OLD, status: 'Active', createDate: '2024-01-01T00:00:00.000Z', lastUsedDate: null, lastUsedService: null, lastUsedRegion: null}];
const progress = (stage: RotationProgress['stage']): RotationProgress => ({
	account: '123456789012',
	user: 'rsdash',
	oldKeyId: OLD,
	newKeyId: stage === 'create' ? null : NEW,
	stage,
	startedAt: '2026-12-01T00:00:00.000Z',
	updatedAt: '2026-12-01T00:00:00.000Z',
});
const ready = (stage: RotationProgress['stage'], stored = true): SettledRotation => ({status: 'ready', keys, progress: progress(stage), stored});
const reduce = (actions: RotationAction[], from: RotationState = initialRotationState) => actions.reduce(rotationReducer, from);

describe('key rotation wizard state', () => {
	it('starts loading, then shows what IAM and the store said, or why the keys could not be read', () => {
		expect(initialRotationState.view).toEqual({status: 'loading'});
		expect(reduce([{type: 'loaded', settled: ready('create', false)}]).view).toEqual(ready('create', false));
		const refused: SettledRotation = {status: 'refused', keys: [], message: 'rsdash has no access key', hint: 'create a key instead'};
		expect(reduce([{type: 'loaded', settled: refused}]).view).toEqual(refused);
		expect(reduce([{type: 'failed', message: 'AccessDenied'}]).view).toEqual({status: 'error', message: 'AccessDenied'});
	});

	it('a saved stage is shown as kept; before anything was read, a save changes nothing', () => {
		const saved = reduce([{type: 'loaded', settled: ready('create', false)}, {type: 'saved', progress: progress('switch')}]);
		expect(saved.view).toMatchObject({status: 'ready', stored: true, progress: {stage: 'switch'}});
		expect(reduce([{type: 'saved', progress: progress('switch')}])).toEqual(initialRotationState);
	});

	it('r asks IAM again; the switch confirmed shows loading and asks again', () => {
		const loaded = reduce([{type: 'loaded', settled: ready('switch')}]);
		expect(rotationReducer(loaded, {type: 'reload'})).toMatchObject({asked: 1, view: ready('switch')});
		expect(rotationReducer(loaded, {type: 'switched'})).toMatchObject({asked: 1, view: {status: 'loading'}});
	});

	it('a verify that did not pass arms "anyway" and says so; the stage saved disarms it', () => {
		const armed = reduce([{type: 'loaded', settled: ready('verify')}, {type: 'verify-unchecked'}]);
		expect(armed).toMatchObject({anyway: true, message: {text: VERIFY_ANYWAY, tone: 'warning'}});
		expect(rotationReducer(armed, {type: 'saved', progress: progress('deactivate')})).toMatchObject({anyway: false, view: {progress: {stage: 'deactivate'}}});
	});

	it('a message is shown until cleared', () => {
		const said = reduce([{type: 'message', line: {text: 'Rotation forgotten: the keys stay as they are.', tone: 'dim'}}]);
		expect(said.message).toEqual({text: 'Rotation forgotten: the keys stay as they are.', tone: 'dim'});
		expect(rotationReducer(said, {type: 'message'}).message).toBeUndefined();
	});
});
