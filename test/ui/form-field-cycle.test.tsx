// The text-only forms move between fields with ↑↓, tab and shift-tab, going round at both ends
// (use-field-step.ts's useFieldCycle); shown on the add-profile form, typing a letter into each field reached.
import {describe, expect, it} from 'vitest';
import {appHarness} from '../helpers/app.js';
import {keys} from '../helpers/render.js';

const harness = appHarness();
const SHIFT_TAB = '\u001B[Z';

const openAddProfile = async () => {
	const {tui} = harness.start({awsProfiles: ['default'], columns: 100, rows: 30});
	await tui.waitFor('Users (12)');
	tui.write(':');
	await tui.waitFor(':users :groups');
	await tui.type('profiles');
	tui.write(keys.enter);
	await tui.waitFor('Profiles (');
	tui.write('a');
	await tui.waitFor('Add a profile');
	return tui;
};

/** The value typed into a field, as its row shows it. */
const fieldValue = (frame: string, label: string) => new RegExp(`${label}\\s+(\\S+)`).exec(frame)?.[1];

describe('moving between the fields of a text-only form', () => {
	it('↑ on the first field goes round to the last; shift-tab goes back, tab past the last comes round to the first', async () => {
		const tui = await openAddProfile();
		tui.write(keys.up);
		await tui.type('E');
		await tui.waitForFrame(f => fieldValue(f, 'Endpoint') === 'E');
		tui.write(SHIFT_TAB);
		await tui.type('R');
		await tui.waitForFrame(f => fieldValue(f, 'Region') === 'R');
		tui.write(keys.tab);
		await tui.type('2');
		await tui.waitForFrame(f => fieldValue(f, 'Endpoint') === 'E2');
		tui.write(keys.tab);
		await tui.type('N');
		const frame = await tui.waitForFrame(f => fieldValue(f, 'Name') === 'N');
		expect([fieldValue(frame, 'Name'), fieldValue(frame, 'Region'), fieldValue(frame, 'Endpoint')]).toEqual(['N', 'R', 'E2']);
	});

	it('↓ steps forward one field at a time', async () => {
		const tui = await openAddProfile();
		tui.write(keys.down);
		await tui.type('r');
		const frame = await tui.waitForFrame(f => fieldValue(f, 'Region') === 'r');
		expect(fieldValue(frame, 'Endpoint')).not.toBe('r');
	});
});
