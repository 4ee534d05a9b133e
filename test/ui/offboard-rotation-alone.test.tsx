// Issue 17, item 3: the offboarding screen and the key rotation wizard are props-in — rendered alone, with
// no services, connection or snapshot behind them, they run on the data and the actions they are handed.
import {afterEach, describe, expect, it} from 'vitest';
import type {AccessKeyDetail} from '../../source/model/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import type {OffboardRecord} from '../../source/model/offboard/record.js';
import type {ExecutionReport} from '../../source/model/plans/execute.js';
import type {Plan} from '../../source/model/plans/types.js';
import {startRotation, type RotationProgress} from '../../source/model/rotation.js';
import {OffboardScreen, type RunOffboarding} from '../../source/ui/screens/OffboardScreen.js';
import {LOCKOUT_PHRASE} from '../../source/ui/screens/PlanConfirm.js';
import {RotationWizard, type RotationActions} from '../../source/ui/screens/RotationWizard.js';
import {KeyboardProvider} from '../../source/ui/hooks/keyboard.js';
import {ACCOUNT, FIXTURE_NOW, fixtureSnapshot} from '../fixtures/account.js';
import {offboardRecord} from '../fixtures/offboard-record.js';
import {keys, renderTui, tick, type Rendered} from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => {
	ui?.unmount();
	ui = undefined;
});

const index = buildIndex(fixtureSnapshot());
const size = {columns: 120, rows: 40};

describe('OffboardScreen alone', () => {
	const record = offboardRecord({finishedAt: null});

	const show = (guard?: (plan: Plan) => Promise<Plan>) => {
		const runs: Array<{record: OffboardRecord; plan: Plan}> = [];
		const run: RunOffboarding = async (ran, plan, events) => {
			runs.push({record: ran, plan});
			events.onSaved('/records/zoe.left.json');
			const outcomes = plan.steps.map(step => ({step, status: 'done' as const}));
			plan.steps.forEach((step, position) => events.onStep({step, status: 'done'}, position));
			const report: ExecutionReport = {ok: true, outcomes, patch: {changes: []}, secrets: []};
			return {report, record: {...ran, finishedAt: FIXTURE_NOW.toISOString()}};
		};
		ui = renderTui(
			<KeyboardProvider readOnly={false}>
				<OffboardScreen name="zoe.left" loaded={{record, index}} {...(guard ? {guard} : {})} run={run} focused width={size.columns} height={size.rows} onBack={() => {}} />
			</KeyboardProvider>,
			size,
		);
		return {tui: ui, runs};
	};

	it('runs on the guard and the run it is handed: the name, then "lock me out", then the steps and the record', async () => {
		const {tui, runs} = show(async plan => ({...plan, lockout: 'you lose iam:* through group Admins'}));
		await tui.waitFor('type zoe.left to confirm');
		expect(tui.lastFrame()).toContain('What zoe.left has');
		await tui.type('zoe.left');
		tui.write(keys.enter);
		await tui.waitFor(`type "${LOCKOUT_PHRASE}"`);
		expect(runs).toEqual([]);
		await tui.type(LOCKOUT_PHRASE);
		tui.write(keys.enter);
		await tui.waitFor('zoe.left is offboarded: the user is deleted.');
		expect(tui.lastFrame()).toContain('The record is /records/zoe.left.json');
		expect(runs).toHaveLength(1);
		expect(runs[0]!.plan.lockout).toBe('you lose iam:* through group Admins');
		expect(runs[0]!.record.user.name).toBe('zoe.left');
	});

	it('without a guard (the caller still unknown) nothing can be confirmed', async () => {
		const {tui, runs} = show();
		await tui.waitFor('Checking whether this offboarding locks you out…');
		await tui.type('zoe.left');
		tui.write(keys.enter);
		await tick();
		expect(tui.lastFrame()).toContain('Checking whether this offboarding locks you out…');
		expect(runs).toEqual([]);
	});
});

describe('RotationWizard alone', () => {
	const keysNow: AccessKeyDetail[] = [
		{accessKeyId: 'AKIARSDASHOLD0000001', status: 'Active', createDate: '2024-01-01T00:00:00.000Z', lastUsedDate: null, lastUsedService: null, lastUsedRegion: null},
	];

	it('reads the keys and opens the first stage’s plan through the actions it is handed', async () => {
		const saved: RotationProgress[] = [];
		const plans: Plan[] = [];
		const actions: RotationActions = {
			readKeys: async () => keysNow,
			settle: keys => ({status: 'ready', keys, progress: startRotation(index, 'rsdash', keys, {account: ACCOUNT, now: FIXTURE_NOW}), stored: false}),
			save: progress => void saved.push(progress),
			forget: () => {},
			now: () => FIXTURE_NOW,
			runPlan: plan => void plans.push(plan),
		};
		ui = renderTui(
			<KeyboardProvider readOnly={false}>
				<RotationWizard name="rsdash" index={index} actions={actions} focused width={size.columns} height={size.rows} onBack={() => {}} />
			</KeyboardProvider>,
			size,
		);
		await ui.waitFor('› 1. Create the second key');
		expect(ui.lastFrame()).toContain('AKIARSDASHOLD0000001  Active');
		ui.write(keys.enter);
		await ui.waitForFrame(() => plans.length === 1);
		expect(plans[0]!.steps.map(s => s.run.operation)).toEqual(['createAccessKey']);
		expect(saved.map(p => p.stage)).toEqual(['create']);
	});

	it('without actions (the account unknown) it says why', async () => {
		ui = renderTui(
			<KeyboardProvider readOnly={false}>
				<RotationWizard name="rsdash" index={index} identityError="AccessDenied: sts:GetCallerIdentity" focused width={size.columns} height={size.rows} onBack={() => {}} />
			</KeyboardProvider>,
			size,
		);
		await ui.waitFor('Cannot tell which account this profile opens: AccessDenied: sts:GetCallerIdentity');
	});
});
