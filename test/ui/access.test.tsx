// Who has what in the TUI, from the fixture: WhoCan (completion, errors, enter opens the user), the
// Access view (services, grant paths, admin badge) and Explain.
import {describe, expect, it, vi} from 'vitest';
import {buildAccessModel} from '../../source/model/access.js';
import {buildIndex} from '../../source/model/indexes.js';
import {AccessScreen} from '../../source/ui/screens/AccessScreen.js';
import {KeyboardProvider} from '../../source/ui/hooks/keyboard.js';
import {WhoCanScreen} from '../../source/ui/screens/WhoCanScreen.js';
import {DENIED_USER, MFA_USER, accessSnapshot} from '../fixtures/access.js';
import {keys, renderTui} from '../helpers/render.js';

const model = buildAccessModel(buildIndex(accessSnapshot()));
const size = {focused: true, width: 110, height: 40};
const noop = () => {};

const whoCanScreen = (onOpenUser = vi.fn()) => ({
	onOpenUser,
	tui: renderTui(<WhoCanScreen {...size} model={model} onOpenUser={onOpenUser} onOpenGroup={noop} onBack={noop} />, {columns: 110, rows: 40}),
});

/** A screen at a size, inside the app's keyboard as in the product: a field keeps j and k (alone, every handler hears them). */
const inApp = (screen: React.ReactElement, columns: number, rows: number) =>
	renderTui(<KeyboardProvider readOnly={false}>{screen}</KeyboardProvider>, {columns, rows});

/** ana.silva's Access view at a size, its explain prompt open. */
const explainAt = async (columns: number, rows: number) => {
	const tui = inApp(<AccessScreen focused width={columns} height={rows} model={model} name="ana.silva" onBack={noop} />, columns, rows);
	await tui.waitFor('Access of ana.silva');
	tui.write('e');
	return {tui, frame: await tui.waitFor('service:Action')};
};

