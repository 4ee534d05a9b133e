// Questions on the terminal for headless destructive commands (asked on stderr, so stdout stays clean).
// The question holds the plan, so account text: it is sanitised like every other line iamtui prints.
// Ctrl+D (the end of input) is no answer: the default, No. Ctrl+C interrupts the command (PromptInterrupted:
// status 130, as a shell reports an interrupted program). Every prompt comes before the writes it guards.
import {createInterface} from 'node:readline';
import {terminalText} from '../model/sanitize.js';

/** Ctrl+C at a prompt: nothing was sent, and the command ends as interrupted. */
export class PromptInterrupted extends Error {
	constructor() {
		super('interrupted at the prompt (Ctrl+C): nothing was sent');
		this.name = 'PromptInterrupted';
	}
}

const askLine = (question: string): Promise<string> =>
	new Promise((resolve, reject) => {
		const prompt = createInterface({input: process.stdin, output: process.stderr});
		let answered = false;
		const end = (settle: () => void) => {
			if (answered) return;
			answered = true;
			prompt.close();
			settle();
		};
		// The end of input closes the interface with no answer; the line the prompt was on is ended first.
		prompt.on('close', () => {
			if (!answered) process.stderr.write('\n');
			end(() => resolve(''));
		});
		prompt.on('SIGINT', () => {
			process.stderr.write('\n');
			end(() => reject(new PromptInterrupted()));
		});
		prompt.question(terminalText(question), answer => end(() => resolve(answer)));
	});

export const terminalConfirm = async (question: string): Promise<boolean> => /^y(es)?$/i.test((await askLine(question)).trim());

/** A line of text typed on the terminal (e.g. a name that confirms a deletion), asked on stderr. */
export const terminalAsk = askLine;
