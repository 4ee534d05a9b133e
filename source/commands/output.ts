// The one writer to stdout and stderr. It takes TerminalText only (model/sanitize.ts), so text from the
// account, a file or the command line cannot reach the terminal with its escape sequences: to print
// anything, it has to pass terminalText (or terminalJson) first.
import {terminalJson, terminalText, type TerminalText} from '../model/sanitize.js';

export interface Sink {
	write(text: string): unknown;
}

/** Writes safe text; a non-empty text always ends with a newline. */
export const writeSafe = (sink: Sink, text: TerminalText): void => {
	if (text) sink.write(text.endsWith('\n') ? text : `${text}\n`);
};

/** Untrusted text (stdout, an error line), sanitised on the way out. */
export const writeText = (sink: Sink, text: string): void => writeSafe(sink, terminalText(text));

/** A command's stdout: JSON keeps its exact values (escaped), anything else is sanitised. */
export const writeOutput = (sink: Sink, text: string, json: boolean): void => writeSafe(sink, json ? terminalJson(text) : terminalText(text));

export const toStderr: Sink = {write: text => process.stderr.write(text)};
export const toStdout: Sink = {write: text => process.stdout.write(text)};