describe('WhoCan screen', () => {
	it('lists the developers, not the managers, with grant paths; enter opens the user', async () => {
		const {tui, onOpenUser} = whoCanScreen();
		await tui.waitFor('Who can…');
		await tui.type('ec2:TerminateInstances');
		await tui.waitFor('ec2:TerminateInstances');
		tui.write(keys.enter);
		const frame = await tui.waitFor(/Users who can ec2:TerminateInstances on \* \(\d+\)/);
		for (const name of ['ana.silva', 'bruno.costa', 'dmitri.ivanov', 'grace.hopper', 'rsdash']) expect(frame).toContain(name);
		// carla is only in Managers (ec2:Describe*); ivo is denied by his own policy.
		expect(frame).not.toContain('carla.mendes');
		expect(frame).not.toContain(DENIED_USER);
		expect(frame).toContain('via group Developers → policy DevelopersEc2 → statement #1');
		expect(frame).toContain('via group RightScaleDash → inline policy AllowEverything → statement #1');
		expect(frame).toMatch(/mia\.mfa {2}Conditional/);
		expect(frame).toContain('if aws:MultiFactorAuthPresent Bool true');
		expect(frame).toMatch(/Groups whose policies grant it \(2\)[\s\S]*Developers[\s\S]*RightScaleDash/);
		expect(frame).toMatch(/› ana\.silva {2}Allowed/);
		tui.write(keys.enter);
		await vi.waitFor(() => expect(onOpenUser).toHaveBeenCalledWith('ana.silva', {section: 'groups', value: 'Developers'}));
		tui.unmount();
	});

	it('completes the action from the catalogue with tab and shows the suggestions', async () => {
		const {tui} = whoCanScreen();
		await tui.waitFor('Who can…');
		await tui.type('ec2:terminatei');
		await tui.waitFor('ec2:TerminateInstances');
		tui.write(keys.tab);
		await tui.waitFor('do ec2:TerminateInstances');
		tui.unmount();

		const second = whoCanScreen().tui;
		await second.waitFor('Who can…');
		await second.type('ec2:Termin');
		const suggestions = await second.waitFor('ec2:TerminateClientVpnConnections');
		expect(suggestions).toContain('ec2:TerminateInstances');
		second.write(keys.tab);
		await second.waitFor(/^do ec2:Terminate *$/m);
		second.unmount();
	});

	it('says what is wrong with an unknown action or a bad ARN, inline, and suggests close names', async () => {
		const {tui} = whoCanScreen();
		await tui.waitFor('Who can…');
		await tui.type('ec2:TerminateInstance');
		tui.write(keys.enter);
		const frame = await tui.waitFor('unknown action "ec2:TerminateInstance"');
		expect(frame).toContain('did you mean ec2:TerminateInstances');
		// Still editing: fix the typo, then give a resource that is not an ARN.
		await tui.type('s');
		tui.write(keys.down);
		await tui.waitFor('(or a resource ARN)');
		await tui.type('i-123');
		await tui.waitFor('on i-123');
		tui.write(keys.enter);
		await tui.waitFor('"i-123" is not an ARN');
		tui.unmount();
	});

	it('an error longer than the terminal is shown whole, its suggestions wrapped onto the next lines', async () => {
		const narrow = inApp(<WhoCanScreen focused width={60} height={20} model={model} onOpenUser={noop} onOpenGroup={noop} onBack={noop} />, 60, 20);
		await narrow.waitFor('Who can…');
		await narrow.type('*:GetObject');
		narrow.write(keys.enter);
		const frame = await narrow.waitFor('name one service');
		// The last suggestion, past the first line's 60 columns, is on the screen, and nothing is cut with an ellipsis.
		const error = frame.slice(frame.indexOf('"*:GetObject"'));
		expect(error.replace(/\s+/g, ' ')).toContain('— did you mean mediapackagev2:GetObject, mediastore:GetObject, s3:GetObject, s3-object-lambda:GetObject, s3-outposts:GetObject?');
		expect(error).not.toContain('…');
		narrow.unmount();
	});

	it('esc leaves the fields (so q and : work), a second esc goes back, / types again', async () => {
		const onBack = vi.fn();
		const tui = renderTui(<WhoCanScreen {...size} model={model} onOpenUser={noop} onOpenGroup={noop} onBack={onBack} />);
		await tui.waitFor('Who can…');
		tui.write(keys.escape);
		await tui.waitFor('/ types an action');
		expect(onBack).not.toHaveBeenCalled();
		tui.write('/');
		await tui.waitFor('Type an action');
		tui.write(keys.escape);
		await tui.waitFor('/ types an action');
		tui.write(keys.escape);
		await vi.waitFor(() => expect(onBack).toHaveBeenCalledTimes(1));
		tui.unmount();
	});

	it('accepts wildcards in the action', async () => {
		const {tui} = whoCanScreen();
		await tui.waitFor('Who can…');
		await tui.type('ec2:Terminate*');
		await tui.waitFor('do ec2:Terminate*');
		tui.write(keys.enter);
		const frame = await tui.waitFor(/Users who can do any of the \d+ actions on \* \(\d+\)/);
		expect(frame).toMatch(/bruno\.costa {2}Partly {2}1 of \d+ actions/);
		expect(frame).toContain('[ec2:TerminateInstances]');
		tui.unmount();
	});
});

