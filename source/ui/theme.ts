// Semantic colours: a screen says what a piece of text is (an error, a warning, done, an accent, secondary
// text, the selected row) and this file says how that looks. Under NO_COLOR (https://no-color.org) the
// theme is dropped as a whole — no colour, no dim, no inverse — decided as terminal.ts decides chalk's
// level: an explicit FORCE_COLOR first, then NO_COLOR.
import {createContext, useContext} from 'react';
import type {PlanLine} from '../model/plans/describe.js';

export interface Theme {
	error: string | undefined;
	warning: string | undefined;
	success: string | undefined;
	/** Headings, the focused field, the `:` and `/` prompts. */
	accent: string | undefined;
	/** A badge that must stand out from the line it is on (READ-ONLY). */
	badge: {color: string | undefined; backgroundColor: string | undefined};
	/** Secondary text is dimmed. */
	muted: boolean;
	/** The selected row is drawn inverse. */
	selection: boolean;
}

export type Tone = 'error' | 'warning' | 'success' | 'accent' | 'muted';

export const COLOUR_THEME: Theme = {
	error: 'red',
	warning: 'yellow',
	success: 'green',
	accent: 'cyan',
	badge: {color: 'black', backgroundColor: 'yellow'},
	muted: true,
	selection: true,
};

export const NO_COLOUR_THEME: Theme = {
	error: undefined,
	warning: undefined,
	success: undefined,
	accent: undefined,
	badge: {color: undefined, backgroundColor: undefined},
	muted: false,
	selection: false,
};

/** NO_COLOR (non-empty) or FORCE_COLOR=0; an explicit FORCE_COLOR above 0 keeps the colours, as chalk does. */
export const themeFor = (env: Record<string, string | undefined>): Theme => {
	const off = env.FORCE_COLOR === undefined ? Boolean(env.NO_COLOR) : env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false';
	return off ? NO_COLOUR_THEME : COLOUR_THEME;
};

/** The theme of the process (cli.tsx prepares the colour variables before the UI loads); tests provide their own. */
const ThemeContext = createContext<Theme>(themeFor(process.env));
export const ThemeProvider = ThemeContext.Provider;
export const useTheme = (): Theme => useContext(ThemeContext);

/** <Text> props for a tone (none for no tone). */
export const toneProps = (theme: Theme, tone: Tone | undefined): {color: string | undefined; dimColor: boolean} =>
	tone === undefined ? {color: undefined, dimColor: false} : tone === 'muted' ? {color: undefined, dimColor: theme.muted} : {color: theme[tone], dimColor: false};

/** A plan line's tone (what it takes away, gives, keeps) as a theme tone. */
export const planLineTone = (tone: PlanLine['tone']): Tone | undefined =>
	tone === 'loss' ? 'error' : tone === 'gain' ? 'success' : tone === 'kept' || tone === 'warning' ? 'warning' : tone === 'dim' ? 'muted' : undefined;
