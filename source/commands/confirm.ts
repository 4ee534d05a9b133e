// Questions on the terminal for headless destructive commands (asked on stderr, so stdout stays clean).
// The question holds the plan, so account text: it is sanitised like every other line iamtui prints.
import {createInterface} from 'node:readline/promises';
import {terminalText} from '../model/sanitize.js';

const askLine = async (question: string): Promise<string> => {
	const prompt = createInterface({input: process.stdin, output: process.stderr});
	try {
		return await prompt.question(terminalText(question));
	} finally {
		prompt.close();
	}
};

export const terminalConfirm = async (question: string): Promise<boolean> => /^y(es)?$/i.test((await askLine(question)).trim());

/** A line of text typed on the terminal (e.g. a name that confirms a deletion), asked on stderr. */
export const terminalAsk = askLine;
