// Opening a role in the App (a rendered App on the fixture account with fixtureRoles): `:roles`, the filter,
// enter; returns once who may assume it has arrived (a section of its own, a tab stop).
import {filterTo} from './group-steps.js';
import {keys, tick, type Rendered} from './render.js';

export const openRole = async (tui: Rendered, name: string): Promise<void> => {
	await tui.waitFor('Users (12)');
	tui.write(':');
	await tui.type('roles\r');
	await tui.waitFor('Roles (7)');
	await filterTo(tui, name);
	tui.write(keys.enter);
	await tui.waitFor(`Role ${name}`);
	await tui.waitFor(/May assume it \(\d/);
	await tick();
};
