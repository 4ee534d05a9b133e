// Issue 17, item 3: colours come from ui/theme.ts — a tone renders in the theme's colour, and under
// NO_COLOR the theme is dropped as a whole. Colours are read from the frames ink-testing-library
// renders. A test process has no colour terminal, so FORCE_COLOR=1 is set before Ink (and the chalk it
// styles with) loads: the terminal can draw colours, and what is drawn is the theme's decision.
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import {afterAll, afterEach, describe, expect, it, vi} from 'vitest';
import {buildAccessModel} from '../../source/model/access.js';
import {IamError} from '../../source/model/errors.js';
import {buildIndex} from '../../source/model/indexes.js';
import type {IssuedSecret} from '../../source/model/plans/execute.js';
import {Secret} from '../../source/model/secret.js';
import {ErrorPanel} from '../../source/ui/components/ErrorPanel.js';
import {StatusLine} from '../../source/ui/components/StatusLine.js';
import {TextField} from '../../source/ui/components/TextField.js';
import {AccessScreen} from '../../source/ui/screens/AccessScreen.js';
import {FieldRow} from '../../source/ui/screens/form-fields.js';
import {SecretOnce} from '../../source/ui/screens/SecretOnce.js';
import {KeyboardProvider} from '../../source/ui/hooks/keyboard.js';
import {COLOUR_THEME, NO_COLOUR_THEME, ThemeProvider, themeFor, type Theme} from '../../source/ui/theme.js';
import {accessSnapshot} from '../fixtures/access.js';

// Stubbed (vi.stubEnv) before any import loads, undone after the file's tests (afterAll below).
vi.hoisted(() => {
	vi.stubEnv('FORCE_COLOR', '1');
	vi.stubEnv('NO_COLOR', undefined);
});
afterAll(() => {
	vi.unstubAllEnvs();
});

