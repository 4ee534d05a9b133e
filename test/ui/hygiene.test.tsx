// The credential hygiene view (`:hygiene`) in the app: flagged cells, the report's age, filter by
// finding, sort by findings, enter/R/O from a row, and an unavailable report explained.
import {describe, expect, it} from 'vitest';
import {fixtureSnapshot} from '../fixtures/account.js';
import type {FixtureGatewayOptions} from '../fixtures/gateway.js';
import {appHarness} from '../helpers/app.js';
import {keys} from '../helpers/render.js';
import {selectedLine} from '../helpers/user-screen.js';

const harness = appHarness();

const open = async (options: FixtureGatewayOptions = {}) => {
	const {tui: ui} = harness.start({...options, columns: 140, rows: 40});
	await ui.waitFor('Users (12)');
	ui.write(':');
	await ui.waitFor(':users');
	await ui.type('hygiene');
	ui.write(keys.enter);
	return ui;
};

const lineOf = (frame: string, user: string) => frame.split('\n').find(line => line.includes(user)) ?? '';
const dataRows = (frame: string) => {
	const lines = frame.split('\n');
	const header = lines.findIndex(line => line.includes('USER') && line.includes('FINDINGS'));
	return lines.slice(header + 1).filter(line => /^[ ›] \S/.test(line));
};

describe('credential hygiene', () => {
	it('lists the report with flagged cells, the findings and the report generation time', async () => {
		const tui = await open();
		const frame = await tui.waitFor('Credential hygiene (11)');
		expect(frame).toContain('Credential report generated 2h ago');
		expect(frame).toContain('AWS regenerates it at most every 4 hours');
		expect(frame).toContain('1 user is newer than the report');
		expect(frame).toContain('3 old key · 1 unused key · 1 unused password · 2 no MFA · 3 no activity');

		const bruno = lineOf(frame, 'bruno.costa');
		expect(bruno).toContain('!200d / 5d ago');
		expect(bruno).toContain('off 400d / 300d ago');
		expect(bruno).toMatch(/!no /);
		expect(bruno).toContain('old key, no MFA');
		const frank = lineOf(frame, 'frank.departed');
		expect(frank).toContain('!900d / 2y ago');
		expect(frank).toContain('old key, unused key');
		const grace = lineOf(frame, 'grace.hopper');
		expect(grace).toContain('!never');
		expect(grace).toContain('unused password, no MFA, no activity');
		// Nothing over a threshold: no mark at all.
		expect(lineOf(frame, 'ana.silva')).not.toContain('!');
	});

	it('filters by a finding and sorts by the number of findings', async () => {
		const tui = await open();
		await tui.waitFor('Credential hygiene (11)');
		tui.write('/');
		await tui.waitFor('type to filter');
		await tui.type('no mfa');
		await tui.waitFor('(2/11)');
		tui.write(keys.enter);
		const filtered = await tui.waitFor('2 of 11 · esc clears');
		expect(dataRows(filtered).map(row => row.trim().replace(/^› /, '').split(' ')[0])).toEqual(['bruno.costa', 'grace.hopper']);
		tui.write(keys.escape);
		await tui.waitFor('Credential hygiene (11)');
		// Clearing the filter keeps bruno.costa selected, and so does sorting.
		expect(selectedLine(tui.lastFrame())).toContain('bruno.costa');

		tui.write('s');
		await tui.waitFor('sorted by findings ↑');
		tui.write('S');
		const sorted = await tui.waitFor('sorted by findings ↓');
		expect(dataRows(sorted)[0]).toContain('grace.hopper');
		// Ties keep the report's order: the last user without findings is last.
		expect(dataRows(sorted).at(-1)).toContain('auditor');

		expect(selectedLine(sorted)).toContain('bruno.costa');
		// To the top, grace.hopper: enter opens her.
		tui.write('g');
		await tui.waitForFrame(frame => selectedLine(frame).includes('grace.hopper'));
		tui.write(keys.enter);
		await tui.waitFor('User grace.hopper');
	});

	it('R and O on a row open the rotation wizard and the offboarding of that user', async () => {
		const tui = await open();
		await tui.waitFor('Credential hygiene (11)');
		tui.write('R');
		await tui.waitFor('Key rotation: ana.silva');
		tui.write(keys.escape);
		await tui.waitFor('Credential hygiene (11)');
		tui.write('O');
		await tui.waitFor('What ana.silva has');
	});

	it('explains an unavailable report', async () => {
		const reason = 'AccessDenied: not authorized to perform iam:GenerateCredentialReport';
		const tui = await open({snapshot: fixtureSnapshot({credentialReport: {status: 'unavailable', reason}})});
		const frame = await tui.waitFor('Credential hygiene (0)');
		expect(frame).toContain(`The credential report is unavailable: ${reason}`);
		expect(frame).toContain('iam:GenerateCredentialReport, iam:GetCredentialReport');
		expect(frame).toContain('No credential report: nothing to show.');
	});

	it('read-only: the rotation and offboarding keys are absent', async () => {
		const tui = await open({readOnly: true});
		await tui.waitFor('Credential hygiene (11)');
		await tui.type('RO/');
		// Keys are handled in order: the filter opening on this screen shows R and O did nothing.
		const frame = await tui.waitFor('type to filter');
		expect(frame).toContain('Credential hygiene (11)');
		expect(frame).not.toContain('Key rotation');
	});
});
