// Issue 17, item 3: colours come from ui/theme.ts — a tone renders in the theme's colour, and under
// NO_COLOR the theme is dropped as a whole. Colours are read from Ink's raw frames with chalk at level 1
// (a test process has no colour terminal, so chalk would otherwise draw none at all).
import chalk from 'chalk';
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {IamError} from '../../source/model/errors.js';
import {ErrorPanel} from '../../source/ui/components/ErrorPanel.js';
import {StatusLine} from '../../source/ui/components/StatusLine.js';
import {COLOUR_THEME, NO_COLOUR_THEME, ThemeProvider, themeFor, type Theme} from '../../source/ui/theme.js';

const RED = '\u001B[31m';
const YELLOW = '\u001B[33m';
const GREEN = '\u001B[32m';
const MAGENTA = '\u001B[35m';
const DIM = '\u001B[2m';
// A foreground or background colour, or dim/inverse: what the theme decides (bold is the screen's own).
const THEMED_STYLE = /\u001B\[(?:2|7|3\d|4\d|9\d)m/;

let level: typeof chalk.level;
beforeAll(() => {
	level = chalk.level;
	chalk.level = 1;
});
afterAll(() => {
	chalk.level = level;
});

const frameOf = (tree: ReactElement, theme: Theme): string => {
	const ui = render(<ThemeProvider value={theme}>{tree}</ThemeProvider>);
	const frame = ui.lastFrame() ?? '';
	ui.unmount();
	return frame;
};

const panel = <ErrorPanel title="Could not load the account" error={new IamError('AccessDenied', 'no iam:ListUsers', 'ask for IAMReadOnlyAccess')} actions="esc goes back" />;
const status = (tone: 'error' | 'info') => (
	<StatusLine profile="dev" identity={undefined} identityError={undefined} readOnly loadedAt={undefined} reloading={false} message={{text: 'saved', tone}} width={100} />
);

describe('the theme', () => {
	it('an error panel: the title in the error colour, the hint in the warning colour, the actions muted', () => {
		const frame = frameOf(panel, COLOUR_THEME);
		expect(frame).toContain(`${RED}Could not load the account`);
		expect(frame).toContain(`${YELLOW}ask for IAMReadOnlyAccess`);
		expect(frame).toContain(`${DIM}esc goes back`);
	});

	it('a tone renders through the theme, not a literal colour: another error colour shows in its place', () => {
		expect(frameOf(status('error'), COLOUR_THEME)).toContain(`${RED} · saved`);
		expect(frameOf(status('info'), COLOUR_THEME)).toContain(`${GREEN} · saved`);
		const frame = frameOf(status('error'), {...COLOUR_THEME, error: 'magenta'});
		expect(frame).toContain(`${MAGENTA} · saved`);
		expect(frame).not.toContain(RED);
	});

	it('with no colour the theme is dropped as a whole: no colour, no dim, no badge background', () => {
		for (const tree of [panel, status('error'), status('info')]) {
			const frame = frameOf(tree, NO_COLOUR_THEME);
			expect(frame).not.toMatch(THEMED_STYLE);
		}
		expect(frameOf(panel, NO_COLOUR_THEME)).toContain('Could not load the account');
	});

	it('NO_COLOR or FORCE_COLOR=0 drops it; an explicit FORCE_COLOR keeps it, as chalk does (terminal.ts)', () => {
		expect(themeFor({NO_COLOR: '1'})).toBe(NO_COLOUR_THEME);
		expect(themeFor({FORCE_COLOR: '0'})).toBe(NO_COLOUR_THEME);
		expect(themeFor({NO_COLOR: '1', FORCE_COLOR: '0'})).toBe(NO_COLOUR_THEME);
		expect(themeFor({NO_COLOR: '1', FORCE_COLOR: '3'})).toBe(COLOUR_THEME);
		expect(themeFor({NO_COLOR: ''})).toBe(COLOUR_THEME);
		expect(themeFor({})).toBe(COLOUR_THEME);
	});
});
