// Semantic colours: a screen says what a piece of text is (an error, a warning, done, an accent, a danger,
// a secret, secondary text, the selected row) and this file says how that looks — the one place a colour
// name is written in source/ui (test/unit/theme-literals.test.ts holds the screens to it). Under NO_COLOR
// (https://no-color.org) the theme is dropped as a whole — no colour, no dim, no inverse — decided as
// terminal.ts decides chalk's level: an explicit FORCE_COLOR first, then NO_COLOR.
import {createContext, useContext} from 'react';
import type {Environment} from '../model/connection.js';
import type {PlanLine} from '../model/plans/describe.js';

export interface Theme {
	/** Something failed or is invalid: a request refused, a field that cannot be sent. */
	error: string | undefined;
	/** Worth reading before going on, nothing failed: a condition, a note, a missing setting. */
	warning: string | undefined;
	/** Done or allowed: a saved file, a step that ran, an Allowed decision. */
	success: string | undefined;
	/** Headings, the focused field, the `:` and `/` prompts, work in progress. */
	accent: string | undefined;
	/** A standing risk on an entity (ADMIN-EQUIVALENT): drawn bold. */
	danger: string | undefined;
	/** A credential shown once (a secret access key, a password): drawn bold. */
	secret: string | undefined;
	/** A badge that must stand out from the line it is on (READ-ONLY). */
	badge: {color: string | undefined; backgroundColor: string | undefined};
	/** Secondary text is dimmed. */
	muted: boolean;
	/** The selected row is drawn inverse. */
	selection: boolean;
	/** A text field's cursor is a cell drawn inverse. */
	cursor: boolean;
}

/**
 * What a piece of text is: a colour of the theme, or `muted`, or one of two that borrow a colour and add
 * weight — `alert`, a warning that holds the screen until it is read or answered (the shown-once banner,
 * a y/n question), in the warning colour; `focus`, the form field the keys act on, in the accent colour.
 */
export type Tone = 'error' | 'warning' | 'success' | 'accent' | 'muted' | 'danger' | 'secret' | 'alert' | 'focus';

export const COLOUR_THEME: Theme = {
	error: 'red',
	warning: 'yellow',
	success: 'green',
	accent: 'cyan',
	danger: 'red',
	secret: 'green',
	badge: {color: 'black', backgroundColor: 'yellow'},
	muted: true,
	selection: true,
	cursor: true,
};

export const NO_COLOUR_THEME: Theme = {
	error: undefined,
	warning: undefined,
	success: undefined,
	accent: undefined,
	danger: undefined,
	secret: undefined,
	badge: {color: undefined, backgroundColor: undefined},
	muted: false,
	selection: false,
	cursor: false,
};

/** NO_COLOR (non-empty) or FORCE_COLOR=0; an explicit FORCE_COLOR above 0 keeps the colours, as chalk does. */
export const themeFor = (env: Environment): Theme => {
	const off = env.FORCE_COLOR === undefined ? Boolean(env.NO_COLOR) : env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false';
	return off ? NO_COLOUR_THEME : COLOUR_THEME;
};

/** The theme of the process (cli.tsx prepares the colour variables before the UI loads); tests provide their own. */
const ThemeContext = createContext<Theme>(themeFor(process.env));
export const ThemeProvider = ThemeContext.Provider;
export const useTheme = (): Theme => useContext(ThemeContext);

/** Tones whose meaning includes weight: bold in every theme (under NO_COLOR the terminal draws no style at all). */
const BOLD_TONES: ReadonlySet<Tone> = new Set<Tone>(['danger', 'secret', 'alert', 'focus']);

export type ToneProps = {color: string | undefined; dimColor: boolean; bold?: true};

/**
 * <Text> props for a tone (none for no tone). `bold` is present only for a bold tone, so a screen's own
 * `bold` written before the spread is kept.
 */
export const toneProps = (theme: Theme, tone: Tone | undefined): ToneProps => {
	if (tone === undefined) return {color: undefined, dimColor: false};
	if (tone === 'muted') return {color: undefined, dimColor: theme.muted};
	const color = tone === 'alert' ? theme.warning : tone === 'focus' ? theme.accent : theme[tone];
	return BOLD_TONES.has(tone) ? {color, dimColor: false, bold: true} : {color, dimColor: false};
};

/** A plan line's tone (what it takes away, gives, keeps) as a theme tone. */
export const planLineTone = (tone: PlanLine['tone']): Tone | undefined =>
	tone === 'loss' ? 'error' : tone === 'gain' ? 'success' : tone === 'kept' || tone === 'warning' ? 'warning' : tone === 'dim' ? 'muted' : undefined;
