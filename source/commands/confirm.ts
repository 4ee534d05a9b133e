// A y/N question on the terminal for headless destructive commands (asked on stderr, so stdout stays clean).
import {createInterface} from 'node:readline/promises';

export const terminalConfirm = async (question: string): Promise<boolean> => {
	const prompt = createInterface({input: process.stdin, output: process.stderr});
	try {
		return /^y(es)?$/i.test((await prompt.question(question)).trim());
	} finally {
		prompt.close();
	}
};
