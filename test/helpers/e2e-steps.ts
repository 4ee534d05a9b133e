// Operator moves the workflow e2e tests share: jump with `:`, type and wait until it is drawn, filter a
// list, move the cursor (›) to a row. Each waits for the frame it expects before the next key, so keys
// never arrive glued together as a paste.
import type {TmuxSession} from './tmux.js';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Types text, then waits until it is drawn (pass `drawn` when the text is on the screen already). */
export const typeText = async (tui: TmuxSession, text: string, drawn: string | RegExp = text): Promise<void> => {
	tui.type(text);
	await tui.waitFor(drawn);
};

/** `:target` enter, then waits for what the target screen shows. */
export const jump = async (tui: TmuxSession, target: string, expected: string | RegExp): Promise<string> => {
	tui.keys(':');
	await tui.waitFor(/^:/m);
	tui.type(target);
	await tui.waitFor(new RegExp(`^:${escape(target)}`, 'm'));
	tui.keys('Enter');
	return tui.waitFor(expected);
};

/** `/text` enter on a list: the filter stays applied and the list owns the keys again. */
export const filterList = async (tui: TmuxSession, text: string): Promise<string> => {
	tui.keys('/');
	await tui.waitFor('enter keep');
	tui.type(text);
	await tui.waitFor(`/${text}`);
	tui.keys('Enter');
	return tui.waitFor(new RegExp(`/${escape(text)}\\s+\\d+ of \\d+ · esc clears`));
};

/** The line the cursor (›) is on, if any. */
export const cursorLine = (screen: string): string | undefined => screen.split('\n').find(line => line.startsWith('›'));

/** Presses ↓ (or `key`) until the cursor line matches; each press waits for the cursor to move. */
export const moveCursorTo = async (tui: TmuxSession, pattern: RegExp, options: {key?: string; max?: number} = {}): Promise<string> => {
	const {key = 'Down', max = 60} = options;
	for (let presses = 0; presses <= max; presses++) {
		const current = cursorLine(tui.screen());
		if (current && pattern.test(current)) return current;
		tui.keys(key);
		await tui.waitFor(screen => cursorLine(screen) !== current);
	}
	throw new Error(`the cursor never reached ${String(pattern)}; the screen was:\n${tui.screen()}`);
};

/** Pieces of a secret to look for: the whole, and both halves (a wrapped line splits it once). */
export const secretPieces = (secret: string): string[] => {
	const half = Math.floor(secret.length / 2);
	return [secret, secret.slice(0, half), secret.slice(half)];
};

/** True when text holds the secret, or half of it (so a secret wrapped over two lines still counts). */
export const showsSecret = (text: string, secret: string): boolean => secretPieces(secret).some(piece => text.includes(piece));

/**
 * Filters the Users list to one name and opens it, typing `/name` as ONE chunk on purpose: right after a
 * write the TUI is busy with the reload, so keys arrive glued together; each must still count, in order
 * (source/ui/hooks/keystroke-pacer.ts). The workflow tests call this right after their writes.
 */
export const openUserSafely = async (tui: TmuxSession, name: string): Promise<string> => {
	tui.type(`/${name}`);
	await tui.waitFor(`/${name}`);
	tui.keys('Enter');
	await tui.waitFor(new RegExp(`/${escape(name)}\\s+\\d+ of \\d+ · esc clears`));
	await tui.waitFor(/Users \(1\/\d+\)/);
	tui.keys('Enter');
	return tui.waitFor(`User ${name}`);
};

/** On SecretOnce: s, clear the proposed path, type `file`, enter (what happens next is the caller's to check). */
export const enterSecretsCsvPath = async (tui: TmuxSession, file: string): Promise<void> => {
	tui.keys('s');
	await tui.waitFor('Save as CSV to:');
	tui.keys('C-u');
	await tui.waitFor(/Save as CSV to:\s*$/m);
	await typeText(tui, file);
	tui.keys('Enter');
};

/** On SecretOnce: saves to `file`; returns the screen saying it was saved 0600. */
export const saveSecretsCsv = async (tui: TmuxSession, file: string): Promise<string> => {
	await enterSecretsCsvPath(tui, file);
	return tui.waitFor(`saved to ${file} (mode 0600)`);
};

/** On Users: n, then the wizard's step 1 (name, default path, optional tags) until step 2 is shown. */
export const createUserStepOne = async (tui: TmuxSession, user: string, tags?: string): Promise<void> => {
	tui.keys('n');
	await tui.waitFor('step 1 of 3');
	await typeText(tui, user);
	tui.keys('Enter');
	await tui.waitFor(/^› Path/m);
	tui.keys('Enter');
	await tui.waitFor(/^› Tags/m);
	if (tags) await typeText(tui, tags);
	tui.keys('Enter');
	await tui.waitFor('step 2 of 3');
};

/** `:whocan`, the action typed, enter: returns the answer once its users list is drawn (or `expected`). */
export const askWhoCan = async (tui: TmuxSession, action: string, expected?: RegExp): Promise<string> => {
	await jump(tui, 'whocan', 'Who can…');
	await typeText(tui, action, `do ${action}`);
	tui.keys('Enter');
	return tui.waitFor(expected ?? new RegExp(`Users who can ${escape(action)} on \\* \\(\\d+\\)`));
};
