// `:whocan ACTION [RESOURCE]` asks at once: the Who-can screen opens with the answer, its fields holding the
// query (`/` edits it). Another `:whocan ACTION` from there asks afresh; the other commands take nothing after
// their name and say so, rather than "unknown command".
import {describe, expect, it} from 'vitest';
import {accessSnapshot} from '../fixtures/access.js';
import {appHarness} from '../helpers/app.js';
import {keys, type Rendered} from '../helpers/render.js';

const {start} = appHarness();

const commandLine = async (tui: Rendered, text: string) => {
	tui.write(':');
	await tui.waitFor(':whocan');
	await tui.type(text);
	await tui.waitForFrame(f => f.split('\n').some(line => line.startsWith(`:${text}`)));
	tui.write(keys.enter);
};

describe(':whocan ACTION [RESOURCE]', () => {
	it('opens Who-can with the answer and the query in its fields; / edits it', async () => {
		const {tui} = start({snapshot: accessSnapshot(), columns: 120});
		await tui.waitFor('Users (14)');
		await commandLine(tui, 'whocan lightsail:GetInstances');
		const answer = await tui.waitFor('Users who can lightsail:GetInstances on *');
		expect(answer).toContain('ana.silva');
		expect(answer).toContain('via group LightsailFullAccessGroup');
		expect(answer).toContain('do lightsail:GetInstances');
		tui.write('/');
		await tui.waitFor('enter runs the query');
		expect(tui.lastFrame()).toContain('do lightsail:GetInstances');
	});

	it('keeps the resource as typed (an ARN is case-sensitive) and asks on it', async () => {
		const {tui} = start({snapshot: accessSnapshot(), columns: 160});
		await tui.waitFor('Users (14)');
		await commandLine(tui, 'WHOCAN s3:GetObject arn:aws:s3:::Reports/q1.csv');
		const answer = await tui.waitFor('on arn:aws:s3:::Reports/q1.csv');
		expect(answer).toContain('Who can…');
		expect(answer).not.toContain('reports/q1.csv');
	});

	it('from the Who-can screen, another :whocan ACTION asks that instead', async () => {
		const {tui} = start({snapshot: accessSnapshot(), columns: 120});
		await tui.waitFor('Users (14)');
		await commandLine(tui, 'whocan lightsail:GetInstances');
		await tui.waitFor('Users who can lightsail:GetInstances on *');
		await commandLine(tui, 'whocan ec2:TerminateInstances');
		const answer = await tui.waitFor('Users who can ec2:TerminateInstances on *');
		expect(answer).not.toContain('lightsail:GetInstances');
		// One screen, not two: esc goes back to the list it came from.
		tui.write(keys.escape);
		await tui.waitFor('Users (14)');
	});

	it('hints what it takes after a space; more than a resource is refused, saying the form', async () => {
		const {tui} = start({snapshot: accessSnapshot(), columns: 200});
		await tui.waitFor('Users (14)');
		tui.write(':');
		await tui.waitFor(':whocan');
		await tui.type('whocan ');
		await tui.waitFor('ACTION [RESOURCE], e.g. :whocan ec2:TerminateInstances');
		await tui.type('s3:GetObject a b');
		tui.write(keys.enter);
		const frame = await tui.waitFor(':whocan takes an action and at most one resource');
		expect(frame).toContain('"b" is more');
		expect(frame).toContain('Users (14)');
	});

	it('another command with something after it says it takes nothing, not that it is unknown', async () => {
		const {tui} = start({snapshot: accessSnapshot(), columns: 200});
		await tui.waitFor('Users (14)');
		await commandLine(tui, 'groups Developers');
		const frame = await tui.waitFor(':groups takes nothing after its name ("Developers")');
		expect(frame).not.toContain('Unknown command');
		expect(frame).toContain('Users (14)');
	});
});

describe('Who-can at 60 columns', () => {
	it('its hint lines are cut, not wrapped, so the frame keeps its height', async () => {
		const {tui} = start({snapshot: accessSnapshot(), columns: 60, rows: 18});
		await tui.waitFor('Users (14)');
		await commandLine(tui, 'whocan lightsail:GetInstances');
		const frame = await tui.waitFor('Users who can lightsail:GetInstances on *');
		const rows = frame.split('\n');
		expect(rows.find(row => row.startsWith('enter opens · / edits the query'))).toMatch(/…$/);
		// The frame is one row shorter than the terminal (Shell): a wrapped hint made it one row too tall.
		expect(rows.length).toBeLessThanOrEqual(17);
	});
});