describe('Access view', () => {
	it('groups allowed actions by service and unfolds a service to its grant paths', async () => {
		const tui = renderTui(<AccessScreen {...size} model={model} name="ana.silva" onBack={noop} />, {columns: 110, rows: 40});
		const frame = await tui.waitFor('Access of ana.silva');
		expect(frame).not.toContain('ADMIN-EQUIVALENT');
		expect(frame).toMatch(/› ▸ ec2 {2}\(1 grant\)/);
		expect(frame).toContain('▸ lightsail  (1 grant)');
		tui.write(keys.enter);
		const open = await tui.waitFor('▾ ec2');
		expect(open).toContain('allow ec2:DescribeInstances, ec2:RunInstances');
		expect(open).toContain('← group Developers → policy DevelopersEc2 → statement #1');
		tui.write(keys.enter);
		await tui.waitForFrame(f => f.includes('▸ ec2') && !f.includes('← group Developers'));
		tui.unmount();
	});

	it('shows the denies that cut into a grant, and the admin badge for allow * on *', async () => {
		const denied = renderTui(<AccessScreen {...size} model={model} name={DENIED_USER} onBack={noop} />, {columns: 110, rows: 40});
		await denied.waitFor(/▸ ec2 {2}\(1 grant, 1 deny\)/);
		denied.write('\u001B[C');
		const frame = await denied.waitFor('▾ ec2');
		expect(frame).toContain('deny ec2:TerminateInstances on *  ← user → inline policy NoTerminate → statement #1 (NoTerminate)');
		denied.unmount();

		const admin = renderTui(<AccessScreen {...size} model={model} name="rsdash" onBack={noop} />, {columns: 110, rows: 40});
		const badge = await admin.waitFor('Access of rsdash');
		expect(badge).toContain('ADMIN-EQUIVALENT');
		expect(badge).toContain('* (every service)');
		admin.unmount();
	});

	it('explains: allowed, denied explicitly (naming the statement), denied implicitly, conditional', async () => {
		const ask = async (user: string, action: string) => {
			const tui = renderTui(<AccessScreen {...size} model={model} name={user} onBack={noop} />, {columns: 110, rows: 40});
			await tui.waitFor(`Access of ${user}`);
			tui.write('e');
			await tui.waitFor(`can ${user} do`);
			await tui.type(action);
			await tui.waitFor(`do ${action}`);
			tui.write(keys.enter);
			const frame = await tui.waitFor(`— ${action} on *`);
			tui.unmount();
			return frame;
		};
		const allowed = await ask('ana.silva', 'ec2:TerminateInstances');
		expect(allowed).toContain('Allowed — ec2:TerminateInstances on *');
		expect(allowed).toContain('granted by allow: group Developers → policy DevelopersEc2 → statement #1');

		const explicit = await ask(DENIED_USER, 'ec2:TerminateInstances');
		expect(explicit).toContain('Denied (explicit)');
		expect(explicit).toContain('denied by deny: user → inline policy NoTerminate → statement #1 (NoTerminate)');

		const implicit = await ask('carla.mendes', 'ec2:TerminateInstances');
		expect(implicit).toContain('Denied (implicit)');

		const conditional = await ask(MFA_USER, 'ec2:TerminateInstances');
		expect(conditional).toContain('Conditional');
		expect(conditional).toContain('if aws:MultiFactorAuthPresent Bool true');
	});

	it('an error in explain longer than a line is wrapped within the panel, its suggestions on the next lines (80×24)', async () => {
		const {tui} = await explainAt(80, 24);
		await tui.type('*:GetObject');
		tui.write(keys.enter);
		const frame = await tui.waitFor('name one service');
		const error = frame.slice(frame.indexOf('"*:GetObject"'));
		// The panel's border starts each row: read the words without it.
		expect(error.replace(/│/g, ' ').replace(/\s+/g, ' ')).toContain('s3-object-lambda:GetObject, s3-outposts:GetObject?');
		tui.unmount();
	});

	it("explain's question keeps its words whole in a narrow panel (the field's placeholder gives way, not the prompt)", async () => {
		const {tui, frame} = await explainAt(60, 24);
		expect(frame).toContain('can ana.silva do');
		tui.unmount();
	});

	it('an unknown action in explain is an inline error with suggestions; esc closes the prompt', async () => {
		const tui = renderTui(<AccessScreen {...size} model={model} name="ana.silva" onBack={noop} />, {columns: 110, rows: 40});
		await tui.waitFor('Access of ana.silva');
		tui.write('e');
		await tui.waitFor('can ana.silva do');
		await tui.type('ec3:RunInstances');
		await tui.waitFor('do ec3:RunInstances');
		tui.write(keys.enter);
		await tui.waitFor('unknown service "ec3"');
		tui.write(keys.escape);
		await tui.waitForFrame(f => !f.includes('can ana.silva do'));
		tui.unmount();
	});
});
