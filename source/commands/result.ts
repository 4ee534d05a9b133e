/**
 * What a headless command prints; the CLI writes it and exits with the code. Both texts may quote the
 * account, files and arguments: they are untrusted, and reach the terminal only through the writer
 * (commands/output.ts), which sanitises them (stdout as JSON with --json).
 */
export interface CommandResult {
	stdout: string;
	/** Written after sanitising (end it with a newline), e.g. why a write was refused. */
	stderr?: string;
	exitCode?: number;
}
