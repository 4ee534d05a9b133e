// Questions on the terminal for headless destructive commands (asked on stderr, so stdout stays clean).
import {createInterface} from 'node:readline/promises';

export const terminalConfirm = async (question: string): Promise<boolean> => {
	const prompt = createInterface({input: process.stdin, output: process.stderr});
	try {
		return /^y(es)?$/i.test((await prompt.question(question)).trim());
	} finally {
		prompt.close();
	}
};

/** A line of text typed on the terminal (e.g. a name that confirms a deletion), asked on stderr. */
export const terminalAsk = async (question: string): Promise<string> => {
	const prompt = createInterface({input: process.stdin, output: process.stderr});
	try {
		return await prompt.question(question);
	} finally {
		prompt.close();
	}
};