const RED = '31';
const YELLOW = '33';
const GREEN = '32';
const CYAN = '36';
const MAGENTA = '35';
const BOLD = '1';
const DIM = '2';
const INVERSE = '7';
// A foreground or background colour, or dim/inverse: what the theme decides (bold is the screen's own).
const THEMED_STYLE = /\u001B\[(?:2|7|3\d|4\d|9\d)m/;
const SGR = /\u001B\[([\d;]*)m/g;

/**
 * The styles in effect where `text` starts (e.g. ['1', '31'] for bold red), replaying the frame's SGR
 * sequences up to it: the renderer may open a style once for several pieces of text in a row.
 */
const styleOf = (frame: string, text: string): string[] => {
	const at = frame.indexOf(text);
	expect(at, `"${text}" in the frame`).toBeGreaterThanOrEqual(0);
	const on = {weight: new Set<string>(), fg: '', bg: '', inverse: false};
	for (const match of frame.slice(0, at).matchAll(SGR))
		for (const code of (match[1] || '0').split(';')) {
			if (code === '0') Object.assign(on, {weight: new Set(), fg: '', bg: '', inverse: false});
			else if (code === '1' || code === '2') on.weight.add(code);
			else if (code === '22') on.weight.clear();
			else if (code === '7') on.inverse = true;
			else if (code === '27') on.inverse = false;
			else if (code === '39') on.fg = '';
			else if (code === '49') on.bg = '';
			else if (/^(3|9)\d$/.test(code)) on.fg = code;
			else if (/^(4|10)\d$/.test(code)) on.bg = code;
		}
	return [...on.weight, ...(on.inverse ? [INVERSE] : []), on.fg, on.bg].filter(Boolean);
};

const frameOf = (tree: ReactElement, theme: Theme): string => {
	const ui = render(
		<ThemeProvider value={theme}>
			<KeyboardProvider readOnly={false}>{tree}</KeyboardProvider>
		</ThemeProvider>,
	);
	const frame = ui.lastFrame() ?? '';
	ui.unmount();
	return frame;
};

const panel = <ErrorPanel title="Could not load the account" error={new IamError('AccessDenied', 'no iam:ListUsers', 'ask for IAMReadOnlyAccess')} actions="esc goes back" />;
const status = (tone: 'error' | 'info') => (
	<StatusLine profile="dev" identity={undefined} identityError={undefined} readOnly loadedAt={undefined} reloading={false} message={{text: 'saved', tone}} width={100} />
);
const fields = (
	<>
		<FieldRow label="Name" active problem="a name is needed">
			<TextField value="" onChange={() => {}} focused />
		</FieldRow>
		<FieldRow label="Path" active={false} hint="never shown: the row is not active">
			<TextField value="/" onChange={() => {}} focused={false} />
		</FieldRow>
		<FieldRow label="Tags" active hint="key=value, separated by commas">
			<TextField value="team=ops" onChange={() => {}} focused={false} />
		</FieldRow>
	</>
);
const KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const secrets = (): IssuedSecret[] => [
	{kind: 'access-key', user: 'ana.silva', accessKeyId: 'AKIAANAEXAMPLE000009', secretAccessKey: new Secret(KEY), createDate: '2024-06-01T00:00:00Z'},
];
const secretOnce = () => (
	<SecretOnce
		secrets={secrets()}
		signInUrl="https://123456789012.signin.aws.amazon.com/console"
		saveCsv={async () => ({ok: true, path: 'x.csv'})}
		copy={async () => ({ok: true})}
		onDismiss={() => {}}
		focused
		width={120}
		height={30}
	/>
);
const admin = <AccessScreen model={buildAccessModel(buildIndex(accessSnapshot()))} name="rsdash" onBack={() => {}} focused width={110} height={20} />;

describe('the theme', () => {
	it('an error panel: the title in the error colour, the hint in the warning colour, the actions muted', () => {
		const frame = frameOf(panel, COLOUR_THEME);
		expect(styleOf(frame, 'Could not load the account')).toContain(RED);
		expect(styleOf(frame, 'ask for IAMReadOnlyAccess')).toContain(YELLOW);
		expect(styleOf(frame, 'esc goes back')).toContain(DIM);
	});

	it('a tone renders through the theme, not a literal colour: another error colour shows in its place', () => {
		expect(styleOf(frameOf(status('error'), COLOUR_THEME), ' · saved')).toContain(RED);
		expect(styleOf(frameOf(status('info'), COLOUR_THEME), ' · saved')).toContain(GREEN);
		const frame = frameOf(status('error'), {...COLOUR_THEME, error: 'magenta'});
		expect(styleOf(frame, ' · saved')).toContain(MAGENTA);
		expect(frame).not.toContain('\u001B[31m');
	});

	it('a form: the focused field in the accent colour and bold, its problem in the error colour, a hint muted, the cursor inverse', () => {
		const frame = frameOf(fields, COLOUR_THEME);
		expect(styleOf(frame, 'Name')).toContain(CYAN);
		expect(styleOf(frame, 'Name')).toContain(BOLD);
		expect(styleOf(frame, 'a name is needed')).toContain(RED);
		expect(styleOf(frame, 'key=value, separated by commas')).toContain(DIM);
		expect(styleOf(frame, 'Path')).toEqual([]);
		expect(frame).not.toContain('never shown');
		expect(frame).toContain('\u001B[7m ');
		// The screen follows the theme: the accent of another theme, not cyan.
		const other = frameOf(fields, {...COLOUR_THEME, accent: 'magenta', error: 'yellow'});
		expect(styleOf(other, 'Name')).toContain(MAGENTA);
		expect(styleOf(other, 'a name is needed')).toContain(YELLOW);
		expect(other).not.toContain('\u001B[36m');
		expect(other).not.toContain('\u001B[31m');
	});

	it('the secret shown once: the banner a bold warning, the secret bold in the secret colour, the hints muted', () => {
		const frame = frameOf(secretOnce(), COLOUR_THEME);
		expect(styleOf(frame, '⚠ shown once')).toContain(YELLOW);
		expect(styleOf(frame, '⚠ shown once')).toContain(BOLD);
		expect(styleOf(frame, KEY)).toContain(GREEN);
		expect(styleOf(frame, KEY)).toContain(BOLD);
		expect(styleOf(frame, 's save as CSV')).toContain(DIM);
		expect(styleOf(frameOf(secretOnce(), {...COLOUR_THEME, secret: 'magenta'}), KEY)).toContain(MAGENTA);
	});

	it('the admin-equivalent badge is a danger: bold, in the danger colour', () => {
		const frame = frameOf(admin, COLOUR_THEME);
		expect(styleOf(frame, '  ADMIN-EQUIVALENT')).toContain(RED);
		expect(styleOf(frame, '  ADMIN-EQUIVALENT')).toContain(BOLD);
		expect(styleOf(frameOf(admin, {...COLOUR_THEME, danger: 'magenta'}), '  ADMIN-EQUIVALENT')).toContain(MAGENTA);
	});

	it('with no colour the theme is dropped as a whole: no colour, no dim, no inverse, no badge background', () => {
		for (const tree of [panel, status('error'), status('info'), fields, secretOnce(), admin]) {
			const frame = frameOf(tree, NO_COLOUR_THEME);
			expect(frame).not.toMatch(THEMED_STYLE);
		}
		expect(frameOf(panel, NO_COLOUR_THEME)).toContain('Could not load the account');
		expect(frameOf(secretOnce(), NO_COLOUR_THEME)).toContain(KEY);
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

describe('the theme of the process (no provider): read from its environment when the UI loads', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.resetModules();
	});

	const panelLoadedWith = async (env: Record<string, string | undefined>): Promise<string> => {
		for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
		vi.resetModules();
		const {ErrorPanel: Fresh} = await import('../../source/ui/components/ErrorPanel.js');
		const ui = render(<Fresh title="Could not load the account" error={new IamError('AccessDenied', 'denied', 'a hint')} actions="esc goes back" />);
		const frame = ui.lastFrame() ?? '';
		ui.unmount();
		return frame;
	};

	it('FORCE_COLOR=1: in colour', async () => {
		expect(styleOf(await panelLoadedWith({FORCE_COLOR: '1', NO_COLOR: undefined}), 'Could not load the account')).toContain(RED);
	});

	it('NO_COLOR=1: nothing coloured, though the terminal could draw it', async () => {
		const frame = await panelLoadedWith({FORCE_COLOR: undefined, NO_COLOR: '1'});
		expect(frame).toContain('Could not load the account');
		expect(frame).not.toMatch(THEMED_STYLE);
	});
});
