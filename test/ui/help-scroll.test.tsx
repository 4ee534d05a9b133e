// The help overlay scrolls the keys of the screen it was opened on: ↓/↑ by a line, PgDn/PgUp by the
// window's height, G and g to the last and first lines (list-window's scrollHandlers and movements).
import {expect, it} from 'vitest';
import {HelpOverlay} from '../../source/ui/components/HelpOverlay.js';
import {KeyboardProvider} from '../../source/ui/hooks/keyboard.js';
import {commandLineEntries} from '../../source/ui/jump-targets.js';
import {commandsFor} from '../../source/ui/keymap.js';
import {keys, renderTui, tick, type Rendered} from '../helpers/render.js';

const HEIGHT = 8;
// The title and the hint line take two of the rows.
const VISIBLE = HEIGHT - 2;
const descriptions = [...commandsFor('users').map(cmd => cmd.description), ...commandLineEntries.map(entry => entry.description)];

/** The description on the first key line under the title. */
const firstShown = (tui: Rendered): string => tui.lastFrame().split('\n')[1] ?? '';

const press = async (tui: Rendered, key: string, first: number) => {
	tui.write(key);
	await tui.waitForFrame(() => firstShown(tui).endsWith(descriptions[first]!), {message: `line ${first} first after ${JSON.stringify(key)}`});
	await tick();
};

it('scrolls a line with ↓/↑, a window with PgDn/PgUp, and to either end with G/g', async () => {
	expect(descriptions.length).toBeGreaterThan(3 * VISIBLE);
	const tui = renderTui(
		<KeyboardProvider readOnly={false}>
			<HelpOverlay screen="users" readOnly={false} height={HEIGHT} onClose={() => {}} />
		</KeyboardProvider>,
		{columns: 400, rows: 20},
	);
	await tui.waitFor('↑↓ scroll');
	expect(firstShown(tui).endsWith(descriptions[0]!)).toBe(true);
	await press(tui, keys.down, 1);
	await press(tui, 'j', 2);
	await press(tui, keys.pageDown, 2 + VISIBLE);
	await press(tui, keys.up, 1 + VISIBLE);
	await press(tui, keys.pageUp, 1);
	await press(tui, keys.pageUp, 0);
	await press(tui, 'G', descriptions.length - VISIBLE);
	await press(tui, keys.down, descriptions.length - VISIBLE);
	await press(tui, 'g', 0);
	tui.unmount();
});
