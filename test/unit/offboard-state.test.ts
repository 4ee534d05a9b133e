// Issue 17, item 3: the offboarding screen's state is a pure reducer; its transitions, one by one.
import {describe, expect, it} from 'vitest';
import type {ExecutionReport} from '../../source/model/plans/execute.js';
import {planOffboard} from '../../source/model/plans/offboard.js';
import type {Plan} from '../../source/model/plans/types.js';
import {initialOffboardState, offboardReducer, typedAnswer, type OffboardAction, type OffboardState} from '../../source/ui/screens/offboard-state.js';
import {offboardRecord} from '../fixtures/offboard-record.js';

const record = offboardRecord({finishedAt: null});
const built = planOffboard(record, {keepUser: false});
/** The first step already done: reported, never sent. */
const plan: Plan = {...built, steps: built.steps.map((step, n) => (n === 0 ? {...step, noop: 'already done'} : step))};
const reduce = (actions: OffboardAction[], from: OffboardState = initialOffboardState) => actions.reduce(offboardReducer, from);

describe('offboarding screen state', () => {
	it('the plan has at least three steps to send (what the tests below rely on)', () => {
		expect(plan.steps.filter(s => !s.noop).length).toBeGreaterThanOrEqual(3);
	});

	it('keeps the guard’s answer with the plan it was asked about', () => {
		const guarded = {...plan, lockout: 'you lose iam:*'};
		expect(reduce([{type: 'guarded', from: plan, plan: guarded}]).guarded).toEqual({from: plan, plan: guarded});
	});

	it('tab switches delete ⇄ keep and starts the typing over; a resume refuses and keeps its choice', () => {
		const typing = reduce([{type: 'typed', value: 'zoe.left', expected: ['zoe.left', 'lock me out']}, {type: 'draft', value: 'lock'}]);
		expect(typing.typed).toEqual(['zoe.left']);
		const toggled = offboardReducer(typing, {type: 'toggle-keep', keep: false, resuming: false});
		expect(toggled).toMatchObject({keepUser: true, typed: [], draft: '', mismatch: false, refusedToggle: false});
		expect(offboardReducer(toggled, {type: 'toggle-keep', keep: true, resuming: false}).keepUser).toBe(false);
		const refused = offboardReducer(typing, {type: 'toggle-keep', keep: false, resuming: true});
		expect(refused).toMatchObject({refusedToggle: true, typed: ['zoe.left'], draft: 'lock'});
		expect(refused.keepUser).toBeUndefined();
	});

	it('a phrase that does not match is flagged (and kept out); editing the draft clears the flag', () => {
		const wrong = reduce([{type: 'draft', value: 'zoe'}, {type: 'typed', value: 'zoe', expected: ['zoe.left']}]);
		expect(wrong).toMatchObject({typed: [], draft: 'zoe', mismatch: true});
		expect(offboardReducer(wrong, {type: 'draft', value: 'zoe.'})).toMatchObject({draft: 'zoe.', mismatch: false});
		const right = offboardReducer(wrong, {type: 'typed', value: ' zoe.left ', expected: ['zoe.left']});
		expect(right).toMatchObject({typed: ['zoe.left'], draft: '', mismatch: false});
	});

	it('typedAnswer: the next phrase, the last one, or a mismatch', () => {
		const expected = ['zoe.left', 'lock me out'];
		expect(typedAnswer([], 'zoe.left', expected)).toBe('more');
		expect(typedAnswer(['zoe.left'], 'lock me out ', expected)).toBe('complete');
		expect(typedAnswer(['zoe.left'], 'zoe.left', expected)).toBe('mismatch');
		expect(typedAnswer([], 'zoe.left', ['zoe.left'])).toBe('complete');
	});

	it('starting a run: no-ops skipped, the first step to send running, the rest waiting', () => {
		const started = reduce([{type: 'start', plan}]);
		expect(started.phase).toEqual({name: 'running'});
		expect(started.progress.slice(0, 3)).toEqual(['skipped', 'running', 'waiting']);
		expect(started.progress).toHaveLength(plan.steps.length);
	});

	it('a step done starts the next; a failure marks every later step not run (skipped ones stay skipped)', () => {
		const started = reduce([{type: 'start', plan}]);
		const first = offboardReducer(started, {type: 'step', plan, position: 1, status: 'done'});
		expect(first.progress.slice(0, 3)).toEqual(['skipped', 'done', 'running']);
		const failed = offboardReducer(first, {type: 'step', plan, position: 2, status: 'failed', message: 'AccessDenied'});
		expect(failed.progress.slice(0, 3)).toEqual(['skipped', 'done', 'failed']);
		expect(failed.progress.slice(3).every(p => p === 'not-run')).toBe(true);
		expect(failed.messages[2]).toBe('AccessDenied');
	});

	it('remembers where the record was saved, then ends finished or crashed', () => {
		const report = {ok: true, outcomes: [], patch: {changes: []}, secrets: []} as unknown as ExecutionReport;
		const saved = reduce([{type: 'start', plan}, {type: 'saved', path: '/tmp/a.json'}, {type: 'saved', path: '/tmp/b.json'}]);
		expect(saved.recordPath).toBe('/tmp/b.json');
		expect(offboardReducer(saved, {type: 'finished', report, record}).phase).toEqual({name: 'finished', report, record});
		expect(offboardReducer(saved, {type: 'crashed', message: 'network'}).phase).toEqual({name: 'crashed', message: 'network'});
	});

	it('scrolls, never above the top', () => {
		expect(reduce([{type: 'scroll', delta: 5}, {type: 'scroll', delta: -2}]).top).toBe(3);
		expect(reduce([{type: 'scroll', delta: -4}]).top).toBe(0);
	});
});
