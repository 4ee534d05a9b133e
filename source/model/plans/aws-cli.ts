// `aws iam …` equivalents of plan steps. Names come from the account (untrusted): anything beyond
// IAM's name characters is single-quoted, so the line is safe to paste into a shell.
const plain = /^[\w+=,.@/:-]+$/;

export const shellQuote = (value: string): string =>
	plain.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;

export const awsIam = (command: string, args: Record<string, string>): string =>
	['aws iam', command, ...Object.entries(args).map(([flag, value]) => `--${flag} ${shellQuote(value)}`)].join(' ');
