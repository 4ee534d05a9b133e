// The confirmation every write passes: a deletion runs only after its name is typed exactly, a change
// that locks the operator out only after "lock me out", and a plain plan on y. Nothing runs on esc.
import {afterEach, describe, expect, it} from 'vitest';
import type {ExecutionReport} from '../../source/model/plans/execute.js';
import type {Plan} from '../../source/model/plans/types.js';
import {Secret, wipeSecretsIn} from '../../source/model/secret.js';
import {LOCKOUT_PHRASE, PlanConfirm} from '../../source/ui/screens/PlanConfirm.js';
import {KeyboardProvider} from '../../source/ui/hooks/keyboard.js';
import {keys, renderTui, type Rendered} from '../helpers/render.js';

const plan = (extra: Partial<Plan> = {}): Plan => ({
	title: 'Delete group Ops',
	dangerous: true,
	targets: [{kind: 'group', name: 'Ops'}],
	steps: [{description: 'Delete group Ops', awsCli: 'aws iam delete-group --group-name Ops', run: {operation: 'deleteGroup', group: 'Ops'}}],
	previews: [],
	...extra,
});

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

const show = (p: Plan) => {
	const runs: Plan[] = [];
	let done = 0;
	const report = (ran: Plan): ExecutionReport => ({ok: true, outcomes: ran.steps.map(step => ({step, status: 'done'})), patch: {changes: []}, secrets: []});
	ui = renderTui(
		<KeyboardProvider readOnly={false}>
			<PlanConfirm
				plan={p}
				runPlan={async ran => {
					runs.push(ran);
					return report(ran);
				}}
				onDone={() => done++}
				focused
				width={100}
				height={20}
			/>
		</KeyboardProvider>,
		{columns: 100, rows: 20},
	);
	return {tui: ui, runs, done: () => done};
};

describe('PlanConfirm', () => {
	it('runs a plain plan on y', async () => {
		const {tui, runs} = show(plan({dangerous: false, title: 'Create group Ops', confirmName: undefined}));
		await tui.waitFor('y/enter runs 1 step');
		tui.write('y');
		await tui.waitFor(/done\s+Delete group Ops/);
		expect(runs).toHaveLength(1);
	});

	it('a deletion runs only after its name is typed exactly; y and a wrong name do nothing', async () => {
		const {tui, runs} = show(plan({confirmName: 'Ops'}));
		await tui.waitFor('Type "Ops" and press enter');
		tui.write('y');
		await tui.type('Opz');
		tui.write(keys.enter);
		await tui.waitFor('does not match');
		expect(runs).toHaveLength(0);
		for (let n = 0; n < 4; n++) tui.write(keys.backspace);
		await tui.type('Ops');
		tui.write(keys.enter);
		await tui.waitFor(/done\s+Delete group Ops/);
		expect(runs).toHaveLength(1);
	});

	it('a lockout needs the phrase, not only the name, and says the consequence', async () => {
		const {tui, runs} = show(plan({confirmName: 'Ops', lockout: 'you (alice) lose iam:AttachUserPolicy'}));
		const frame = await tui.waitFor(`Type "${LOCKOUT_PHRASE}"`);
		expect(frame).toContain('you (alice) lose iam:AttachUserPolicy');
		await tui.type('Ops');
		tui.write(keys.enter);
		await tui.waitFor('does not match');
		expect(runs).toHaveLength(0);
	});

	it('esc cancels and sends nothing', async () => {
		const {tui, runs, done} = show(plan({confirmName: 'Ops'}));
		await tui.waitFor('Type "Ops"');
		tui.write(keys.escape);
		await tui.waitForFrame(() => done() === 1);
		expect(runs).toHaveLength(0);
	});
});

describe('wipeSecretsIn', () => {
	it('wipes the passwords a cancelled plan carried', () => {
		const password = new Secret('Cancelled-Passw0rd!');
		wipeSecretsIn([{operation: 'createLoginProfile', user: 'ana', password, passwordResetRequired: true}]);
		expect(password.wiped).toBe(true);
		expect(() => password.reveal()).toThrow(/dismissed/);
	});
});
