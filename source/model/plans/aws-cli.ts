// `aws iam …` equivalents of plan steps. Names come from the account (untrusted): anything beyond
// IAM's name characters is single-quoted, so the line is safe to paste into a shell.
const plain = /^[\w+=,.@/:-]+$/;

const control = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * Quotes for bash and zsh. A name with control characters (hostile account data) is written as
 * $'…' with \xHH escapes, so the line stays printable and still names exactly that entity.
 */
export const shellQuote = (value: string): string => {
	if (plain.test(value)) return value;
	if (!control.test(value)) return `'${value.replaceAll("'", `'\\''`)}'`;
	const escaped = Array.from(value, char => {
		const code = char.codePointAt(0)!;
		if (control.test(char)) return `\\x${code.toString(16).padStart(2, '0')}`;
		return char === "'" || char === '\\' ? `\\${char}` : char;
	}).join('');
	return `$'${escaped}'`;
};

export const awsIam = (command: string, args: Record<string, string>): string =>
	['aws iam', command, ...Object.entries(args).map(([flag, value]) => `--${flag} ${shellQuote(value)}`)].join(' ');
