// Asking who can do an action from the App's Users list (a rendered App, ink-testing-library): `:whocan`,
// the action, enter; returns the frame with the answer.
import {keys, type Rendered} from './render.js';

export const askWhoCan = async (tui: Rendered, action: string, users = 'Users (14)'): Promise<string> => {
	await tui.waitFor(users);
	tui.write(':');
	await tui.waitFor(':whocan');
	await tui.type('whocan');
	await tui.waitForFrame(f => f.split('\n').some(line => line.startsWith(':whocan')));
	tui.write(keys.enter);
	await tui.waitFor('Who can…');
	await tui.type(action);
	await tui.waitFor(`do ${action}`);
	tui.write(keys.enter);
	return tui.waitFor(`Users who can ${action} on *`);
};

/** `c`, the field cleared, the entries typed, enter: the applied request context is shown above the answer. */
export const setRequestContext = async (tui: Rendered, text: string): Promise<void> => {
	tui.write('c');
	await tui.waitFor('enter applies');
	tui.write('\u0015');
	await tui.type(text);
	tui.write(keys.enter);
	await tui.waitFor(`request context: ${text}`);
};
