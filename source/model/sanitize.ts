// Names, tags and policy documents come from the account and are untrusted: a user name holding an
// escape sequence could recolour, move the cursor, retitle or clear the operator's terminal.
// These functions make such text inert before it reaches the screen; normal unicode stays.

// ESC-introduced strings ended by BEL or ST: OSC (]), DCS (P), SOS (X), PM (^), APC (_).
const escString = /\u001B[\]PX^_][\s\S]*?(?:\u0007|\u001B\\|$)/g;
// 8-bit forms of the same (0x9D OSC, 0x90 DCS, 0x98 SOS, 0x9E PM, 0x9F APC) ended by BEL or ST (0x9C).
const c1String = /[\u0090\u0098\u009D\u009E\u009F][\s\S]*?(?:\u0007|\u009C|\u001B\\|$)/g;
// CSI: ESC [ or 0x9B, parameter bytes, intermediate bytes, one final byte.
const csi = /(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?/g;
// Other escapes: ESC, optional intermediates (e.g. charset selection "ESC ( B"), one final byte.
const escOther = /\u001B[\u0020-\u002F]*[\u0030-\u007E]?/g;
// C0 controls, DEL and C1 controls.
const controls = /[\u0000-\u001F\u007F-\u009F]/g;
const controlsExceptNewline = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
// Bidirectional overrides and isolates reorder what is displayed ("trojan source").
const bidi = /[\u202A-\u202E\u2066-\u2069]/g;

const stripSequences = (text: string): string =>
	text.replace(escString, '').replace(c1String, '').replace(csi, '').replace(escOther, '').replace(bidi, '');

/** One line of untrusted text, safe to render: sequences removed, tabs and newlines become spaces. */
export const sanitize = (text: string): string =>
	stripSequences(text).replace(/[\t\r\n]/g, ' ').replace(controls, '');

/** Untrusted multi-line text (policy documents): like sanitize, but newlines are kept. */
export const sanitizeMultiline = (text: string): string =>
	stripSequences(text.replace(/\r\n?/g, '\n'))
		.replace(/\t/g, '  ')
		.replace(controlsExceptNewline, '');

// Everything iamtui writes to stdout or stderr is one of these: the writer (commands/output.ts) takes
// nothing else, so a new output path cannot forget to sanitise what it prints.
declare const terminalBrand: unique symbol;
/** Text safe to write to a terminal; made only by `terminalText` or `terminalJson`. */
export type TerminalText = string & {readonly [terminalBrand]: true};

/** Untrusted text (account data, file contents, arguments, error messages) made safe; lines are kept. */
export const terminalText = (text: string): TerminalText => sanitizeMultiline(text) as TerminalText;

// JSON.stringify escapes C0 controls but leaves DEL, C1 controls, bidi overrides and line/paragraph
// separators raw inside strings: escaping them too keeps the JSON exact and the terminal inert.
const rawInJson = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

// What terminalText would still act on once those are escaped: any C0 control but the newline (ESC starts every sequence).
const c0ButNewline = /[\u0000-\u0009\u000B-\u001F]/;

/** JSON text made safe without changing its value: what a terminal would act on becomes a \u escape. */
export const terminalJson = (json: string): TerminalText => {
	const escaped = json.replace(rawInJson, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
	// JSON.stringify's own text holds no C0 control but its newlines: already inert, so the megabytes of a large
	// answer are not scanned seven times more. Anything else passed as JSON is sanitised as text.
	return c0ButNewline.test(escaped) ? terminalText(escaped) : (escaped as TerminalText);
};
