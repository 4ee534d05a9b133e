// The everywhere screen's text and state, as pure data: the plan with each look-alike unchecked until checked
// (and a user the unfinished run holds shown as named), each step's state while it runs, the summary; the
// earlier runs that decide a resume; the cursor kept among the look-alikes.
import {describe, expect, it} from 'vitest';
import type {IdentityCenter, PermissionSet} from '../../source/model/org/identity-center.js';
import {offboardEverywhere} from '../../source/model/org/offboard-everywhere.js';
import {earlierRuns} from '../../source/model/org/offboard-everywhere-prepare.js';
import {EVERYWHERE_RECORD_KIND, EVERYWHERE_RECORD_VERSION, type EverywhereRecord} from '../../source/model/org/offboard-everywhere-record.js';
import {icStepsOf} from '../../source/model/org/offboard-everywhere-work.js';
import {candidatesOf, planView, progressView, summaryView} from '../../source/ui/screens/everywhere-lines.js';
import {everywhereReducer, initialEverywhereState} from '../../source/ui/screens/everywhere-state.js';

const ops: PermissionSet = {arn: 'arn:aws:sso:::permissionSet/ssoins-9/ps-ops', name: 'Ops', managedPolicyArns: [], customerManagedPolicies: [], boundary: {kind: 'none'}};
const identityCenter: IdentityCenter = {
	instance: {arn: 'arn:aws:sso:::instance/ssoins-9', identityStoreId: 'd-9'},
	users: [{id: 'u-eve', userName: 'eve', emails: ['eve@example.org']}],
	groups: [],
	memberships: [],
	permissionSets: [ops],
	assignments: [{accountId: '555555555555', permissionSetArn: ops.arn, principalType: 'USER', principalId: 'u-eve'}],
};
const plan = offboardEverywhere(identityCenter, 'u-eve', [
	{accountId: '555555555555', accountName: 'ops', users: [{name: 'eve', tags: []}, {name: 'robot', tags: [{Key: 'owner', Value: 'eve@example.org'}]}, {name: 'zed', tags: []}]},
	{accountId: '666666666666', accountName: 'lab', error: 'cannot assume the audit role'},
])!;
const record = (change: Partial<EverywhereRecord> = {}): EverywhereRecord => ({
	version: EVERYWHERE_RECORD_VERSION,
	kind: EVERYWHERE_RECORD_KIND,
	managementAccount: '111111111111',
	capturedAt: '2026-02-02T00:00:00.000Z',
	capturedBy: null,
	auditRole: 'OrganizationAccountAccessRole',
	person: {userId: 'u-eve', userName: 'eve', emails: ['eve@example.org'], identityStoreId: 'd-9', instanceArn: identityCenter.instance.arn},
	identityCenter: icStepsOf(plan),
	accounts: [],
	finishedAt: null,
	...change,
});
const texts = (lines: Array<{text: string}>) => lines.map(l => l.text);

describe('the everywhere screen', () => {
	it('the plan: each look-alike unchecked until checked, the cursor on one, an account not read said, the IC removal with what it takes away', () => {
		const fresh = texts(planView(plan, record(), {checked: new Set(), cursor: 1, found: []}));
		// Accounts named as the operator knows them, the id beside.
		expect(fresh).toContain('remove the direct assignment of Ops to eve in ops (555555555555) — takes away ops (555555555555)/Ops');
		expect(fresh).toContain('  [ ] eve — user name equals the IC user name');
		expect(fresh).toContain('> [ ] robot — tag owner = eve@example.org (the email eve@example.org)');
		expect(fresh.join('\n')).not.toContain('zed');
		expect(fresh).toContain('lab (666666666666): could not be read (cannot assume the audit role) — a user there is not seen');
		const checked = texts(planView(plan, record(), {checked: new Set(['555555555555:robot']), cursor: 0, found: []}));
		expect(checked).toContain('  [x] robot — tag owner = eve@example.org (the email eve@example.org)');
		expect(checked).toContain('> [ ] eve — user name equals the IC user name');
	});

	it('a user the unfinished run holds is named whatever is checked; the resume is said with what is new', () => {
		const held = record({accounts: [{accountId: '555555555555', accountName: 'ops', user: 'eve', matchedBy: [], status: 'failed', message: 'HTTP 500'}]});
		const lines = texts(planView(plan, held, {checked: new Set(), cursor: 1, found: ['remove x'], resumedFrom: '/r/everywhere-1.json'}));
		expect(lines).toContain('  [x] named in the unfinished run eve — user name equals the IC user name');
		expect(lines).toContain('Resuming the unfinished run recorded in /r/everywhere-1.json; new since: remove x');
	});

	it('while it runs: done, FAILED with its reason, the first step not done running, the rest waiting; the summary says what is left', () => {
		const running = record({
			identityCenter: icStepsOf(plan).map(s => ({...s, status: 'done' as const})),
			accounts: [
				{accountId: '555555555555', accountName: 'ops', user: 'eve', matchedBy: [], status: 'failed', message: 'DeleteUser: HTTP 500'},
				{accountId: '555555555555', accountName: 'ops', user: 'robot', matchedBy: [], status: 'pending'},
			],
		});
		const lines = texts(progressView(running, true));
		expect(lines).toContain('done     remove the direct assignment of Ops to eve in 555555555555');
		expect(lines).toContain('FAILED   offboard eve in ops (555555555555) — DeleteUser: HTTP 500');
		expect(lines).toContain('running… offboard robot in ops (555555555555)');
		expect(texts(progressView(running, false))).toContain('waiting  offboard robot in ops (555555555555)');
		expect(texts(summaryView(running, '/r/e.json'))[0]).toBe('2 steps failed or left: the others were done.');
		expect(texts(summaryView({...running, finishedAt: '2026-02-02T00:01:00.000Z'}, '/r/e.json'))).toEqual(['eve is out of Identity Center and offboarded in every account checked.', 'The record is /r/e.json']);
	});

	it('earlier runs: only this person from this management account; the unfinished one, and every user named before', () => {
		const done = record({finishedAt: '2026-01-01T00:00:00.000Z', accounts: [{accountId: '555555555555', accountName: 'ops', user: 'zed', matchedBy: [], status: 'done'}]});
		const open = record({accounts: [{accountId: '555555555555', accountName: 'ops', user: 'eve', matchedBy: [], status: 'failed'}]});
		const other = record({managementAccount: '999999999999'});
		const runs = earlierRuns([{path: 'a', record: done}, {path: 'b', record: open}, {path: 'c', record: other}], '111111111111', 'u-eve');
		expect(runs.earlier.map(r => r.path)).toEqual(['a', 'b']);
		expect(runs.unfinished?.path).toBe('b');
		expect(runs.recorded.map(a => a.user)).toEqual(['zed', 'eve']);
	});

	it('the cursor stays among the look-alikes; space checks and unchecks', () => {
		const count = candidatesOf(plan).length;
		expect(count).toBe(2);
		const down = everywhereReducer(everywhereReducer(initialEverywhereState, {type: 'move', delta: 5, count}), {type: 'move', delta: 1, count});
		expect(down.cursor).toBe(1);
		expect(everywhereReducer(down, {type: 'move', delta: -9, count}).cursor).toBe(0);
		const on = everywhereReducer(initialEverywhereState, {type: 'toggle', key: 'k'});
		expect([...on.checked]).toEqual(['k']);
		expect([...everywhereReducer(on, {type: 'toggle', key: 'k'}).checked]).toEqual([]);
	});
});
